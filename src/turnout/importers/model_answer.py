"""The JSON inside a model's answer about a page, however the model damaged it.

Asked for one JSON object, models still answer with a preamble and fences, a bare list of
events, the object encoded a second time as a JSON string, trailing commas, Python's spelling
(single quotes, True, None), comments (`//`, `/* */`), NaN, keys in another language or case,
the events nested once more, keyed by city or split over several code blocks, or an answer cut
off by the length limit.
Each of these is read for what it holds; a cut-off answer gives its complete events only, and
says so. What is read is still only a proposal: `page_confirmation` keeps the facts the page
confirms.
"""

import ast
import json
import re
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext as _

from .dates import find_dates, find_time_range
from .vocabulary import fold

# Keys that say an object is one event, when a model answers with events and no wrapper.
_EVENT_KEYS = frozenset({"city", "date", "venue", "start", "signup_url"})
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_STRING_OR_COMMENT = re.compile(
    r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|//[^\n]*|/\*.*?(?:\*/|\Z)', re.S
)


@dataclass
class ReadAnswer:
    answer: dict | None = None
    notes: list[str] = field(default_factory=list)


def read_answer(text: str) -> ReadAnswer:
    """The answer object in `text`: {"events": [...], ...}, or None when it holds none."""
    text = _unwrapped(text)
    candidates = [answer_keys(value) for value in _objects_and_lists(text)]
    wrapped = [value for value in candidates if isinstance(value, dict) and "events" in value]
    if wrapped:
        return ReadAnswer(_joined([_unnested(value) for value in wrapped]))
    for value in candidates:
        if isinstance(value, list) and any(_is_event(item) for item in value):
            return ReadAnswer({"events": value})
    if salvaged := _complete_events_of_cut_answer(text):
        note = _(
            "the model's answer breaks off; the complete events before the break (%(count)s) "
            "were read"
        ) % {"count": len(salvaged)}
        return ReadAnswer({"events": salvaged}, [note])
    events = [value for value in candidates if _is_event(value)]
    if events:
        return ReadAnswer({"events": events})
    dicts = [value for value in candidates if isinstance(value, dict)]
    if dicts and (by_city := _events_keyed_by_city(dicts[0])):
        return ReadAnswer({"events": by_city})
    return ReadAnswer(dicts[0] if dicts else None)


# -- an answer shaped otherwise than asked -----------------------------------------------------

# The keys models write for the asked ones: another case, another language, another word.
_KEY_NAMES = {
    "events": ("events", "event", "evenementen", "veranstaltungen", "termine", "evenements",
               "eventos", "события", "мероприятия", "イベント", "results", "data"),
    "title": ("title", "name", "titel", "titre", "titulo", "название"),
    "city": ("city", "town", "location_city", "stad", "plaats", "stadt", "ort_stadt", "ville",
             "ciudad", "город", "都市"),
    "country": ("country", "land", "pays", "pais", "страна", "国"),
    "venue": ("venue", "location", "place", "meeting_point", "locatie", "ort", "treffpunkt",
              "lieu", "lugar", "место", "会場"),
    "date": ("date", "day", "start_date", "datum", "fecha", "дата", "日付"),
    "last_date": ("last_date", "end_date", "einddatum", "enddatum", "date_fin", "fecha_fin"),
    "start": ("start", "start_time", "time", "begin", "tijd", "beginn", "uhrzeit", "heure",
              "hora", "время", "時間"),
    "end": ("end", "end_time", "eind", "ende", "fin"),
    "zone": ("zone", "timezone", "time_zone", "tz"),
    "signup_url": ("signup_url", "signup", "sign_up_url", "registration_url", "url", "link",
                   "aanmelden", "anmeldung", "inscription", "inscripcion", "регистрация"),
    "cancelled": ("cancelled", "canceled", "is_cancelled", "afgelast", "abgesagt", "annule",
                  "cancelado", "отменено"),
    "coordination_url": ("coordination_url", "coordination", "chat_url"),
}  # fmt: skip
_KEYS = {fold(name): key for key, names in _KEY_NAMES.items() for name in names}
# The deepest an answer is unwrapped: {"events": {"events": [...]}}.
_MOST_WRAPPINGS = 3


def answer_keys(value: object) -> object:
    """`value` with its keys, and those of its events, as asked ("Stadt", "CITY": "city");
    a key not known is kept as written."""
    if isinstance(value, list):
        return [answer_keys(item) if isinstance(item, dict) else item for item in value]
    if not isinstance(value, dict):
        return value
    renamed: dict = {}
    for key, item in value.items():
        name = _KEYS.get(fold(re.sub(r"[\s-]+", "_", str(key).strip())), key)
        if name == "events" or isinstance(item, dict | list):
            item = answer_keys(item)
        renamed.setdefault(name, item)
    return renamed


def _unnested(answer: dict) -> dict:
    """{"events": {"events": [...]}} and {"events": {"Leeds": {...}}} as asked."""
    for _depth in range(_MOST_WRAPPINGS):
        inner = answer.get("events")
        if isinstance(inner, dict) and "events" in inner:
            answer = {**inner, **{k: v for k, v in answer.items() if k != "events"}}
        elif isinstance(inner, dict):
            answer = {**answer, "events": _events_keyed_by_city(inner) or [inner]}
    return answer


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
    is an event that names no city of its own."""
    if not value or not all(_is_event(item) and "city" not in item for item in value.values()):
        return []
    return [{"city": str(city), **item} for city, item in value.items()]


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
        value = _loads_leniently(text[start : end + 1])
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
            elif char == quote:
                quote = ""
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


def _loads_leniently(chunk: str) -> object | None:
    bare = _without_comments(chunk)
    for attempt in dict.fromkeys((chunk, bare, _without_trailing_commas(bare))):
        try:
            return json.loads(attempt)
        except (ValueError, RecursionError):
            pass
    try:  # Python's spelling: single quotes, True, False, None; literals only, never code
        value = ast.literal_eval(_without_trailing_commas(bare))
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    return value if isinstance(value, dict | list) else None


def _without_trailing_commas(chunk: str) -> str:
    return _TRAILING_COMMA.sub(r"\1", chunk)


def _without_comments(chunk: str) -> str:
    """`chunk` without `// ...` and `/* ... */` comments (JSON has none; models write them),
    strings left whole: "https://..." is no comment."""
    if "//" not in chunk and "/*" not in chunk:
        return chunk
    return _STRING_OR_COMMENT.sub(lambda m: m.group() if m.group()[0] in "\"'" else "", chunk)


def _is_event(value: object) -> bool:
    return isinstance(value, dict) and bool(_EVENT_KEYS & set(value))


def _complete_events_of_cut_answer(text: str) -> list[dict]:
    """The whole event objects of an "events" list that breaks off before it ends."""
    match = re.search(r'"events"\s*:\s*\[', text[:MAX_ANSWER_CHARS])
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
        if isinstance(event, dict) and _is_event(event):
            events.append(event)
    return events


# -- a field written otherwise than asked ------------------------------------------------------

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# An ISO week date: "2027-W19-6" is the Saturday of week 19.
_ISO_WEEK_DAY = re.compile(r"(\d{4})-?W(\d{2})-?([1-7])\b", re.I)


def model_day(text: str, language: str | None = None) -> date | None:
    """The day a model wrote, asked for YYYY-MM-DD but given "2031-5-13", "13 May 2031",
    "13/05/2031", "2031-W20-2" or "Tuesday, 13 May 2031"; None unless it names a whole day (a
    span gives its first)."""
    text = text.strip()
    if match := _ISO_WEEK_DAY.match(text):
        try:
            return date.fromisocalendar(*map(int, match.groups()))
        except ValueError:
            return None
    if match := _ISO_DAY.match(text):
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    days = {
        mention.window(mention.year)[0]
        for mention in find_dates(text, language=language)
        if mention.has_day and mention.year
    }
    return days.pop() if len(days) == 1 else None


def model_clock(text: str) -> time | None:
    """The clock time a model wrote, asked for HH:MM but given "14.30", "14h", "2 PM" or
    "14:00:00"; None unless it is one time (a range gives its start)."""
    found = find_time_range(text.strip()) if text.strip() else None
    return found[0] if found else None
