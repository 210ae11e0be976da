"""A city named in a grammatical case: "W Krakowie", "v Praze", "u Zagrebu", "в Москве",
"Helsingissä", "Budapesten", "Vilniuje", "İstanbul'da", "Tallinnas", "στην Αθήνα".

Languages that inflect names change a city's ending after a preposition or instead of one.
The tables below undo that per language, by rule and never per city: a leading preposition
is dropped, an apostrophe's suffix is cut (Turkish), and the ending is swapped for the ones
the nominative may have (Polish "-ie" for "-a" or nothing, Czech "-ze" for "-ha"). Every form
they give is only a guess; a caller keeps one only where the gazetteer knows it as a city
(`places.resolve_city`), so "w kraju" stays a country's word ("kraj" is no city).
"""

import re
from functools import cache
from types import ModuleType

from .city_names import resolve_with, speaks
from .vocabulary import fold

# Words before a city's name in a case: "in", "from", "to", and Greek's article with "σε".
PREPOSITIONS: dict[str, frozenset[str]] = {
    "pl": frozenset("w we z ze do na pod".split()),
    "cs": frozenset("v ve z ze do na".split()),
    "sk": frozenset("v vo z zo do na".split()),
    "hr": frozenset("u iz na do".split()),
    "sr": frozenset("u iz na do у из на до".split()),
    "bs": frozenset("u iz na do".split()),
    "sl": frozenset("v iz na do".split()),
    "ru": frozenset("в во из с со на до".split()),
    "uk": frozenset("в у з із зі до на".split()),
    "el": frozenset("στην στη στο στον σε από την τη το της του".split()),
}

# (ending, the endings the nominative may have instead), longest ending first per language.
# Written with their marks; `_ENDINGS` adds each written without them, as the gazetteer's
# keys are ("Brně" is also read "brne").
_WRITTEN_ENDINGS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    # Kraków: Krakowie, Krakowa; Warszawa: Warszawie, Warszawy; Wrocław: Wrocławiu;
    # Gdańsk: Gdańska; Gdynia: Gdyni; Praga: Pradze; Łódź: Łodzi (not undone).
    "pl": (("dze", ("ga",)), ("rze", ("ra",)), ("ie", ("", "a")), ("iu", ("",)),
           ("em", ("",)), ("u", ("",)), ("a", ("",)), ("y", ("a",)), ("i", ("ia", "a"))),
    # Praha: Praze, Prahy; Brno: Brně, Brna; Ostrava: Ostravě, Ostravy; Olomouc: Olomouci.
    "cs": (("ze", ("ha",)), ("ce", ("ka",)), ("ě", ("a", "o")), ("e", ("a",)),
           ("y", ("a",)), ("a", ("o", "")), ("u", ("", "o")), ("i", ("",))),
    # Bratislava: Bratislave, Bratislavy; Košice: Košiciach (not undone).
    "sk": (("e", ("a",)), ("y", ("a",)), ("a", ("",)), ("u", ("",))),
    # Zagreb: Zagrebu, Zagreba; Rijeka: Rijeci; Beograd: Beogradu.
    "hr": (("ci", ("ka",)), ("u", ("", "a")), ("a", ("",)), ("i", ("a",))),
    "sr": (("ci", ("ka",)), ("u", ("", "a")), ("a", ("",)), ("i", ("a",)),
           ("у", ("", "а")), ("а", ("",))),
    "bs": (("u", ("", "a")), ("a", ("",))),
    "sl": (("u", ("",)), ("i", ("a",)), ("a", ("",))),
    # Москва: Москве, Москвы; Львов: Львове, Львова; Казань: Казани; Самара: Самаре.
    "ru": (("е", ("а", "", "ь")), ("ы", ("а",)), ("и", ("ь", "я", "а")), ("у", ("", "а")),
           ("а", ("",)), ("я", ("ь",))),
    # Київ: Києві, Києва; Львів: Львові, Львова; Харків: Харкові; Одеса: Одесі, Одеси.
    "uk": (("єві", ("їв",)), ("єва", ("їв",)), ("ові", ("ів",)), ("ова", ("ів",)),
           ("і", ("а", "я", "")), ("и", ("а",)), ("у", ("",)), ("а", ("",))),
    # Helsinki: Helsingissä, Helsingistä; Tampere: Tampereella; Turku: Turussa; the stem
    # then has its consonant softened (`_finnish_stems`).
    "fi": (("ssa", ("",)), ("ssä", ("",)), ("sta", ("",)), ("stä", ("",)), ("lla", ("",)),
           ("llä", ("",)), ("lta", ("",)), ("ltä", ("",)), ("lle", ("",)), ("han", ("",)),
           ("hin", ("",)), ("iin", ("i",)), ("n", ("",))),
    # Budapest: Budapesten, Budapestre; Szeged: Szegeden; Debrecen: Debrecenben.
    "hu": (("ban", ("",)), ("ben", ("",)), ("ból", ("",)), ("ből", ("",)), ("ról", ("",)),
           ("ről", ("",)), ("nál", ("",)), ("nél", ("",)), ("tól", ("",)), ("től", ("",)),
           ("hoz", ("",)), ("hez", ("",)), ("höz", ("",)), ("ba", ("",)), ("be", ("",)),
           ("ra", ("",)), ("re", ("",)), ("on", ("",)), ("en", ("",)), ("ön", ("",)),
           ("n", ("",))),
    # Vilnius: Vilniuje, Vilniaus; Kaunas: Kaune; Klaipėda: Klaipėdoje.
    "lt": (("iuje", ("ius",)), ("iaus", ("ius",)), ("oje", ("a",)), ("ėje", ("ė",)),
           ("uose", ("ai",)), ("e", ("as",)), ("o", ("as",))),
    # Rīga: Rīgā, Rīgas; Liepāja: Liepājā; Daugavpils: Daugavpilī.
    "lv": (("ā", ("a",)), ("ē", ("e",)), ("ī", ("s",)), ("as", ("a",))),
    # Tallinn: Tallinnas, Tallinnast; Tartu: Tartus, Tartusse.
    "et": (("sse", ("",)), ("st", ("",)), ("s", ("",)), ("lt", ("",)), ("l", ("",))),
    # Αθήνα: της Αθήνας.
    "el": (("ς", ("",)),),
    # Turkish writes a name's case after an apostrophe (`_APOSTROPHE_SUFFIX`).
    "tr": (),
}  # fmt: skip

# A Turkish case suffix after an apostrophe: "İstanbul'da", "Ankara'dan", "İzmir'e".
_APOSTROPHE_SUFFIX = re.compile(r"^(?P<name>.*\w)['’](?:[^\W\d_]{1,4})$")
# The fewest letters an ending may leave, and a form must have: "Brn" of "Brně", "Ки" of
# "Києві".
_SHORTEST_STEM = 2
_SHORTEST_FORM = 3


@cache
def _endings(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found: dict[str, tuple[str, ...]] = {}
    for ending, nominatives in _WRITTEN_ENDINGS.get(language, ()):
        found.setdefault(ending, nominatives)
        found.setdefault(fold(ending), tuple(fold(n) for n in nominatives))
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def case_languages(language: str | None) -> tuple[str, ...]:
    """The languages whose cases are undone: the page's own, or every one when not known."""
    base = (language or "").split("-")[0].lower()
    if base:
        return (base,) if base in _WRITTEN_ENDINGS or base in PREPOSITIONS else ()
    return tuple(dict.fromkeys([*_WRITTEN_ENDINGS, *PREPOSITIONS]))


def nominatives(name: str, language: str) -> list[str]:
    """The forms `name` may have as a city's own name if it is written in one of `language`'s
    cases, most likely first; `name` itself not among them."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in PREPOSITIONS.get(language, ()):
        words = words[1:]
    if not words:
        return []
    *head, last = words
    found = [last] if len(words) < len(name.split()) else []
    if (bare := _APOSTROPHE_SUFFIX.match(last)) is not None:
        found.append(bare["name"])
    lowered = last.casefold()
    for ending, replacements in _endings(language):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= _SHORTEST_STEM:
            stem = last[: len(last) - len(ending)]
            stems = _finnish_stems(stem) if language in ("fi", "et") else [stem]
            found += [s + r for s in stems for r in replacements]
    return [
        form
        for form in dict.fromkeys(" ".join([*head, f]) for f in found)
        if form.casefold() != name.casefold() and len(form) >= _SHORTEST_FORM
    ]


# Finnish consonant gradation, weak to strong, at the stem's last consonant: "Helsingi" is
# Helsinki's, "Turu" Turku's; Estonian's "Tallinna" drops the stem's vowel.
_GRADATION = (("ng", "nk"), ("mm", "mp"), ("nn", "nt"), ("ll", "lt"), ("rr", "rt"),
              ("d", "t"), ("v", "p"))  # fmt: skip


def _finnish_stems(stem: str) -> list[str]:
    found = [stem]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] in "aeiouyäö":
        found.append(stem[:-1])  # "Tamperee" is Tampere's, "Vantaa" stays in `found`
    if len(stem) > 3 and stem[-1] in "aeiouyäö":
        body, vowel = stem[:-1], stem[-1]
        found.append(body)  # Estonian "Tallinna" of Tallinn
        for weak, strong in _GRADATION:
            if body.endswith(weak):
                found.append(body[: -len(weak)] + strong + vowel)
        if body[-1:] in "lrhn" and body[-2:-1] in "aeiouyäö":
            found.append(body + "k" + vowel)  # "Turu" of Turku
    return found


def city_in_case(
    module: ModuleType,
    name: str,
    country: str | None,
    language: str | None,
    *,
    only_spoken: bool = False,
):
    """The city `name` writes in a grammatical case ("W Krakowie", "Helsingissä"): one of the
    forms `city_cases` gives that the gazetteer knows, lying where the case's language is
    spoken, or a large city anywhere when that is the page's language ("w Berlinie");
    `only_spoken` where the name is also a city's elsewhere ("Tartus" on an Estonian page)."""
    for case_language in case_languages(language):
        for form in nominatives(name, case_language):
            if module.resolve_city(form, country=country) is None:
                continue
            city = resolve_with(module, form, country, language or case_language)
            if city is not None and (
                speaks(city.country, case_language)
                or (
                    language is not None
                    and not only_spoken
                    and city.population >= _FOREIGN_CASE_POPULATION
                )
            ):
                return city
    return None


# A city abroad written in the page's language's case must be this large to be taken.
_FOREIGN_CASE_POPULATION = 500_000


def city_named(module: ModuleType, key: str, country: str):
    """The country's city a gazetteer key names as written or in any language's case
    ("w krakowie", "helsingissa"); confirming a model's city asks for this one city only."""
    city = module.resolve_city(key, country=country)
    for language in case_languages(None) if city is None else ():
        for form in nominatives(key, language):
            if (city := module.resolve_city(form, country=country)) is not None:
                return city
    return city
