"""More places for an event go to the people on its waitlist, whichever way it was edited."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.services import has_more_places, save_event_changes
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import deliver_due
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def full_event():
    """One place, taken; three people waiting, Wim the longest."""
    event = LocalEventFactory(capacity=1, venue="Neude", city="Utrecht", title="Utrecht")
    SignupFactory(event=event, email="in@example.org")
    for minutes, name in [(1, "wim"), (2, "zoe"), (3, "yara")]:
        SignupFactory(
            event=event,
            email=f"{name}@example.org",
            state=Signup.State.WAITLISTED,
            waitlisted_at=NOW - timedelta(hours=1) + timedelta(minutes=minutes),
        )
    return event


def states(event) -> dict[str, str]:
    return dict(event.signups.values_list("email", "state"))


def edit_form(event, **changes) -> dict:
    data = {
        "title": event.title, "city": event.city, "venue": event.venue, "day": "2030-05-13",
        "starts": "13:00", "ends": "15:00", "signup_method": "native", "capacity": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_raising_capacity_in_the_dashboard_promotes_the_longest_waiting(client, full_event):
    organizer = UserFactory()
    full_event.organizers.add(organizer)
    client.force_login(organizer)
    response = client.post(
        f"/en/dashboard/events/{full_event.pk}/edit/", edit_form(full_event, capacity="3")
    )
    assert response.status_code == 302
    assert states(full_event) == {
        "in@example.org": "confirmed",
        "wim@example.org": "confirmed",
        "zoe@example.org": "confirmed",
        "yara@example.org": "waitlisted",
    }
    promoted = OutboxMessage.objects.filter(kind="promoted")
    assert sorted(promoted.values_list("to_email", flat=True)) == [
        "wim@example.org",
        "zoe@example.org",
    ]
    deliver_due()
    assert OutboxMessage.objects.filter(kind="promoted", state="sent").count() == 2


def admin_edit(client, event, *, capacity: str):
    """The admin's change form for `event` (in Utrecht, at Neude) with a new capacity."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    starts, ends = event.local_starts_at, event.local_ends_at
    return client.post(
        f"/admin/campaigns/localevent/{event.pk}/change/",
        {
            "campaign": event.campaign.pk,
            "title": event.title,
            "status": "approved",
            "description": "",
            "city": "Utrecht",
            "country": "NL",
            "venue": "Neude",
            "address": "",
            "latitude": event.latitude or "",
            "longitude": event.longitude or "",
            "timezone": "Europe/Amsterdam",
            "starts_at_0": f"{starts:%Y-%m-%d}",
            "starts_at_1": f"{starts:%H:%M}",
            "ends_at_0": f"{ends:%Y-%m-%d}",
            "ends_at_1": f"{ends:%H:%M}",
            "signup_url": "",
            "capacity": capacity,
        },  # fmt: skip
    )


def test_lifting_the_limit_in_the_admin_promotes_everyone_waiting(client, full_event):
    response = admin_edit(client, full_event, capacity="")
    assert response.status_code == 302
    assert set(states(full_event).values()) == {"confirmed"}
    assert OutboxMessage.objects.filter(kind="promoted").count() == 3


def test_lowering_capacity_takes_no_place_away_and_promotes_nobody(full_event):
    SignupFactory(event=full_event, email="second@example.org")  # over capacity already
    full_event.capacity = 1
    save_event_changes(event=full_event, changed_fields=["capacity"])
    before = states(full_event)
    full_event.capacity = 2  # still no room: two places, two taken
    save_event_changes(event=full_event, changed_fields=["capacity"])
    assert states(full_event) == before
    assert not OutboxMessage.objects.filter(kind="promoted").exists()


def test_an_edit_that_does_not_touch_capacity_promotes_nobody(full_event):
    Signup.objects.filter(email="in@example.org").update(state=Signup.State.CANCELLED)
    full_event.title = "Utrecht, renamed"
    save_event_changes(event=full_event, changed_fields=["title"])
    assert states(full_event)["wim@example.org"] == "waitlisted"


def test_a_refused_edit_promotes_nobody(full_event):
    full_event.capacity = 5
    full_event.ends_at = full_event.starts_at - timedelta(hours=1)  # ends before it starts
    with pytest.raises(ValidationError):
        save_event_changes(event=full_event, changed_fields=["capacity", "ends_at"])
    assert states(full_event)["wim@example.org"] == "waitlisted"
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("before", "after", "more"),
    [(1, 3, True), (3, 1, False), (2, 2, False), (2, None, True), (None, None, False),
     (None, 5, False)],
)  # fmt: skip
def test_more_places_means_a_higher_limit_or_none(before, after, more):
    assert has_more_places(before, after) is more


def test_the_admin_says_beside_the_field_that_places_are_taken(client, full_event):
    SignupFactory(event=full_event, email="second@example.org")  # two places held, capacity 1
    full_event.capacity = 2
    save_event_changes(event=full_event, changed_fields=["capacity"])
    response = admin_edit(client, full_event, capacity="1")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["capacity"]
    assert "2 places are taken already" in " ".join(errors)
    full_event.refresh_from_db()
    assert full_event.capacity == 2
