"""Roles' rules: places held like the event's, one role per person, freed with the place."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.roles import selectors, services
from turnout.roles.models import EventRole, RoleAssignment
from turnout.signups.models import Signup
from turnout.signups.services import privacy, registration

from .factories import EventRoleFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def event():
    return LocalEventFactory()


def test_an_event_offers_standard_roles_and_its_own_named_as_typed(event):
    marshal = services.add_role(event=event, kind="marshal", capacity=4, now=NOW)
    own = services.add_role(
        event=event, kind="other", custom_name="  Spandoekdrager ", capacity=2, now=NOW
    )
    assert marshal.name == "Marshal" and marshal.custom_name == ""
    assert own.name == "Spandoekdrager"
    assert [line.role.name for line in selectors.role_coverage(event)] == [
        "Marshal",
        "Spandoekdrager",
    ]


def test_the_same_role_twice_is_refused_and_an_own_role_needs_a_name(event):
    services.add_role(event=event, kind="marshal", capacity=4, now=NOW)
    services.add_role(event=event, kind="other", custom_name="Banner", capacity=2, now=NOW)
    with pytest.raises(ValidationError, match="already has that role"):
        services.add_role(event=event, kind="marshal", capacity=2, now=NOW)
    with pytest.raises(ValidationError, match="already has that role"):
        services.add_role(event=event, kind="other", custom_name="BANNER", capacity=2, now=NOW)
    with pytest.raises(ValidationError, match="Give your own role a name"):
        services.add_role(event=event, kind="other", custom_name="  ", capacity=2, now=NOW)
    assert EventRole.objects.count() == 2


def test_volunteers_fill_a_role_and_the_next_one_is_told_it_is_full(event):
    role = EventRoleFactory(event=event, capacity=2)
    first, second, third = SignupFactory.create_batch(3, event=event)
    services.volunteer(token=first.token, role_id=role.pk, now=NOW)
    services.volunteer(token=second.token, role_id=role.pk, now=NOW)
    with pytest.raises(
        services.RoleUnavailable, match="All places in the role “Marshal” are taken"
    ):
        services.volunteer(token=third.token, role_id=role.pk, now=NOW)
    assert selectors.places_taken(role) == 2
    assert not RoleAssignment.objects.filter(signup=third).exists()
    assert OutboxMessage.objects.filter(kind="role_confirmed").count() == 2


def test_volunteering_twice_is_harmless_and_a_second_role_is_refused(event):
    marshal = EventRoleFactory(event=event)
    medic = EventRoleFactory(event=event, kind="first_aider")
    signup = SignupFactory(event=event)
    services.volunteer(token=signup.token, role_id=marshal.pk, now=NOW)
    services.volunteer(token=signup.token, role_id=marshal.pk, now=NOW)
    with pytest.raises(services.RoleUnavailable, match=r"already has a role here \(Marshal\)"):
        services.volunteer(token=signup.token, role_id=medic.pk, now=NOW)
    assert OutboxMessage.objects.filter(kind="role_confirmed").count() == 1


@pytest.mark.parametrize(
    "state", [Signup.State.AWAITING_CONFIRMATION, Signup.State.WAITLISTED, Signup.State.CANCELLED]
)
def test_only_people_with_a_place_take_a_role(event, state):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event, state=state)
    with pytest.raises(services.RoleUnavailable, match="confirmed place"):
        services.volunteer(token=signup.token, role_id=role.pk, now=NOW)


def test_a_role_of_another_event_cannot_be_taken(event):
    elsewhere = EventRoleFactory()
    signup = SignupFactory(event=event)
    with pytest.raises(services.RoleUnavailable):
        services.volunteer(token=signup.token, role_id=elsewhere.pk, now=NOW)


def test_roles_close_when_the_event_is_over(event):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event)
    with pytest.raises(services.RoleUnavailable, match="over or cancelled"):
        services.volunteer(token=signup.token, role_id=role.pk, now=event.ends_at)


def test_cancelling_the_signup_frees_the_role_place_for_the_next_volunteer(event):
    role = EventRoleFactory(event=event, capacity=1)
    first, second = SignupFactory.create_batch(2, event=event)
    services.volunteer(token=first.token, role_id=role.pk, now=NOW)
    registration.cancel_signup(token=first.token, now=NOW)
    assert not RoleAssignment.objects.exists()
    services.volunteer(token=second.token, role_id=role.pk, now=NOW)
    # Signing up again and confirming does not bring the old role back over the limit.
    first.refresh_from_db()
    first.state = Signup.State.CONFIRMED
    first.save()
    assert selectors.places_taken(role) == 1


def test_a_place_held_by_a_signup_changed_behind_our_back_is_not_counted(event):
    role = EventRoleFactory(event=event, capacity=1)
    signup = SignupFactory(event=event)
    services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    Signup.objects.filter(pk=signup.pk).update(state=Signup.State.CANCELLED)  # no signal
    assert selectors.places_taken(role) == 0
    assert selectors.role_coverage(event)[0].taken == 0


def test_erasure_and_retention_remove_the_role(event):
    role = EventRoleFactory(event=event)
    erased = SignupFactory(event=event, email="erase@example.org")
    services.volunteer(token=erased.token, role_id=role.pk, now=NOW)
    privacy.erase_personal_data(email="erase@example.org", now=NOW)
    assert not RoleAssignment.objects.exists()

    past = LocalEventFactory(
        starts_at=NOW - timedelta(days=400), ends_at=NOW - timedelta(days=400, hours=-2)
    )
    old_role = EventRoleFactory(event=past)
    old = SignupFactory(event=past)
    RoleAssignment.objects.create(role=old_role, signup=old, state="accepted", created_at=NOW)
    privacy.anonymize_expired_signups(now=NOW)
    assert not RoleAssignment.objects.exists()


def test_deleting_a_signup_deletes_its_role(event):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event)
    services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    signup.delete()
    assert not RoleAssignment.objects.exists()


def test_an_asked_attendee_keeps_the_place_until_they_answer(event):
    role = EventRoleFactory(event=event, capacity=1)
    asked, eager = SignupFactory.create_batch(2, event=event)
    services.ask_attendee(role=role, signup_id=asked.pk, now=NOW)
    assert OutboxMessage.objects.get(kind="role_asked").to_email == asked.email
    with pytest.raises(services.RoleUnavailable):
        services.volunteer(token=eager.token, role_id=role.pk, now=NOW)
    assignment = services.accept_role(token=asked.token, now=NOW)
    assert assignment is not None and assignment.state == RoleAssignment.State.ACCEPTED
    assert OutboxMessage.objects.get(kind="role_confirmed").to_email == asked.email
    services.accept_role(token=asked.token, now=NOW)  # twice: nothing more
    assert OutboxMessage.objects.filter(kind="role_confirmed").count() == 1


def test_volunteering_for_the_role_one_was_asked_to_take_is_a_yes(event):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event)
    services.ask_attendee(role=role, signup_id=signup.pk, now=NOW)
    assignment = services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    assert assignment.state == RoleAssignment.State.ACCEPTED
    assert OutboxMessage.objects.filter(kind="role_confirmed").count() == 1


def test_declining_or_stepping_down_frees_the_place(event):
    role = EventRoleFactory(event=event, capacity=1)
    asked, eager = SignupFactory.create_batch(2, event=event)
    services.ask_attendee(role=role, signup_id=asked.pk, now=NOW)
    assert services.step_down(token=asked.token)
    services.volunteer(token=eager.token, role_id=role.pk, now=NOW)
    assert services.step_down(token=eager.token)
    assert not services.step_down(token=eager.token)
    assert selectors.places_taken(role) == 0


def test_places_cannot_drop_below_the_people_in_the_role(event):
    role = EventRoleFactory(event=event, capacity=3)
    for signup in SignupFactory.create_batch(2, event=event):
        services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    with pytest.raises(ValidationError, match="2 people hold this role"):
        services.change_role(role=role, capacity=1, briefing="", is_required=True)
    services.change_role(role=role, capacity=2, briefing=" New briefing ", is_required=True)
    role.refresh_from_db()
    assert (role.capacity, role.briefing, role.is_required) == (2, "New briefing", True)


def test_removing_a_role_keeps_the_people_at_the_event_and_tells_them(event):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event, language="nl")
    services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    services.remove_role(role=role, now=NOW)
    services.remove_role(role=role, now=NOW)  # twice: nothing more
    signup.refresh_from_db()
    assert signup.state == Signup.State.CONFIRMED
    assert not RoleAssignment.objects.exists()
    notice = OutboxMessage.objects.get(kind="role_withdrawn")
    assert notice.to_email == signup.email
    assert "je hebt de rol „Ordehandhaver” bij dit evenement niet meer" in notice.body_text


def test_an_organizer_removes_someone_only_from_their_own_event(event):
    role = EventRoleFactory(event=event)
    signup = SignupFactory(event=event)
    assignment = services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    elsewhere = LocalEventFactory()
    assert not services.remove_from_role(event=elsewhere, assignment_id=assignment.pk, now=NOW)
    assert not OutboxMessage.objects.filter(kind="role_withdrawn").exists()
    assert services.remove_from_role(event=event, assignment_id=assignment.pk, now=NOW)
    notice = OutboxMessage.objects.get(kind="role_withdrawn")
    assert "you no longer have the role “Marshal”" in notice.body_text


def test_coordinators_see_events_whose_required_roles_are_not_filled(event):
    campaign = event.campaign
    marshal = EventRoleFactory(event=event, capacity=2, is_required=True)
    EventRoleFactory(event=event, kind="photographer", capacity=1)  # not required
    filled = LocalEventFactory(campaign=campaign, city="Utrecht")
    legal = EventRoleFactory(event=filled, kind="legal_observer", capacity=1, is_required=True)
    services.volunteer(token=SignupFactory(event=filled).token, role_id=legal.pk, now=NOW)
    services.volunteer(token=SignupFactory(event=event).token, role_id=marshal.pk, now=NOW)
    over = LocalEventFactory(
        campaign=campaign, starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(days=2)
    )
    EventRoleFactory(event=over, is_required=True)
    EventRoleFactory(event=LocalEventFactory(), is_required=True)  # another campaign

    lines = selectors.events_missing_required_roles(campaign, now=NOW)
    assert [(line.event, [(c.role.name, c.taken) for c in line.missing]) for line in lines] == [
        (event, [("Marshal", 1)])
    ]
