"""Which distance units a visitor reads: kilometres, or miles for American English."""

from babel.units import format_unit
from django.http import HttpRequest
from django.utils.translation.trans_real import parse_accept_lang_header

from turnout.localization.formatting import babel_locale

from .distance import Units

_BABEL_UNITS = {Units.KILOMETRES: "length-kilometer", Units.MILES: "length-mile"}

# The site speaks "en", not "en-us"; the browser's first preferred language tells the region.
MILES_LANGUAGE_TAGS = frozenset({"en-us", "en-lr", "en-mm"})


def preferred_units(request: HttpRequest) -> Units:
    """Miles when the browser's first choice is American (or Liberian, Burmese) English."""
    preferences = parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    if preferences and preferences[0][0].lower() in MILES_LANGUAGE_TAGS:
        return Units.MILES
    return Units.KILOMETRES


def format_distance(value: float, units: Units, language: str | None = None) -> str:
    """ "35 km", "22 mi", "3.4 km" in the page's language: whole units from ten upwards."""
    rounded = round(value, 1) if value < 10 else round(value)
    return format_unit(rounded, _BABEL_UNITS[Units(units)], "short", locale=babel_locale(language))
