"""A role's last place, wanted by two people (or asked and volunteered) at the same moment.

PostgreSQL only, as tests/signups/test_concurrency.py: SQLite serializes every writer.
"""

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


def test_the_last_place_of_a_role_taken_by_two_at_once_goes_to_one():
    event = LocalEventFactory()
    roles = [EventRoleFactory(event=event, kind=kind, capacity=2) for kind in ("marshal", "medic")]
    for role in roles:
        holder = SignupFactory(event=event)
        services.volunteer(token=holder.token, role_id=role.pk, now=NOW)
    racers = {role.pk: SignupFactory.create_batch(2, event=event) for role in roles}
    asked = {role.pk: SignupFactory(event=event) for role in roles}

    def job(run):
        def attempt():
            try:
                run()
            except services.RoleUnavailable:
                pass

        return attempt

    def volunteering(signup, role):
        return job(lambda: services.volunteer(token=signup.token, role_id=role.pk, now=NOW))

    def asking(signup, role):
        return job(lambda: services.ask_attendee(role=role, signup_id=signup.pk, now=NOW))

    jobs = []
    for role in roles:
        jobs += [volunteering(signup, role) for signup in racers[role.pk]] * 2
        jobs.append(asking(asked[role.pk], role))
    assert all_at_once(jobs) == []
    for role in roles:
        taken = RoleAssignment.objects.filter(role=role)
        assert taken.count() == 2
        told = OutboxMessage.objects.filter(kind__in=["role_confirmed", "role_asked"])
        emails = set(taken.values_list("signup__email", flat=True))
        assert set(told.filter(to_email__in=emails).values_list("to_email", flat=True)) == emails
    assert OutboxMessage.objects.filter(kind__in=["role_confirmed", "role_asked"]).count() == 4
