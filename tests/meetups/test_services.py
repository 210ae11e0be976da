"""Dates as events: the horizon job, edits of one date or of this and following, cancelling."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine

from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.services import save_event_changes
from turnout.meetups.models import MeetupSeries, SeriesOccurrence
from turnout.meetups.services import (
    cancel_occurrence,
    edit_occurrence,
    split_series,
    sync_all_series,
    sync_series,
    update_series,
)
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage

from .conftest import AMSTERDAM, NOW, make_series

pytestmark = pytest.mark.django_db


def local_starts(series) -> list[str]:
    events = LocalEvent.objects.filter(series_occurrence__series=series).order_by("starts_at")
    return [f"{e.local_starts_at:%m-%d %H:%M}" for e in events if not e.is_cancelled]


def test_a_series_makes_real_public_events_for_eight_weeks_or_six_dates(group, lead):
    series = make_series(group, lead)
    # Every second Tuesday: six dates reach further than eight weeks.
    assert local_starts(series) == [
        "03-05 19:00", "03-19 19:00", "04-02 19:00", "04-16 19:00", "04-30 19:00", "05-14 19:00",
    ]  # fmt: skip
    event = LocalEvent.objects.filter(series_occurrence__series=series).first()
    assert event.campaign is None and event.group == group
    assert event.status == LocalEvent.Status.APPROVED
    assert event in LocalEvent.objects.public()
    assert list(event.organizers.all()) == [lead]
    assert event.ends_at - event.starts_at == timedelta(hours=2)
    weekly = make_series(group, lead, rrule="FREQ=WEEKLY;BYDAY=MO")
    # Weekly: eight weeks ahead reach further than six dates (11 March to 22 April).
    assert local_starts(weekly)[0] == "03-11 19:00" and len(local_starts(weekly)) == 7


def test_the_horizon_job_is_idempotent_and_moves_with_time(group, lead):
    series = make_series(group, lead)
    before = list(SeriesOccurrence.objects.values_list("pk", "event_id", "recurrence_id"))
    assert sync_all_series(now=NOW) == 0
    assert sync_series(series=series, now=NOW).created == []
    assert list(SeriesOccurrence.objects.values_list("pk", "event_id", "recurrence_id")) == before
    later = NOW + timedelta(weeks=4)
    assert sync_all_series(now=later) == 2
    assert sync_all_series(now=later) == 0
    assert local_starts(series)[-1] == "06-11 19:00"


def test_a_series_that_ended_is_left_alone(group, lead):
    series = make_series(group, lead, rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=2")
    assert local_starts(series) == ["03-05 19:00", "03-12 19:00"]
    assert sync_all_series(now=NOW + timedelta(weeks=10)) == 0


def test_editing_one_date_detaches_it_and_tells_its_people_once(group, lead):
    series = make_series(group, lead)
    occurrence = series.occurrences.order_by("recurrence_id")[1]
    signup = SignupFactory(event=occurrence.event)
    moved = datetime(2030, 3, 20, 20, 0, tzinfo=AMSTERDAM)
    edit_occurrence(
        occurrence=occurrence,
        values={"starts_at": moved, "ends_at": moved + timedelta(hours=1), "venue": "Café"},
        now=NOW,
    )
    occurrence.refresh_from_db()
    assert occurrence.is_detached and occurrence.event.sequence == 1
    notices = OutboxMessage.objects.filter(kind="event_rescheduled")
    assert [n.to_email for n in notices] == [signup.email]
    # A later edit of the whole series leaves that date alone.
    update_series(series=series, values={"venue": "Town hall"}, now=NOW)
    occurrence.event.refresh_from_db()
    assert occurrence.event.venue == "Café" and occurrence.event.local_starts_at == moved
    others = LocalEvent.objects.filter(series_occurrence__series=series).exclude(
        pk=occurrence.event_id
    )
    assert set(others.values_list("venue", flat=True)) == {"Town hall"}
    assert notices.count() == 1  # nobody signed up for the others


def test_a_date_edited_on_the_dashboard_is_detached_too(group, lead):
    series = make_series(group, lead)
    occurrence = series.occurrences.first()
    event = occurrence.event
    event.venue = "Elsewhere"
    save_event_changes(event=event, changed_fields=["venue"])
    occurrence.refresh_from_db()
    assert occurrence.is_detached


def test_cancelling_a_date_tells_its_people_over_smtp_and_the_job_never_brings_it_back(
    smtp_server, group, lead
):
    series = make_series(group, lead)
    occurrence = series.occurrences.order_by("recurrence_id")[2]
    SignupFactory(event=occurrence.event, email="ada@example.net", language="nl")
    cancel_occurrence(occurrence=occurrence, now=NOW)
    cancel_occurrence(occurrence=occurrence, now=NOW)
    sync_all_series(now=NOW)
    assert "04-02 19:00" not in local_starts(series)
    assert SeriesOccurrence.objects.filter(series=series).count() == 6
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        report = outbox.deliver_due()
    assert len(report.sent) == 1 and not report.failed
    [message] = smtp_server.messages
    assert message["To"] == "ada@example.net"
    assert message["Subject"].startswith("Geannuleerd")


def test_this_and_following_splits_the_series_and_moves_the_coming_dates(group, lead):
    series = make_series(group, lead)
    dates = list(series.occurrences.order_by("recurrence_id"))
    detached = dates[4]
    edit_occurrence(occurrence=detached, values={"venue": "Park"}, now=NOW)
    signup = SignupFactory(event=dates[3].event)
    new = split_series(
        occurrence=dates[2],
        values={"start_time": time(20, 0), "venue": "Town hall"},
        created_by=lead,
        now=NOW,
    )
    series.refresh_from_db()
    assert new.pk != series.pk and new.uid != series.uid and new.split_from == series
    assert "UNTIL=20300401T" in series.rrule
    assert local_starts(series) == ["03-05 19:00", "03-19 19:00"]
    assert new.dtstart == date(2030, 4, 2)
    assert local_starts(new) == [
        "04-02 20:00", "04-16 20:00", "04-30 19:00", "05-14 20:00", "05-28 20:00",
        "06-11 20:00",
    ]  # fmt: skip
    # The same events moved over (signups kept), the detached one untouched.
    assert SeriesOccurrence.objects.get(event=dates[3].event).series == new
    detached.event.refresh_from_db()
    assert detached.event.venue == "Park"
    notices = OutboxMessage.objects.filter(kind="event_rescheduled")
    assert [n.to_email for n in notices] == [signup.email]
    # Running the job again tells nobody anything new.
    sync_all_series(now=NOW)
    assert notices.count() == 1


def test_a_rule_change_cancels_dates_with_signups_and_removes_empty_ones(group, lead):
    series = make_series(group, lead)
    dates = list(series.occurrences.order_by("recurrence_id"))
    signup = SignupFactory(event=dates[1].event)
    update_series(series=series, values={"rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"}, now=NOW)
    dates[1].event.refresh_from_db()
    assert dates[1].event.is_cancelled
    assert OutboxMessage.objects.get(kind="event_cancelled").to_email == signup.email
    assert not LocalEvent.objects.filter(pk=dates[2].event_id).exists()
    assert local_starts(series)[:2] == ["03-06 19:00", "03-20 19:00"]


def test_the_first_date_is_the_rules_first(group, lead):
    # Every second Tuesday counts weeks from the first date's week (RFC 5545, weeks start on
    # Monday), as calendar apps do: from Friday 1 March, the Tuesday after next.
    series = make_series(group, lead, dtstart=date(2030, 3, 1))
    assert MeetupSeries.objects.get(pk=series.pk).dtstart == date(2030, 3, 12)


def test_a_date_sends_its_participants_reminders_like_any_event(group, lead):
    from turnout.signups.reminders import queue_due_reminders

    series = make_series(group, lead)
    event = series.occurrences.order_by("recurrence_id")[1].event
    SignupFactory(event=event, created_at=NOW)
    queue_due_reminders(now=event.starts_at - timedelta(hours=47))
    queue_due_reminders(now=event.starts_at - timedelta(hours=47))
    reminder = OutboxMessage.objects.get(kind="reminder")
    assert "Open meeting" in reminder.subject


def test_a_split_of_a_series_with_a_count_keeps_the_number_of_dates(group, lead):
    series = make_series(group, lead, rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=5")
    fourth = series.occurrences.order_by("recurrence_id")[3]
    new = split_series(occurrence=fourth, values={"venue": "Park"}, created_by=lead, now=NOW)
    assert new.rrule.endswith("COUNT=2")
    assert local_starts(series) == ["03-05 19:00", "03-12 19:00", "03-19 19:00"]
    assert local_starts(new) == ["03-26 19:00", "04-02 19:00"]


def test_the_horizon_job_is_on_the_workers_timetable_and_runs():
    from turnout.meetups.tasks import create_coming_dates
    from turnout.notifications.scheduler import TIMETABLE

    assert any(job.task_path == "turnout.meetups.tasks.create_coming_dates" for job in TIMETABLE)
    assert create_coming_dates.call() == 0
