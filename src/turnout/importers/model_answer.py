"""The JSON inside a model's answer about a page, however the model damaged it.

Asked for one JSON object, models still answer with a preamble and fences, a bare list of
events or one object a line, the object encoded a second time as a JSON string, JSON damaged
as text (`model_answer_json`: trailing commas, Python's spelling, keys without quotes,
comments, typographic quotes, a key given twice, escaped once more), keys in another language
or case (`model_answer_keys`), the events nested once more (under "items", "output",
events[0]["events"]), wrapped in a tool call or another object, keyed by city or by number or
split over several code blocks, a reasoning block (`<think>`) with drafts before the answer,
the schema echoed before it (`model_answer_echoes`), YAML, TOML or a table instead of JSON
(`model_answer_formats`), Python's spelling with its dates as objects (`model_answer_python`),
the events as lists in a list or as a table of lists (its first row the fields' names), a
proxy's stream of "data:" chunks passed on as the answer, half the object and then the whole of
it, or an answer cut off by the length limit. Each of these is read for what it holds; a
cut-off answer gives its complete events only (in YAML or a table, all but its last), and says
so, as is an error object, a web page or words alone in place of events. What is read is
still only a proposal: `page_confirmation` keeps the facts the page confirms.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext as _

from .dates import find_dates, find_time_range
from .model_answer_echoes import (
    echo_note,
    error_notes,
    is_template,
    web_page_note,
    words_only_note,
)
from .model_answer_formats import json_table_rows, other_format_values
from .model_answer_json import conflict_notes, loads_leniently, readable_text, straightened
from .model_answer_keys import MOST_WRAPPINGS, answer_keys
from .model_day_parts import clock_with_day_part
from .times import find_times

# Keys that say an object is one event, when a model answers with events and no wrapper.
_EVENT_KEYS = frozenset({"city", "date", "venue", "start", "signup_url"})
_EVENTS_LIST = re.compile(r'"events"\s*:\s*\[')


@dataclass
class ReadAnswer:
    answer: dict | None = None
    notes: list[str] = field(default_factory=list)
    is_other_format: bool = False  # read from YAML, TOML, a table or lines of fields


def read_answer(text: str, *, is_cut_off: bool = False) -> ReadAnswer:
    """The answer object in `text`: {"events": [...], ...}, or None when it holds none. An
    answer the length limit cut off (`is_cut_off`) in another format than JSON gives its events
    but the last, whose last value may be cut short ("venue: площа" of "площа Ринок")."""
    read = _read_whole(text)
    if is_cut_off and read.is_other_format and read.answer is not None:
        events = read.answer["events"][:-1]
        read.notes.append(
            _("the model's answer breaks off at its length limit; its last event, whose last "
              "value may be cut short, is left out")
        )  # fmt: skip
        read.answer = {**read.answer, "events": events} if events else None
    return read


def _read_whole(text: str) -> ReadAnswer:
    written = readable_text(text)
    text = _unwrapped(_without_reasoning(written))
    read = _read(text)
    if read.answer is None and (straight := straightened(text)):
        # Quotes typed as “ ” all over: the brackets inside them were taken for text.
        again = _read(straight)
        read = again if again.answer is not None else read
    read.notes += conflict_notes(read.answer)
    if read.answer is not None and not read.answer.get("events"):
        if errors := error_notes(read.answer):
            read.answer, read.notes = None, [*read.notes, *errors]
    elif read.answer is None and not read.notes and (page := web_page_note(written)):
        read.notes.append(page)  # a gateway's error page passed on as the answer
    elif read.answer is None and not read.notes and _is_words_only(written):
        read.notes.append(words_only_note(written))  # a refusal, an apology
    return read


def _is_words_only(text: str) -> bool:
    """Whether an answer is words alone: no bracket, no JSON value ("null", "3")."""
    if re.search(r"[{\[]", text) or not re.search(r"[^\W\d_]", text):
        return False
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


def _read(text: str) -> ReadAnswer:
    values = [answer_keys(value) for value in _objects_and_lists(text)]
    values = [{"events": rows} if (rows := json_table_rows(v)) else v for v in values]
    candidates = [value for value in values if not is_template(value)]
    if values and not candidates:
        return ReadAnswer(None, [echo_note()])
    wrapped = [value for value in candidates if isinstance(value, dict) and "events" in value]
    if wrapped:
        return ReadAnswer(_joined([_unnested(value) for value in wrapped]))
    for value in candidates:
        if isinstance(value, list) and any(_is_event(item) for item in value):
            return ReadAnswer({"events": value})
    if inner := _answer_inside(candidates):
        return ReadAnswer(_unnested(inner))
    if salvaged := _complete_events_of_cut_answer(text):
        note = _(
            "the model's answer breaks off; the complete events before the break (%(count)s) "
            "were read"
        ) % {"count": len(salvaged)}
        if len(text) > MAX_ANSWER_CHARS:  # not cut off, but longer than is ever read
            note = _(
                "the model's answer is longer than %(chars)s characters; the complete events "
                "in them (%(count)s) were read"
            ) % {"count": len(salvaged), "chars": MAX_ANSWER_CHARS}
        return ReadAnswer({"events": salvaged}, [note])
    events = [value for value in candidates if _is_event(value)]
    if events:
        return ReadAnswer({"events": events})
    dicts = [value for value in candidates if isinstance(value, dict)]
    if dicts and (by_city := _events_keyed_by_city(dicts[0])):
        return ReadAnswer({"events": by_city})
    if not dicts and (other := _events_in_other_formats(text)):
        return ReadAnswer({"events": other}, is_other_format=True)
    if not dicts and _EVENTS_LIST.search(text[:MAX_ANSWER_CHARS]):
        note = _(
            "the model's answer breaks off before its first event is complete; the page "
            "was read by the rules alone"
        )
        return ReadAnswer(None, [note])
    return ReadAnswer(dicts[0] if dicts else None)


# Where a model writes out its reasoning before the answer; events in it are drafts. A model
# speaking OpenAI's "harmony" format reasons in its "analysis" channel, answers in "final".
_REASONING_START = re.compile(r"<(?:think|thinking|reasoning|thought)>|<\|channel\|>analysis", re.I)
_REASONING_END = re.compile(
    r"</(?:think|thinking|reasoning|thought)>|<\|channel\|>final<\|message\|>", re.I
)


def _without_reasoning(text: str) -> str:
    """The answer after the model's reasoning (or before a reasoning block never closed)."""
    ends = list(_REASONING_END.finditer(text[:MAX_ANSWER_CHARS]))
    if ends:
        return text[ends[-1].end() :]
    if start := _REASONING_START.search(text[:MAX_ANSWER_CHARS]):
        return text[: start.start()]
    return text


def _events_in_other_formats(text: str) -> list[dict]:
    """The events of an answer in YAML, TOML or a table, as JSON's would be read."""
    for value in other_format_values(text[:MAX_ANSWER_CHARS]):
        value = answer_keys(value)
        if isinstance(value, dict) and isinstance(value.get("events"), list | dict):
            value = _unnested(value)["events"]
        elif _is_event(value):
            value = [value]  # one event's fields, one to a line ("city: Utrecht")
        if isinstance(value, list):
            found = [item for item in value if _is_event(item) and not is_template(item)]
            if found:
                return found
    return []


# -- an answer shaped otherwise than asked -----------------------------------------------------


def _answer_inside(values: list) -> dict | None:
    """The first answer object wrapped in another, a few levels down: {"response": {"events":
    ...}}, a tool call's {"arguments": "{\\"events\\": ...}"} (JSON in a string), [{...}]."""
    queue, visits = [(value, 0) for value in values], 0
    while queue and visits < MAX_ATTEMPTS:
        value, depth = queue.pop(0)
        visits += 1
        if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
            value = answer_keys(loads_leniently(value[:MAX_ANSWER_CHARS]))
        if isinstance(value, dict) and "events" in value and depth:
            return value
        if isinstance(value, list) and depth and any(_is_event(item) for item in value):
            return {"events": value}  # under a key of its own: "items", "output", "records"
        if depth < _DEEPEST_INSIDE and isinstance(value, dict | list):
            items = value.values() if isinstance(value, dict) else value
            queue += [(item, depth + 1) for item in list(items)[:MAX_ATTEMPTS]]
    return None


# How deep an answer is looked for inside another: a tool call as the API writes it,
# {"tool_calls": [{"function": {"arguments": "{...}"}}]}, is four levels down; inside the
# whole completion passed on as the answer ({"choices": [{"message": ...}]}), seven.
_DEEPEST_INSIDE = 8


def _unnested(answer: dict) -> dict:
    """{"events": {"events": [...]}}, {"events": {"Leeds": {...}}} and {"events": "[...]"}
    as asked."""
    for _depth in range(MOST_WRAPPINGS):
        inner = answer.get("events")
        if isinstance(inner, str) and inner.lstrip()[:1] in ("{", "["):
            inner = answer_keys(loads_leniently(inner[:MAX_ANSWER_CHARS]))
            answer = {**answer, "events": inner if isinstance(inner, dict | list) else []}
        if isinstance(inner, dict) and "events" in inner:
            answer = {**inner, **{k: v for k, v in answer.items() if k != "events"}}
        elif isinstance(inner, dict):
            listed = [v for v in inner.values() if isinstance(v, list) and any(map(_is_event, v))]
            # {"events": {"list": [...], "count": 2}}: the list it holds
            events = listed[0] if len(listed) == 1 and not _is_event(inner) else None
            answer = {**answer, "events": events or _events_keyed_by_city(inner) or [inner]}
        elif rows := json_table_rows(inner):  # [["city", "date"], ["Leeds", ...]]
            answer = {**answer, "events": rows}
        elif isinstance(inner, list) and any(isinstance(item, list) for item in inner):
            # {"events": [[{...}], [{...}]]}: each inner list's events, in order
            flat = [e for item in inner for e in (item if isinstance(item, list) else [item])]
            answer = {**answer, "events": flat}
        elif isinstance(inner, list) and any(_holds_events(item) for item in inner):
            # {"events": [{"events": [...]}, ...]}: each group's events, in order
            flat = [e for item in inner
                    for e in (item["events"] if _holds_events(item) else [item])]  # fmt: skip
            answer = {**answer, "events": flat}
    return answer


def _holds_events(value: object) -> bool:
    if not isinstance(value, dict) or _is_event(value):
        return False
    return isinstance(value.get("events"), list)


def _joined(answers: list[dict]) -> dict:
    """One answer of several (a code block per city): their events in order."""
    if len(answers) == 1:
        return answers[0]
    events = [e for answer in answers if isinstance(answer.get("events"), list)
              for e in answer["events"]]  # fmt: skip
    link = next((a["coordination_url"] for a in answers if a.get("coordination_url")), None)
    return {"events": events, "coordination_url": link}


def _events_keyed_by_city(value: dict) -> list[dict]:
    """{"Leeds": {"date": ...}, "Sheffield": {...}}: an event for each city, when every value
    is an event; the key is the city of one that names none ({"0": {...}, "event_1": {...}}
    name their own)."""
    if not value or not all(_is_event(item) for item in value.values()):
        return []
    return [item if "city" in item else {"city": str(key), **item} for key, item in value.items()]


def _unwrapped(text: str) -> str:
    """The answer's text, decoded once more if the model sent the object as a JSON string."""
    stripped = text.strip()
    if stripped.startswith('"'):
        try:
            inner = json.loads(stripped)
        except ValueError:
            return text
        if isinstance(inner, str):
            return inner
    return text


# Bounds on what a damaged answer may cost: the text looked at, and the chunks tried.
MAX_ANSWER_CHARS = 200_000
MAX_ATTEMPTS = 300


def _objects_and_lists(text: str):
    """Every outermost {...} and [...] in `text` that reads as JSON (or nearly), in order; the
    ones inside a chunk that does not read are tried in turn."""
    skip_until, attempts = 0, 0
    for start, end in _bracket_pairs(text[:MAX_ANSWER_CHARS]):
        if start < skip_until:
            continue
        attempts += 1
        if attempts > MAX_ATTEMPTS:
            return
        value = loads_leniently(text[start : end + 1])
        if value is not None:
            yield value
            skip_until = end + 1


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Each bracket that closes, with where, by start; strings skipped. One pass."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []  # the brackets open so far, and where
    quote, escaped, last_sign = "", False, ""
    for index, char in enumerate(text):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote or char == "\n":
                quote = ""  # a JSON string never holds a line break: one cut off ends there
            continue
        if stack and (char == '"' or (char == "'" and last_sign in ("{", "[", ":", ","))):
            # Strings inside brackets only (the chatter around them quotes as it likes); a
            # single quote opens one only where a value may start, not in "don't".
            quote = char
        elif char in "{[":
            stack.append((index, char))
        elif char in "}]":
            opener = "{" if char == "}" else "["
            while stack and stack[-1][1] != opener:
                stack.pop()  # an opening that never closed
            if stack:
                pairs.append((stack.pop()[0], index))
        if not char.isspace():
            last_sign = char if char in "{[:,}]" else "x"
    return sorted(pairs)


def _is_event(value: object) -> bool:
    return isinstance(value, dict) and bool(_EVENT_KEYS & set(value))


def _complete_events_of_cut_answer(text: str) -> list[dict]:
    """The whole event objects of an "events" list that breaks off before it ends."""
    match = _EVENTS_LIST.search(text[:MAX_ANSWER_CHARS])
    if match is None:
        return []
    decoder = json.JSONDecoder()
    position, events = match.end(), list[dict]()
    while len(events) < MAX_ATTEMPTS:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        try:
            value, position = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):
            break
        event = answer_keys(value)
        if isinstance(event, dict) and _is_event(event) and not is_template(event):
            events.append(event)
    return events


# -- a field written otherwise than asked ------------------------------------------------------

# Year, month, day: "2027-06-12", "2027/06/12", "2027.06.12", "20270612".
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})(\d{2})(\d{2})$")
# "12-Jun-2027", as logs and spreadsheets write a day.
_HYPHENED_DAY = re.compile(r"(\d{1,2})-([^\W\d]{3,})-(\d{4})\b")
# An ISO week date: "2027-W19-6" is the Saturday of week 19.
_ISO_WEEK_DAY = re.compile(r"(\d{4})-?W(\d{2})-?([1-7])\b", re.I)


def model_day(text: str, language: str | None = None) -> date | None:
    """The day a model wrote, asked for YYYY-MM-DD but given "2031-5-13", "2031/05/13",
    "13 May 2031", "13-May-2031", "13/05/2031", "2031-W20-2" or "Tuesday, 13 May 2031"; None
    unless it names a whole day (a span gives its first)."""
    text = text.strip()
    if match := _ISO_WEEK_DAY.match(text):
        try:
            return date.fromisocalendar(*map(int, match.groups()))
        except ValueError:
            return None
    if match := _ISO_DAY.match(text):
        try:
            return date(*(int(part) for part in match.groups() if part))
        except ValueError:
            return None
    text = _HYPHENED_DAY.sub(r"\1 \2 \3", text)
    days = {
        mention.window(mention.year)[0]
        for mention in find_dates(text, language=language)
        if mention.has_day and mention.year
    }
    return days.pop() if len(days) == 1 else None


def model_clock(text: str) -> time | None:
    """The clock time a model wrote, asked for HH:MM but given "14.30", "14h", "2 PM",
    "14:00:00", "noon", "午後3時" or "2:00 μ.μ." (`model_day_parts`); None unless it is one
    time (a range gives its start)."""
    if not text.strip():
        return None
    if (clock := clock_with_day_part(text)) is not None:
        return clock  # "2:00 μ.μ.", "8:00 בערב": the afternoon its word says
    found = find_time_range(text.strip())
    if found:
        return found[0]
    span = find_times(text.strip())  # the words of a clock the rules read on pages
    return span.starts if span is not None else None
