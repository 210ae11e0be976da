"""The language a page is written in: what its front matter declares, else a cheap guess.

A declared value is any BCP 47 tag or POSIX locale ("de", "pt-BR", "ca_ES") Babel knows; only
its base language is kept, so that per-language tables and caches stay few whatever a page
writes. Without a declaration the language is guessed from its most common short words, and
only when one language clearly leads: a guess tells which of two Valencias a Catalan page
means, and which words call an event off; it never labels the content page itself.
"""

import re
from collections import Counter
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from .event_words import CANCELLED, SIGNUP, TIME_WORDS
from .vocabulary import TO_BE_ANNOUNCED, WHEN_LABELS, WHERE_LABELS

# Words that make up much of any running text in each language and are rare in the others.
# Words two languages share ("de", "la", "en", "die", "in") are left out on purpose.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is are we you our for with will this that from be".split()),
    "nl": frozenset("het een van niet wij zijn voor naar ook maar bij onze wordt deze".split()),
    "de": frozenset("und der das ist nicht wir sich mit auf dem den ein eine uns für".split()),
    "fr": frozenset("le les est et des une pour pas nous dans sur qui au du avec".split()),
    "es": frozenset("el los las y que es por para una con del se su nuestra".split()),
    "ca": frozenset("els les i que és per amb una del dels als nostra hi pel".split()),
    "it": frozenset("il che di è per non una sono della del gli alla nel con".split()),
    "pt": frozenset("o os que não uma para com do da dos das no na ao são".split()),
    "sv": frozenset("och att det är som för på med till av den inte vi har".split()),
    "pl": frozenset("się nie jest że oraz przez dla jak już naszą będzie jesteśmy".split()),
}
# A guess needs this many telling words, and this lead over the runner-up; a page of a few
# lines ("Sabato 12 aprile, ore 15 – Piazza Maggiore") has too few for four.
_MINIMUM_WORDS = 4
_SHORT_PAGE_MINIMUM = 2
_SHORT_PAGE_WORDS = 60
_LEAD = 1.5
# The opening of a page is enough to tell its language.
_GUESS_CHARACTERS = 4000
_WORD = re.compile(r"[^\W\d_]+(?:['’·][^\W\d_]+)?")


def known_language(value: object) -> str | None:
    """The base language of a declared tag ("pt-BR" → "pt"), or None when Babel knows none."""
    text = str(value or "").strip().replace("_", "-").split("-")[0].lower()
    if not text.isascii() or not text.isalpha() or not 2 <= len(text) <= 3:
        return None
    try:
        Locale.parse(text)
    except (ValueError, UnknownLocaleError):
        return None
    return text


def guess_language(text: str) -> str | None:
    """The language most of `text`'s common short words belong to, or None when unclear.

    Besides the stopwords, the words only one language uses for months, weekdays and the
    labels of an event ("quando", "dove", "godz", "wanneer") tell a short page's language."""
    words = [w.casefold() for w in _WORD.findall(text[:_GUESS_CHARACTERS])]
    telling = _telling_words()
    counts: Counter[str] = Counter()
    for word in words:
        for code, stopwords in _STOPWORDS.items():
            if word in stopwords:
                counts[code] += 1
        if owner := telling.get(word):
            counts[owner] += 1
    minimum = _SHORT_PAGE_MINIMUM if len(words) < _SHORT_PAGE_WORDS else _MINIMUM_WORDS
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


@cache
def _telling_words() -> dict[str, str]:
    """Words of one language only, among the guessed ones: its month and weekday names (CLDR)
    and its words for an event's day, place, hour, signup, "to be announced" and "called off"."""
    owners: dict[str, set[str]] = {}
    for code in _STOPWORDS:
        found: set[str] = set()
        for names in (get_month_names("wide", locale=code), get_day_names("wide", locale=code)):
            found.update(name.casefold() for name in names.values())
        for table in (WHEN_LABELS, WHERE_LABELS, SIGNUP, TO_BE_ANNOUNCED, CANCELLED, TIME_WORDS):
            found.update(p.casefold() for p in table.get(code, ()) if _WORD.fullmatch(p))
        for word in found:
            owners.setdefault(word, set()).add(code)
    # A word every stopword list leaves out but two languages share ("april", "data") tells
    # nothing; nor does one of another language's stopwords ("e", "a").
    stopwords = set().union(*_STOPWORDS.values())
    return {
        word: next(iter(codes))
        for word, codes in owners.items()
        if len(codes) == 1 and word not in stopwords and len(word) > 2
    }
