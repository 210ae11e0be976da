"""Checks a machine translation must pass before it may reach a page.

Nothing around the translation (no preamble, closing remark or code fence), every placeholder
back exactly once, the same block structure (heading levels, list markers, quote markers, table
cells, a page's front matter keys and data), every heading's anchor still at its end, the
same link targets in the same order, no code, tag or address the source lacks, no paragraph
split in two or two merged, and a length and sentence count that a faithful translation into
that language has (else it was cut off or padded).
Also (`oddities`): the right language, nothing of the source copied (nor a heading of three
words: `copied_labels`), the same numbers, the same emphasis, no invisible control characters
or direction marks, no text garbled by a wrong encoding, no stray HTML or entities, no
quotation marks or JSON around the answer, and an answer the provider finished; Chinese and
Serbian in the script their readers read (`chinese_script`, `serbian_script`). And
(`correspondence`): no refusal, no numbers or brand names the source lacks or loses, the same
phone numbers, percentages, days of the week, currencies, @handles, time zones (`zones`),
counts written in words (`number_words`), cities (`cities`) and people's names (`people`,
in another script by their sound: `name_sounds`), no sentences swapped or taken from another
text. Last: no word mixing look-alike alphabets (`lookalikes`), no year in another era
(`eras`), no Markdown escaped with backslashes, and a line that tells a model what to do
translated, not obeyed (`orders`); every image still an image with its description, every
table cell's numbers in their column (`markdown_content`), no distance or temperature in
other units (`units`), no numbers in digits the language's readers do not use
(`digit_scripts`), no quotation mark without its pair (`quotation_marks`), no remark in
brackets (`asides`) nor note that the text was translated (`translation_notes`), the
emphasis on the same numbers (`emphasis_place`), and no right-to-left sentence with its full
stop first (`right_to_left`).

Each problem is said twice: in plain words for the translator who reviews the segment, and as
an instruction to the model for the next attempt (in English, the prompt's language).
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

from .asides import aside_problems
from .chatter_problems import chatter_problems
from .chinese_script import chinese_script_problems
from .copied_labels import copied_label_problems
from .correspondence import correspondence_problems
from .digit_scripts import digit_problems
from .emphasis_place import emphasis_place_problems
from .eras import era_problems
from .languages import base
from .lookalikes import mixed_script_problems
from .markdown_content import image_problems, table_cell_problems
from .markdown_shape import escaped_markdown_problems, structure_problems
from .oddities import odd_problems
from .orders import order_problems
from .placeholders import PLACEHOLDER, ProtectedText, protect
from .problems import Problem
from .proportions import (
    as_punctuated,
    ends_with_full_stop,
    length_bounds,
    measured_length,
    sentence_count,
    text_blocks,
)
from .quotation_marks import stray_quote_problems
from .right_to_left import punctuation_side_problems
from .serbian_script import serbian_script_problems
from .translation_notes import translation_note_problems
from .units import unit_problems

# How chat servers say an answer ended by itself (OpenAI, llama.cpp, vLLM, TGI, Anthropic).
NORMAL_FINISH = frozenset({"stop", "eos", "eos_token", "stop_sequence", "end_turn"})
# Languages that end sentences with a space rather than a full stop: sentences cannot be counted.
UNPUNCTUATED = frozenset({"th", "lo", "km"})
# Problems that already say the answer is not (all) in the language asked for.
_UNTRANSLATED = frozenset(
    {"untranslated", "partly_untranslated", "wrong_language", "mixed_language"}
)
# Below this many characters, a ratio of lengths says nothing (one word against another).
RATIO_FLOOR = 12

_LINK_TARGET = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)")
_HEADING_ID = re.compile(r"\{#([A-Za-z][\w-]*)\}")
_LINK_TOKEN = re.compile(r"\]⟦(\d+)⟧")
_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s")


def translation_problems(
    *,
    protected: ProtectedText,
    translated: str,
    finish_reason: str = "stop",
    source_language: str = "en",
    language: str = "",
) -> list[Problem]:
    """Why `translated` (still with placeholders) may not be used; empty when it may."""
    problems: list[Problem] = []
    if finish_reason == "length":
        problems.append(
            Problem(
                "length_limit",
                _("The provider stopped early (length limit): the text is cut off."),
                "Your answer was cut off by the length limit. Translate the whole text, "
                "and nothing else.",
            )
        )
    elif finish_reason not in NORMAL_FINISH:
        problems.append(
            Problem(
                "finish",
                _("The provider did not finish the answer normally (%(reason)s).")
                % {"reason": finish_reason[:40]},
                "Your answer was not finished normally. Translate the whole text, and nothing "
                "else.",
            )
        )
    if not translated.strip():
        return problems + [
            Problem(
                "empty",
                _("The translation is empty."),
                "Your answer was empty. Reply with the translation of the text.",
            )
        ]
    source = protected.restore(protected.text)
    result = protected.restore(translated)
    wrapped = chatter_problems(source, translated)
    problems += wrapped
    problems += _placeholder_problems(protected, translated)
    problems += odd_problems(
        protected.text, translated, source_language, language, wrapped=bool(wrapped)
    )
    if not any(p.code in _UNTRANSLATED for p in problems):
        problems += copied_label_problems(
            protected.text, translated, source_language=source_language, language=language
        )
    problems += structure_problems(source, result)
    problems += table_cell_problems(source, result)
    problems += chinese_script_problems(protected.text, translated, language=language)
    problems += serbian_script_problems(protected.text, translated, language=language)
    problems += _anchor_problems(protected, source, result)
    problems += _link_problems(source, result, protected.text, translated)
    problems += image_problems(protected.text, translated)
    if not wrapped:  # text around the translation also adds length, sentences and code
        problems += _added_parts(protected, result)
        problems += _proportion_problems(protected.text, translated, source_language, language)
    problems += correspondence_problems(
        protected.text,
        translated,
        source_language=source_language,
        language=language,
        judge_order=not problems,  # sentences counted apart: nothing to align
    )
    # After the order was judged: these keep every sentence where it was.
    problems += mixed_script_problems(protected.text, translated)
    problems += era_problems(protected.text, translated)
    problems += escaped_markdown_problems(protected.text, translated)
    problems += unit_problems(protected.text, translated)
    problems += digit_problems(protected.text, translated, language=language)
    problems += stray_quote_problems(protected.text, translated)
    # A note before or after the answer is said as such; one between its paragraphs is a
    # paragraph more than the source has, which says less than "a remark in brackets".
    if not any(problem.code in ("preamble", "postamble") for problem in wrapped):
        problems += aside_problems(protected.text, translated)
    if not any(problem.code in ("preamble", "postamble", "aside") for problem in problems):
        problems += translation_note_problems(protected.text, translated)
    problems += emphasis_place_problems(protected.text, translated)
    problems += punctuation_side_problems(protected.text, translated, language=language)
    problems += order_problems(
        protected.text, translated, source_language=source_language, language=language
    )
    return problems


def _placeholder_problems(protected: ProtectedText, translated: str) -> list[Problem]:
    problems = []
    expected = Counter(PLACEHOLDER.findall(protected.text))
    found = Counter(PLACEHOLDER.findall(translated))
    missing = sorted(set(expected) - set(found), key=int)
    if missing:
        problems.append(
            Problem(
                "missing",
                _("Protected parts are missing: %(parts)s.")
                % {"parts": ", ".join(protected.originals[int(n) - 1] for n in missing)},
                f"Your answer lacks {_tokens(missing)}. Copy every ⟦n⟧ token of the text "
                f"exactly once, unchanged, where it belongs.",
            )
        )
    repeated = sorted((n for n, count in found.items() if count > 1), key=int)
    if repeated:
        problems.append(
            Problem(
                "repeated",
                _("Protected parts appear more than once: %(parts)s.")
                % {"parts": ", ".join(f"⟦{n}⟧" for n in repeated)},
                f"Your answer repeats {_tokens(repeated)}. Copy every ⟦n⟧ token exactly once.",
            )
        )
    unknown = sorted(set(found) - set(expected), key=int)
    if unknown:
        problems.append(
            Problem(
                "invented",
                _("The translation invents placeholders: %(parts)s.")
                % {"parts": ", ".join(f"⟦{n}⟧" for n in unknown)},
                f"Your answer contains {_tokens(unknown)}, which the text does not have. Use "
                f"only the ⟦n⟧ tokens of the text.",
            )
        )
    return problems


def _anchor_problems(protected: ProtectedText, source: str, result: str) -> list[Problem]:
    """Every heading keeps its `{#id}`, as the last thing on its line, or the id changes."""
    if _HEADING_ID.findall(source) != _HEADING_ID.findall(result):
        return [
            Problem(
                "anchors",
                _("Heading anchors changed."),
                "Your answer changed the heading's anchor token. Copy it unchanged at the "
                "very end of the heading.",
            )
        ]
    moved = [
        anchor
        for line in result.splitlines()
        if _HEADING_LINE.match(line)
        for anchor in _HEADING_ID.findall(line)
        if not line.rstrip().endswith("{#" + anchor + "}")
    ]
    if not moved:
        return []
    tokens = [
        f"⟦{protected.originals.index('{#' + anchor + '}') + 1}⟧"
        for anchor in moved
        if "{#" + anchor + "}" in protected.originals
    ]
    return [
        Problem(
            "anchor_moved",
            _("The heading's anchor %(anchor)s is no longer at the end of the heading.")
            % {"anchor": ", ".join("{#" + a + "}" for a in moved)},
            f"In your answer {', '.join(tokens) or 'the anchor'} is no longer at the end of the "
            f"heading. Keep it as the very last thing on the heading's line.",
        )
    ]


def _link_problems(
    source: str, result: str, protected_source: str, translated: str
) -> list[Problem]:
    expected, found = _LINK_TARGET.findall(source), _LINK_TARGET.findall(result)
    if expected == found:
        return []
    if Counter(expected) == Counter(found):
        tokens_expected = _tokens(_LINK_TOKEN.findall(protected_source))
        tokens_found = _tokens(_LINK_TOKEN.findall(translated))
        return [
            Problem(
                "link_order",
                _(
                    "The links point to the right pages but in another order, so a link's "
                    "words lead to another link's page: %(order)s."
                )
                % {"order": " · ".join(found)},
                f"In your answer the links' tokens are in another order than in the text "
                f"({tokens_found} instead of {tokens_expected}), so a link's words now lead to "
                f"another link's page. Keep each [link text] followed by the same token as in "
                f"the text, in the same order.",
            )
        ]
    return [
        Problem(
            "links",
            _("Link targets changed."),
            "Your answer changed where the links point. Keep every [link text] directly "
            "followed by its ⟦n⟧ token, as in the text.",
        )
    ]


def _added_parts(protected: ProtectedText, result: str) -> list[Problem]:
    """Code, tags, addresses or link targets the model wrote itself instead of a placeholder."""
    added = Counter(protect(result).originals) - Counter(protected.originals)
    if not added:
        return []
    parts = ", ".join(sorted(added))
    return [
        Problem(
            "added",
            _(
                "The translation contains code, links or tags that the source does not have: "
                "%(parts)s."
            )
            % {"parts": parts},
            f"Your answer contains {parts}, which is not in the text. Write no code, links, "
            f"addresses or tags yourself: copy the ⟦n⟧ tokens.",
        )
    ]


def _proportion_problems(
    source: str, translated: str, source_language: str, language: str
) -> list[Problem]:
    problems = []
    source_length, length = measured_length(source), measured_length(translated)
    # A short source ("Donate") says nothing about how short its translation may be, but a
    # paragraph in answer to it is still padding: it is measured as if RATIO_FLOOR long.
    bounds = length_bounds(
        source_length=max(source_length, RATIO_FLOOR),
        source_language=source_language,
        language=language,
    )
    too_short = source_length >= RATIO_FLOOR and length < bounds.shortest
    if too_short or length > bounds.longest:
        problems.append(
            Problem(
                "short" if too_short else "long",
                _(
                    "The translation is %(ratio)d%% of the source's length, where about "
                    "%(expected)d%% is usual: probably cut off or padded."
                )
                % {
                    # A source of placeholders only (a catalogue's "%(count)d") has no length.
                    "ratio": round(100 * length / max(source_length, 1)),
                    "expected": round(100 * bounds.expected),
                },
                "Your answer is much shorter than a translation of the text: it seems cut "
                "off. Translate the whole text."
                if too_short
                else "Your answer is much longer than a translation of the text: reply "
                "with the translation only, adding nothing.",
            )
        )
    translated = as_punctuated(translated, language)
    source = as_punctuated(source, source_language)
    expected, found = sentence_count(source), sentence_count(translated)
    if expected != found and base(language) not in UNPUNCTUATED:
        problems.append(
            Problem(
                "sentences",
                _("The translation has %(found)d sentences where the source has %(expected)d.")
                % {"found": found, "expected": expected},
                f"Your answer has {found} sentences where the text has {expected}. Translate "
                f"sentence by sentence, adding nothing and leaving nothing out.",
            )
        )
    source_blocks, blocks = text_blocks(source), text_blocks(translated)
    if len(source_blocks) == len(blocks) and any(
        _block_cut_off(a, b, source_language=source_language, language=language)
        for a, b in zip(source_blocks, blocks, strict=True)
    ):
        problems.append(
            Problem(
                "cut_off",
                _(
                    "A sentence of the translation stops short (without its final "
                    "punctuation, or far shorter than the source's): probably cut off."
                ),
                "Your answer stops before the end of a sentence. Translate the whole text, "
                "every sentence to its end.",
            )
        )
    return problems


def _block_cut_off(source: str, block: str, *, source_language: str, language: str) -> bool:
    """A block (a list item, a cell, a paragraph) that lost its final punctuation, or, where
    a sentence ends with a space (Thai), is far shorter than a translation of its source."""
    if base(language) not in UNPUNCTUATED:
        return ends_with_full_stop(source) and not ends_with_full_stop(block)
    source_length = measured_length(source)
    bounds = length_bounds(
        source_length=source_length, source_language=source_language, language=language
    )
    return source_length >= RATIO_FLOOR and measured_length(block) < bounds.shortest


def _tokens(numbers: list[str]) -> str:
    return ", ".join(f"⟦{n}⟧" for n in numbers)
