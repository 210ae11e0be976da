"""A heading, list item or table cell of three words left in the source's language while the
rest of the page was translated ("## What to bring" on a Japanese page): too short for the
copied sentences `oddities` looks for (four words or more), but one of its words belongs to
the source's language only, so no name or slogan kept on purpose looks like it.
"""

from django.utils.translation import gettext as _

from . import languages
from .problems import Problem
from .proportions import text_blocks

# Shorter labels ("Program", "FAQ", "Pause AI") are often the same in both languages.
_LABEL_WORDS = 3


def copied_label_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    if languages.base(source_language) == languages.base(language):
        return []
    labels = {
        tuple(found)
        for block in text_blocks(source)
        if len(found := languages.words(block)) == _LABEL_WORDS
    }
    for block in text_blocks(translated):
        if tuple(languages.words(block)) in labels and languages.telling_words(
            block, source_language=source_language, language=language
        ):
            label = block.strip("#*_ ")[:80]
            return [
                Problem(
                    "partly_untranslated",
                    _("Part of the answer is the source text, untranslated: “%(text)s”.")
                    % {"text": label},
                    f"Part of your answer repeats the text untranslated (“{label}”). "
                    f"Translate every heading, list item and table cell too.",
                )
            ]
    return []
