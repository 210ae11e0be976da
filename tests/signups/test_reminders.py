"""Reminders before an event, and notices when it changes or is cancelled."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.services import cancel_event, save_event_changes
from turnout.notifications.models import OutboxMessage
from turnout.signups.reminders import queue_due_reminders

pytestmark = pytest.mark.django_db

START = datetime(2030, 5, 13, 11, tzinfo=UTC)


@pytest.fixture
def event(db):
    return LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))


def reminder_hours_sent() -> list[str]:
    return sorted(
        OutboxMessage.objects.filter(kind="reminder").values_list("dedupe_key", flat=True)
    )


def test_default_reminders_go_two_days_and_three_hours_before_once_each(event):
    signup = SignupFactory(event=event, created_at=START - timedelta(days=10))
    assert queue_due_reminders(now=START - timedelta(hours=49)) == 0
    assert queue_due_reminders(now=START - timedelta(hours=47)) == 1
    assert queue_due_reminders(now=START - timedelta(hours=46)) == 0  # not twice
    assert queue_due_reminders(now=START - timedelta(hours=2)) == 1
    assert queue_due_reminders(now=START + timedelta(minutes=1)) == 0
    keys = reminder_hours_sent()
    assert [key.split(":")[2] for key in keys] == ["3", "48"]
    reminder = OutboxMessage.objects.filter(kind="reminder", to_email=signup.email).first()
    assert reminder.subject == f"Reminder: {event.title}"
    assert reminder.attachments[0]["method"] == "REQUEST"


def test_a_campaign_sets_its_own_reminder_hours():
    campaign = CampaignFactory(reminder_hours=[24])
    event = LocalEventFactory(
        campaign=campaign, starts_at=START, ends_at=START + timedelta(hours=2)
    )
    SignupFactory(event=event, created_at=START - timedelta(days=10))
    assert queue_due_reminders(now=START - timedelta(hours=47)) == 0
    assert queue_due_reminders(now=START - timedelta(hours=23)) == 1
    assert queue_due_reminders(now=START - timedelta(hours=2)) == 0


def test_only_confirmed_people_are_reminded_and_not_of_a_moment_before_they_confirmed(event):
    SignupFactory(event=event, state="waitlisted", created_at=START - timedelta(days=9))
    SignupFactory(event=event, state="cancelled", created_at=START - timedelta(days=9))
    late = SignupFactory(event=event, created_at=START - timedelta(hours=10))
    assert queue_due_reminders(now=START - timedelta(hours=9)) == 0
    assert queue_due_reminders(now=START - timedelta(hours=2)) == 1
    assert OutboxMessage.objects.get().to_email == late.email


def test_after_a_worker_outage_only_the_nearest_reminder_is_sent(event):
    SignupFactory(event=event, created_at=START - timedelta(days=10))
    assert queue_due_reminders(now=START - timedelta(hours=1)) == 1
    assert [key.split(":")[2] for key in reminder_hours_sent()] == ["3"]


def test_a_rescheduled_event_is_announced_with_an_updated_invite_to_people_who_wait_too(event):
    confirmed = SignupFactory(event=event, language="nl")
    waiting = SignupFactory(event=event, state="waitlisted")
    SignupFactory(event=event, state="cancelled")
    event.venue = "Dam Square"
    save_event_changes(event=event, changed_fields=["venue"])
    notices = OutboxMessage.objects.filter(kind="event_rescheduled")
    assert sorted(notices.values_list("to_email", flat=True)) == sorted(
        [confirmed.email, waiting.email]
    )
    dutch = notices.get(to_email=confirmed.email)
    assert "De plaats van het evenement is veranderd." in dutch.body_text
    assert "Dam Square" in dutch.body_text
    assert "SEQUENCE:1" in dutch.attachments[0]["content"]
    assert notices.get(to_email=waiting.email).attachments == []


def test_a_title_edit_announces_nothing(event):
    SignupFactory(event=event)
    event.title = "A better title"
    save_event_changes(event=event, changed_fields=["title"])
    assert not OutboxMessage.objects.exists()


def test_a_cancelled_event_tells_everyone_with_a_place_or_waiting_once(event):
    confirmed = SignupFactory(event=event)
    SignupFactory(event=event, state="waitlisted")
    cancel_event(event=event)
    cancel_event(event=event)
    notices = OutboxMessage.objects.filter(kind="event_cancelled")
    assert notices.count() == 2
    ics = notices.get(to_email=confirmed.email).attachments[0]
    assert ics["method"] == "CANCEL" and "STATUS:CANCELLED" in ics["content"]
