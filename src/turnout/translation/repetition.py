"""An answer that says something twice: a sentence written again, the whole answer given
twice, or words looping ("Meld je nu aan Meld je nu aan") where the source repeats nothing.
"""

from .languages import script_of, words
from .proportions import sentences, text_blocks

# The longest run of words looked for as a loop, in words: keeps the search linear.
_LONGEST_LOOP = 40
# A sentence this long may not come twice: three words, or, in scripts written without
# spaces, this many characters ("土曜日に参加してください" is one word).
_SHORTEST_WORDS, _SHORTEST_UNSPACED = 3, 6
_UNSPACED_SCRIPTS = frozenset({"han", "kana", "thai"})


def repeated_sentence(source: str, translated: str) -> str:
    """A sentence of three words or more (six characters in Chinese or Japanese) that the
    answer has twice where the source repeats none (a model that looped, gave its answer
    twice, or wrote one sentence in place of another)."""
    if _repeats(source) or _said_twice(source):
        return ""
    return _said_twice(translated) or _repeats(translated)


def _said_twice(text: str) -> str:
    """The first half of `text` when its second half says the same words: an answer given
    twice (a list of one-word items too), else ""."""
    found = words(text)
    half = len(found) // 2
    if half and len(found) % 2 == 0 and found[:half] == found[half:]:
        return " ".join(found[:half])
    return ""


def _repeats(text: str) -> str:
    seen: set[tuple[str, ...]] = set()
    for block in text_blocks(text):
        for sentence in sentences(block):
            found = tuple(words(sentence))
            if _is_long_enough(found) and found in seen:
                return sentence
            seen.add(found)
        if looped := _looped_words(block):
            return looped
    return ""


def _looped_words(block: str) -> str:
    """Words said twice or more in a row with no full stop between ("Meld je nu aan Meld je
    nu aan", "Warum wir am 12. Warum wir am 12. Mai"), else ""."""
    found = words(block)
    if len(found) >= 2 and len(set(found)) == 1:
        return found[0]  # "Записаться Записаться" for a button's one word
    for period in range(2, _LONGEST_LOOP + 1):
        run = 0
        for i in range(period, len(found)):
            run = run + 1 if found[i] == found[i - period] else 0
            if run >= period:
                return " ".join(found[i + 1 - period : i + 1])
    return ""


def _is_long_enough(found: tuple[str, ...]) -> bool:
    if len(found) >= _SHORTEST_WORDS:
        return True
    letters = "".join(found)
    return len(letters) >= _SHORTEST_UNSPACED and script_of(letters[0]) in _UNSPACED_SCRIPTS
