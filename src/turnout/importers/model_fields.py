"""The text of each field of a model's event, however the model wrote it.

A model asked for text or null writes null as a word ("N/A", "TBD", "(none)", "neuvedeno"),
a value as a list of one, a name as a markdown link to a map ("[Uhuru Park](https://...)"),
a letter as an HTML entity ("Pla&ccedil;a"), digits of another script ("२०२७-०९-१२") or
full-width ("１４：３０"), invisible characters inside a value (zero-width
spaces, bidi marks: the city "Brno" then is no city), and a time range in the start field
("14:00-16:00", "2pm to 4pm") with no end, a citation mark glued on ("Brno [1]",
"Brno【4:0†source】", as a model with search or files cites), emoji, quotes or HTML's bold
around the value ("📍 Brno", "„Brno“", "<b>Brno</b>"). Each is read as the plain text it
stands for; whether the page says it is for `page_confirmation` to judge.
"""

import html
import json
import math
import re
import unicodedata

from .clocks import find_time_range
from .times import find_times
from .vocabulary import fold

# The longest text kept from any field of an answer.
MAX_FIELD_CHARS = 500

# What models write for "not given" where null was asked for, folded, in the languages of the
# pages they read.
_NOT_GIVEN_WORDS = (
     "", "-", "?", "n/a", "n.a", "na", "none", "null", "nil", "nothing", "unknown", "not given",
     "not stated", "not specified", "not mentioned", "not provided", "not available",
     "unspecified", "tbd", "tba", "tbc", "nan", "undefined", "onbekend", "unbekannt",
     "inconnu", "non precise", "desconocido", "no especificado", "sconosciuto", "desconhecido",
     "nieznane", "brak", "neuvedeno", "neznamo", "okand", "ej angivet", "bilinmiyor",
     "belirtilmemis", "yok", "tidak diketahui", "tidak ada", "άγνωστο", "αγνωστο",
     "неизвестно", "нет", "не вказано", "невідомо", "немає", "알 수 없음", "미정", "없음",
     "अज्ञात", "कोई नहीं", "不明", "なし", "未定", "غير معروف", "غير محدد", "okant", "ingen",
     "necunoscut", "nespecificat", "niciunul", "haijulikani", "haijatajwa", "hakuna",
     "tidak disebutkan", "नहीं दिया गया", "उल्लेख नहीं", "記載なし", "nezname", "zadne")  # fmt: skip
NOT_GIVEN = frozenset(fold(word) for word in _NOT_GIVEN_WORDS)
# Around a word for null: "(none)", "<unknown>", "—", "'N/A'".
_AROUND_NOTHING = " .()[]<>{}-–—_*\"'`«»“”"
# Characters that show nothing: zero-width spaces, joiners, bidi marks and isolates, the BOM,
# the soft hyphen. (The zero-width joiners that Indic and Persian script need are kept.)
_INVISIBLE = {
    ord(c): None
    for c in "\u00ad\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
}


def without_invisible(text: str, *, keep_soft_hyphens: bool = False) -> str:
    """`text` without the characters that show nothing (which no page's value needs); soft
    hyphens kept where they may be half of a misread "í" (`_unmangled` reads it first)."""
    return text.translate(_INVISIBLE_BUT_SOFT_HYPHENS if keep_soft_hyphens else _INVISIBLE)


_INVISIBLE_BUT_SOFT_HYPHENS = {k: v for k, v in _INVISIBLE.items() if k != ord("\u00ad")}


def field_text(value: object) -> str:
    """A field's text; a number as written ("14" for 14), a list of one as its item, a word
    for null as nothing."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, float) and not math.isfinite(value):
        return ""  # NaN or Infinity, which Python's JSON reads: not a value
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        value = _unescaped(value[:MAX_FIELD_CHARS])
        if "&" in value and _ENTITY.search(value):
            value = html.unescape(value)  # "Pla&ccedil;a del Vi", as a web page's source has it
        # Mended before spaces and invisible characters go: "í" misread is "Ã" and a soft hyphen.
        text = " ".join(without_invisible(_unmangled(value[:MAX_FIELD_CHARS])).split())
        text = _without_pictographs_around(_CITATION.sub("", _BOLD_TAGS.sub("", text)))
        if match := _EMPHASIZED.fullmatch(text):
            text = match.group(2).strip()  # "**Brno**", "`15:00`": markdown around a value
        if match := _QUOTED.fullmatch(text):
            text = match.group(1).strip()  # "\"náměstí Svobody\"": quotes around a value
        return "" if fold(text).strip(_AROUND_NOTHING) in NOT_GIVEN else text
    return ""


# A character written as an HTML entity: "&ccedil;", "&#231;", "&#xE7;".
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")

# A whole value written as a markdown link: "[Uhuru Park](https://maps.example/uhuru)".
_LINKED = re.compile(r"\[([^\]\n]+)\]\(\s*<?\S+?>?\s*\)")


def link_text(text: str) -> str:
    """A name the model wrote as a markdown link, as its words alone: the link goes to a map or
    an encyclopedia, never to what the page names the place."""
    match = _LINKED.fullmatch(text)
    return match.group(1).strip() if match else text


# "Malm\\u00f6": a value whose letters the model escaped once more than JSON does.
_ESCAPES = re.compile(r"(?:\\u[0-9a-fA-F]{4})+")
# What no database stores: half of a character (a lone surrogate), and NUL.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unescaped(text: str) -> str:
    """`text` with "\\u00f6" as "ö", and without what no database stores (a lone "\\ud83d",
    escaped as JSON allows, is half a character)."""
    if "\\u" in text:
        text = _ESCAPES.sub(lambda m: json.loads(f'"{m.group()}"'), text)
    return _UNSTORABLE.sub("", text)


# Citation marks a model with search or files glues to a value: "[1]", "[1, 2]", "[^1]",
# "【4:0†source】" (OpenAI's file search), "[source: 3]".
_CITATION = re.compile(r"(?:\s*(?:\[\^?\d{1,3}(?:\s*,\s*\d{1,3})*\]|【[^】\n]{0,80}】"
                       r"|\[(?:source|src|cite|ref)[^\]\n]{0,40}\]))+$", re.I)  # fmt: skip


def _without_pictographs_around(text: str) -> str:
    """`text` without the emoji a chatty model puts before or after a value ("📍 Brno",
    "🇨🇿 Brno", "Brno ✅")."""
    start = next((i for i, c in enumerate(text) if not _is_pictograph(c)), len(text))
    end = next((i for i in range(len(text), start, -1) if not _is_pictograph(text[i - 1])), start)
    return text[start:end]


def _is_pictograph(c: str) -> bool:
    return c.isspace() or c in "\u200d\ufe0f" or unicodedata.category(c) == "So"


# HTML's inline marks around words: "<b>Brno</b>" (but not "<https://…>", a link).
_BOLD_TAGS = re.compile(r"</?(?:b|i|em|strong|u|mark|span|small|code)\b[^<>]{0,80}>", re.I)
# A whole value in quotes: "\"Brno\"", "„Brno“", "«Brno»", "「天神中央公園」".
_QUOTED = re.compile(r"[\"'“„«「『](.+)[\"'”“»」』]", re.S)
# A value wrapped in markdown's emphasis or code marks.
_EMPHASIZED = re.compile(r"(\*{1,3}|_{1,3}|`)(.+?)\1", re.S)
# A UTF-8 lead byte read as Windows-1252 or Latin-1, then a continuation byte: "Ã¶" for "ö".
_MOJIBAKE_LEAD = re.compile(r"[\u00c2-\u00f4][\x80-\xbf\u0152-\u2122]")


def _unmangled(text: str) -> str:
    """`text` decoded again where its UTF-8 was read as Windows-1252 or Latin-1 ("MalmÃ¶");
    text that is no such misreading never decodes as UTF-8 so, and is kept."""
    if not _MOJIBAKE_LEAD.search(text):
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return text


def clock_digits(text: str) -> str:
    """A time written as four digits ("1500", "0930", "1500h", "1500 hrs") as "15:00", one
    after Romanian's "at the hour" ("ora 12", "la ora 12:30") as the clock; other text as it
    is."""
    if at_the_hour := _AT_THE_HOUR.match(text):
        text = text[at_the_hour.end() :].strip()
        if text.isdigit() and int(text) < 24:
            return f"{int(text):02}:00"  # "ora 12": the hour alone
    match = _FOUR_DIGITS.fullmatch(text.strip())
    if match and int(match.group(1)[:2]) < 24 and int(match.group(1)[2:]) < 60:
        return f"{match.group(1)[:2]}:{match.group(1)[2:]}"
    return text


# Romanian's "at the hour" before a clock, which the rules' clock reading does not know.
_AT_THE_HOUR = re.compile(r"^\s*(?:la\s+)?(?:ora|orele)\s+(?=\d)", re.I)
# A time as the military and timetables write it: four digits, an "h" or "hrs" after.
_FOUR_DIGITS = re.compile(r"(\d{4})(?:\s*(?:h|hrs?|hours|uhr)\.?)?", re.I)


# "Yes" as models write it for true, in the languages of the pages they read.
_YES_WORDS = frozenset({"true", "yes", "1", "ja", "oui", "sí", "si", "да", "tak", "sim", "evet",
                        "예", "네", "हाँ", "हां", "ναι"})  # fmt: skip


def is_yes(value: object) -> bool:
    """A "cancelled" written true, also as text ("true", "yes") or 1."""
    if isinstance(value, str):
        return value.strip().casefold() in _YES_WORDS
    return value is True or (type(value) is int and value == 1)


def ascii_digits(text: str) -> str:
    """`text` with digits of any script as 0-9: "२०२७-०९-१२" is "2027-09-12", and the
    full-width signs between them as an East Asian keyboard types them: "１４：３０" is "14:30"."""
    if text.isascii():
        return text
    text = text.translate(_FULL_WIDTH_SIGNS)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


_FULL_WIDTH_SIGNS = str.maketrans("：．－／～", ":.-/~")


def start_and_end(start: str, end: str) -> tuple[str, str]:
    """The start and end fields, a time range in the start (and no end) given as both."""
    if end or not start:
        return start, end
    found = find_time_range(start)
    if found is not None and found[1] is not None:
        return found[0].strftime("%H:%M"), found[1].strftime("%H:%M")
    span = find_times(start)
    if span is not None and span.ends is not None:
        return span.starts.strftime("%H:%M"), span.ends.strftime("%H:%M")
    return start, end
