"""Ukrainian answered for Russian, or Russian for Ukrainian: the two share the Cyrillic
alphabet and many words, but each writes letters the other lacks (Russian "ы э ъ ё",
Ukrainian "і ї є ґ"). Two of the other's letters and none of its own name the other language,
in a whole answer or in one sentence of it (a model that drifted into the neighbour for a
paragraph keeps a heading or a list item in the language asked for).
"""

_RUSSIAN_LETTERS, _UKRAINIAN_LETTERS = frozenset("ыэъё"), frozenset("іїєґ")
_EVIDENCE = 2  # distinct letters: one may be a name's ("Київ")
_SENTENCE_WORDS = 4


def russian_or_ukrainian_instead(text: str, language: str, *, source: str = "") -> str:
    """ "uk" where `text`, asked for in Russian, is Ukrainian; "ru" the other way round; else
    "". Letters the source has (a name quoted as it is written) tell nothing."""
    if language not in ("ru", "uk"):
        return ""
    letters = set(text.casefold()) - set(source.casefold())
    own, other = (
        (_RUSSIAN_LETTERS, _UKRAINIAN_LETTERS)
        if language == "ru"
        else (_UKRAINIAN_LETTERS, _RUSSIAN_LETTERS)
    )
    if len(letters & other) >= _EVIDENCE and not letters & own:
        return "uk" if language == "ru" else "ru"
    return ""


def neighbour_sentence(sentence: str, language: str) -> str:
    """The neighbour's code where one sentence of four words or more is written in it."""
    if len(sentence.split()) < _SENTENCE_WORDS:
        return ""
    return russian_or_ukrainian_instead(sentence, language)
