"""State changes of recurring meet-ups; each one a transaction that locks its series.

Every change to a date's event goes through `turnout.campaigns.services` (save_event_changes,
cancel_event), so participants hear of a new time or place or a cancellation, and their
invites update (SEQUENCE), exactly as for any other event.
"""

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action, can
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.services import cancel_event, save_event_changes
from turnout.signups.change_notices import check_change_notice
from turnout.web.text import multi_line

from . import recurrence
from .models import MeetupSeries, SeriesOccurrence

# What a series passes on to each of its dates' events.
EVENT_FIELDS = (
    "title", "description", "attendance_mode", "city", "country", "venue", "address",
    "latitude", "longitude", "meeting_url", "capacity", "timezone",
)  # fmt: skip
SERIES_FIELDS = (*EVENT_FIELDS, "start_time", "duration_minutes", "rrule", "dtstart")

# Set while a series writes its own dates, so that the listener in receivers.py can tell a
# series edit from an organizer editing one date on the dashboard (which detaches it).
_writing_dates = contextvars.ContextVar("meetups_writing_dates", default=False)


def is_writing_dates() -> bool:
    return _writing_dates.get()


@contextlib.contextmanager
def _series_writes_dates() -> Iterator[None]:
    token = _writing_dates.set(True)
    try:
        yield
    finally:
        _writing_dates.reset(token)


@dataclass
class SyncReport:
    created: list[SeriesOccurrence] = field(default_factory=list)
    changed: list[SeriesOccurrence] = field(default_factory=list)
    cancelled: list[LocalEvent] = field(default_factory=list)
    deleted: int = 0


def first_date(*, rule: str, dtstart: date, start_time, zone) -> date:
    """The first date the rule gives on or after `dtstart`; the rule must give one."""
    try:
        starts = recurrence.first_starts(
            rule, datetime.combine(dtstart, start_time, tzinfo=zone), count=1
        )
    except (ValueError, OverflowError) as error:
        raise ValidationError(_("This rule cannot be used: %(error)s") % {"error": error}) from None
    if not starts:
        raise ValidationError(_("This rule gives no dates. Check the first date and the end."))
    return starts[0].date()


def without_overrides(values: dict[str, Any]) -> dict[str, Any]:
    """`values` with the description's lines kept and its bidi overrides and control
    characters removed (`multi_line`): a date's description is read by everyone it reaches,
    and an override turns a phone number or a link's words around ("Trojan Source")."""
    if isinstance(values.get("description"), str):
        return {**values, "description": multi_line(values["description"]).strip()}
    return values


def _apply_values(series: MeetupSeries, values: dict[str, Any]) -> None:
    values = without_overrides(values)
    for name in SERIES_FIELDS:
        if name in values:
            setattr(series, name, values[name])
    series.dtstart = first_date(
        rule=series.rrule, dtstart=series.dtstart, start_time=series.start_time, zone=series.zone
    )
    series.full_clean(exclude=["group", "created_by", "split_from"])


def create_series(*, group, created_by, values: dict[str, Any], now: datetime) -> MeetupSeries:
    """A new recurring meet-up of `group`, with its dates of the coming weeks as events."""
    with transaction.atomic():
        series = MeetupSeries(group=group, created_by=created_by)
        _apply_values(series, values)
        series.save()
        sync_series(series=series, now=now)
    return series


def _event_values(series: MeetupSeries, start: datetime) -> dict[str, Any]:
    values = {name: getattr(series, name) for name in EVENT_FIELDS}
    values["starts_at"] = start
    values["ends_at"] = start + series.duration
    return values


def _organizers(series: MeetupSeries) -> list:
    people = list(series.group.leads.all())
    if series.created_by and series.created_by not in people:
        people.append(series.created_by)
    return people


def _create_occurrence(series: MeetupSeries, start: datetime) -> SeriesOccurrence:
    event = LocalEvent(
        campaign=None,
        group=series.group,
        status=LocalEvent.Status.APPROVED,
        **_event_values(series, start),
    )
    save_event_changes(event=event, changed_fields=())
    event.organizers.set(_organizers(series))
    return SeriesOccurrence.objects.create(series=series, event=event, recurrence_id=start)


def _update_event(
    event: LocalEvent, values: dict[str, Any], *, edited_at: datetime | None = None
) -> bool:
    """Give the event these values through the event service; whether anything changed.

    `edited_at`: the moment of a person's edit, whose notices to the date's people count
    against its hourly bound (ValidationError past it); the horizon job passes none."""
    changed = [name for name, value in values.items() if getattr(event, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(event, name, values[name])
    if edited_at is not None:
        check_change_notice(event, set(changed), now=edited_at)
    save_event_changes(event=event, changed_fields=changed)
    return True


def drop_former_lead(*, group, person, now: datetime) -> int:
    """Take `person`, who no longer leads `group`, off the organizers of the coming dates of its
    series (a national group's: of its local groups' too) they may no longer run; how many.

    A date's organizers are the leads when it is made: left there, a lead whose role was taken
    away would go on seeing, exporting and writing to everyone who signs up to it. Dates that
    are over are left as they were: those the person did lead."""
    events = LocalEvent.objects.filter(
        Q(series_occurrence__series__group=group)
        | Q(series_occurrence__series__group__parent=group),
        ends_at__gte=now,
        organizers=person,
    ).select_related("series_occurrence__series__group")
    dropped = 0
    for event in events:
        if not can(person, Action.EDIT, event.series_occurrence.series.group):
            event.organizers.remove(person)
            dropped += 1
    return dropped


def adopt_new_lead(*, group, person, now: datetime) -> int:
    """Make `person`, a new lead of `group`, an organizer of the coming dates of its series,
    as they would be of a date made from now on; how many. A lead who runs the group
    without the door, the attendee list and the messages of the dates already made (weeks
    of them, by the horizon) leaves those dates with nobody to run them."""
    events = LocalEvent.objects.filter(
        series_occurrence__series__group=group, ends_at__gte=now
    ).exclude(organizers=person)
    adopted = 0
    for event in events:
        event.organizers.add(person)
        adopted += 1
    return adopted


def _retire(occurrence: SeriesOccurrence, report: SyncReport) -> None:
    """A date the rule no longer gives: cancelled (and its people told) if anyone signed up,
    otherwise removed; never dropped silently under someone's signup."""
    event = occurrence.event
    if not event.signups.exists():
        try:
            with transaction.atomic():
                event.delete()
        except ProtectedError:
            pass  # something of another app (a photo, a press item) holds on to it: cancel
        else:
            report.deleted += 1
            return
    if not event.is_cancelled:
        report.cancelled.append(cancel_event(event=event))


def sync_series(*, series: MeetupSeries, now: datetime, edited: bool = False) -> SyncReport:
    """Make the series' coming dates match its rule and details: create the dates up to the
    horizon, bring the dates not edited on their own up to date, retire dates the rule lost.
    Running it twice changes nothing the second time. `edited`: after a person's edit, whose
    notices count against each date's hourly bound."""
    report = SyncReport()
    with transaction.atomic(), _series_writes_dates():
        series = MeetupSeries.objects.select_for_update().select_related("group").get(pk=series.pk)
        coming = list(series.occurrences.select_related("event").filter(recurrence_id__gte=now))
        end = recurrence.horizon_end(series.rrule, series.first_start, now=now)
        if coming:
            end = max(end, max(o.recurrence_id for o in coming))
        by_date = {o.local_recurrence_id.date(): o for o in coming}
        for start in recurrence.starts_between(series.rrule, series.first_start, now, end):
            occurrence = by_date.pop(start.date(), None)
            if occurrence is None:
                report.created.append(_create_occurrence(series, start))
                continue
            if occurrence.recurrence_id != start:
                occurrence.recurrence_id = start
                occurrence.save(update_fields=["recurrence_id"])
            if occurrence.is_detached or occurrence.event.is_cancelled:
                continue  # edited or cancelled on its own: the series leaves it be
            values = _event_values(series, start)
            if _update_event(occurrence.event, values, edited_at=now if edited else None):
                report.changed.append(occurrence)
        for occurrence in by_date.values():
            if not occurrence.is_detached:
                _retire(occurrence, report)
    return report


def sync_all_series(*, now: datetime) -> int:
    """The horizon job: every series that still has dates to come; how many dates were made."""
    created = 0
    for series in MeetupSeries.objects.order_by("pk"):
        rule = recurrence.recurrence(series.rrule, series.first_start)
        if (
            rule.after(now, inc=True) is None
            and not series.occurrences.filter(recurrence_id__gte=now).exists()
        ):
            continue  # ended: nothing to make or update
        created += len(sync_series(series=series, now=now).created)
    return created


def update_series(*, series: MeetupSeries, values: dict[str, Any], now: datetime) -> SyncReport:
    """Edit the whole series; its coming dates follow, except those edited on their own."""
    with transaction.atomic():
        series = MeetupSeries.objects.select_for_update().get(pk=series.pk)
        _apply_values(series, values)
        series.sequence += 1
        series.save()
        return sync_series(series=series, now=now, edited=True)


def edit_occurrence(
    *, occurrence: SeriesOccurrence, values: dict[str, Any], now: datetime
) -> SeriesOccurrence:
    """Edit one date only ("only this one"); later edits of the series leave it alone."""
    with transaction.atomic():
        occurrence = (
            SeriesOccurrence.objects.select_for_update()
            .select_related("event")
            .get(pk=occurrence.pk)
        )
        event = LocalEvent.objects.select_for_update().get(pk=occurrence.event_id)
        if event.is_cancelled:
            raise ValidationError(_("This date is cancelled."))
        _update_event(event, without_overrides(values), edited_at=now)
        occurrence.is_detached = True
        occurrence.save(update_fields=["is_detached"])
    return occurrence


def cancel_occurrence(*, occurrence: SeriesOccurrence, now: datetime) -> LocalEvent:
    """Cancel one date; its participants are told, and the series never brings it back."""
    with transaction.atomic():
        occurrence = SeriesOccurrence.objects.select_for_update().get(pk=occurrence.pk)
        return cancel_event(event=occurrence.event)


def split_series(
    *, occurrence: SeriesOccurrence, values: dict[str, Any], created_by, now: datetime
) -> MeetupSeries:
    """Edit "this and following": the series ends the day before this date and a new series,
    with the new details, carries on from it; coming dates move over and follow the new
    details (their people told of a new time or place), except those edited on their own."""
    with transaction.atomic():
        old = MeetupSeries.objects.select_for_update().get(pk=occurrence.series_id)
        occurrence = old.occurrences.get(pk=occurrence.pk)
        split_day = occurrence.local_recurrence_id.date()
        if values.get("dtstart") and values["dtstart"] < split_day:
            raise ValidationError(
                {"dtstart": _("The new details start on this date or later, not before it.")}
            )
        if split_day <= old.dtstart:
            # The first date: there is nothing before it to keep, so edit the series itself.
            update_series(series=old, values=values, now=now)
            return old
        new = MeetupSeries(group=old.group, created_by=created_by, split_from=old)
        kept = {name: getattr(old, name) for name in SERIES_FIELDS}
        kept["rrule"] = recurrence.remaining(old.rrule, old.first_start, split_day)
        _apply_values(new, {**kept, "dtstart": split_day, **values})
        new.save()
        old.rrule = recurrence.with_until(old.rrule, split_day - timedelta(days=1), old.zone)
        old.sequence += 1
        old.save(update_fields=["rrule", "sequence", "updated_at"])
        old.occurrences.filter(recurrence_id__gte=occurrence.recurrence_id).update(series=new)
        sync_series(series=new, now=now, edited=True)
    return new
