"""Every role against every action, on its own object and on someone else's."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
from turnout.accounts.permissions import LEAD_ACTIONS, ORGANIZER_ACTIONS, Action, can

pytestmark = pytest.mark.django_db

EVERYTHING = frozenset(Action)
NOTHING: frozenset[Action] = frozenset()


@pytest.fixture
def world():
    campaign, other_campaign = CampaignFactory(), CampaignFactory()
    event = LocalEventFactory(campaign=campaign)
    sibling = LocalEventFactory(campaign=campaign, city="Utrecht")
    foreign = LocalEventFactory(campaign=other_campaign, city="Paris", country="FR")
    standalone = LocalEventFactory(campaign=None, city="Leiden")
    national, other_national = NationalGroupFactory(), NationalGroupFactory(country="BE")
    local = LocalGroupFactory(parent=national)
    coordinator, organizer, other_organizer, lead, local_lead, stranger = UserFactory.create_batch(
        6
    )
    campaign.coordinators.add(coordinator)
    event.organizers.add(organizer)
    sibling.organizers.add(other_organizer)
    national.leads.add(lead)
    local.leads.add(local_lead)
    admin = UserFactory(is_superuser=True, is_staff=True)
    people = {
        "admin": admin, "coordinator": coordinator, "organizer": organizer,
        "other_organizer": other_organizer, "lead": lead, "local_lead": local_lead,
        "stranger": stranger, "anonymous": AnonymousUser(),
    }  # fmt: skip
    objects = {
        "campaign": campaign, "other_campaign": other_campaign, "event": event,
        "sibling": sibling, "foreign": foreign, "standalone": standalone,
        "national": national, "local": local, "other_national": other_national,
    }  # fmt: skip
    return people, objects


# Who may do what, per object; anything not listed is nothing at all.
ALLOWED = {
    "admin": {
        name: EVERYTHING
        for name in [
            "campaign",
            "other_campaign",
            "event",
            "sibling",
            "foreign",
            "standalone",
            "national",
            "local",
            "other_national",
        ]
    },  # fmt: skip
    "coordinator": {"campaign": EVERYTHING, "event": EVERYTHING, "sibling": EVERYTHING},
    "organizer": {"event": ORGANIZER_ACTIONS},
    "other_organizer": {"sibling": ORGANIZER_ACTIONS},
    "lead": {"national": LEAD_ACTIONS, "local": LEAD_ACTIONS},
    "local_lead": {"local": LEAD_ACTIONS},
}


@pytest.mark.parametrize(
    "role",
    ["admin", "coordinator", "organizer", "other_organizer", "lead", "local_lead", "stranger",
     "anonymous"],
)  # fmt: skip
def test_permission_matrix(world, role):
    people, objects = world
    user = people[role]
    for object_name, obj in objects.items():
        allowed = ALLOWED.get(role, {}).get(object_name, NOTHING)
        for action in Action:
            assert can(user, action, obj) is (action in allowed), (role, action, object_name)


def test_organizers_and_leads_may_not_approve_delete_or_export_events():
    assert {Action.APPROVE, Action.DELETE, Action.EXPORT_EVENTS}.isdisjoint(ORGANIZER_ACTIONS)
    assert LEAD_ACTIONS == {Action.EDIT}


def test_deactivated_people_lose_their_rights(world):
    people, objects = world
    for role in ["coordinator", "lead", "admin"]:
        people[role].is_active = False
    assert not can(people["coordinator"], Action.VIEW_ATTENDEES, objects["event"])
    assert not can(people["lead"], Action.EDIT, objects["national"])
    assert not can(people["admin"], Action.DELETE, objects["campaign"])


def test_unknown_objects_are_refused_even_to_people_with_roles(world):
    people, _objects = world
    assert not can(people["coordinator"], Action.EDIT, object())
