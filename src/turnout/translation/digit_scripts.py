"""The digits a translation writes its numbers in: the source's, or the ones its readers use.

Persian writes "۹ خرداد" and Hindi may write "९ जून": the same number in the language's own
digits is faithful (`figures` reads every decimal digit as its value). But "٩" on a Greek page
or "९" on a Korean one is a number its readers cannot read: a model that slid into another
language's digits. Latin digits are everyone's; full-width ones belong to Chinese, Japanese
and Korean text; a script's own digits belong to the languages written in it.
"""

import unicodedata

from django.utils.translation import gettext as _

from .languages import base
from .placeholders import PLACEHOLDER
from .problems import Problem

# Unicode's name for each set of digits ("ARABIC-INDIC DIGIT NINE") -> the languages whose
# readers write numbers in them. Arabic-script languages read both Arabic digit sets alike.
_ARABIC = frozenset({"ar", "fa", "ur", "ps", "ckb", "sd", "ug", "ks"})
_READERS = {
    "ARABIC-INDIC": _ARABIC,
    "EXTENDED ARABIC-INDIC": _ARABIC,
    "DEVANAGARI": frozenset({"hi", "mr", "ne", "sa", "kok", "mai"}),
    "BENGALI": frozenset({"bn", "as"}),
    "GUJARATI": frozenset({"gu"}),
    "GURMUKHI": frozenset({"pa"}),
    "ORIYA": frozenset({"or"}),
    "TAMIL": frozenset({"ta"}),
    "TELUGU": frozenset({"te"}),
    "KANNADA": frozenset({"kn"}),
    "MALAYALAM": frozenset({"ml"}),
    "THAI": frozenset({"th"}),
    "LAO": frozenset({"lo"}),
    "KHMER": frozenset({"km"}),
    "MYANMAR": frozenset({"my"}),
    "TIBETAN": frozenset({"bo", "dz"}),
    "MONGOLIAN": frozenset({"mn"}),
    "FULLWIDTH": frozenset({"zh", "ja", "ko"}),
}


def foreign_digits(source: str, translated: str, *, language: str) -> list[str]:
    """The digits of `translated` that neither the source has nor `language`'s readers use,
    once each, in their order; none for a language not given."""
    language = base(language)
    if not language:
        return []
    kept = set(PLACEHOLDER.sub("", source))
    found: list[str] = []
    for character in PLACEHOLDER.sub("", translated):
        if character.isascii() or not character.isdecimal() or character in kept:
            continue
        if character not in found and language not in _readers(character):
            found.append(character)
    return found


def _readers(digit: str) -> frozenset[str]:
    digits_of = unicodedata.name(digit, "").rpartition(" DIGIT ")[0]
    return _READERS.get(digits_of, frozenset())


def digit_problems(source: str, translated: str, *, language: str) -> list[Problem]:
    if not (found := foreign_digits(source, translated, language=language)):
        return []
    shown = " ".join(found)
    return [
        Problem(
            "digits",
            _("Numbers are written in digits that readers of this language do not use: %(digits)s.")
            % {"digits": shown},
            f"Your answer writes numbers with the digits {shown}, which readers of the "
            f"language asked for do not use. Write every number with the digits of the text "
            f"(0-9) or the ones your language writes.",
        )
    ]
