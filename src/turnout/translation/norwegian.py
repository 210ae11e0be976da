"""Bokmål answered for Nynorsk, or Nynorsk for Bokmål: Norway's two written standards share
most words and every letter, so neither the word lists of `languages` nor a script tells them
apart. A Nynorsk municipality's or reader's page in Bokmål is the wrong standard, as a
Bokmål page in Nynorsk is. Only the small words each standard spells its own way tell
("ikkje"/"ikke", "frå"/"fra", "dei"/"de"): two of the other's and none of its own name it.
"""

import re
import unicodedata

# Words only Nynorsk writes, and their Bokmål counterparts; neither list has a word the
# other standard also writes ("de" is Nynorsk's "you", "også", "hos" and "gang" are both's).
_NYNORSK = frozenset(
    "ikkje eg kva kvar korleis kven kvifor kvart frå saman berre mykje noko nokon nokre vere "
    "vore hjå heile dei deira vatn sundag laurdag måndag veke veker timar òg fleire gonger "
    "gong vart ein eit sjølv sjølvsagt hugs difor".split()
)
_BOKMAL = frozenset(
    "ikke jeg hva hvor hvordan hvem hvorfor hvert fra sammen bare mye noe noen være vært "
    "hele deres vann søndag lørdag mandag uke uker timer flere ganger selv selvsagt husk "
    "hoved".split()
)
# A compound's first part: "hovudinngangen", "hovedinngangen".
_NYNORSK_PREFIXES = ("hovud",)
_BOKMAL_PREFIXES = ("hoved",)
_WORD = re.compile(r"[^\W\d_]+")
_SHORTEST = 4  # words: fewer tell nothing
_EVIDENCE = 2


def nynorsk_or_bokmal_instead(text: str, language: str) -> str:
    """ "nb" where `text`, asked for in Nynorsk, is Bokmål; "nn" the other way round; else
    "". Norwegian asked for as such ("no") may be written in either."""
    language = language.casefold().replace("_", "-").split("-")[0]
    if language not in ("nn", "nb"):
        return ""
    found = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    if len(found) < _SHORTEST:
        return ""
    nynorsk = sum(_is_of(word, _NYNORSK, _NYNORSK_PREFIXES) for word in found)
    bokmal = sum(_is_of(word, _BOKMAL, _BOKMAL_PREFIXES) for word in found)
    if language == "nn" and bokmal >= _EVIDENCE and not nynorsk:
        return "nb"
    if language == "nb" and nynorsk >= _EVIDENCE and not bokmal:
        return "nn"
    return ""


def _is_of(word: str, own: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    return word in own or word.startswith(prefixes)
