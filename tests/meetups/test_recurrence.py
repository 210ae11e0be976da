"""The rules the form builds, expanded in the series' zone: a table of cases."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from turnout.meetups.recurrence import (
    Frequency,
    RuleError,
    RuleParts,
    describe,
    first_starts,
    parts_of,
    with_until,
)

AMS = ZoneInfo("Europe/Amsterdam")
NYC = ZoneInfo("America/New_York")


def expand(parts: RuleParts, first: date, zone=AMS, count=6, at=time(19)) -> list[str]:
    rule = parts.to_rrule(zone)
    starts = first_starts(rule, datetime.combine(first, at, tzinfo=zone), count=count)
    return [f"{s:%Y-%m-%d %H:%M %z}" for s in starts]


@pytest.mark.parametrize(
    ("parts", "first", "zone", "expected"),
    [
        # Weekly on Tuesday across Europe's change to summer time (31 March 2030).
        (
            RuleParts(Frequency.WEEKLY, weekdays=("TU",)),
            date(2030, 3, 19),
            AMS,
            ["2030-03-19 19:00 +0100", "2030-03-26 19:00 +0100", "2030-04-02 19:00 +0200",
             "2030-04-09 19:00 +0200", "2030-04-16 19:00 +0200", "2030-04-23 19:00 +0200"],
        ),
        # Every second Tuesday; the first date given is a Monday, so it starts the next day.
        (
            RuleParts(Frequency.WEEKLY, interval=2, weekdays=("TU",)),
            date(2030, 3, 4),
            AMS,
            ["2030-03-05 19:00 +0100", "2030-03-19 19:00 +0100", "2030-04-02 19:00 +0200",
             "2030-04-16 19:00 +0200", "2030-04-30 19:00 +0200", "2030-05-14 19:00 +0200"],
        ),
        # Monday and Thursday, New York's change to summer time (10 March 2030).
        (
            RuleParts(Frequency.WEEKLY, weekdays=("TH", "MO")),
            date(2030, 3, 4),
            NYC,
            ["2030-03-04 19:00 -0500", "2030-03-07 19:00 -0500", "2030-03-11 19:00 -0400",
             "2030-03-14 19:00 -0400", "2030-03-18 19:00 -0400", "2030-03-21 19:00 -0400"],
        ),
        # Monthly on the 11th, through Europe's change back to winter time (27 October).
        (
            RuleParts(Frequency.MONTHLY_DAY, month_day=11),
            date(2030, 8, 1),
            AMS,
            ["2030-08-11 19:00 +0200", "2030-09-11 19:00 +0200", "2030-10-11 19:00 +0200",
             "2030-11-11 19:00 +0100", "2030-12-11 19:00 +0100", "2031-01-11 19:00 +0100"],
        ),
        # Monthly on the 31st: months without one are skipped, as RFC 5545 says.
        (
            RuleParts(Frequency.MONTHLY_DAY, month_day=31),
            date(2030, 1, 1),
            AMS,
            ["2030-01-31 19:00 +0100", "2030-03-31 19:00 +0200", "2030-05-31 19:00 +0200",
             "2030-07-31 19:00 +0200", "2030-08-31 19:00 +0200", "2030-10-31 19:00 +0100"],
        ),
        # The second Tuesday of each month.
        (
            RuleParts(Frequency.MONTHLY_WEEKDAY, ordinal=2, weekday="TU"),
            date(2030, 1, 1),
            AMS,
            ["2030-01-08 19:00 +0100", "2030-02-12 19:00 +0100", "2030-03-12 19:00 +0100",
             "2030-04-09 19:00 +0200", "2030-05-14 19:00 +0200", "2030-06-11 19:00 +0200"],
        ),
        # The last Friday, every second month, New York (November: back to standard time).
        (
            RuleParts(Frequency.MONTHLY_WEEKDAY, interval=2, ordinal=-1, weekday="FR"),
            date(2030, 9, 1),
            NYC,
            ["2030-09-27 19:00 -0400", "2030-11-29 19:00 -0500", "2031-01-31 19:00 -0500",
             "2031-03-28 19:00 -0400", "2031-05-30 19:00 -0400", "2031-07-25 19:00 -0400"],
        ),
        # COUNT: three dates and no more.
        (
            RuleParts(Frequency.WEEKLY, weekdays=("WE",), count=3),
            date(2030, 3, 4),
            AMS,
            ["2030-03-06 19:00 +0100", "2030-03-13 19:00 +0100", "2030-03-20 19:00 +0100"],
        ),
        # UNTIL: the last day is included, in local time (19:00 there is 18:00 UTC).
        (
            RuleParts(Frequency.WEEKLY, weekdays=("WE",), until=date(2030, 3, 20)),
            date(2030, 3, 4),
            AMS,
            ["2030-03-06 19:00 +0100", "2030-03-13 19:00 +0100", "2030-03-20 19:00 +0100"],
        ),
    ],
)  # fmt: skip
def test_rules_expand_to_wall_clock_dates(parts, first, zone, expected):
    assert expand(parts, first, zone) == expected


def test_until_late_in_the_evening_west_of_utc_still_includes_the_last_day():
    parts = RuleParts(Frequency.WEEKLY, weekdays=("WE",), until=date(2030, 3, 20))
    starts = expand(parts, date(2030, 3, 4), NYC, at=time(23, 30))
    assert starts[-1] == "2030-03-20 23:30 -0400"
    assert parts_of(parts.to_rrule(NYC), NYC) == parts


@pytest.mark.parametrize(
    "parts",
    [
        RuleParts(Frequency.WEEKLY),
        RuleParts(Frequency.WEEKLY, weekdays=("XX",)),
        RuleParts(Frequency.WEEKLY, interval=0, weekdays=("TU",)),
        RuleParts(Frequency.MONTHLY_DAY, month_day=32),
        RuleParts(Frequency.MONTHLY_WEEKDAY, ordinal=5, weekday="TU"),
        RuleParts(Frequency.WEEKLY, weekdays=("TU",), count=3, until=date(2030, 1, 1)),
        RuleParts("yearly"),
    ],
)
def test_impossible_rules_say_why(parts):
    with pytest.raises(RuleError):
        parts.to_rrule(AMS)


@pytest.mark.parametrize(
    ("parts", "english", "dutch"),
    [
        (RuleParts(Frequency.WEEKLY, interval=2, weekdays=("TU",)),
         "Every 2 weeks on Tuesday", "Om de 2 weken op dinsdag"),
        (RuleParts(Frequency.MONTHLY_DAY, month_day=11),
         "Every month on day 11", "Elke maand op de 11e"),
        (RuleParts(Frequency.MONTHLY_WEEKDAY, ordinal=2, weekday="TU", count=5),
         "Every month on the second Tuesday, 5 times", "Elke maand op de tweede dinsdag, 5 keer"),
    ],
)  # fmt: skip
def test_rules_in_words(parts, english, dutch):
    from django.utils import translation

    rule = parts.to_rrule(AMS)
    assert describe(rule, AMS, "en") == english
    with translation.override("nl"):
        assert describe(rule, AMS, "nl") == dutch


def test_a_split_ends_the_rule_the_day_before_and_drops_its_count():
    rule = RuleParts(Frequency.WEEKLY, weekdays=("TU",), count=10).to_rrule(AMS)
    ended = with_until(rule, date(2030, 3, 18), AMS)
    assert "COUNT" not in ended
    assert expand(parts_of(ended, AMS), date(2030, 3, 4))[-1] == "2030-03-12 19:00 +0100"
