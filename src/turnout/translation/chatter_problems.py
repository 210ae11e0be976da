"""What a model writes around or into its translation, said as problems: a code fence or an
indent, backticks, a preamble or a closing remark, a paragraph or line split in two or added.
"""

from django.utils.translation import gettext as _

from .chatter import wrapping
from .placeholders import PLACEHOLDER
from .problems import Problem


def chatter_problems(source: str, translated: str) -> list[Problem]:
    """What `translated` has around its translation or more than its source."""
    found = wrapping(source=source, translated=translated)
    problems = []
    if found.indented:
        problems.append(
            Problem(
                "fence",
                _("The answer is indented as a code block (four spaces or a tab)."),
                "Your answer was indented, which makes it a code block. Reply with the "
                "translated Markdown itself, each line starting where the text's does.",
            )
        )
    elif found.fenced:
        problems.append(
            Problem(
                "fence",
                _("The answer is wrapped in a code block (``` or ~~~)."),
                "Your answer was wrapped in a code block. Reply with the translated Markdown "
                "itself, without ``` or ~~~ fences around it.",
            )
        )
    elif translated.count("`") > PLACEHOLDER.sub("", source).count("`"):
        problems.append(
            Problem(
                "backticks",
                _("The answer contains code markup (`) that the source does not have."),
                "Your answer contains backticks (`) that are not in the text. Do not write "
                "code: copy each ⟦n⟧ token as it is.",
            )
        )
    for chatter in found.chatter:
        if chatter.where == "before":
            problems.append(
                Problem(
                    "preamble",
                    _("The answer began with text that is not part of the translation: “%(text)s”.")
                    % {"text": chatter.text},
                    f"Your answer began with text that is not part of the translation "
                    f"(“{chatter.text}”). Reply with the translation only, starting with its "
                    f"first word.",
                )
            )
        else:
            problems.append(
                Problem(
                    "postamble",
                    _("The answer ended with text that is not part of the translation: “%(text)s”.")
                    % {"text": chatter.text},
                    f"Your answer ended with text that is not part of the translation "
                    f"(“{chatter.text}”). Reply with the translation only, with nothing after it.",
                )
            )
    if found.split:
        got, expected = found.extra_paragraphs or found.extra_lines or (0, 0)
        what = "paragraphs" if found.extra_paragraphs else "lines"
        message = (
            _(
                "A paragraph was split: the answer has %(found)d paragraphs where the "
                "source has %(expected)d."
            )
            if found.extra_paragraphs
            else _(
                "A line was split: the answer has %(found)d lines where the source has "
                "%(expected)d."
            )
        )
        problems.append(
            Problem(
                "split",
                message % {"found": got, "expected": expected},
                f"Your answer split a paragraph or line of the text in two: it has {got} "
                f"{what} where the text has {expected}. Keep each paragraph and each line of "
                f"the text as one, without new line breaks inside it.",
            )
        )
    elif found.extra_paragraphs and all(chatter.by_shape for chatter in found.chatter):
        got, expected = found.extra_paragraphs
        problems.append(
            Problem(
                "paragraphs",
                _("The answer has %(found)d paragraphs where the source has %(expected)d.")
                % {"found": got, "expected": expected},
                f"Your answer has {got} paragraphs where the text has {expected}. Reply with "
                f"the translation only, paragraph for paragraph.",
            )
        )
    elif found.extra_lines and all(chatter.by_shape for chatter in found.chatter):
        got, expected = found.extra_lines
        problems.append(
            Problem(
                "lines",
                _("The answer has %(found)d lines where the source has %(expected)d.")
                % {"found": got, "expected": expected},
                f"Your answer has {got} lines where the text has {expected}. Reply with the "
                f"translation only, line for line.",
            )
        )
    return problems
