"""The attacker's fifth round, swept over every address of the site: links followed with GET
(and told to act as a POST by the headers some frameworks obey), and requests made huge."""

from datetime import date

import pytest
import time_machine
from django.apps import apps
from django.test import Client

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import make_series
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.meetups.models import MeetupSeries

pytestmark = pytest.mark.django_db

# Rows a visit may write without changing anything a person has: the session of whoever
# visits, the counters of the rate limits, and the audit log's note of who read people's data.
BOOKKEEPING = {"sessions.session", "web.ratecounter", "accounts.auditentry"}

# What some frameworks take to mean "treat this GET as a POST / DELETE"; Django must not.
METHOD_OVERRIDES = {
    "HTTP_X_HTTP_METHOD_OVERRIDE": "POST",
    "HTTP_X_HTTP_METHOD": "DELETE",
    "HTTP_X_METHOD_OVERRIDE": "PUT",
}


def _everything() -> dict[str, list[str]]:
    return {
        model._meta.label_lower: sorted(map(str, model._base_manager.values_list()))
        for model in apps.get_models()
        if model._meta.label_lower not in BOOKKEEPING and model._meta.managed
    }


def test_following_any_link_with_get_changes_nothing_whatever_the_override():
    """A link in an email, an image tag on another site, or a prefetching mail scanner sends
    GET to every address, for a visitor and for a signed-in coordinator alike: none of them
    may change a row, even told it is a POST."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        visitor = Client(raise_request_exception=False)
        coordinator = Client(raise_request_exception=False)
        coordinator.force_login(world.coordinator)
        before = _everything()
        for name, path in sorted(world.paths.items()):
            for client in (visitor, coordinator):
                query = {"_method": "POST", "decision": "approve", "action": "delete"}
                response = client.get(path, query, **METHOD_OVERRIDES)
                assert response.status_code < 500, name
        after = _everything()
    assert [label for label in before if before[label] != after[label]] == []


# -- a group's lead on another group's pages ---------------------------------------------------


def test_a_lead_of_one_group_changes_and_reads_nothing_of_another_group():
    """The lead of Rotterdam's group, with a meet-up series of their own, tries Utrecht's
    pages: its edit page, a new series, and Utrecht's dates through their own series' id."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        series = MeetupSeries.objects.get(group=world.group)
        theirs = series.occurrences.order_by("pk").first()
        SignupFactory(event=theirs.event, name="Maartje Verborgen", email="maartje@voorbeeld.nl")
        lead = UserFactory(email="lead-rotterdam@voorbeeld.nl")
        rotterdam = LocalGroupFactory(slug="rotterdam", parent=world.group.parent)
        rotterdam.leads.add(lead)
        own = make_series(rotterdam, lead, now=NOW, dtstart=date(2030, 5, 8))
        client = Client(raise_request_exception=False)
        client.force_login(lead)
        addresses = [
            "/en/groups/utrecht/edit/",
            "/en/meetups/group/utrecht/new/",
            f"/en/meetups/{series.pk}/dates/{theirs.pk}/edit/",
            f"/en/meetups/{series.pk}/dates/{theirs.pk}/cancel/",
            f"/en/meetups/{series.pk}/dates/{theirs.pk}/following/",
            f"/en/meetups/{own.pk}/dates/{theirs.pk}/edit/",
            f"/en/meetups/{own.pk}/dates/{theirs.pk}/cancel/",
            f"/en/meetups/{own.pk}/dates/{theirs.pk}/following/",
            f"/en/signups/events/{theirs.event.pk}/attendees/",
            f"/en/signups/events/{theirs.event.pk}/attendees.csv",
            f"/en/check-in/events/{theirs.event.pk}/",
            f"/en/check-in/events/{theirs.event.pk}/sign-in-sheet.pdf",
        ]
        data = {
            "name": "Overgenomen", "description": "Overgenomen", "is_active": "",
            "day": "2030-06-01", "start_time": "19:00", "duration_minutes": "60",
            "dtstart": "2030-06-01", "frequency": "weekly", "interval": "1", "ends": "never",
            "timezone": "Europe/Amsterdam", "attendance_mode": "in_person",
            "city": "Rotterdam", "country": "NL", "venue": "Coolsingel",
        }  # fmt: skip
        before = _everything()
        for address in addresses:
            for method in ("get", "post"):
                response = getattr(client, method)(address, data)
                assert response.status_code in {403, 404, 405}, (method, address)
                assert b"Verborgen" not in response.content, (method, address)
                assert b"maartje@" not in response.content, (method, address)
        after = _everything()
    assert [label for label in before if before[label] != after[label]] == []
