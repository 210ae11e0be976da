"""What an events sheet's country column holds, beyond a name or an ISO code in capitals: a
flag ("🇸🇪", "🇵🇱 Polska"), a code in lower case ("nl", as Meetup writes it) or the
three-letter ISO code a database export writes ("SWE", "POL")."""

import re
from functools import cache

from babel.core import get_global

from turnout.campaigns.validators import country_codes

from .countries import country_codes_for, leading_flag


def country_cell_codes(cell: str, *, language: str | None) -> frozenset[str]:
    """The codes a country cell may mean; one for a cell that names its country, none or
    several for one that does not."""
    text = cell.strip()
    flag, rest = leading_flag(text)
    if flag:
        named = country_codes_for(rest, language=language) if rest.strip() else frozenset()
        return frozenset({flag}) if named in (frozenset(), frozenset({flag})) else frozenset()
    if re.fullmatch(r"[a-z]{2}", text):
        text = text.upper()  # Meetup writes "nl": in a country column, no word
    codes = country_codes_for(text, language=language)
    if not codes and re.fullmatch(r"[A-Z]{3}", text):
        codes = _alpha_3_codes().get(text, frozenset())
    return codes


@cache
def _alpha_3_codes() -> dict[str, frozenset[str]]:
    """{"SWE": {"SE"}, ...}: ISO 3166-1 alpha-3 codes, as CLDR lists them beside alpha-2."""
    known = country_codes()
    return {
        alias: frozenset(targets)
        for alias, targets in get_global("territory_aliases").items()
        if re.fullmatch(r"[A-Z]{3}", alias) and len(targets) == 1 and set(targets) <= known
    }
