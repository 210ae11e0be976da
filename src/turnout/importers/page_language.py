"""The language a page is written in: what its front matter declares, else a cheap guess.

A declared value is any BCP 47 tag or POSIX locale ("de", "pt-BR", "ca_ES") Babel knows; only
its base language is kept, so that per-language tables and caches stay few whatever a page
writes. Without a declaration the language is guessed from its most common short words, and
only when one language clearly leads: a guess tells which of two Valencias a Catalan page
means, and which words call an event off; it never labels the content page itself.
"""

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from .date_cases import MONTHS_IN_CASE
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
    "da": frozenset("og ikke af jeg også vores bliver eller hvor kan vil der".split()),
    "fi": frozenset("ja on ei että ovat myös tai kanssa voi olla mukaan kaikille".split()),
    "cs": frozenset("je se že pro jsou jako ale také který naše bude kde".split()),
    "tr": frozenset("ve bir bu için ile olarak daha çok biz hem günü tüm".split()),
}
# Languages whose city names a gazetteer knows only on their own pages ("Corcaigh",
# "Caerdydd"): their words none of the others above write. Counted as stopwords only: their
# month names ("mars", "maj") would leave the others' no longer telling.
_MORE_STOPWORDS: dict[str, frozenset[str]] = {
    "ga": frozenset("agus ag seo bhfuil níl linn againn chun gach beidh atá".split()),
    "cy": frozenset("yr mae yn ac gyda dros hefyd a'r i'r ymunwch ydym".split()),
    "lv": frozenset("ir uz kas lai arī mēs jūs mūsu pret tiek".split()),
    "sk": frozenset("sa sú aj alebo ktorý pre tiež až všetky nás".split()),
    "mt": frozenset("għal huwa aħna minn nhar ukoll tagħna jekk biex".split()),
    "sq": frozenset("dhe të në për një është nga nuk kjo ose".split()),
    "eu": frozenset("eta ez bat dira gara ere baina hau gure dugu hemen izena zure".split()),
    "gl": frozenset("unha coa tamén polo pola máis xa nosa cando".split()),
    "is": frozenset("að ekki fyrir með við verður eru þið okkar".split()),
}
# Their months in the case they date with ("ekainaren 12an", "12. jūnijā") tell them too: a
# short page's title may be its only sentence.
_MORE_STOPWORDS = {
    code: words | {form.casefold() for form in MONTHS_IN_CASE.get(code, {})}
    for code, words in _MORE_STOPWORDS.items()
}
# A guess needs this many telling words, and this lead over the runner-up; a page of a few
# lines ("Sabato 12 aprile, ore 15 – Piazza Maggiore") has too few for four.
_MINIMUM_WORDS = 4
_SHORT_PAGE_MINIMUM = 2
_SHORT_PAGE_WORDS = 60
# A title and a date ("Klimatstrejk / 14 mars 2026 kl. 12, Göteborg") has a word and a half.
_TINY_PAGE_MINIMUM = 1.5
_TINY_PAGE_WORDS = 20
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
    if script := _script_language(text[:_GUESS_CHARACTERS]):
        return script
    written = _WORD.findall(text[:_GUESS_CHARACTERS])
    words = [w.casefold() for w in written]
    telling = _telling_words()
    counts: dict[str, float] = {}
    for index, word in enumerate(words):
        for code, stopwords in [*_STOPWORDS.items(), *_MORE_STOPWORDS.items()]:
            if word in stopwords:
                counts[code] = counts.get(code, 0) + 1
        owners = telling.get(word, ())
        if word in _COMMON_NOUNS and not written[index].islower():
            owners = ()  # "Praça do Comércio", "Plaza Mayor": a name, in any language's page
        if index and words[index - 1] == "de" and word in _month_owners():
            # "14 de marzo" is Spanish; Italian writes "14 marzo".
            owners = tuple(o for o in owners if o in _DE_BEFORE_MONTH) or owners
        # A word two or three languages share ("sábado", "marzo") counts a part for each.
        for owner in owners:
            counts[owner] = counts.get(owner, 0) + 1 / len(owners)
    minimum: float = _MINIMUM_WORDS
    if len(words) < _SHORT_PAGE_WORDS:
        minimum = _TINY_PAGE_MINIMUM if len(words) < _TINY_PAGE_WORDS else _SHORT_PAGE_MINIMUM
    ranked = sorted(counts.items(), key=lambda item: -item[1])[:2]
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _script_language(text: str) -> str | None:
    """The language most of the letters' own script is written in, when not Latin: Greek,
    Ukrainian (Cyrillic with "і", "ї", "є", "ґ"), Macedonian ("ѓ", "ќ", "ѕ"), Serbian ("ђ",
    "ћ") or Russian, Japanese (kana), Korean, Hebrew, Arabic, Persian or Urdu (with "ٹ",
    "ڈ", "ے"), Hindi (Devanagari), Thai, Tamil, Georgian, Armenian, Amharic (Ethiopic). None
    for a page mostly in Latin letters, or Cyrillic without telling letters."""
    # Addresses and HTML tags are Latin whatever the page's language.
    letters = [c for c in re.sub(r"https?://\S+|<[^>]*>", " ", text) if c.isalpha()]
    if not letters:
        return None
    counts = {
        script: sum(low <= c <= high for c in letters) for script, (low, high) in _SCRIPTS.items()
    }
    script, count = max(counts.items(), key=lambda item: item[1])
    if count * 2 < len(letters):
        return None
    if script == "cyrillic":
        if any(c in "іїєґІЇЄҐ" for c in letters):
            return "uk"
        if any(c in "ѓќѕЃЌЅ" for c in letters):
            return "mk"
        if any(c in "ђћЂЋ" for c in letters):
            return "sr"
        return "ru" if any(c in "ыэъЫЭЪ" for c in letters) else None
    if script == "han":
        kana = sum("\u3040" <= c <= "\u30ff" for c in letters)
        return "ja" if kana else None
    if script == "arabic":
        # Persian writes four letters Arabic has not ("پ", "چ", "ژ", "گ") and its own "ی", "ک".
        if any(c in "ٹڈڑںےہ" for c in letters):
            return "ur"  # letters of Urdu's own, which Persian lacks
        return "fa" if any(c in "پچژگیک" for c in letters) else "ar"
    return script


_SCRIPTS = {
    "el": ("\u0370", "\u03ff"),
    "cyrillic": ("\u0400", "\u04ff"),
    "he": ("\u0590", "\u05ff"),
    "ko": ("\uac00", "\ud7af"),
    "arabic": ("\u0600", "\u06ff"),
    "hi": ("\u0900", "\u097f"),
    "th": ("\u0e00", "\u0e7f"),
    "ta": ("\u0b80", "\u0bff"),
    "ka": ("\u10a0", "\u10ff"),
    "hy": ("\u0530", "\u058f"),
    "am": ("\u1200", "\u139f"),
    # Kana and Han together: a Japanese page writes both; kana alone tells it from Chinese.
    "han": ("\u3040", "\u9fff"),
}


@cache
def _telling_words() -> dict[str, tuple[str, ...]]:
    """Words of one to three languages among the guessed ones, with those languages: month
    and weekday names (CLDR), words for an event's day, place, hour, signup, "to be announced"
    and "called off", and the words short pages name their squares and gatherings with."""
    owners: dict[str, set[str]] = {}
    for code in _STOPWORDS:
        found: set[str] = set()
        found.update(_month_names(code))
        found.update(n.casefold() for n in get_day_names("wide", locale=code).values())
        for table in (WHEN_LABELS, WHERE_LABELS, SIGNUP, TO_BE_ANNOUNCED, CANCELLED, TIME_WORDS):
            found.update(p.casefold() for p in table.get(code, ()) if _WORD.fullmatch(p))
        found = {word for word in found if len(word) > 2}
        found.update(_GATHERING_WORDS.get(code, ()))
        for word in found:
            owners.setdefault(word, set()).add(code)
    # A word every guessed language has ("april" in four) tells nothing; nor does one of
    # another language's stopwords ("e", "a").
    stopwords = set().union(*_STOPWORDS.values())
    return {
        word: tuple(sorted(codes))
        for word, codes in owners.items()
        if len(codes) <= _MOST_OWNERS and word not in stopwords
    }


_MOST_OWNERS = 3
# What a page of two lines is made of besides its day: the hour's word, the kind of gathering,
# the square or street (`_COMMON_NOUNS`, counted only in lower case: capitalized they begin a
# name, "Plaza Mayor", which a page in any language writes).
_GATHERING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("square", "street", "rally", "vigil", "march", "join"),
    "nl": ("plein", "straat", "verzamelen", "staking", "demonstratie"),
    "de": ("platz", "straße", "strasse", "mahnwache", "treffen"),
    "fr": ("rue", "devant", "grève", "venez", "chaîne"),
    "es": ("plaza", "calle", "frente", "hora", "huelga", "marcha", "vemos"),
    "ca": ("plaça", "carrer", "davant", "vaga"),
    "it": ("piazza", "davanti", "sciopero", "ore"),
    "pt": ("praça", "rua", "às", "greve", "junto", "marcha"),
    "pl": ("plac", "ul", "ulica", "przed", "strajk", "marsz", "pikieta", "godz"),
    "sv": ("torg", "torget", "kl", "vid", "strejk", "välkomna", "samling"),
    "da": ("torv", "pladsen", "tilmeld", "samles", "velkommen"),
    "fi": ("klo", "tori", "torilla", "ilmoittaudu", "tervetuloa", "mielenosoitus"),
    "cs": ("náměstí", "hodin", "přidej", "ulice"),
    "tr": ("saat", "meydanı", "katıl", "eylem"),
}
_COMMON_NOUNS = frozenset(
    "square street plein straat platz straße strasse rue plaza calle plaça carrer piazza praça"
    " rua plac ulica torg torget".split()
)
# Languages that write "de" before a month in a date ("14 de marzo", "14 de març").
_DE_BEFORE_MONTH = frozenset({"es", "pt", "ca"})


def _month_names(code: str) -> set[str]:
    """A language's month names, as in a date and alone (Catalan "de març" and "març")."""
    names = set()
    for context in ("format", "stand-alone"):
        for name in get_month_names("wide", context=context, locale=code).values():
            names.add(name.casefold().removeprefix("de ").removeprefix("d’").removeprefix("d'"))
    return names


@cache
def _month_owners() -> frozenset[str]:
    return frozenset(name for code in _STOPWORDS for name in _month_names(code))
