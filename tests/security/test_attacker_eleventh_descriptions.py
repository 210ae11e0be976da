"""The attacker's eleventh round with a bidi override in an event's description: the tenth round
took them out of the proposal's note, but the description of the same form (anyone may send
one) kept them, and it is read by the coordinators in the queue and, once approved, by every
visitor of the event page. "\u202e" turns the rest of its paragraph around ("Trojan Source"):
a phone number, an address or a link's words read differently from what is stored. Now the
description, however it is written (a proposal, a revision, the organizer's edit), keeps its
lines and its right-to-left text but none of the overrides, embeddings or isolates."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.campaigns.proposals.services import EventDetails, apply_details

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 1, 9, tzinfo=UTC)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

DESCRIPTION = (
    "Wir treffen uns am Königsplatz.\r\n\r\n"
    "Fragen? Ruft an: \u202e0987 654 151 94+\u202c\n\n"
    "\u2067مسيرة من أجل المناخ\u2069 – bringt Schilder mit."
)
SHOWN = (
    "Wir treffen uns am Königsplatz.\n\n"
    "Fragen? Ruft an: 0987 654 151 94+\n\n"
    "مسيرة من أجل المناخ – bringt Schilder mit."
)


def _proposal(**changes) -> dict:
    data = {
        "city": "Kassel", "venue": "Königsplatz", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Jana Schäfer",
        "proposer_email": "jana@example.de",
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_proposals_description_reaches_the_queue_without_an_override():
    with time_machine.travel(NOW, tick=False):
        coordinator = UserFactory(email="koordination@example.de")
        campaign = CampaignFactory(
            slug="mai", starts_on=date(2030, 5, 13), is_open_for_proposals=True
        )
        campaign.coordinators.add(coordinator)
        Client().post("/en/campaigns/mai/organize/", _proposal(description=DESCRIPTION))
        event = EventProposal.objects.select_related("event").get().event
        client = Client()
        client.force_login(coordinator)
        queue = client.get("/en/dashboard/campaigns/mai/proposals/").content.decode()
    assert event.description == SHOWN
    assert not set(BIDI) & set(queue)


def test_an_organizers_edit_stores_the_description_without_an_override():
    with time_machine.travel(NOW, tick=False):
        organizer = UserFactory(email="organisation@example.de")
        event = LocalEventFactory(city="Kassel", country="DE", timezone="Europe/Berlin")
        event.organizers.add(organizer)
        client = Client()
        client.force_login(organizer)
        client.post(
            f"/en/dashboard/events/{event.pk}/edit/",
            {
                "title": "Klimastreik Kassel", "city": "Kassel", "country": "DE",
                "venue": "Königsplatz", "day": "2030-05-13", "starts": "14:00", "ends": "16:00",
                "timezone": "Europe/Berlin", "signup_method": "native",
                "description": DESCRIPTION,
            },
        )  # fmt: skip
        page = Client().get(f"/en/events/{event.pk}/").content.decode()
    assert LocalEvent.objects.get(pk=event.pk).description == SHOWN
    assert not set(BIDI) & set(page)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=60))
def test_any_description_is_stored_without_overrides_and_with_its_words(text):
    event = LocalEvent(status=LocalEvent.Status.PROPOSED)
    details = EventDetails(
        title="Demo", city="Kassel", country="DE", latitude=None, longitude=None, venue="",
        address="", timezone="Europe/Berlin", starts_at=NOW, ends_at=NOW, signup_url="",
        description=text, attendance_mode="in_person", meeting_url="", capacity=None,
    )  # fmt: skip
    apply_details(event, details)
    assert not set(BIDI) & set(event.description)
    words = [word for word in text.translate(dict.fromkeys(map(ord, BIDI))).split() if word]
    for word in words:
        if word.isprintable():
            assert word in event.description
