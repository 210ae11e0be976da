"""Recurrence rules: built from the form's few choices, expanded, and said in words.

Rules are RFC 5545 RRULE strings, so the feed hands calendar apps exactly what the site
expands. Expansion runs on wall-clock time in the series' zone (dateutil keeps the time and
attaches the zone), so 19:00 stays 19:00 across a change to or from summer time.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from turnout.localization.formatting import babel_locale, format_day

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # Python's weekday() order


class Frequency:
    WEEKLY = "weekly"
    MONTHLY_DAY = "monthly_day"
    MONTHLY_WEEKDAY = "monthly_weekday"


class RuleError(ValueError):
    """The rule asks for something impossible; the message says what, for a person."""


@dataclass(frozen=True)
class RuleParts:
    """What the form asks; `to_rrule()` makes the RRULE of it."""

    frequency: str
    interval: int = 1
    weekdays: tuple[str, ...] = ()  # weekly: "TU", ...
    month_day: int | None = None  # monthly on day D
    ordinal: int | None = None  # monthly on the Nth weekday: 1..4, or -1 for the last
    weekday: str | None = None  # ... of this weekday
    until: date | None = None  # last local date, inclusive
    count: int | None = None

    def to_rrule(self, zone: ZoneInfo) -> str:
        if self.interval < 1:
            raise RuleError(_("Repeat at least every 1 week or month."))
        if self.until and self.count:
            raise RuleError(_("Give an end date or a number of dates, not both."))
        if self.frequency == Frequency.WEEKLY:
            if not self.weekdays or set(self.weekdays) - set(WEEKDAYS):
                raise RuleError(_("Choose at least one day of the week."))
            days = ",".join(day for day in WEEKDAYS if day in self.weekdays)
            parts = ["FREQ=WEEKLY", f"INTERVAL={self.interval}", f"BYDAY={days}"]
        elif self.frequency == Frequency.MONTHLY_DAY:
            if self.month_day is None or not 1 <= self.month_day <= 31:
                raise RuleError(_("Choose a day of the month from 1 to 31."))
            parts = ["FREQ=MONTHLY", f"INTERVAL={self.interval}", f"BYMONTHDAY={self.month_day}"]
        elif self.frequency == Frequency.MONTHLY_WEEKDAY:
            if self.ordinal not in (1, 2, 3, 4, -1) or self.weekday not in WEEKDAYS:
                raise RuleError(
                    _("Choose which weekday of the month, for example the second Tuesday.")
                )
            parts = [
                "FREQ=MONTHLY",
                f"INTERVAL={self.interval}",
                f"BYDAY={self.ordinal}{self.weekday}",
            ]
        else:
            raise RuleError(_("Choose how often the meet-up repeats."))
        if self.until:
            parts.append(f"UNTIL={until_utc(self.until, zone):%Y%m%dT%H%M%SZ}")
        if self.count:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)


def until_utc(last_day: date, zone: ZoneInfo) -> datetime:
    """The end of `last_day` in the series' zone, in UTC, as UNTIL must be."""
    return datetime.combine(last_day, time(23, 59, 59), tzinfo=zone).astimezone(UTC)


def rule_fields(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def parts_of(rule: str, zone: ZoneInfo) -> RuleParts:
    """The form's choices behind a rule this module built (to prefill an edit)."""
    fields = rule_fields(rule)
    until: date | None = None
    if "UNTIL" in fields:
        moment = datetime.strptime(fields["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        until = moment.astimezone(zone).date()
    interval = int(fields.get("INTERVAL", "1"))
    count = int(fields["COUNT"]) if "COUNT" in fields else None
    if fields.get("FREQ") == "WEEKLY":
        weekdays = tuple(fields["BYDAY"].split(","))
        return RuleParts(Frequency.WEEKLY, interval, weekdays=weekdays, until=until, count=count)
    if "BYMONTHDAY" in fields:
        return RuleParts(
            Frequency.MONTHLY_DAY,
            interval,
            month_day=int(fields["BYMONTHDAY"]),
            until=until,
            count=count,
        )
    byday = fields["BYDAY"]
    return RuleParts(
        Frequency.MONTHLY_WEEKDAY,
        interval,
        ordinal=int(byday[:-2]),
        weekday=byday[-2:],
        until=until,
        count=count,
    )


def recurrence(rule: str, first_start: datetime) -> rrule:
    return rrulestr(rule, dtstart=first_start)


def starts_between(
    rule: str, first_start: datetime, after: datetime, before: datetime
) -> list[datetime]:
    """The rule's starts from `after` to `before` (inclusive), wall-clock in the zone."""
    return list(recurrence(rule, first_start).between(after, before, inc=True))


def first_starts(rule: str, first_start: datetime, *, count: int) -> list[datetime]:
    found = []
    for start in recurrence(rule, first_start):
        found.append(start)
        if len(found) == count:
            break
    return found


def occurs_at(rule: str, first_start: datetime, moment: datetime) -> bool:
    found = recurrence(rule, first_start).between(moment, moment, inc=True)
    return bool(found)


def with_until(rule: str, last_day: date, zone: ZoneInfo) -> str:
    """The rule ended on `last_day` (a split's old half); a COUNT gives way to the date."""
    fields = {k: v for k, v in rule_fields(rule).items() if k not in ("UNTIL", "COUNT")}
    fields["UNTIL"] = f"{until_utc(last_day, zone):%Y%m%dT%H%M%SZ}"
    return ";".join(f"{key}={value}" for key, value in fields.items())


def remaining(rule: str, first_start: datetime, from_day: date) -> str:
    """The rule for the dates from `from_day` on (a split's new half): a COUNT counts only the
    dates still to come, as calendar apps do."""
    fields = rule_fields(rule)
    if "COUNT" not in fields:
        return rule
    # A COUNT rule is finite, so counting its dates before `from_day` ends.
    before = sum(1 for start in recurrence(rule, first_start) if start.date() < from_day)
    fields["COUNT"] = str(max(1, int(fields["COUNT"]) - before))
    return ";".join(f"{key}={value}" for key, value in fields.items())


def weekday_name(code: str, language: str | None = None) -> str:
    return babel_locale(language).days["format"]["wide"][WEEKDAYS.index(code)]


def _ordinal_name(ordinal: int) -> str:
    names = {
        1: _("first"),
        2: _("second"),
        3: _("third"),
        4: _("fourth"),
        -1: _("last"),
    }
    return names[ordinal]


def describe(rule: str, zone: ZoneInfo, language: str | None = None) -> str:
    """The rule in words: "Every 2 weeks on Tuesday, until 1 July 2030"."""
    parts = parts_of(rule, zone)
    if parts.frequency == Frequency.WEEKLY:
        days = ", ".join(weekday_name(day, language) for day in parts.weekdays)
        text = ngettext(
            "Every week on %(days)s", "Every %(n)s weeks on %(days)s", parts.interval
        ) % {"n": parts.interval, "days": days}
    elif parts.frequency == Frequency.MONTHLY_DAY:
        text = ngettext(
            "Every month on day %(day)s", "Every %(n)s months on day %(day)s", parts.interval
        ) % {"n": parts.interval, "day": parts.month_day}
    else:
        assert parts.ordinal is not None and parts.weekday is not None
        text = ngettext(
            "Every month on the %(nth)s %(weekday)s",
            "Every %(n)s months on the %(nth)s %(weekday)s",
            parts.interval,
        ) % {
            "n": parts.interval,
            "nth": _ordinal_name(parts.ordinal),
            "weekday": weekday_name(parts.weekday, language),
        }
    if parts.until:
        text = _("%(rule)s, until %(day)s") % {
            "rule": text,
            "day": format_day(parts.until, language),
        }
    elif parts.count:
        text = ngettext("%(rule)s, %(count)s time", "%(rule)s, %(count)s times", parts.count) % {
            "rule": text,
            "count": parts.count,
        }
    return text


def horizon_end(rule: str, first_start: datetime, *, now: datetime) -> datetime:
    """How far ahead dates exist as events: 8 weeks or the next 6 dates, whichever is later."""
    weeks_ahead = now + timedelta(weeks=8)
    upcoming = recurrence(rule, first_start).xafter(now, count=6, inc=True)
    last = None
    for last in upcoming:  # noqa: B007
        pass
    return max(weeks_ahead, last) if last else weeks_ahead
