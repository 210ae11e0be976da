"""Every role against every action, on its own object and on someone else's."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.accounts.permissions import ORGANIZER_ACTIONS, Action, can

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    campaign, other_campaign = CampaignFactory(), CampaignFactory()
    event = LocalEventFactory(campaign=campaign)
    sibling = LocalEventFactory(campaign=campaign, city="Utrecht")
    foreign = LocalEventFactory(campaign=other_campaign, city="Paris", country="FR")
    coordinator, organizer, other_organizer, stranger = UserFactory.create_batch(4)
    campaign.coordinators.add(coordinator)
    event.organizers.add(organizer)
    sibling.organizers.add(other_organizer)
    admin = UserFactory(is_superuser=True, is_staff=True)
    return locals()


@pytest.mark.parametrize("action", list(Action))
def test_permission_matrix(world, action):
    w = world
    organizer_may = action in ORGANIZER_ACTIONS
    expectations = [
        (w["admin"], w["event"], True),
        (w["admin"], w["campaign"], True),
        (w["coordinator"], w["event"], True),
        (w["coordinator"], w["sibling"], True),
        (w["coordinator"], w["campaign"], True),
        (w["coordinator"], w["foreign"], False),
        (w["coordinator"], w["other_campaign"], False),
        (w["organizer"], w["event"], organizer_may),
        (w["organizer"], w["sibling"], False),
        (w["organizer"], w["campaign"], False),
        (w["other_organizer"], w["event"], False),
        (w["stranger"], w["event"], False),
        (AnonymousUser(), w["event"], False),
    ]
    for user, obj, allowed in expectations:
        assert can(user, action, obj) is allowed, (user, action, obj)


def test_deactivated_people_lose_their_rights(world):
    world["coordinator"].is_active = False
    assert not can(world["coordinator"], Action.VIEW_ATTENDEES, world["event"])
