"""Field validators for places and time zones shared by campaigns' models and forms."""

import zoneinfo
from functools import cache

from babel import Locale
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def available_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (two letters, so no continents like "150")."""
    return frozenset(
        code
        for code in Locale("en").territories
        if isinstance(code, str) and len(code) == 2 and code.isalpha()
    )


def validate_time_zone(value: str) -> None:
    if value not in available_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone; use a name such as Europe/Amsterdam."),
            params={"value": value},
            code="invalid_time_zone",
        )


def validate_country_code(value: str) -> None:
    if value not in country_codes():
        raise ValidationError(
            _("“%(value)s” is not a two-letter country code such as NL or GB."),
            params={"value": value},
            code="invalid_country",
        )
