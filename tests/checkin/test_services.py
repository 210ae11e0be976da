"""Checking in, undoing, walk-ins and a typed-up sheet, on real rows."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry
from turnout.checkin import services
from turnout.checkin.codes import check_in_code
from turnout.checkin.selectors import door_counts
from turnout.checkin.services import WalkIn
from turnout.checkin.sheet_csv import SheetError, SheetRow
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(event):
    return event.starts_at - timedelta(minutes=20)


def test_check_in_marks_attended_once_and_a_second_time_changes_nothing(event, organizer, now):
    ada = SignupFactory(event=event, name="Ada")
    first = services.check_in(event=event, signup_id=ada.pk, by=organizer, now=now)
    second = services.check_in(
        event=event, signup_id=ada.pk, by=organizer, now=now + timedelta(minutes=5)
    )
    ada.refresh_from_db()
    assert first.is_new and not second.is_new
    assert ada.state == Signup.State.ATTENDED and ada.attended_at == now  # the first time stays
    assert door_counts(event).arrived == 1
    assert AuditEntry.objects.filter(action="signups.attendance").count() == 1


def test_undo_gives_the_place_back_without_the_arrival(event, organizer, now):
    ada = SignupFactory(event=event)
    services.check_in(event=event, signup_id=ada.pk, by=organizer, now=now)
    services.undo_check_in(event=event, signup_id=ada.pk, by=organizer, now=now)
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED and ada.attended_at is None
    assert door_counts(event).arrived == 0
    services.undo_check_in(event=event, signup_id=ada.pk, by=organizer, now=now)  # harmless


def test_people_without_a_place_or_of_another_event_are_not_checked_in(event, organizer, now):
    waiting = SignupFactory(event=event, state=Signup.State.WAITLISTED)
    elsewhere = SignupFactory()
    with pytest.raises(ValidationError, match="no place"):
        services.check_in(event=event, signup_id=waiting.pk, by=organizer, now=now)
    with pytest.raises(ValidationError, match="not signed up"):
        services.check_in(event=event, signup_id=elsewhere.pk, by=organizer, now=now)
    elsewhere.refresh_from_db()
    assert elsewhere.state == Signup.State.CONFIRMED


def test_the_door_opens_on_the_day_and_never_for_a_cancelled_event(event, organizer):
    ada = SignupFactory(event=event)
    with pytest.raises(ValidationError, match="opens on the day"):
        services.check_in(
            event=event, signup_id=ada.pk, by=organizer, now=event.starts_at - timedelta(days=2)
        )
    # After the event, sheets are typed in: still open.
    services.check_in(
        event=event, signup_id=ada.pk, by=organizer, now=event.ends_at + timedelta(days=1)
    )
    event.status = event.Status.CANCELLED
    event.save()
    with pytest.raises(ValidationError, match="cancelled"):
        services.add_walk_in(
            event=event, walk_in=WalkIn(name="Bo"), by=organizer, now=event.starts_at
        )


def test_a_walk_in_is_added_attended_without_any_email(event, organizer, now):
    event.capacity = 1
    event.save()
    SignupFactory(event=event)  # the event is full
    arrival = services.add_walk_in(
        event=event,
        walk_in=WalkIn(name="Zoë Ñúñez\r\nBcc: x", email=" Zoe@Example.ORG ", may_contact=True),
        by=organizer,
        now=now,
    )
    walk_in = arrival.signup
    assert arrival.is_new
    assert walk_in.name == "Zoë Ñúñez Bcc: x"  # one line
    assert walk_in.email == "zoe@example.org"
    assert walk_in.source == Signup.Source.WALK_IN
    assert walk_in.state == Signup.State.ATTENDED and walk_in.attended_at == now
    assert walk_in.wants_updates
    assert not OutboxMessage.objects.exists()
    counts = door_counts(event)
    assert (counts.arrived, counts.expected, counts.walk_ins) == (1, 1, 1)


def test_a_walk_in_already_signed_up_is_checked_in_not_doubled(event, organizer, now):
    ada = SignupFactory(event=event, email="ada@example.org", wants_updates=False)
    waiting = SignupFactory(event=event, email="wait@example.org", state=Signup.State.WAITLISTED)
    arrival = services.add_walk_in(
        event=event,
        walk_in=WalkIn(name="Ada L.", email="ADA@example.org", may_contact=True),
        by=organizer,
        now=now,
    )
    services.add_walk_in(
        event=event, walk_in=WalkIn(name="W", email="wait@example.org"), by=organizer, now=now
    )
    assert arrival.signup.pk == ada.pk
    ada.refresh_from_db()
    waiting.refresh_from_db()
    assert ada.state == waiting.state == Signup.State.ATTENDED
    assert ada.wants_updates
    assert Signup.objects.filter(event=event).count() == 2


def test_walk_ins_without_email_are_separate_people(event, organizer, now):
    for _ in range(2):
        services.add_walk_in(event=event, walk_in=WalkIn(name="Sam"), by=organizer, now=now)
    assert Signup.objects.filter(event=event, source=Signup.Source.WALK_IN).count() == 2


def row(line, name="", email="", code="", may_contact=False):
    return SheetRow(line=line, name=name, email=email, code=code, may_contact=may_contact)


def test_a_sheet_checks_in_by_code_email_or_name_and_adds_walk_ins(event, organizer, now):
    by_code = SignupFactory(event=event, name="Coded Person")
    by_email = SignupFactory(event=event, email="mail@example.org")
    by_name = SignupFactory(event=event, name="Émile  Zola")
    already = SignupFactory(event=event, state=Signup.State.ATTENDED, attended_at=now)
    result = services.import_sign_in_sheet(
        event=event,
        rows=[
            row(2, name="whatever", code=check_in_code(by_code.token)),
            row(3, email="mail@example.org", may_contact=True),
            row(4, name="émile zola"),
            row(5, name=already.name, email=already.email),
            row(6, name="New Person", email="new@example.org", may_contact=True),
            row(7, name="New Person", email="new@example.org"),  # typed twice
        ],
        by=organizer,
        now=now,
    )
    assert (result.checked_in, result.walk_ins, result.already) == (3, 1, 2)
    for signup in (by_code, by_email, by_name):
        signup.refresh_from_db()
        assert signup.state == Signup.State.ATTENDED
    by_email.refresh_from_db()
    assert by_email.wants_updates
    new = Signup.objects.get(email="new@example.org")
    assert new.source == Signup.Source.WALK_IN and new.wants_updates


def test_a_sheet_with_one_bad_row_writes_nothing(event, organizer, now):
    ada = SignupFactory(event=event, name="Ada")
    SignupFactory(event=event, name="Sam Twin")
    SignupFactory(event=event, name="Sam Twin")
    with pytest.raises(SheetError) as raised:
        services.import_sign_in_sheet(
            event=event,
            rows=[
                row(2, name="Ada"),
                row(3, name="Someone new"),
                row(4, code="ZZZZZZZZ"),
                row(5, name="sam twin"),
            ],
            by=organizer,
            now=now,
        )
    assert raised.value.messages == [
        "Row 4: no one at this event has the code 'ZZZZZZZZ'.",
        "Row 5: 2 people are called 'sam twin': add their email or code.",
    ]
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED
    assert not Signup.objects.filter(name="Someone new").exists()


def test_erased_people_leave_the_door_and_their_code_opens_nothing(event, organizer, now):
    from turnout.checkin.selectors import find_by_code, people_at_the_door
    from turnout.signups.services.privacy import erase_personal_data

    ada = SignupFactory(event=event, email="ada@example.org")
    code = check_in_code(ada.token)
    services.check_in(event=event, signup_id=ada.pk, by=organizer, now=now)
    erase_personal_data(email="ada@example.org", now=now)
    assert find_by_code(event, code) == []
    assert not people_at_the_door(event).exists()
    assert door_counts(event).arrived == 0
