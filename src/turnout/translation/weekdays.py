"""The day of the week a translation must keep: "Saturday 12 May" written "Sunday 12 May"
keeps every number, so `figures` and `moments` cannot see it.

Day names come from CLDR (through Babel) in the source's and the answer's language, matched
as whole words, or with a changed ending where the language declines them (Polish "w sobotę",
Russian "в субботу"), inside the text where the script writes no spaces (Japanese, Chinese,
Thai, Korean with its particles), and abbreviated only in brackets ("5月12日（土）"). A day of
the source that the answer lacks, where the answer names another day, was changed. A day the
answer names besides the source's may be a word that means something else too (Indonesian
"Minggu" is Sunday and a week), so it is no problem by itself.
"""

import unicodedata
from collections import Counter
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import gettext as _

from .languages import base
from .placeholders import PLACEHOLDER
from .problems import Problem

# Scripts that write words without spaces between them, or attach particles to a noun.
_UNSPACED = frozenset({"ja", "zh", "th", "lo", "km", "my", "ko"})
# Languages that decline a day's name: "sobota" is "w sobotę", "суббота" "в субботу"; or
# give it an article's ending (Swedish "söndagen", Danish "søndagen").
_DECLINING = frozenset("pl cs sk ru uk be bg sl hr sr bs lt lv fi et hu sv da nb nn no".split())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u200c": None, "\u200d": None})
_BRACKETS = (("(", ")"), ("（", "）"))


def weekday_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    """The answer names another day of the week than the source does."""
    # Counted: a page that names its Sunday twice ("on Sunday ... before Sunday") and whose
    # answer says Saturday for one of them still names Sunday once.
    expected_counts = _day_counts(source, source_language)
    found_counts = _day_counts(translated, language)
    expected, found = set(expected_counts), set(found_counts)
    lost = expected_counts - found_counts
    if not lost or not found - expected:
        return []
    names = _names(language)
    shown = ", ".join(names[day][0] for day in sorted(found - expected))
    meant = ", ".join(_names(source_language)[day][0] for day in sorted(lost))
    return [
        Problem(
            "weekdays",
            _("The answer names another day of the week (%(found)s) than the source (%(meant)s).")
            % {"found": shown, "meant": meant},
            f"Your answer names another day of the week ({shown}) than the text ({meant}). "
            f"Keep every day of the week as the text has it.",
        )
    ]


def days_named(text: str, language: str) -> set[int]:
    """The days of the week (0 is Monday) that `text` names in `language`."""
    return set(_day_counts(text, language))


def _day_counts(text: str, language: str) -> Counter[int]:
    """How many times `text` names each day of the week in `language`."""
    names = _names(language)
    if not names:
        return Counter()
    plain = unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text)).translate(_APOSTROPHES)
    folded = plain.casefold()
    words = _words(folded)
    unspaced = base(language) in _UNSPACED
    declining = base(language) in _DECLINING
    found: Counter[int] = Counter()
    for day, (wide, abbreviated, short_word) in names.items():
        wide = wide.casefold()
        if unspaced or " " in wide:
            named = folded.count(wide) or (folded.count(short_word) if short_word else 0)
        else:
            named = sum(word == wide or (declining and _declined(word, wide)) for word in words)
        named += sum(folded.count(f"{opening}{abbreviated}{closing}") for opening, closing
                     in _BRACKETS)  # fmt: skip
        if named:
            found[day] = named
    return found


@lru_cache(maxsize=64)
def _names(language: str) -> dict[int, tuple[str, str, str]]:
    """Each day's wide name in `language`, its abbreviation, and that abbreviation again if it
    is a word of its own where words run on (Chinese "周六", not Japanese "土" or Thai "ส.");
    empty for a language CLDR lacks."""
    for code in dict.fromkeys([language.replace("-", "_"), base(language)]):
        try:
            days = Locale.parse(code).days["format"]
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        names = {}
        for day in range(7):
            wide, short = (
                unicodedata.normalize("NFC", days[width][day]).translate(_APOSTROPHES)
                for width in ("wide", "abbreviated")
            )
            short = short.casefold()
            word = short if len(short) > 1 and not short.endswith(".") else ""
            names[day] = (wide, short.rstrip("."), word)
        return names
    return {}


def _declined(word: str, name: str) -> bool:
    """`word` is `name` with another ending, its stem kept ("sobotę" for "sobota")."""
    if len(name) < 5 or abs(len(word) - len(name)) > 2:
        return False
    stem = 0
    for a, b in zip(word, name, strict=False):
        if a != b:
            break
        stem += 1
    return stem >= max(len(name) - 2, 4)


def _words(text: str) -> list[str]:
    """Runs of letters and their marks, with an apostrophe or hyphen inside ("п'ятниця",
    "sexta-feira")."""
    words, current = [], ""
    for index, ch in enumerate(text):
        if unicodedata.category(ch)[0] in "LM":
            current += ch
        elif ch in "'-" and current and index + 1 < len(text) and text[index + 1].isalpha():
            current += ch
        elif current:
            words.append(current)
            current = ""
    return words + [current] if current else words
