"""Two phones at one door: the same code scanned twice, the same walk-in typed twice.

PostgreSQL only, like tests/signups/test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import timedelta

import pytest

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry
from turnout.checkin import services
from turnout.signups.models import Signup

pytestmark = ON_POSTGRESQL


@pytest.fixture
def door():
    event = LocalEventFactory()
    phones = UserFactory.create_batch(2)
    event.organizers.add(*phones)
    return event, phones, event.starts_at - timedelta(minutes=20)


def test_one_code_scanned_on_two_phones_at_once_checks_in_once(door):
    event, phones, now = door
    signups = SignupFactory.create_batch(3, event=event)
    firsts: Counter = Counter()

    def scanning(signup, phone):
        def job():
            arrival = services.check_in(event=event, signup_id=signup.pk, by=phone, now=now)
            firsts[signup.pk] += arrival.is_new

        return job

    jobs = [scanning(signup, phone) for signup in signups for phone in phones * 4]
    assert all_at_once(jobs) == []
    assert firsts == {signup.pk: 1 for signup in signups}
    assert set(Signup.objects.filter(event=event).values_list("state", flat=True)) == {"attended"}
    assert AuditEntry.objects.filter(action="signups.attendance").count() == 3


def test_the_same_walk_in_added_on_two_phones_at_once_is_one_person(door):
    event, phones, now = door
    # Each phone's form was shown with its own key; one address makes them one person.
    jobs = [
        lambda phone=phone, email=email, key=key: services.add_walk_in(
            event=event,
            walk_in=services.WalkIn(name="Amal Haddad", email=email, form_key=key),
            by=phone,
            now=now,
        )
        for phone, key in zip(phones, ["key-phone-1", "key-phone-2"], strict=True)
        for email in ("amal@example.org", "AMAL@example.org ") * 3
    ]
    assert all_at_once(jobs) == []
    arrived = Signup.objects.filter(event=event)
    assert arrived.count() == 1
    assert arrived.get().state == Signup.State.ATTENDED


def test_one_walk_in_form_without_an_address_sent_many_times_at_once_adds_one_person(door):
    event, phones, now = door
    tapped = services.WalkIn(name="Sam", form_key="shown-once")
    other_sam = services.WalkIn(name="Sam", form_key="shown-on-the-other-phone")
    jobs = [
        lambda phone=phone, person=person: services.add_walk_in(
            event=event, walk_in=person, by=phone, now=now
        )
        for phone in phones
        for person in [tapped] * 5 + [other_sam]
    ]
    assert all_at_once(jobs) == []
    # Two people called Sam, each once: no address tells them apart, their forms do.
    sams = Signup.objects.filter(event=event, source=Signup.Source.WALK_IN)
    assert list(sams.values_list("name", flat=True)) == ["Sam", "Sam"]
