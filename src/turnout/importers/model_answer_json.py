"""A chunk of a model's answer read as JSON, however the model damaged it.

JSON as models write it: trailing commas, comments (`//`, `/* */`, `#`), keys without quotes,
Python's spelling (single quotes, True, None), typographic quotes (“city”: “Brno”), the
full-width colons and commas of an East Asian keyboard, a key given twice, and the whole answer
escaped once more (`{\\"events\\": ...}`, `{&quot;events&quot;: ...}`) or strewn with invisible
characters. Each is read for the values it holds, and nothing is ever run.
"""

import html
import json
import re

from django.utils.translation import gettext as _

from turnout.translation.completions import joined_stream

from .model_answer_formats import with_quoted_keys
from .model_answer_python import python_literal
from .model_fields import field_text, without_invisible

_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
# A key without its quotes, as JavaScript writes one: `{city: "Utrecht"`, `, date:`.
_BARE_KEY = re.compile(r"[{,]\s*[^\W\d][\w-]*\s*:")
_STRING_OR_COMMENT = re.compile(
    r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|//[^\n]*|#[^\n]*|/\*.*?(?:\*/|\Z)', re.S
)
# Typographic double quotes, and the full-width signs of JSON.
_CURLY_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "＂": '"'})
_TYPOGRAPHIC = "“”„‟＂：，"
_FULL_WIDTH = str.maketrans({"：": ":", "，": ",", "｛": "{", "｝": "}", "［": "[", "］": "]"})
# An object or list whose quotes are all escaped: `{\"events\": [...]}`.
_ESCAPED_OPENING = re.compile(r'[{\[,]\s*\\"')
_PLAIN_OPENING = re.compile(r'[{\[,]\s*"')


def readable_text(text: str) -> str:
    """The answer's text without invisible characters, and unescaped once where the model
    escaped all of it (as HTML, or as the inside of a JSON string)."""
    text = _unstreamed(without_invisible(text, keep_soft_hyphens=True))
    if "&quot;" in text and not _PLAIN_OPENING.search(text):
        text = html.unescape(text)
    if _ESCAPED_OPENING.search(text) and not _PLAIN_OPENING.search(text):
        text = text.replace('\\"', '"')
    if "{" not in text and "[" not in text:
        text = text.translate(_FULL_WIDTH)
    return text


def _unstreamed(text: str) -> str:
    """The text a stream of server-sent events carries, where a proxy passed the stream itself
    on as the answer ("data: {"choices": [{"delta": {"content": "{\\"ev"}}]}" a line)."""
    if not text.lstrip().startswith("data:") or '"choices"' not in text[:2_000]:
        return text
    try:
        joined = joined_stream(text.encode())
        if "error" in joined:  # the stream broke off in an error: that error is the answer
            return json.dumps({"error": joined["error"]}, ensure_ascii=False)
        return str(joined["choices"][0]["message"]["content"])
    except (ValueError, KeyError, IndexError, TypeError):
        return text  # no chunks, or chunks that do not read: the text as it is


class ConflictingValues(str):
    """A key the model gave twice with different values: read as not given (""), and said."""

    key: str = ""
    values: tuple[object, ...] = ()


def loads_leniently(chunk: str) -> object | None:
    """The value of `chunk` read as JSON, mended as little as it needs; None if it is none."""
    value = _mended_loads(chunk)
    if value is None and any(sign in chunk for sign in _TYPOGRAPHIC):
        # Typographic quotes may be a value's own ("title": "„Pause“"): replaced only when
        # the answer does not read otherwise.
        value = _mended_loads(chunk.translate(_CURLY_QUOTES).translate(_FULL_WIDTH))
    return value


def straightened(text: str) -> str:
    """`text` with typographic quotes and full-width signs as JSON's, or "" if it has none."""
    if not any(sign in text for sign in _TYPOGRAPHIC):
        return ""
    return text.translate(_CURLY_QUOTES).translate(_FULL_WIDTH)


def _mended_loads(chunk: str) -> object | None:
    try:
        return json.loads(chunk, object_pairs_hook=_object_of_pairs)
    except ValueError:
        pass
    except RecursionError:
        return None  # nested too deep: no mending makes it shallower, and each costs a pass
    bare = _without_comments(chunk)
    mended = _TRAILING_COMMA.sub(r"\1", bare)
    attempts = [chunk, bare, mended]
    if _BARE_KEY.search(mended):
        mended = with_quoted_keys(mended)  # `{city: "Utrecht"}`, as JavaScript writes it
        attempts.append(mended)
    for attempt in dict.fromkeys(attempts):
        try:
            return json.loads(attempt, object_pairs_hook=_object_of_pairs)
        except (ValueError, RecursionError):
            pass
    # Python's spelling: single quotes, True, False, None; literals only, never code.
    value = python_literal(mended, _object_of_pairs)
    if value is None and "'" in mended and _APOSTROPHE.search(mended):
        # 'Palazzo d'Accursio', 'Sant'Ambrogio': an apostrophe between letters ends no string.
        value = python_literal(_APOSTROPHE.sub(r"\\'", mended), _object_of_pairs)
    return value


# An apostrophe inside a word, which a single-quoted string in Python's spelling leaves bare.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def _without_comments(chunk: str) -> str:
    """`chunk` without `// ...`, `# ...` and `/* ... */` comments (JSON has none; models write
    them), strings left whole: "https://..." and "https://signal.group/#..." are no comment."""
    if "//" not in chunk and "/*" not in chunk and "#" not in chunk:
        return chunk
    return _STRING_OR_COMMENT.sub(lambda m: m.group() if m.group()[0] in "\"'" else "", chunk)


def _object_of_pairs(pairs: list[tuple[str, object]]) -> dict:
    """An object whose keys may repeat: two lists are joined (two "events"), a value stands
    over a null, and two different values are neither (`ConflictingValues`)."""
    found: dict = {}
    for key, value in pairs:
        if key not in found:
            found[key] = value
            continue
        old = found[key]
        if isinstance(old, list) and isinstance(value, list):
            found[key] = old + value
        elif _is_nothing(old) and not isinstance(old, ConflictingValues):
            found[key] = value
        elif _is_nothing(value) or value == old or isinstance(old, dict | list):
            continue
        elif not isinstance(value, dict | list):
            conflict = ConflictingValues("")
            conflict.key = key
            conflict.values = (*getattr(old, "values", (old,)), value)
            found[key] = conflict
    return found


def _is_nothing(value: object) -> bool:
    return value is None or (not isinstance(value, dict | list | bool) and not field_text(value))


# The most values looked at for conflicts in one answer.
_MOST_VALUES = 5_000


def conflict_notes(answer: object) -> list[str]:
    """A note for each key of `answer` the model gave twice with different values."""
    notes: list[str] = []
    stack, seen = [answer], 0
    while stack and seen < _MOST_VALUES:
        value = stack.pop()
        seen += 1
        if isinstance(value, dict):
            stack += list(value.values())
        elif isinstance(value, list):
            stack += value
        elif isinstance(value, ConflictingValues):
            shown = ", ".join(f"“{str(item)[:80]}”" for item in value.values[:4])
            notes.append(
                _("the model's answer gives “%(key)s” twice with different values (%(values)s); "
                  "neither is taken")
                % {"key": value.key[:80], "values": shown}
            )  # fmt: skip
    return list(dict.fromkeys(notes))
