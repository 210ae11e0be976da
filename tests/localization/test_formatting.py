from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from turnout.localization.formatting import (
    country_name,
    format_date_window,
    format_day,
    format_time_range,
)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "language", "expected"),
    [
        (date(2024, 11, 20), date(2024, 11, 22), "en", "20–22 November 2024"),
        (date(2024, 11, 20), date(2024, 11, 22), "nl", "20–22 november 2024"),
        (date(2024, 5, 13), date(2024, 5, 13), "en", "13 May 2024"),
        (date(2024, 5, 13), date(2024, 5, 13), "nl", "13 mei 2024"),
        (date(2025, 1, 30), date(2025, 2, 2), "en", "30 January\u2009–\u20092 February 2025"),
        (date(2024, 12, 30), date(2025, 1, 2), "nl", "30 december 2024\u2009–\u20092 januari 2025"),
        (date(2024, 11, 20), date(2024, 11, 22), "en-us", "November 20\u2009–\u200922, 2024"),
    ],
)
def test_date_windows_read_naturally_across_months_and_years(
    starts_on, ends_on, language, expected
):
    assert format_date_window(starts_on, ends_on, language) == expected


def test_event_times_are_shown_in_the_events_own_zone():
    amsterdam = datetime(2024, 5, 13, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert format_time_range(amsterdam, amsterdam.replace(hour=16), "nl") == "14:00–16:00 CEST"
    sydney = datetime(2024, 5, 13, 12, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    assert format_time_range(sydney, sydney.replace(hour=14), "en") == "12:00–14:00 AEST"


def test_zone_without_abbreviation_falls_back_to_its_offset():
    sao_paulo = datetime(2024, 5, 13, 12, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
    assert format_time_range(sao_paulo, sao_paulo.replace(hour=14), "en").endswith("GMT-03:00")


def test_event_day_names_the_weekday_in_the_page_language():
    day = date(2024, 5, 13)
    assert format_day(day, "en") == "Monday, 13 May 2024"
    assert format_day(day, "nl") == "maandag 13 mei 2024"


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("GB", "en", "United Kingdom"),
        ("GB", "nl", "Verenigd Koninkrijk"),
        ("NL", "nl", "Nederland"),
        ("CH", "nl", "Zwitserland"),
        ("de", "en", "Germany"),
    ],
)
def test_country_names_are_localized(code, language, expected):
    assert country_name(code, language) == expected
