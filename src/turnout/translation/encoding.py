"""Text damaged on its way from the model rather than by the translation: UTF-8 read as
Windows-1252 or Latin-1 ("é" as "Ã©", "’" as "â€™", "д" as "Ð´"), characters lost in
decoding (U+FFFD), and zero-width joiners where the script never joins. Each is judged against
the source, so a source that has the oddity passes; a text normalized otherwise (NFC or NFD)
changes none of them.
"""

import unicodedata
from collections import Counter

from django.utils.translation import gettext as _

from .problems import Problem

REPLACEMENT = "\ufffd"
_JOINERS = frozenset("\u200c\u200d")
# Scripts whose letters a zero-width joiner or non-joiner shapes: Arabic and Persian, Syriac,
# Thaana and N'Ko, the Indic scripts, Myanmar, Khmer and Mongolian. Emoji sequences join too.
_JOINING_RANGES = (
    (0x0600, 0x08FF),
    (0x0900, 0x0DFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0xA8E0, 0xA8FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0xFE00, 0xFE0F),
    (0x1F000, 0x1FAFF),
)
# Lead bytes of a UTF-8 sequence and how many continuation bytes (0x80-0xBF) follow them.
_CONTINUATIONS = {
    **dict.fromkeys(range(0xC2, 0xE0), 1),
    **dict.fromkeys(range(0xE0, 0xF0), 2),
    **dict.fromkeys(range(0xF0, 0xF5), 3),
}


def garbled(source: str, translated: str) -> list[str]:
    """Mojibake and replacement characters `translated` has more of than `source`."""
    found = _garbled(translated) - _garbled(source)
    return sorted(found)


def stray_joiners(source: str, translated: str) -> list[str]:
    """Joiners of `translated` next to no letter that joins, more than `source` has."""
    found = _stray_joiners(translated) - _stray_joiners(source)
    return [f"U+{ord(ch):04X}" for ch in sorted(found)]


def encoding_problems(source: str, translated: str) -> list[Problem]:
    if not (found := garbled(source, translated)):
        return []
    shown = " ".join(found)
    return [
        Problem(
            "encoding",
            _(
                "The answer has garbled characters (%(found)s): its text was decoded with the "
                "wrong character encoding on the way."
            )
            % {"found": shown},
            f"Your answer contains garbled characters ({shown}), as text decoded with the "
            f"wrong encoding. Write every character as it is, in UTF-8.",
        )
    ]


def _garbled(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text)
    found: Counter[str] = Counter(ch for ch in text if ch == REPLACEMENT)
    index = 0
    while index < len(text):
        length = _mojibake_at(text, index)
        if length:
            found[text[index : index + length]] += 1
        index += length or 1
    return found


def _mojibake_at(text: str, index: int) -> int:
    """The length of a UTF-8 sequence read as one character a byte that starts at `index`
    (0 where none does)."""
    lead = _byte(text[index])
    if lead is None or lead not in _CONTINUATIONS:
        return 0
    length = 1 + _CONTINUATIONS[lead]
    raw = [lead]
    for ch in text[index + 1 : index + length]:
        byte = _byte(ch)
        if byte is None or not 0x80 <= byte <= 0xBF:
            return 0
        raw.append(byte)
    if len(raw) < length:
        return 0
    try:
        bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return 0
    # German "Straße“" decodes too, "ß" and a quotation mark or dash to N'Ko: no pair with
    # "ß" in front counts, the other capitals rarely stand before punctuation.
    return 0 if lead == 0xDF else length


def _byte(ch: str) -> int | None:
    """The byte `ch` stands for when UTF-8 was read as Windows-1252 (or Latin-1)."""
    if 0x80 <= ord(ch) <= 0xFF:
        return ord(ch)
    try:
        encoded = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return encoded[0] if encoded[0] >= 0x80 else None


def _stray_joiners(text: str) -> Counter[str]:
    return Counter(
        ch
        for index, ch in enumerate(text)
        if ch in _JOINERS and not any(_joins(near) for near in _neighbours(text, index))
    )


def _neighbours(text: str, index: int) -> str:
    return text[max(index - 1, 0) : index] + text[index + 1 : index + 2]


def _joins(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _JOINING_RANGES)
