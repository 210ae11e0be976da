"""How long a faithful translation is for a language pair, and how its sentences are counted.

A model that stops early, or adds a sentence of its own, keeps every placeholder and every
markdown marker; only the amount of text and the number of sentences give it away.
"""

import re
import unicodedata
from dataclasses import dataclass

from .markdown_shape import front_matter_text
from .placeholders import PLACEHOLDER

# Characters a text takes in a language for what English says in one: rough means over parallel
# corpora (EU and UN texts, software catalogues). German, Dutch and the Romance languages run
# longer than English; Chinese, Japanese and Korean far shorter. Unknown languages count as 1.
EXPANSION = {
    "en": 1.0,
    "de": 1.25,
    "nl": 1.15,
    "fr": 1.18,
    "es": 1.15,
    "ca": 1.12,
    "it": 1.12,
    "pt": 1.12,
    "ro": 1.12,
    "sv": 1.02,
    "da": 1.02,
    "nb": 1.02,
    "no": 1.02,
    "fi": 1.08,
    "et": 1.0,
    "pl": 1.1,
    "cs": 1.0,
    "sk": 1.0,
    "hu": 1.1,
    "ru": 1.1,
    "uk": 1.1,
    "bg": 1.1,
    "el": 1.18,
    "tr": 1.05,
    "ar": 0.95,
    "he": 0.85,
    "fa": 0.95,
    "hi": 1.05,
    "id": 1.15,
    "vi": 1.1,
    "th": 0.95,
    "zh": 0.32,
    "ja": 0.45,
    "ko": 0.5,
}
# Around the expected length: a faithful translation stays within these factors of it (German
# at +30 % is well inside); one cut to half its length falls below.
SHORTEST, LONGEST = 0.65, 1.5
# Characters of slack for short texts, where one idiom ("Take action" / "Actie") moves the ratio
# a lot; more room above than below, as short texts grow more often than they shrink.
SLACK_BELOW, SLACK_ABOVE = 10, 20

_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)*")
_EMPHASIS = re.compile(r"[*_~|]+")
_SPACE = re.compile(r"\s+")

# Also the Arabic question mark, the Devanagari danda, the Urdu, Armenian, Ethiopic and
# Burmese full stops.
_TERMINAL = ".!?…؟।۔։።။"
_CJK_TERMINAL = "。！？"
# Closing marks that may follow a sentence's final punctuation, and opening ones before a new
# sentence's first letter.
_CLOSING = "\"'”’»›)]*_“\u200e\u200f\u061c"
_CLOSING_QUOTES = "\"'”’»›“"
_OPENING = "\"'“‘«„‹([*_¿¡\u200e\u200f\u061c"
# Tried only where a run of punctuation starts: "!!!!…" from a looping model stays linear.
# A placeholder between the full stop and the space (a footnote's "[^1]") belongs to the
# sentence; after "。", with no space to tell, it may open the next one.
_BOUNDARY = re.compile(
    r"(?<![.!?…؟।۔։።။])[.!?…؟।۔։።။]+(?:[\s\u00a0\u202f]*[\"'”’»›)\]*_“\u200e\u200f\u061c])*"
    r"(?:⟦\d+⟧)*\s+|[。！？]+"
)
_ELISION = re.compile(r"['’][st]\s")
# A word this long before a full stop and a number is no abbreviation ("Ziff. 3", "Tel. 030").
_LONGEST_ABBREVIATION = 5
# A time written with a dot whose minutes name no month ("kl. 14.30. Anna", "pukul 17.00.
# Kami"): its full stop ends the sentence, where a date's ("am 3.10. Treffen") may not.
_DOTTED_TIME = re.compile(r"(?:[01]?\d|2[0-3])\.(?:00|1[3-9]|[2-5]\d)")
# A full stop after these is an abbreviation, not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st nr vs ca bzw mme mlle mgr sr sra srta jr hr inc ltd feb apr aug sep "
    "sept oct okt nov dec dez déc approx resp evtl ggf usw".split()
)


@dataclass(frozen=True)
class LengthBounds:
    expected: float  # translation characters per source character
    shortest: int
    longest: int


def measured_length(text: str) -> int:
    """Characters of running text: placeholders, markdown markers and extra spaces left out,
    composed first (NFC): Hangul sent as jamo or "é" as e and an accent is no longer."""
    text = unicodedata.normalize("NFC", text)
    lines = (_MARKER.sub("", line) for line in PLACEHOLDER.sub(" ", text).splitlines())
    return len(_SPACE.sub(" ", _EMPHASIS.sub(" ", " ".join(lines))).strip())


def length_bounds(*, source_length: int, source_language: str, language: str) -> LengthBounds:
    """How short and how long a faithful translation of `source_length` characters may be."""
    expected = _expansion(language) / _expansion(source_language)
    return LengthBounds(
        expected=expected,
        shortest=int(SHORTEST * expected * source_length - SLACK_BELOW),
        longest=int(LONGEST * expected * source_length + SLACK_ABOVE) + 1,
    )


def _expansion(language: str) -> float:
    code = (language or "").lower().replace("_", "-")
    return EXPANSION.get(code, EXPANSION.get(code.split("-")[0], 1.0))


def text_blocks(text: str) -> list[str]:
    """The runs of text sentences are counted in: each heading, list item, quote line, table
    cell and paragraph; lines that continue a paragraph join it. A page's front matter gives
    its values that are words, one block each, and neither its keys nor its data."""
    blocks, text = front_matter_text(text)
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if stripped.startswith("|"):
            if current:
                blocks.append(" ".join(current))
                current = []
            cells = re.split(r"(?<!\\)\|", stripped.strip("|"))
            blocks.extend(cell.strip() for cell in cells)
            continue
        body = _MARKER.sub("", line)
        if len(body) != len(line) and current:  # a new heading, item or quote line
            blocks.append(" ".join(current))
            current = []
        current.append(body.strip())
    if current:
        blocks.append(" ".join(current))
    return blocks


def sentences(block: str) -> list[str]:
    """The sentences of one block of text, by its punctuation; those without a letter or a
    digit (a lone placeholder) are left out."""
    found: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(block):
        if _ends_sentence(block, match):
            found.append(block[start : match.end()])
            start = match.end()
    found.append(block[start:])
    return [s.strip() for s in found if any(ch.isalnum() for ch in PLACEHOLDER.sub("", s))]


def sentence_count(text: str) -> int:
    return sum(len(sentences(block)) for block in text_blocks(text))


def as_punctuated(text: str, language: str) -> str:
    """`text` with its language's own question mark as "?": Greek writes it ";"."""
    if (language or "").lower().startswith("el"):
        return text.replace(";", "?").replace("\u037e", "?")
    return text


def ends_with_full_stop(block: str) -> bool:
    """Whether a block's last sentence ends with punctuation (placeholders and closing quotes
    after it set aside): a translation that lost it was probably cut off."""
    rest = PLACEHOLDER.sub("", block).rstrip().rstrip(_CLOSING + " \u00a0\u202f")
    while rest and unicodedata.category(rest[-1]) in ("So", "Mn", "Cf", "Sk"):
        # An emoji after the full stop ("¡Comparte hoy! 📣") closes nothing.
        rest = rest[:-1].rstrip(_CLOSING + " \u00a0\u202f")
    return bool(rest) and rest[-1] in _TERMINAL + _CJK_TERMINAL


def _sentence_start(following: str) -> str:
    """What follows a full stop from its first letter, digit or mark on: opening quotes and
    brackets, emoji ("¡Hoy! 📣 Ven"), an image's "!" and a hashtag's "#" set aside, so that
    "parliament. 🌍 Share" and "議会へ。🌍 シェア" both count two sentences."""
    at = 0
    while at < len(following):
        char = following[at]
        if (
            char in _OPENING
            or char in " #\u00a0\u202f"
            or (char == "!" and following[at + 1 : at + 2] == "[")
        ):
            at += 1
        elif unicodedata.category(char) in ("So", "Sk", "Mn", "Cf") and char not in _OPENING:
            at += 1
        else:
            break
    return following[at:]


def _ends_sentence(text: str, match: re.Match) -> bool:
    punctuation = match.group(0)
    if punctuation[0] in _CJK_TERMINAL:
        return True
    following = text[match.end() :]
    after = _sentence_start(following)
    if not after:
        return False  # the end of the block, not a boundary inside it
    # A sentence opens with a capital, a placeholder, or Dutch "'s" / "'t" ("'s Avonds").
    # Scripts without capitals (Arabic, Hebrew, Devanagari, Hangul) start one with any letter.
    # Georgian's letters are lower case to Unicode, but Georgian writes no capitals.
    caseless = (after[0].isalpha() and not after[0].islower()) or "\u10d0" <= after[0] <= "\u10ff"
    # Without capitals, "!” we shouted" cannot be told from "!” We shouted": a quotation
    # closed after its "!" or "?" is taken to go on with who said it, as it mostly does.
    if caseless and not after[0].isupper() and punctuation.rstrip()[-1:] in _CLOSING_QUOTES:
        return False
    opens = after[0].isupper() or caseless
    # After "?" or "!" a number opens one too ("Questions? +31 6 ...", "Sorunuz mu var? 12 ..."):
    # only "." stands inside numbers and abbreviations.
    opens = opens or (not punctuation.startswith(".") and (after[0].isdigit() or after[0] in "+@"))
    # So it does after a word of a script without capitals ("답하세요. 5월 12일"), which writes
    # no abbreviation with a full stop, or after a word too long to be one ("tűzijátékot. 50").
    previous = text[max(0, match.start() - 40) : match.start()].rsplit(None, 1)[-1:] or [""]
    last = previous[0][-1:]
    opens = opens or (
        after[0].isdigit()
        and last.isalpha()
        and (last.lower() == last.upper() or len(previous[0]) >= _LONGEST_ABBREVIATION)
    )
    if not (opens or after.startswith("⟦") or _ELISION.match(following)):
        return False
    if not punctuation.startswith("."):
        return True
    # The word before: a window is enough (no abbreviation is longer), and keeps it linear.
    before = text[max(0, match.start() - 40) : match.start()]
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip(_OPENING)
    if word.lower() in {"a.m", "p.m"} or _DOTTED_TIME.fullmatch(word):
        return True  # "at 2 p.m. We" ends a sentence where "um 14 Uhr. Wir" does
    if "." in word or (word.isdigit() and len(word) <= 2) or (len(word) == 1 and word.isalpha()):
        return False  # "e.g.", "U.S.", the German ordinal "13. Mai", an initial
    return word.lower() not in _ABBREVIATIONS
