"""A surge of volunteers for one role: never more people than places, nobody's request lost.

PostgreSQL only, as tests/signups/test_concurrency.py: SQLite serializes every writer.
"""

from collections import Counter
from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.roles import services
from turnout.roles.models import RoleAssignment

from .factories import EventRoleFactory

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
PEOPLE = 60
PLACES = 5


def test_sixty_people_volunteering_at_once_fill_five_places_exactly():
    event = LocalEventFactory()
    role = EventRoleFactory(event=event, capacity=PLACES)
    signups = SignupFactory.create_batch(PEOPLE, event=event)
    outcomes: Counter = Counter()

    def volunteering(token):
        def job():
            try:
                services.volunteer(token=token, role_id=role.pk, now=NOW)
            except services.RoleUnavailable:
                outcomes["refused"] += 1
            else:
                outcomes["taken"] += 1

        return job

    # Each person clicks twice: the second click is harmless.
    jobs = [volunteering(signup.token) for signup in signups]
    jobs += [volunteering(signup.token) for signup in signups[:10]]
    assert all_at_once(jobs) == []
    assert RoleAssignment.objects.filter(role=role).count() == PLACES
    assert OutboxMessage.objects.filter(kind="role_confirmed").count() == PLACES
    assert outcomes["taken"] + outcomes["refused"] == len(jobs)


def test_one_person_volunteering_for_two_roles_at_once_gets_one():
    event = LocalEventFactory()
    roles = [EventRoleFactory(event=event, kind=kind) for kind in ("marshal", "steward")]
    signup = SignupFactory(event=event)

    def job(role):
        def run():
            try:
                services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
            except services.RoleUnavailable:
                pass

        return run

    assert all_at_once([job(role) for role in roles] * 5) == []
    assert RoleAssignment.objects.filter(signup=signup).count() == 1


def test_cancelling_while_others_volunteer_never_overfills():
    from turnout.signups.services.registration import cancel_signup

    event = LocalEventFactory()
    role = EventRoleFactory(event=event, capacity=3)
    holders = SignupFactory.create_batch(3, event=event)
    for signup in holders:
        services.volunteer(token=signup.token, role_id=role.pk, now=NOW)
    others = SignupFactory.create_batch(20, event=event)

    def volunteering(token):
        def job():
            try:
                services.volunteer(token=token, role_id=role.pk, now=NOW)
            except services.RoleUnavailable:
                pass

        return job

    jobs = [lambda token=s.token: cancel_signup(token=token, now=NOW) for s in holders]
    jobs += [volunteering(signup.token) for signup in others]
    assert all_at_once(jobs) == []
    held = RoleAssignment.objects.filter(role=role, signup__state="confirmed").count()
    assert held <= 3
    assert not RoleAssignment.objects.filter(signup__state="cancelled").exists()
