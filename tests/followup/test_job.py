"""The day-after job: who gets which version, when in the event's own time zone, and once."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils.module_loading import import_string

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.followup import services
from turnout.followup.models import FollowUp
from turnout.notifications.models import OutboxMessage
from turnout.notifications.scheduler import TIMETABLE
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# 13:00-15:00 in Amsterdam; due at 10:00 Amsterdam (08:00 UTC) the next morning.
START = datetime(2030, 5, 13, 13, tzinfo=AMSTERDAM)
DUE = datetime(2030, 5, 14, 8, tzinfo=UTC)


@pytest.fixture
def event():
    return LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))


def sent() -> dict[str, str]:
    """Who has a follow-up in the outbox, with its kind."""
    return dict(
        OutboxMessage.objects.filter(kind__startswith="followup_").values_list("to_email", "kind")
    )


def test_the_job_is_on_the_workers_timetable_and_runs(event):
    (job,) = [job for job in TIMETABLE if job.task_path.startswith("turnout.followup.")]
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    with time_machine.travel(DUE, tick=False):
        import_string(job.task_path).call()  # what a worker does with the queued task
    assert list(sent().values()) == ["followup_attended"]


def test_nothing_goes_before_ten_the_next_morning_local_time(event):
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    assert services.queue_due_follow_ups(now=START + timedelta(hours=3)) == 0
    assert services.queue_due_follow_ups(now=DUE - timedelta(minutes=1)) == 0
    assert services.queue_due_follow_ups(now=DUE) == 1


def test_each_person_gets_one_follow_up_however_often_the_job_runs(event):
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    assert services.queue_due_follow_ups(now=DUE) == 2
    assert services.queue_due_follow_ups(now=DUE + timedelta(minutes=15)) == 0
    assert services.queue_due_follow_ups(now=DUE + timedelta(days=1)) == 0
    assert OutboxMessage.objects.count() == 2
    assert FollowUp.objects.count() == 2


def test_attended_get_thanks_and_no_shows_the_gentler_version(event):
    came = SignupFactory(event=event, state=Signup.State.ATTENDED, email="came@example.org")
    SignupFactory(event=event, state=Signup.State.CONFIRMED, email="away@example.org")
    SignupFactory(event=event, state=Signup.State.CANCELLED, email="cancelled@example.org")
    SignupFactory(event=event, state=Signup.State.WAITLISTED, email="waiting@example.org")
    SignupFactory(
        event=event, state=Signup.State.AWAITING_CONFIRMATION, email="unconfirmed@example.org"
    )
    services.queue_due_follow_ups(now=DUE)
    assert sent() == {
        "came@example.org": "followup_attended",
        "away@example.org": "followup_no_show",
    }
    assert FollowUp.objects.get(signup=came).kind == FollowUp.Kind.ATTENDED
    thanks = OutboxMessage.objects.get(to_email="came@example.org")
    assert thanks.subject == f"Thank you for coming: {event.title}"
    gentle = OutboxMessage.objects.get(to_email="away@example.org")
    assert gentle.subject == f"We hope to see you next time: {event.title}"
    assert "We did not see you" in gentle.body_text
    assert "Thank you for coming" not in gentle.body_text


def test_without_attendance_taken_everyone_confirmed_gets_the_neutral_version(event):
    SignupFactory(event=event, state=Signup.State.CONFIRMED, email="one@example.org")
    SignupFactory(event=event, state=Signup.State.CONFIRMED, email="two@example.org")
    services.queue_due_follow_ups(now=DUE)
    assert sent() == {"one@example.org": "followup_neutral", "two@example.org": "followup_neutral"}


def test_anonymized_people_walk_ins_without_consent_and_cancelled_events_get_nothing(event):
    anonymized = SignupFactory(event=event, state=Signup.State.ATTENDED)
    Signup.objects.filter(pk=anonymized.pk).update(email="", name="", anonymized_at=DUE)
    SignupFactory(
        event=event,
        state=Signup.State.ATTENDED,
        source=Signup.Source.WALK_IN,
        email="walkin@example.org",
        wants_updates=False,
    )
    SignupFactory(
        event=event,
        state=Signup.State.ATTENDED,
        source=Signup.Source.WALK_IN,
        email="keepmeposted@example.org",
        wants_updates=True,
    )
    cancelled = LocalEventFactory(
        status=LocalEvent.Status.CANCELLED, starts_at=START, ends_at=START + timedelta(hours=2)
    )
    SignupFactory(event=cancelled, state=Signup.State.CONFIRMED, email="c@example.org")
    services.queue_due_follow_ups(now=DUE)
    assert sent() == {"keepmeposted@example.org": "followup_attended"}


def test_an_old_backlog_is_not_mailed(event):
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    assert services.queue_due_follow_ups(now=DUE + services.DUE_FOR) == 0
    assert services.queue_due_follow_ups(now=DUE + timedelta(days=30)) == 0
    assert services.queue_due_follow_ups(now=DUE + services.DUE_FOR - timedelta(minutes=1)) == 1


def test_a_worker_that_dies_midway_resumes_without_doubling(event, monkeypatch):
    for n in range(5):
        SignupFactory(event=event, state=Signup.State.ATTENDED, email=f"p{n}@example.org")
    monkeypatch.setattr(services, "BATCH", 2)
    real_enqueue_many = services.outbox.enqueue_many
    calls = {"n": 0}

    def dies_on_the_second_batch(emails, *, now):
        calls["n"] += 1
        written = real_enqueue_many(emails, now=now)
        if calls["n"] == 2:
            raise ConnectionError("worker killed after writing, before commit")
        return written

    monkeypatch.setattr(services.outbox, "enqueue_many", dies_on_the_second_batch)
    with pytest.raises(ConnectionError):
        services.queue_due_follow_ups(now=DUE)
    # The first batch committed whole; the second rolled back whole.
    assert FollowUp.objects.count() == OutboxMessage.objects.count() == 2
    monkeypatch.setattr(services.outbox, "enqueue_many", real_enqueue_many)
    assert services.queue_due_follow_ups(now=DUE + timedelta(minutes=15)) == 3
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        f"p{n}@example.org" for n in range(5)
    ]
    assert FollowUp.objects.count() == 5


def test_a_follow_up_row_without_its_email_is_never_sent_twice(event):
    signup = SignupFactory(event=event, state=Signup.State.ATTENDED)
    FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=DUE)
    assert services.queue_due_follow_ups(now=DUE) == 0


@pytest.mark.parametrize(
    ("zone", "city", "country", "local_start", "due_utc"),
    [
        # Auckland is UTC+12 in May: 10:00 there on the 14th is 22:00 UTC on the 13th.
        (
            "Pacific/Auckland",
            "Auckland",
            "NZ",
            datetime(2030, 5, 13, 18),
            datetime(2030, 5, 13, 22),
        ),
        # Los Angeles is UTC-7 in May: the event ends on the 14th in UTC, the 13th locally.
        (
            "America/Los_Angeles",
            "Los Angeles",
            "US",
            datetime(2030, 5, 13, 18),
            datetime(2030, 5, 14, 17),
        ),
        # A night vigil until 1 am belongs to the evening it began: due the same morning.
        (
            "America/Los_Angeles",
            "Los Angeles",
            "US",
            datetime(2030, 5, 13, 22),
            datetime(2030, 5, 14, 17),
        ),
    ],
)
def test_due_at_ten_the_next_morning_in_the_events_own_time_zone(
    zone, city, country, local_start, due_utc
):
    starts_at = local_start.replace(tzinfo=ZoneInfo(zone))
    event = LocalEventFactory(
        timezone=zone,
        city=city,
        country=country,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
    )
    SignupFactory(event=event, state=Signup.State.ATTENDED)
    due = due_utc.replace(tzinfo=UTC)
    assert services.follow_up_due_at(event) == due
    assert services.queue_due_follow_ups(now=due - timedelta(minutes=1)) == 0
    assert services.queue_due_follow_ups(now=due) == 1


def test_auckland_is_due_while_los_angeles_still_sleeps():
    auckland = LocalEventFactory(
        timezone="Pacific/Auckland",
        city="Auckland",
        country="NZ",
        starts_at=datetime(2030, 5, 13, 18, tzinfo=ZoneInfo("Pacific/Auckland")),
        ends_at=datetime(2030, 5, 13, 20, tzinfo=ZoneInfo("Pacific/Auckland")),
    )
    los_angeles = LocalEventFactory(
        timezone="America/Los_Angeles",
        city="Los Angeles",
        country="US",
        starts_at=datetime(2030, 5, 13, 18, tzinfo=ZoneInfo("America/Los_Angeles")),
        ends_at=datetime(2030, 5, 13, 20, tzinfo=ZoneInfo("America/Los_Angeles")),
    )
    SignupFactory(event=auckland, state=Signup.State.ATTENDED, email="kiwi@example.org")
    SignupFactory(event=los_angeles, state=Signup.State.ATTENDED, email="angeleno@example.org")
    services.queue_due_follow_ups(now=datetime(2030, 5, 14, 8, tzinfo=UTC))
    assert list(sent()) == ["kiwi@example.org"]
