"""Languages a piece of coverage can be in, named in the page's language through Babel (CLDR)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from turnout.localization.formatting import babel_locale


def known_language_codes() -> frozenset[str]:
    """ISO 639-1 codes CLDR knows a name for ("en", "nl", "nb", ...)."""
    languages = babel_locale("en").languages
    return frozenset(code for code in languages if isinstance(code, str) and len(code) == 2)


def validate_language_code(value: str) -> None:
    if value and value.lower() not in known_language_codes():
        raise ValidationError(
            _("Give a two-letter language code, for example en, nl or nb."), code="invalid"
        )


def language_name(code: str, language: str | None = None) -> str:
    """A language's name in the page's language: "nb" is "Norwegian Bokmål" or "Noors - Bokmål"."""
    if not code:
        return ""
    name = babel_locale(language).languages.get(code.lower(), code)
    return name[:1].upper() + name[1:]


def language_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every known language as (code, name), sorted by name in the page's language."""
    names = [(code, language_name(code, language)) for code in known_language_codes()]
    return sorted(names, key=lambda item: item[1].casefold())
