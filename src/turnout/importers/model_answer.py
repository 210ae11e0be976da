"""The JSON inside a model's answer about a page, however the model damaged it.

Asked for one JSON object, models still answer with a preamble and fences, a bare list of
events, the object encoded a second time as a JSON string, trailing commas, Python's spelling
(single quotes, True, None), or an answer cut off by the length limit. Each of these is read
for what it holds; a cut-off answer gives its complete events only, and says so. What is read
is still only a proposal: `page_confirmation` keeps the facts the page confirms.
"""

import ast
import json
import re
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext as _

from .dates import find_dates, find_time_range

# Keys that say an object is one event, when a model answers with events and no wrapper.
_EVENT_KEYS = frozenset({"city", "date", "venue", "start", "signup_url"})
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


@dataclass
class ReadAnswer:
    answer: dict | None = None
    notes: list[str] = field(default_factory=list)


def read_answer(text: str) -> ReadAnswer:
    """The answer object in `text`: {"events": [...], ...}, or None when it holds none."""
    text = _unwrapped(text)
    candidates = list(_objects_and_lists(text))
    for value in candidates:
        if isinstance(value, dict) and "events" in value:
            return ReadAnswer(value)
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
    return ReadAnswer(dicts[0] if dicts else None)


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
    for attempt in (chunk, _without_trailing_commas(chunk)):
        try:
            return json.loads(attempt)
        except (ValueError, RecursionError):
            pass
    try:  # Python's spelling: single quotes, True, False, None; literals only, never code
        value = ast.literal_eval(_without_trailing_commas(chunk))
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    return value if isinstance(value, dict | list) else None


def _without_trailing_commas(chunk: str) -> str:
    return _TRAILING_COMMA.sub(r"\1", chunk)


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
        if _is_event(value):
            events.append(value)
    return events


# -- a field written otherwise than asked ------------------------------------------------------

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def model_day(text: str, language: str | None = None) -> date | None:
    """The day a model wrote, asked for YYYY-MM-DD but given "2031-5-13", "13 May 2031",
    "13/05/2031" or "Tuesday, 13 May 2031"; None unless it names a whole day (a span gives
    its first)."""
    text = text.strip()
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
