"""Dates, times and country names in the visitor's language, from CLDR data through Babel."""

import re
from datetime import date, datetime, tzinfo
from functools import cache, lru_cache

from babel import Locale
from babel.dates import (
    DateTimeFormat,
    DateTimePattern,
    format_date,
    format_skeleton,
    get_timezone_gmt,
    match_skeleton,
    parse_pattern,
)
from django.utils import translation

# A bare "en" would mean American conventions in CLDR ("November 20 – 22, 2024"); an
# international movement reads day-month-year, so English pages use British formats.
_REGIONAL_DEFAULTS = {"en": "en-GB"}


def babel_locale(language: str | None = None) -> Locale:
    """The Babel locale for a Django language code ("en", "nl", "en-us"), by default the active."""
    code = language or translation.get_language() or "en"
    return _parse_locale(code.lower().replace("_", "-"))


@cache
def _parse_locale(language: str) -> Locale:
    return Locale.parse(_REGIONAL_DEFAULTS.get(language, language), sep="-")


@cache
def _skeleton_pattern(skeleton: str, locale: Locale) -> DateTimePattern:
    """The locale's pattern for a skeleton, matched and parsed once per process.

    What `format_skeleton` does on every call; lists of hundreds of events made it a hot spot.
    """
    skeletons = locale.datetime_skeletons
    if skeleton not in skeletons:
        skeleton = match_skeleton(skeleton, skeletons) or skeleton  # no match: KeyError below
    return parse_pattern(skeletons[skeleton])


def _wide_months(pattern: str) -> str:
    # CLDR lets a formatter widen MMM to MMMM when it lacks an interval format for the
    # wide skeleton, which it does in most locales (TR35, "intervalFormats").
    return re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)


def format_date_window(starts_on: date, ends_on: date, language: str | None = None) -> str:
    """A date or a window of days: "13 May 2024", "20–22 November 2024", "20–22 november 2024"."""
    locale = babel_locale(language)
    if starts_on == ends_on:
        return format_skeleton("yMMMMd", starts_on, locale=locale)
    patterns = locale.interval_formats.get("yMMMd")
    if not patterns:
        first, last = (format_date(d, "long", locale=locale) for d in (starts_on, ends_on))
        return f"{first} – {last}"
    start, end = DateTimeFormat(starts_on, locale), DateTimeFormat(ends_on, locale)
    field = next(f for f in "yMd" if f in patterns and start.extract(f) != end.extract(f))
    return "".join(
        parse_pattern(_wide_months(p)).apply(day, locale)
        for p, day in zip(patterns[field], (starts_on, ends_on), strict=True)
    )


def format_day(moment: date | datetime, language: str | None = None) -> str:
    """A day with its weekday: "Monday, 13 May 2024", "maandag 13 mei 2024"."""
    return format_date(moment, "full", locale=babel_locale(language))


def format_short_day(moment: date | datetime, language: str | None = None) -> str:
    """A compact day for lists: "Mon 13 May", "ma 13 mei"."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return _short_day(day, _language_code(language))


# Lists of hundreds of events repeat a handful of days and times, so each is formatted once.
@lru_cache(maxsize=4096)
def _short_day(day: date, language: str) -> str:
    locale = babel_locale(language)
    return _skeleton_pattern("MMMEd", locale).apply(day, locale)


def _language_code(language: str | None) -> str:
    return language or translation.get_language() or "en"


def format_clock(moment: datetime, language: str | None = None) -> str:
    """A time of day in the locale's clock: "14:00" (or "2:00 PM" in American English)."""
    locale = babel_locale(language)
    # The pattern applied to the moment as given, in its own zone (what format_time does).
    return locale.time_formats["short"].apply(moment, locale)


def format_time_range(starts_at: datetime, ends_at: datetime, language: str | None = None) -> str:
    """Local start and end time with the zone's short name: "14:00–16:00 CEST"."""
    # Aware datetimes at the same instant are equal whatever their zones, so the cache key is
    # each one's wall-clock time and zone, never the datetime itself.
    return _time_range(_wall(starts_at), _wall(ends_at), _language_code(language))


_WallClock = tuple[datetime, tzinfo | None, int]


def _wall(moment: datetime) -> _WallClock:
    return moment.replace(tzinfo=None), moment.tzinfo, moment.fold


@lru_cache(maxsize=4096)
def _time_range(start: _WallClock, end: _WallClock, language: str) -> str:
    starts_at, ends_at = (
        naive.replace(tzinfo=zone, fold=fold) for naive, zone, fold in (start, end)
    )
    if starts_at.date() != ends_at.date():
        first, last = (
            f"{format_short_day(moment, language)} {format_clock(moment, language)}"
            for moment in (starts_at, ends_at)
        )
        return f"{first} – {last} {zone_abbreviation(starts_at, language)}"
    return (
        f"{format_clock(starts_at, language)}–{format_clock(ends_at, language)}"
        f" {zone_abbreviation(starts_at, language)}"
    )


def zone_abbreviation(moment: datetime, language: str | None = None) -> str:
    """The zone's usual abbreviation ("CEST", "PDT", "WAT"), else its offset ("GMT-03:00")."""
    abbreviation = moment.tzname() or ""
    if abbreviation.isalpha():
        return abbreviation
    return get_timezone_gmt(moment, "long", locale=babel_locale(language))


def country_name(code: str, language: str | None = None) -> str:
    """A country's name in the page's language: "NL" is "Netherlands" or "Nederland"."""
    if not code:
        return ""
    return babel_locale(language).territories.get(code.upper(), code.upper())
