"""Roles on the dashboards: the organizer's event line links to them, the coordinators'
campaign page lists events still missing a required role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.roles.models import RoleAssignment

from .factories import EventRoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    day = timezone.localdate() + timedelta(days=20)
    return CampaignFactory(slug="may", starts_on=day, ends_on=day)


def test_coordinators_see_the_events_whose_required_roles_are_not_filled(client, campaign):
    short = LocalEventFactory(campaign=campaign, title="Protest in Utrecht", city="Utrecht")
    EventRoleFactory(event=short, kind="legal_observer", capacity=1, is_required=True)
    marshal = EventRoleFactory(event=short, capacity=2, is_required=True)
    RoleAssignment.objects.create(
        role=marshal,
        signup=SignupFactory(event=short),
        state="volunteered",
        created_at=short.starts_at,
    )
    covered = LocalEventFactory(campaign=campaign, title="Protest in Delft", city="Delft")
    legal = EventRoleFactory(event=covered, kind="legal_observer", capacity=1, is_required=True)
    RoleAssignment.objects.create(
        role=legal,
        signup=SignupFactory(event=covered),
        state="accepted",
        created_at=covered.starts_at,
    )
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    page = client.get("/en/dashboard/campaigns/may/").content.decode()
    section = page[page.index("Roles still to fill") :]
    assert "Protest in Utrecht" in section
    assert "Legal observer: 0 of 1; Marshal: 1 of 2" in section
    assert "Protest in Delft" not in section
    assert f'href="/en/roles/events/{short.pk}/"' in section

    dutch = client.get("/nl/dashboard/campaigns/may/").content.decode()
    assert "Rollen die nog gevuld moeten worden" in dutch
    assert "Juridisch waarnemer: 0 van 1; Ordehandhaver: 1 van 2" in dutch


def test_when_every_required_role_is_filled_the_dashboard_says_so(client, campaign):
    LocalEventFactory(campaign=campaign)
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    page = client.get("/en/dashboard/campaigns/may/").content.decode()
    assert "Every role marked as required is filled." in page


def test_the_organizers_event_line_links_to_the_roles_page(client, campaign):
    event = LocalEventFactory(campaign=campaign)
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    page = client.get("/en/dashboard/").content.decode()
    assert f'href="/en/roles/events/{event.pk}/"' in page


def test_the_attendee_list_links_to_the_roles_page(client, campaign):
    event = LocalEventFactory(campaign=campaign)
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    page = client.get(f"/en/signups/events/{event.pk}/attendees/").content.decode()
    assert f'href="/en/roles/events/{event.pk}/"' in page
