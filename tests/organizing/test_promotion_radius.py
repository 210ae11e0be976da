"""How far away an event is shown (its promotion radius) is the campaign's call: its
coordinators set it; an event's own organizers see it and cannot change it."""

import pytest

from tests.factories import LocalEventFactory, UserFactory

pytestmark = pytest.mark.django_db


def edit_form(event, **changes) -> dict:
    starts, ends = event.local_starts_at, event.local_ends_at
    data = {
        "title": event.title, "city": event.city, "venue": event.venue,
        "day": f"{starts:%Y-%m-%d}", "starts": f"{starts:%H:%M}", "ends": f"{ends:%H:%M}",
        "signup_method": "native", "capacity": "",
    }  # fmt: skip
    return data | changes


@pytest.fixture
def event():
    return LocalEventFactory(city="Utrecht", venue="Neude")


def signed_in(client, event, *, role: str):
    person = UserFactory()
    if role == "coordinator":
        event.campaign.coordinators.add(person)
    else:
        event.organizers.add(person)
    client.force_login(person)
    return f"/en/dashboard/events/{event.pk}/edit/"


def test_an_organizer_cannot_show_their_event_across_the_country(client, event):
    url = signed_in(client, event, role="organizer")

    page = client.get(url).content.decode()
    assert (
        'name="promotion_radius_km"' in page
        and "disabled" in page.split('name="promotion_radius_km"')[1].split(">")[0]
    )
    assert "Only the campaign's coordinators can show an event further away" in page

    dutch = client.get(url.replace("/en/", "/nl/")).content.decode()
    assert "Alleen de coördinatoren van de campagne kunnen een evenement verder weg" in dutch

    response = client.post(url, edit_form(event, promotion_radius_km="800", venue="Domplein"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.venue == "Domplein"  # the rest of the edit is saved
    assert event.promotion_radius_km is None


def test_a_coordinator_sets_it_and_an_organizer_editing_later_keeps_it(client, event):
    url = signed_in(client, event, role="coordinator")
    assert client.post(url, edit_form(event, promotion_radius_km="800")).status_code == 302
    event.refresh_from_db()
    assert event.promotion_radius_km == 800

    url = signed_in(client, event, role="organizer")
    response = client.post(url, edit_form(event, promotion_radius_km="", venue="Domplein"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.promotion_radius_km, event.venue) == (800, "Domplein")


def test_a_coordinator_may_take_it_back(client, event):
    event.promotion_radius_km = 300
    event.save(update_fields=["promotion_radius_km"])
    url = signed_in(client, event, role="coordinator")
    assert client.post(url, edit_form(event, promotion_radius_km="")).status_code == 302
    event.refresh_from_db()
    assert event.promotion_radius_km is None
