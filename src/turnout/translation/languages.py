"""Which language a text is in, as far as its script and its commonest words tell; and which
words of a copied text give away the language it was copied from.

No dictionary and no model: a script of its own (Cyrillic, Greek, Arabic, Hebrew, Devanagari,
Thai, Hangul, kana, Han) names a language at once; languages written in Latin letters are told
apart by their function words (`vocabulary`). Both need several pieces of evidence, so a short
text or one of names only is never judged. What speaks for the expected language is counted
against the one suspected ("ikke" is Danish against German, not against Norwegian), so close
languages' shared words keep a correct answer from being called another language.
"""

import bisect
import functools
import re
import unicodedata
from collections import Counter

from .czech_slovak import czech_or_slovak_instead
from .east_slavic import neighbour_sentence, russian_or_ukrainian_instead
from .norwegian import nynorsk_or_bokmal_instead
from .placeholders import PLACEHOLDER
from .vocabulary import (
    CALENDAR,
    INTERNATIONAL,
    LISTED_WORDS,
    OWN_LETTERS,
    OWN_WORDS,
    VOCABULARY,
    WRITTEN_LETTERS,
)

# Enough telling words to name a language, and how far ahead of the expected one it must be.
_LANGUAGE_EVIDENCE, _LANGUAGE_LEAD = 4, 3
_WORDS_WITHOUT_OWN = 10
# Words in a row of another script that make part of a sentence romanized.
_ROMANIZED_WORDS = 3
# One sentence is judged from this many words; this many words only another language uses
# name it ("Teilt den Hashtag und markiert uns." among Dutch sentences), or one in a sentence
# of this many lowercase words.
_SENTENCE_WORDS, _SENTENCE_EVIDENCE, _LONG_SENTENCE = 4, 2, 8
# Below this many words a text is short: judged by `short_foreign`, with less evidence.
_SHORT_TEXT = 25

# Which scripts each language is written in; a language not listed is not judged by script.
_LATIN = "en nl de fr es it pt pl sv da nb nn no fi et cs sk sl hr bs tr ro hu ca gl eu lv lt "
_LATIN += "id ms vi ga cy is eo af sw tl sq mt lb fy"
LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **{code: frozenset({"latin"}) for code in _LATIN.split()},
    **{code: frozenset({"cyrillic"}) for code in "ru uk bg be mk kk mn".split()},
    "sr": frozenset({"cyrillic", "latin"}),
    "el": frozenset({"greek"}),
    **{code: frozenset({"hebrew"}) for code in ("he", "yi")},
    **{code: frozenset({"arabic"}) for code in ("ar", "fa", "ur", "ps")},
    **{code: frozenset({"devanagari"}) for code in ("hi", "mr", "ne")},
    "th": frozenset({"thai"}),
    "ko": frozenset({"hangul"}),
    "ja": frozenset({"kana", "han"}),
    "zh": frozenset({"han"}),
}
# The language a script alone names.
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "hebrew": "he",
    "arabic": "ar",
    "devanagari": "hi",
    "thai": "th",
    "hangul": "ko",
    "kana": "ja",
}
# (first code point, script) in order; the script runs to the next entry's first code point.
_RANGES = [
    (0x0041, "latin"), (0x0250, ""), (0x0370, "greek"), (0x0400, "cyrillic"), (0x0530, ""),
    (0x0590, "hebrew"), (0x0600, "arabic"), (0x0700, ""), (0x0750, "arabic"), (0x0780, ""),
    (0x08A0, "arabic"), (0x0900, "devanagari"), (0x0980, ""), (0x0E00, "thai"), (0x0E80, ""),
    (0x1100, "hangul"), (0x1200, ""), (0x1E00, "latin"), (0x1F00, "greek"), (0x2000, ""),
    (0x3040, "kana"), (0x3100, ""), (0x3130, "hangul"), (0x3190, ""), (0x31F0, "kana"),
    (0x3200, ""), (0x3400, "han"), (0x4DC0, ""), (0x4E00, "han"), (0xA000, ""),
    (0xAC00, "hangul"), (0xD7B0, ""), (0xF900, "han"), (0xFB00, ""), (0xFB1D, "hebrew"),
    (0xFB50, "arabic"), (0xFE00, ""), (0xFE70, "arabic"), (0xFF00, ""), (0xFF66, "kana"),
    (0xFFA0, ""), (0x20000, "han"), (0x30000, ""),
]  # fmt: skip
_STARTS = [start for start, _script in _RANGES]
# A character of these scripts says as much as two or three Latin letters.
_WEIGHT = {"han": 3, "kana": 2, "hangul": 2}
# Enough letters of another script (weighted) to judge, and how far they must outweigh the
# expected script's: a Japanese sentence quoting an English slogan is still Japanese.
_SCRIPT_EVIDENCE, _SCRIPT_LEAD = 12, 4
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_SERBIAN_LETTERS = frozenset("ђјљњћџ")
_PERSIAN_LETTERS = frozenset("پچژگ")
# An elided article before a number ("all'1", "dell'8") is no word: Italian "all" is not English.


def _combining_marks() -> str:
    """A character class of the combining marks (Mn, Mc, Me): Devanagari's vowel signs, Thai's
    and Arabic's belong to their word ("लाइडेन" is one word, not "ल इड न"), which `\\w` alone
    would split."""
    marks = (chr(code) for code in range(0x0300, 0x20000))
    return "[" + "".join(re.escape(m) for m in marks if unicodedata.category(m)[0] == "M") + "]"


_LETTER = rf"(?:[^\W\d_]|{_combining_marks()})"
_WORD = re.compile(rf"(?<!{_LETTER})(?>{_LETTER}+(?:['’-]{_LETTER}+)*)(?!['’]\d)")
_JOINS = re.compile(r"['’-]")


# Codes that name the same written language: "no" is mostly written as Bokmål.
_SAME_LANGUAGE = {"no": "nb"}


def base(language: str) -> str:
    code = (language or "").lower().replace("_", "-").split("-")[0]
    return _SAME_LANGUAGE.get(code, code)


def words(text: str) -> list[str]:
    """The words of `text`, case-folded, placeholders set aside."""
    return list(_folded_words(text))


def written_words(text: str) -> list[str]:
    """The words of `text` as written (names keep their capitals), placeholders set aside."""
    return list(_written_words(text))


# The checks of one answer ask for the words of the same few texts (the source, the answer,
# its sentences) a score of times: each text is split once.
@functools.lru_cache(maxsize=64)
def _written_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_plain(text)))


@functools.lru_cache(maxsize=64)
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _written_words(text))


def _plain(text: str) -> str:
    """Placeholders set aside, composed (NFC): "é" typed as e and an accent is one letter."""
    return unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text))


def script_of(character: str) -> str:
    """The script of a letter ("latin", "cyrillic", "han", ...), "" for others."""
    index = bisect.bisect_right(_STARTS, ord(character)) - 1
    return _RANGES[index][1] if index >= 0 else ""


def has_vocabulary(language: str) -> bool:
    return base(language) in VOCABULARY


def telling_words(text: str, *, source_language: str, language: str) -> list[str]:
    """Words of `text` that belong to `source_language` and not to `language`: a copy that
    holds one was not translated. Names and acronyms are in neither list, and words most
    languages share ("Online", "Info") never tell."""
    own = VOCABULARY.get(base(source_language), frozenset())
    other = VOCABULARY.get(base(language), frozenset())
    found = []
    for word in _WORD.findall(_plain(text)):
        if len(word) > 1 and word.isupper():
            continue  # an acronym: FAQ, EU
        folded = word.casefold()
        if folded in other or folded in INTERNATIONAL:
            continue
        # "Rejoignez-nous", "aujourd'hui": the whole word, else one of its parts.
        parts = [folded, *(part for part in _JOINS.split(folded) if len(part) > 1)]
        if any(part in own and part not in other and part not in INTERNATIONAL for part in parts):
            found.append(folded)
    return found


def wrong_language(translated: str, language: str, *, source: str = "") -> str:
    """The language `translated` is written in when it is clearly not `language` ("?" when
    it cannot be named), else "". Words written capitalized in `source` (names, acronyms)
    are no evidence: they stay as they are in any language."""
    asked, language = language, base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if scripts is None:
        return ""
    text = _plain(translated)
    names = {w.casefold() for w in _WORD.findall(_plain(source)) if w[0].isupper()}
    expected, foreign = 0, Counter[str]()
    foreign_words = 0
    for word in _WORD.findall(text):
        if word.casefold() in names:
            continue  # a name kept (OpenStreetMap) is evidence for no language
        counts = Counter(script_of(ch) for ch in word if ch.isalpha())
        expected += sum(_WEIGHT.get(s, 1) * n for s, n in counts.items() if s in scripts)
        others = {s: n for s, n in counts.items() if s and s not in scripts}
        if others:
            foreign_words += 1
            foreign.update({s: _WEIGHT.get(s, 1) * n for s, n in others.items()})
    if foreign:
        script, weight = foreign.most_common(1)[0]
        cjk = script in _WEIGHT
        if (
            weight >= _SCRIPT_EVIDENCE
            and (cjk or foreign_words >= _LANGUAGE_EVIDENCE)
            and expected * _SCRIPT_LEAD < weight
        ):
            return _language_of_script(script, text)
    if language == "ja":
        kana = sum(script_of(ch) == "kana" for ch in text)
        han = sum(script_of(ch) == "han" for ch in text)
        # Japanese sentences always have kana; twelve Han characters without one are Chinese.
        return "zh" if han >= 12 and not kana else ""
    if language == "zh":
        kana = sum(script_of(ch) == "kana" for ch in text)
        return "ja" if kana >= 3 else ""
    close = (
        russian_or_ukrainian_instead(text, language)
        or czech_or_slovak_instead(text, language)
        or nynorsk_or_bokmal_instead(text, asked)
    )
    return close or _other_by_words(text, language, scripts, source=_plain(source))


def foreign_sentence(sentence: str, language: str) -> str:
    """The language one sentence of an answer is in when it is clearly not `language` (a
    model that switched language halfway; "?" when it cannot be named), else "": four words
    or more of another script, or, between Latin-script languages, no word only `language`
    uses and two only another uses (one, in a sentence of eight words), or one of
    `language`'s against three times as many of another's. Too little to judge a whole text
    by, enough for one sentence among others that are in `language`."""
    asked, language = language, base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if scripts is None:
        return ""
    plain = _plain(sentence)
    # "Ne partagez jamais ..." in a Russian answer, "В субботу мы ..." in a Dutch one.
    foreign = [
        w for w in _WORD.findall(plain) if script_of(w[0]) not in scripts | {""} and w.islower()
    ]
    if len(foreign) >= _SENTENCE_WORDS:
        own = sum(script_of(ch) in scripts for ch in plain)
        if own < sum(len(w) for w in foreign):
            return _language_of_script(script_of(foreign[0][0]), plain)
    if neighbour := neighbour_sentence(plain, language) or nynorsk_or_bokmal_instead(plain, asked):
        return neighbour  # "Хода починається об 11:00" among Russian sentences
    if language not in OWN_WORDS or len(words(sentence)) < _SENTENCE_WORDS:
        return ""
    hits = _word_hits(plain, language)
    best = max(hits, key=lambda code: hits[code])
    lowercase = sum(word.islower() for word in _WORD.findall(plain))
    if hits[best] <= hits.get(language, 0) or "latin" not in LANGUAGE_SCRIPTS[best]:
        return ""
    ours = _support(plain, language, best)
    if ours:
        # One word of the language among many of another: a sentence in that other one.
        clear = hits[best] > _SENTENCE_EVIDENCE and hits[best] >= _LANGUAGE_LEAD * ours
        return best if ours == 1 and clear else ""
    if hits[best] >= _SENTENCE_EVIDENCE or lowercase >= _LONG_SENTENCE:
        return best
    return ""


def romanized_run(sentence: str, language: str, *, kept: set[str]) -> str:
    """Three words or more in a row, in lowercase letters of another script than
    `language`'s and not among the `kept` words of the source: a model that slid into
    writing the language in Latin letters ("हमें बैनरों और ke liye abhi bhi chahiye"), else ""."""
    scripts = LANGUAGE_SCRIPTS.get(base(language))
    if not scripts:
        return ""
    run: list[str] = []
    for word in _WORD.findall(_plain(sentence)):
        if word.islower() and script_of(word[0]) not in scripts | {""} and word not in kept:
            run.append(word)
            if len(run) >= _ROMANIZED_WORDS:
                return " ".join(run)
        else:
            run = []
    return ""


def short_foreign(
    translated: str, language: str, *, source: str = "", source_language: str = ""
) -> str:
    """The language a short answer (a title, a label, one sentence) is in when it is not
    `language`: two words or more of another language's list that `language` does not have,
    and three times as many as of `language`'s that the other does not have. "" when it
    cannot tell (Dutch and German titles share most short words). The source's language is
    left to the checks for copies: a quotation kept in it is no damage."""
    language = base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if language not in VOCABULARY or not scripts or len(words(translated)) >= _SHORT_TEXT:
        return ""
    names = {w.casefold() for w in _WORD.findall(_plain(source)) if w[0].isupper()}
    text = " ".join(w for w in _WORD.findall(_plain(translated)) if w.casefold() not in names)
    for other in VOCABULARY:
        if other in (language, base(source_language)) or not LANGUAGE_SCRIPTS[other] & scripts:
            continue
        theirs = _telling(text, other, language)
        ours = _telling(text, language, other)
        if len(theirs) >= max(_SENTENCE_EVIDENCE, _LANGUAGE_LEAD * len(ours)):
            return other
    return ""


def _telling(text: str, language: str, other: str) -> list[str]:
    """Words of `text` that `language` writes and `other` does not: from the word lists, the
    names of days and months, and words with a letter only `language` has."""
    found = telling_words(text, source_language=language, language=other)
    theirs = CALENDAR.get(other, frozenset()) | VOCABULARY.get(other, frozenset())
    for word in words(text):
        if word in found:
            continue
        if word in CALENDAR.get(language, frozenset()) and word not in theirs:
            found.append(word)
        elif not _letters_against(language, other).isdisjoint(word):
            found.append(word)
    return found


def _other_by_words(text: str, language: str, scripts: frozenset[str], *, source: str) -> str:
    if language not in OWN_WORDS:
        return ""
    hits = {
        code: count
        for code, count in _word_hits(text, language).items()
        if LANGUAGE_SCRIPTS[code] & scripts
    }
    best = max(hits, key=lambda code: hits[code])
    # A sentence of many words without one word only the expected language writes, in a
    # third language (not the source's, which a copy or a kept quotation would be in), is not
    # in the expected one: less evidence names it ("Drzwi otwieramy 5 czerwca…" for "es").
    needed = _LANGUAGE_EVIDENCE
    if (
        not hits[language]
        and len(words(text)) >= _WORDS_WITHOUT_OWN
        and not _word_hits(source).get(best)
    ):
        needed = _LANGUAGE_EVIDENCE // 2
    if hits[best] > hits[language] and hits[best] >= needed:
        return best if _support(text, language, best) * _LANGUAGE_LEAD < hits[best] else ""
    return ""


def _language_of_script(script: str, text: str) -> str:
    if script in _SCRIPT_LANGUAGE:
        if script == "arabic" and set(text) & _PERSIAN_LETTERS:
            return "fa"
        return _SCRIPT_LANGUAGE[script]
    if script == "han":
        return "ja" if any(script_of(ch) == "kana" for ch in text) else "zh"
    if script == "cyrillic":
        letters = set(text.casefold())
        if letters & _SERBIAN_LETTERS:
            return "sr"  # also Croatian or Bosnian written in Serbian Cyrillic
        return "uk" if letters & _UKRAINIAN_LETTERS else "ru"
    if script == "latin":
        hits = _word_hits(text)
        best = max(hits, key=lambda code: hits[code])
        return best if hits[best] >= 2 else "?"
    return "?"


def _word_hits(text: str, language: str = "") -> dict[str, int]:
    """Per language, the words of `text` that only it uses (by spelling or by a letter); the
    parts of a joined word count too ("inscrivez-vous", "l'eau"). Letters `language` writes
    itself tell nothing against it."""
    found = _words_and_parts(text)
    hits = {code: sum(word in own for word in found) for code, own in OWN_WORDS.items()}
    for word in words(text):
        for code, letters in OWN_LETTERS.items():
            if not (letters - WRITTEN_LETTERS.get(language, frozenset())).isdisjoint(word):
                hits[code] += 1
    return hits


def _support(text: str, language: str, rival: str) -> int:
    """The words of `text` that `language` uses and `rival` does not, by its list or a letter:
    a Danish "ikke", which Norwegian shares, still speaks for Danish against German."""
    rivals = LISTED_WORDS.get(rival, frozenset())
    found = sum(
        word in LISTED_WORDS.get(language, frozenset()) and word not in rivals
        for word in _words_and_parts(text)
    )
    letters = _letters_against(language, rival)
    return found + sum(not letters.isdisjoint(word) for word in words(text))


def _words_and_parts(text: str) -> list[str]:
    found = words(text)
    parts = [part for word in found if _JOINS.search(word) for part in _JOINS.split(word)]
    return found + [part for part in parts if len(part) > 1]


def _letters_against(language: str, rival: str) -> frozenset[str]:
    """Letters `language` writes and `rival` does not."""
    rivals = OWN_LETTERS.get(rival, frozenset()) | WRITTEN_LETTERS.get(rival, frozenset())
    return OWN_LETTERS.get(language, frozenset()) - rivals
