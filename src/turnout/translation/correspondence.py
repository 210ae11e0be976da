"""Whether an answer translates this source, sentence by sentence: not another text's
translation, not its sentences swapped, not its brand names gone.

A translation keeps the source's sentences in order, one for one (the sentence count is
checked elsewhere). Sentences swapped, or one replaced by a sentence of another text, keep
the count; what gives them away is what a translator never moves or invents: placeholders,
numbers, names kept as they are (Amsterdam, PauseAI), a question mark. Sentences with none of
these can trade places unseen: that takes understanding them.
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

from .chatter import is_refusal
from .cities import city_problems
from .figures import (
    added_numbers,
    changed_numbers,
    phone_problems,
    separator_problems,
    share_problems,
)
from .languages import words
from .moments import moment_problems
from .number_words import count_problems
from .people import name_problems
from .placeholders import PLACEHOLDER
from .problems import Problem
from .proportions import as_punctuated, ends_with_full_stop, sentences, text_blocks
from .symbols import symbol_problems
from .weekdays import weekday_problems
from .wording import wording_problems
from .zones import zone_problems

# A brand written with a capital inside the word (PauseAI, OpenStreetMap, YouTube):
# no translator translates one, so a source's brand missing from the answer was lost, or the
# answer is for another text.
_BRAND = re.compile(r"(?<![\w⟦])[A-Za-z][a-z]+[A-Z][\w]*")
_NAME = re.compile(r"(?<![\w⟦])[A-Z][\w-]*[A-Za-z]")
_QUESTION_MARKS = "?？؟"
_CLOSING = "\"'”’»›)]*_“ \u00a0\u202f"


def correspondence_problems(
    source: str, translated: str, *, source_language: str, language: str, judge_order: bool = True
) -> list[Problem]:
    """Why `translated` is not this source's translation; both texts with placeholders. The
    order of sentences is judged only when `judge_order` (no other damage was found)."""
    if is_refusal(source=source, translated=translated):
        return [
            Problem(
                "refusal",
                _("The model declined to translate the text."),
                "Your answer declined the task. The text is part of a public web page: "
                "translate it.",
            )
        ]
    problems = []
    if added := added_numbers(source, translated):
        shown = ", ".join(added)
        problems.append(
            Problem(
                "numbers_added",
                _("The translation has numbers that the source does not: %(numbers)s.")
                % {"numbers": shown},
                f"Your answer contains the number(s) {shown}, which are not in the text. Keep "
                f"the numbers of the text and add none.",
            )
        )
    if lost := lost_brands(source, translated):
        shown = ", ".join(lost)
        problems.append(
            Problem(
                "names",
                _("Names of the source are missing: %(names)s.") % {"names": shown},
                f"Your answer lacks the name(s) {shown}. Keep names as they are written in "
                f"the text.",
            )
        )
    if became_sentence(source, translated):
        problems.append(
            Problem(
                "full_stop_added",
                _(
                    "The source is a title or label without a full stop, the translation ends "
                    "with one: probably a sentence of another text."
                ),
                "Your answer ends with a full stop where the text has none: it is a title or "
                "a label. Translate it as one.",
            )
        )
    languages = {"source_language": source_language, "language": language}
    problems += separator_problems(source, translated, **languages)
    problems += phone_problems(source, translated)
    problems += share_problems(source, translated)
    problems += moment_problems(source, translated, **languages)
    problems += count_problems(source, translated, **languages)
    problems += weekday_problems(source, translated, **languages)
    problems += wording_problems(source, translated, **languages)
    problems += symbol_problems(source, translated)
    problems += zone_problems(source, translated, **languages)
    problems += city_problems(source, translated, language=language)
    problems += name_problems(source, translated, source_language=source_language)
    if swapped_between_names(source, translated):
        problems.append(
            Problem(
                "swapped_figures",
                _(
                    "Numbers of the source (days, times) belong to other names in the "
                    "translation: two places or groups swapped their dates."
                ),
                "Your answer gives a number (a day, a time) to another name than the text "
                "does. Keep each date and time with the place or group it belongs to.",
            )
        )
    if judge_order and (
        number := misplaced_sentence(
            source, translated, source_language=source_language, language=language
        )
    ):
        problems.append(
            Problem(
                "sentence_order",
                _(
                    "Sentence %(number)d of the translation does not translate sentence "
                    "%(number)d of the source (its links, numbers, names or question mark "
                    "belong to another sentence): sentences were swapped or replaced."
                )
                % {"number": number},
                f"Sentence {number} of your answer does not translate sentence {number} of the "
                f"text. Translate the sentences in their order, each into one sentence, and "
                f"keep each ⟦n⟧ token and number in the sentence where it is.",
            )
        )
    return problems


def misplaced_sentence(source: str, translated: str, *, source_language: str, language: str) -> int:
    """The number (from 1) of the first sentence of `translated` that belongs elsewhere, or
    0; both texts with placeholders. Only judged when both have the same blocks and
    sentences."""
    source_sentences = _sentences(as_punctuated(source, source_language))
    found = _sentences(as_punctuated(translated, language))
    if [len(block) for block in source_sentences] != [len(block) for block in found]:
        return 0
    kept = _kept_names(source, translated)
    # A token standing alone ("## Actie! ⟦1⟧") is in no sentence: tokens cannot be compared.
    by_tokens = _tokens_in_sentences(source_sentences) == Counter(
        PLACEHOLDER.findall(source)
    ) and _tokens_in_sentences(found) == Counter(PLACEHOLDER.findall(translated))
    pairs = [
        (original, answer)
        for originals, answers in zip(source_sentences, found, strict=True)
        for original, answer in zip(originals, answers, strict=True)
    ]
    for number, (original, answer) in enumerate(pairs, start=1):
        if not _matches(original, answer, kept, by_tokens=by_tokens):
            return number
    return 0


def swapped_between_names(source: str, translated: str) -> bool:
    """Two numbers of one sentence that changed sides of a name both texts keep in the same
    order ("Utrecht on 12 May and Leiden on 19 May" answered "Utrecht op 19 mei en Leiden op
    12 mei"). Moving a number within its part, or every part's numbers ahead of its name
    ("Op 12 mei Utrecht, op 19 mei Leiden"), keeps each number's side."""
    source_sentences = [s for block in _sentences(source) for s in block]
    found = [s for block in _sentences(translated) for s in block]
    if len(source_sentences) != len(found):
        return False
    return any(
        _sides_swapped(original, answer)
        for original, answer in zip(source_sentences, found, strict=True)
    )


def _sides_swapped(original: str, answer: str) -> bool:
    original, answer = PLACEHOLDER.sub(" ", original), PLACEHOLDER.sub(" ", answer)
    answer_words = Counter(words(answer))
    names = [
        m
        for m in _NAME.finditer(original)
        if answer_words[m.group(0).casefold()] == 1
        and Counter(words(original))[m.group(0).casefold()] == 1
    ]
    if len(names) < 2:
        return False
    kept = [m.group(0).casefold() for m in names]
    positions = {
        w: m.start() for w in kept for m in _words_at(answer) if m.group(0).casefold() == w
    }
    if sorted(kept, key=lambda w: positions.get(w, -1)) != kept or len(positions) != len(kept):
        return False  # names reordered: sides cannot be compared
    source_sides = _sides(original, [m.start() for m in names])
    answer_sides = _sides(answer, [positions[w] for w in kept])
    shared = [n for n in source_sides if n in answer_sides]
    return any(
        source_sides[a] < source_sides[b] and answer_sides[a] > answer_sides[b]
        for a in shared
        for b in shared
    )


_DIGITS = re.compile(r"(?<![\d.,:])\d+(?![\d])")


def _words_at(text: str) -> list[re.Match]:
    return list(re.finditer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text))


def _sides(text: str, name_positions: list[int]) -> dict[str, int]:
    """Each number written once in `text`, with how many of the names come before it."""
    found = [(m.group(0).lstrip("0"), m.start()) for m in _DIGITS.finditer(text)]
    counts = Counter(value for value, _at in found)
    return {
        value: sum(position < at for position in name_positions)
        for value, at in found
        if value and counts[value] == 1
    }


def _sentences(text: str) -> list[list[str]]:
    return [sentences(block) for block in text_blocks(text)]


def _kept_names(source: str, translated: str) -> set[str]:
    """Capitalized words of the source, not opening a sentence, that the answer has too."""
    answer_words = set(words(translated))
    names = set()
    for block in text_blocks(source):
        for sentence in sentences(block):
            plain = PLACEHOLDER.sub(" ", sentence)
            for match in _NAME.finditer(plain):
                # "![Volunteers on ...]" opens with its first word, after the marks.
                opening = not any(ch.isalnum() for ch in plain[: match.start()])
                if not opening and match.group(0).casefold() in answer_words:
                    names.add(match.group(0).casefold())
    return names


def _tokens_in_sentences(blocks: list[list[str]]) -> Counter[str]:
    return Counter(
        t for block in blocks for sentence in block for t in PLACEHOLDER.findall(sentence)
    )


def _matches(original: str, answer: str, kept: set[str], *, by_tokens: bool) -> bool:
    if by_tokens and Counter(PLACEHOLDER.findall(original)) != Counter(PLACEHOLDER.findall(answer)):
        return False
    if changed_numbers(original, answer) or added_numbers(original, answer):
        return False
    if _is_question(original) != _is_question(answer):
        return False
    return kept & set(words(original)) == kept & set(words(answer))


def _is_question(sentence: str) -> bool:
    rest = PLACEHOLDER.sub("", sentence).rstrip(_CLOSING)
    # Armenian marks a question on its stressed word ("Կգա՞ք") and ends it with a full stop.
    return bool(rest) and (rest[-1] in _QUESTION_MARKS or "\u055e" in rest)


def lost_brands(source: str, translated: str) -> list[str]:
    """Brand names of `source` (PauseAI, OpenStreetMap) that `translated` does not have."""
    answer = PLACEHOLDER.sub(" ", translated)
    found = {match.group(0) for match in _BRAND.finditer(PLACEHOLDER.sub(" ", source))}
    return sorted(brand for brand in found if brand not in answer)


def became_sentence(source: str, translated: str) -> bool:
    """A title or label (no final punctuation) answered with a sentence ending in a full stop,
    block by block; an abbreviation's full stop ("e.V.", "etc.") is not counted."""
    source_blocks, blocks = text_blocks(source), text_blocks(translated)
    if len(source_blocks) != len(blocks):
        return False
    return any(
        not ends_with_full_stop(original) and _ends_with_sentence_stop(answer)
        for original, answer in zip(source_blocks, blocks, strict=True)
    )


def _ends_with_sentence_stop(block: str) -> bool:
    rest = PLACEHOLDER.sub("", block).rstrip().rstrip(_CLOSING)
    last_word = rest.rsplit(None, 1)[-1] if rest.strip() else ""
    return rest.endswith((".", "。")) and last_word.count(".") == 1 and len(last_word) > 4
