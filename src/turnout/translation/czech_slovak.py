"""Czech answered for Slovak, or Slovak for Czech: the two share most words, so the word
lists of `languages` need two telling words where a short answer may have one ("Vybrali
jsme ..."). Between these two only, one word or form only Czech writes ("jsme", "také",
"-ejte") against none of Slovak's ("sme", "ľ", "ie") tells a Slovak answer is Czech; the
other way round, where Czech is asked for, two Slovak ones against none of Czech's.
"""

import re
import unicodedata

_CZECH_WORDS = frozenset(
    "jsme jsou jste jsem také již pro jako se který která které všechny všechno nebo když "
    "protože jejich naše musíte".split()
)
_SLOVAK_WORDS = (
    frozenset(
        "sme sú ste som pre ako sa aj už tiež ktorý ktorá ktoré všetky všetko alebo keď pretože "
        "ich naša musíte".split()
    )
    - _CZECH_WORDS
)
_CZECH_LETTERS = frozenset("ěřů")
_SLOVAK_LETTERS = frozenset("ľĺŕäô")
# Czech plural imperatives ("volejte", "sdílejte"); Slovak writes "volajte", "zdieľajte".
_CZECH_FORM = re.compile(r"[^\W\d_]{2,}ejte$")
# Slovak diphthongs ("cieľ", "stretnutia"): Czech writes them only in borrowed words.
_SLOVAK_FORM = re.compile(r"i[eau]")
_SHORTEST = 4  # words: fewer tell nothing
_WORD = re.compile(r"[^\W\d_]+")
_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyzáäčďéěíĺľňóôŕřšťúůýž")


def czech_or_slovak_instead(text: str, language: str) -> str:
    """ "cs" where `text`, asked for in Slovak, is Czech; "sk" the other way round; else ""."""
    if language not in ("cs", "sk"):
        return ""
    found = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    if any(set(word) - _ALPHABET for word in found):
        return ""  # a letter neither writes: Polish, German, another script
    if len(found) < _SHORTEST:
        return ""
    czech = sum(_is_czech(word) for word in found)
    slovak = sum(_is_slovak(word) for word in found)
    if language == "sk" and czech >= 1 and not slovak:
        return "cs"
    if language == "cs" and slovak >= 2 and not czech:
        return "sk"
    return ""


def _is_czech(word: str) -> bool:
    return word in _CZECH_WORDS or bool(
        _CZECH_LETTERS.intersection(word) or _CZECH_FORM.search(word)
    )


def _is_slovak(word: str) -> bool:
    return word in _SLOVAK_WORDS or bool(
        _SLOVAK_LETTERS.intersection(word) or _SLOVAK_FORM.search(word)
    )
