"""An entry's revision as its program numbers it (SEQUENCE, RFC 5545 3.8.7.4): raised with each
change, so of two versions of one entry, or of a series' master and an override, the higher
was saved later; and a series a program split in two, which goes on with the same events."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar

if TYPE_CHECKING:
    from .calendar_entries import CalendarEntry


def entry_sequence(component) -> int:
    """The entry's SEQUENCE, 0 when it has none or an unreadable one."""
    try:
        return max(0, min(int(str(component.get("SEQUENCE", 0)).strip()), 2**31 - 1))
    except ValueError:
        return 0


def entry_revision(component) -> tuple[int, str, str]:
    """Which of two versions of one entry was saved later: the higher SEQUENCE, and of equal
    ones the later LAST-MODIFIED, else DTSTAMP (RFC 5546 2.1.5), as UTC ("" when unreadable),
    and of equal ones still the later DTSTAMP. A program that edits without raising SEQUENCE
    still stamps each version; one that copies an entry keeps its LAST-MODIFIED and stamps
    the copy anew."""
    stamped = _stamp(component, "DTSTAMP")
    return entry_sequence(component), _stamp(component, "LAST-MODIFIED") or stamped, stamped


def _stamp(component, name: str) -> str:
    try:
        stamp = component.decoded(name) if component.get(name) is not None else None
    except (ValueError, KeyError, TypeError):
        stamp = None
    if isinstance(stamp, list):
        stamp = stamp[0] if stamp else None
    if not isinstance(stamp, datetime):
        return ""
    stamp = stamp.astimezone(UTC) if stamp.tzinfo is not None else stamp
    return stamp.strftime("%Y%m%dT%H%M%S")


# Google Calendar ends a series where "this and following events" were changed and goes on
# with a new one, its UID the old one's with "_R" and the new series' first start:
# "abc@google.com" becomes "abc_R20300327T180000@google.com".
_GOOGLE_SPLIT = re.compile(r"(.+)_R\d{8}(?:T\d{6}Z?)?(@google\.com)", re.I)


def earlier_occurrence(entry: "CalendarEntry", sources):
    """Among `sources` (imported events), the occurrence of the series a series was split from
    that this occurrence of the new series goes on with: the one of its day. The same event,
    so it keeps its participants rather than being called off and made again."""
    split = _GOOGLE_SPLIT.fullmatch(entry.uid)
    earlier = split[1] + split[2] if split is not None else entry.split_from
    if not earlier or not entry.recurrence_id:
        return None
    day = entry.recurrence_id[:8]
    return sources.filter(uid=earlier, recurrence_id__startswith=day).first()


def renamed_entry(entry: "CalendarEntry", sources, *, feed, named: set[str]):
    """Among `sources`, the event of `feed` that `entry` is under a UID made afresh: some
    exporters (site builders, spreadsheets, bots) write new UIDs on every export. The same
    occurrence, title, start and city, under a UID the feed no longer names: calling it off
    and making it again would tell its participants of a cancellation that is none."""
    if feed is None or not entry.title or entry.record.starts_at is None:
        return None
    alike = sources.filter(
        feed=feed,
        recurrence_id=entry.recurrence_id,
        event__title=entry.title,
        event__starts_at=entry.record.starts_at,
        event__city=entry.record.city or "",
    ).order_by("pk")
    return next((source for source in alike if source.uid not in named), None)


# How far apart a rule's occurrences can lie, by its FREQ: a new series that begins within one
# step (and a day) of where the old one was cut off goes on from it.
_STEPS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}


@dataclass(frozen=True)
class _Series:
    uid: str
    title: str
    place: str
    starts_at: datetime  # in UTC
    wall_clock: time
    until: datetime | None  # in UTC
    step: timedelta


def mark_split_series(calendar: Calendar, entries: list["CalendarEntry"]) -> None:
    """Tell each entry of a series that goes on from another (`split_from`). Programs other
    than Google (Apple, Outlook, Nextcloud) give the new series a UID of its own, so a split is
    told from the data: the old series ends (UNTIL) where the new one begins, within one step
    of its rule, and both have the same title and the same place or clock."""
    # Only the calendar's own events, as `calendar_feeds` reads them.
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    series = [s for c in events if (s := _series(c)) is not None and s.uid]
    by_title: dict[str, list[_Series]] = {}
    for one in series:  # compared within a title only: a feed may hold thousands of series
        by_title.setdefault(one.title, []).append(one)
    origins: dict[str, str] = {}
    for old in series:
        if (until := old.until) is None:
            continue
        goes_on = [
            new
            for new in by_title[old.title]
            if new.uid != old.uid
            and (new.place == old.place or new.wall_clock == old.wall_clock)
            and new.starts_at - until <= old.step + timedelta(days=1)
            # A later day: an occurrence of that day is found by its day (`earlier_occurrence`),
            # so the old series' last one, still in the feed, is never taken for it.
            and new.starts_at.date() > until.date()
        ]
        if goes_on:
            origins.setdefault(min(goes_on, key=lambda s: s.starts_at).uid, old.uid)
    for entry in entries:
        if entry.recurrence_id:
            entry.split_from = origins.get(entry.uid, "")


def _series(component) -> "_Series | None":
    """A series' master as `mark_split_series` compares it; None for anything else, or for a
    master too damaged to compare (it is then simply not taken for a split)."""
    if "RRULE" not in component or "RECURRENCE-ID" in component:
        return None
    try:
        rule = component["RRULE"]
        rule = rule[0] if isinstance(rule, list) else rule
        start = component.decoded("DTSTART")
        until = (rule.get("UNTIL") or [None])[0]
        frequency = str((rule.get("FREQ") or [""])[0]).upper()
        interval = int((rule.get("INTERVAL") or [1])[0])
        return _Series(
            uid=str(component.get("UID", "")).strip(),
            title=_words(component.get("SUMMARY")),
            place=_words(component.get("LOCATION")),
            starts_at=_in_utc(start),
            wall_clock=start.time() if isinstance(start, datetime) else time(0),
            until=None if until is None else _in_utc(until),
            step=timedelta(days=_STEPS.get(frequency, 0) * max(1, min(interval, 1000))),
        )
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, OverflowError):
        return None


def _words(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def _in_utc(moment: date | datetime) -> datetime:
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(0), tzinfo=UTC)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
