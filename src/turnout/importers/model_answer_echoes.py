"""What in a model's answer is no reading of the page: the schema or the prompt's shape echoed
back ({"type": "object", "properties": ...}, {"city": "string", "date": "YYYY-MM-DD"}), an
error object where the events should be, or words alone (a refusal, an apology). The echoes are
left out unsaid; an error or words alone are quoted to the importer, who then knows why the
model gave nothing."""

import html
import re

from django.utils.translation import gettext as _

from .vocabulary import fold

# The values a template gives its fields: type names, the formats asked for, ellipses.
_PLACEHOLDERS = frozenset(
    {"string", "str", "text", "null", "none", "boolean", "bool", "number", "integer", "int",
     "url", "uri", "date", "time", "yyyy-mm-dd", "hh:mm", "...", "…", "string|null",
     "string | null", "string or null", "true|false", "true/false", "true or false",
     "null|string", "boolean|null"}
)  # fmt: skip
# "<city>", "[venue]", "{date}": a field's name standing for its value.
_STAND_IN = re.compile(r"^[<\[{].{1,40}[>\]}]$")
# The keys of a JSON schema: an object that has them describes values, it holds none.
_SCHEMA_KEYS = frozenset({"$schema", "properties", "additionalProperties", "required"})
# Keys an error object or a refusal puts its words under.
_ERROR_KEYS = ("error", "errors", "refusal", "detail", "message")
# The most of a refusal or an error quoted back.
_QUOTED_CHARS = 160


def is_template(value: object) -> bool:
    """Whether `value` is the schema or the answer's shape echoed back, not an answer."""
    if isinstance(value, dict) and (
        _SCHEMA_KEYS & set(value) and "type" in value or value.get("type") == "array"
    ):
        return True
    if isinstance(value, dict) and "events" in value:
        events = value["events"]
        return isinstance(events, list) and bool(events) and all(map(_is_placeholder_event, events))
    if isinstance(value, list) and value:
        return all(_is_placeholder_event(event) for event in value)
    return _is_placeholder_event(value)


def _is_placeholder_event(value: object) -> bool:
    """Whether every field is a placeholder, and one at least says a type or a format (an
    event of nulls only is an empty event, not an echo)."""
    if not isinstance(value, dict) or not value:
        return False
    if "type" in value and _SCHEMA_KEYS & set(value):
        return True
    values = list(value.values())
    return all(map(_is_placeholder, values)) and any(map(_says_a_type, values))


def _says_a_type(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, str) and bool(value.strip()))


def _is_placeholder(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, dict):
        return "type" in value  # {"type": ["string", "null"]}, as the schema writes a field
    if isinstance(value, list):
        return all(_is_placeholder(item) for item in value)
    if not isinstance(value, str):
        return False
    text = value.strip()
    return fold(text) in _PLACEHOLDERS or bool(_STAND_IN.match(text)) or not text


def error_notes(answer: dict) -> list[str]:
    """A note quoting the error or refusal an answer without events holds instead."""
    for key in _ERROR_KEYS:
        value = answer.get(key)
        if isinstance(value, dict):
            value = value.get("message") or value.get("detail") or value.get("type")
        if isinstance(value, list) and value:
            value = value[0].get("message") if isinstance(value[0], dict) else value[0]
        if isinstance(value, str) and value.strip():
            return [
                _("the model answered with an error instead of events: “%(error)s”; the page "
                  "was read by the rules alone")
                % {"error": _quoted(value)}
            ]  # fmt: skip
    return []


def echo_note() -> str:
    return _(
        "the model's answer only repeats the shape it was asked for, with no events; the page "
        "was read by the rules alone"
    )


def words_only_note(text: str) -> str:
    """What to say of an answer of words alone, which holds no JSON at all."""
    return _(
        "the model's answer holds no JSON object, only words: “%(words)s”; the page was read "
        "by the rules alone"
    ) % {"words": _quoted(text)}


# A web page where the answer should be: a proxy's or gateway's error page passed on as the
# model's words ("<!DOCTYPE html>...<title>502 Bad Gateway</title>").
_WEB_PAGE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def web_page_note(text: str) -> str | None:
    """What to say of an answer that is a web page (an error page passed on), or None."""
    if not _WEB_PAGE.match(text[:1_000]):
        return None
    title = _TITLE.search(text[:20_000])
    words = re.sub(r"<[^>]*>", " ", title.group(1)) if title else ""
    return _(
        "the model's answer is a web page (“%(title)s”), not an answer; the page was read by "
        "the rules alone"
    ) % {"title": _quoted(html.unescape(words)) or "?"}


def _quoted(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _QUOTED_CHARS else words[: _QUOTED_CHARS - 1] + "…"
