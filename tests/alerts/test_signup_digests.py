"""Organizers get new signups as a digest: hourly or daily, names only, each signup once."""

from datetime import timedelta

import pytest

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.alerts import digests
from turnout.alerts.models import AlertPreference
from turnout.alerts.preferences import choose_frequency
from turnout.alerts.signup_digests import queue_signup_digests
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

from .conftest import NOW, outbox_to

pytestmark = pytest.mark.django_db

YESTERDAY = NOW - timedelta(days=1)  # 09:30, inside the daily window 08:00–08:00


def signup(event, *, at, **fields):
    return SignupFactory(
        event=event, created_at=at - timedelta(minutes=3), confirmed_at=at, **fields
    )


def test_the_daily_digest_names_each_new_signup_once_without_addresses(event):
    signup(event, at=YESTERDAY, name="Ada Lovelace", email="ada@example.org")
    signup(event, at=YESTERDAY + timedelta(hours=5), name="Émile Zola", email="emile@example.org")
    signup(event, at=YESTERDAY, name="Wendy Wait", state=Signup.State.WAITLISTED)
    signup(event, at=YESTERDAY, name="Cancelled Carl", state=Signup.State.CANCELLED)
    SignupFactory(event=event, name="Unconfirmed Una", state=Signup.State.AWAITING_CONFIRMATION)
    signup(event, at=NOW - timedelta(days=3), name="Old Olaf")  # an earlier window

    assert queue_signup_digests(now=NOW) == 2
    assert queue_signup_digests(now=NOW + timedelta(minutes=30)) == 0  # run twice: one each
    [digest] = outbox_to("olga@example.org")
    assert digest.subject == "3 new signups: March in Utrecht"
    body = digest.body_text + digest.body_html
    for name in ("Ada Lovelace", "Émile Zola", "Wendy Wait"):
        assert name in digest.body_text
    for absent in ("Cancelled Carl", "Unconfirmed Una", "Old Olaf"):
        assert absent not in body
    assert "1 of them on the waitlist" in digest.body_text
    assert "97 places left." in digest.body_text  # 100; Ada, Émile and Olaf hold one
    assert "@example.org" not in body.replace("olga@example.org", "")  # no participant address
    assert f"/en/signups/events/{event.pk}/attendees/" in digest.body_text
    [dutch] = outbox_to("otto@example.org")
    assert dutch.subject == "3 nieuwe aanmeldingen: March in Utrecht"
    assert "Nog 97 plaatsen vrij." in dutch.body_text


def test_hourly_digests_cover_whole_hours_end_to_end(event):
    for person in event.organizers.all():
        choose_frequency(user=person, kind="signups", frequency="hourly")
    signup(event, at=NOW.replace(minute=10) - timedelta(hours=1), name="In the eight o'clock hour")
    signup(event, at=NOW.replace(minute=0), name="On the hour")  # 09:00 belongs to 09–10
    signup(event, at=NOW.replace(minute=59), name="Late in the hour")

    assert queue_signup_digests(now=NOW) == 2  # 09:30: the 08–09 window
    assert "In the eight o'clock hour" in outbox_to("olga@example.org")[-1].body_text
    assert queue_signup_digests(now=NOW.replace(minute=59)) == 0
    assert queue_signup_digests(now=NOW.replace(minute=0) + timedelta(hours=1, minutes=1)) == 0
    assert queue_signup_digests(now=NOW.replace(minute=0) + timedelta(hours=1, minutes=2)) == 2
    latest = outbox_to("olga@example.org")[-1].body_text
    assert "On the hour" in latest and "Late in the hour" in latest
    assert "In the eight o'clock hour" not in latest
    assert len(outbox_to("olga@example.org")) == 2


def test_no_email_for_an_hour_without_signups_and_the_next_one_starts_after_it(event):
    olga = event.organizers.get(email="olga@example.org")
    choose_frequency(user=olga, kind="signups", frequency="hourly")
    assert queue_signup_digests(now=NOW) == 0
    row = AlertPreference.objects.get(user=olga, kind="signups")
    assert row.digest_sent_up_to == NOW.replace(minute=0)


def test_a_digest_written_but_not_marked_is_not_written_again(event):
    """A worker that stopped between the emails and the mark (were they two transactions) would
    find the mark missing: the outbox key still makes it one email."""
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    assert queue_signup_digests(now=NOW) == 2
    AlertPreference.objects.update(digest_sent_up_to=None)
    assert queue_signup_digests(now=NOW) == 0
    assert OutboxMessage.objects.count() == 2


def test_co_organizers_get_one_composition_of_the_same_digest(event):
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    otto = event.organizers.get(email="otto@example.org")
    otto.language = "en"
    otto.save()
    queue_signup_digests(now=NOW)
    olga_mail, otto_mail = outbox_to("olga@example.org")[0], outbox_to("otto@example.org")[0]
    assert "Hello Olga," in olga_mail.body_text and "Hello Otto," in otto_mail.body_text
    tokens = AlertPreference.objects.filter(kind="signups").values_list("token", flat=True)
    assert all(
        len([t for t in tokens if t in mail.body_text]) == 1 for mail in (olga_mail, otto_mail)
    )
    assert olga_mail.body_text.replace("Olga", "Otto") != otto_mail.body_text  # own link each


def test_only_the_organizers_of_that_event_hear_of_its_signups(event):
    other = LocalEventFactory(campaign=event.campaign, title="Elsewhere", city="Delft")
    other.organizers.add(UserFactory(email="dirk@example.org", name="Dirk"))
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    signup(other, at=YESTERDAY, name="Bob Builder")
    coordinator = event.campaign.coordinators.first()
    queue_signup_digests(now=NOW)
    assert "Bob Builder" not in outbox_to("olga@example.org")[0].body_text
    assert "Ada Lovelace" not in outbox_to("dirk@example.org")[0].body_text
    assert outbox_to(coordinator.email) == []


def test_an_organizer_of_two_events_gets_one_digest_for_both(event):
    olga = event.organizers.get(email="olga@example.org")
    second = LocalEventFactory(campaign=event.campaign, title="Picnic in Delft", city="Delft")
    second.organizers.add(olga)
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    signup(second, at=YESTERDAY, name="Bob Builder")
    queue_signup_digests(now=NOW)
    [digest] = outbox_to("olga@example.org")
    assert digest.subject == "2 new signups for your events"
    assert "Picnic in Delft" in digest.body_text and "March in Utrecht" in digest.body_text


def test_an_organizer_who_stopped_signup_digests_gets_none(event):
    olga = event.organizers.get(email="olga@example.org")
    choose_frequency(user=olga, kind="signups", frequency="off")
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    queue_signup_digests(now=NOW)
    assert outbox_to("olga@example.org") == []
    assert len(outbox_to("otto@example.org")) == 1


class WorkerDied(Exception):
    pass


def test_a_worker_that_dies_after_writing_the_emails_leaves_neither_and_the_rerun_sends_once(
    event, monkeypatch
):
    signup(event, at=YESTERDAY, name="Ada Lovelace")
    real_mark = digests._mark

    def die(*args, **kwargs):
        raise WorkerDied  # after enqueue_many, before the mark: the transaction is undone

    monkeypatch.setattr(digests, "_mark", die)
    with pytest.raises(WorkerDied):
        queue_signup_digests(now=NOW)
    assert not OutboxMessage.objects.exists()
    monkeypatch.setattr(digests, "_mark", real_mark)
    assert queue_signup_digests(now=NOW) == 2
    assert queue_signup_digests(now=NOW) == 0
    assert OutboxMessage.objects.count() == 2
