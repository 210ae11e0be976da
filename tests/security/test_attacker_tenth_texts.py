"""The attacker's tenth round with long and hidden text: the proposal form's note to the
coordinators, which anyone may fill, sent at the size of the whole request (two megabytes, a
place to store files in the database and a wall of text in the moderation queue); an
organizer's instructions, emailed to every participant, at the same size; and a note with a
bidi override that turns the coordinators' reading around. Each is refused in words with
nothing written, or kept without the override."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.forms import MAX_NOTE_LENGTH
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
# A paragraph as people write them, repeated to the size of what a request may carry.
PARAGRAPH = (
    "Wir kommen mit etwa 40 Leuten aus Kassel und bringen einen Lautsprecherwagen mit; "
    "bitte sagt uns, ob die Polizei schon Bescheid weiß. "
)
HUGE = PARAGRAPH * (2_000_000 // len(PARAGRAPH))


def _proposal(**changes) -> dict:
    data = {
        "city": "Kassel", "venue": "Königsplatz", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Jana Schäfer",
        "proposer_email": "jana@example.de",
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.fixture
def campaign():
    with time_machine.travel(NOW, tick=False):
        yield CampaignFactory(slug="mai", starts_on=date(2030, 5, 13), is_open_for_proposals=True)


def test_a_note_of_megabytes_is_refused_in_words_and_nothing_is_written(campaign):
    with time_machine.travel(NOW, tick=False):
        answer = Client().post("/nl/campaigns/mai/organize/", _proposal(note=HUGE))
    page = answer.content.decode()
    assert answer.status_code == 200  # the form again, with what is wrong
    assert f"niet meer dan {MAX_NOTE_LENGTH} tekens" in page  # in the page's language
    assert not EventProposal.objects.exists()
    assert not LocalEvent.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_note_of_a_few_paragraphs_is_still_taken(campaign):
    note = (PARAGRAPH * 10).strip()
    assert len(note) <= MAX_NOTE_LENGTH
    with time_machine.travel(NOW, tick=False):
        answer = Client().post("/nl/campaigns/mai/organize/", _proposal(note=note))
    assert answer.status_code == 200
    assert EventProposal.objects.get().note == note


def test_a_bidi_override_in_the_note_does_not_reach_the_coordinators(campaign):
    note = "Bestätigung: \u202efdp.tseretlaw\u202c\r\nDanke!\u2028\u2067بالعربية\u2069"
    with time_machine.travel(NOW, tick=False):
        assert Client().post("/nl/campaigns/mai/organize/", _proposal(note=note)).status_code == 200
    stored = EventProposal.objects.get().note
    assert stored == "Bestätigung: fdp.tseretlaw\nDanke!\nبالعربية"


def _edit_data(**changes) -> dict:
    data = {
        "title": "Klimastreik Kassel", "city": "Kassel", "country": "DE", "venue": "Königsplatz",
        "day": "2030-05-13", "starts": "14:00", "ends": "16:00", "timezone": "Europe/Berlin",
        "signup_method": "native",
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("field", "limit"),
    [("private_instructions", 10_000), ("accessibility_note", 2000), ("if_separated", 2000)],
)
def test_an_organizer_cannot_store_megabytes_in_the_days_texts(field, limit):
    """The instructions go into every participant's emails and calendar invite, the notes
    onto the public page: an organizer filling them with megabytes is told the bound."""
    with time_machine.travel(NOW, tick=False):
        organizer = UserFactory(email="orga@example.de")
        event = LocalEventFactory(
            title="Klimastreik Kassel", city="Kassel", country="DE", timezone="Europe/Berlin"
        )
        event.organizers.add(organizer)
        before = LocalEvent.objects.filter(pk=event.pk).values().get()
        client = Client()
        client.force_login(organizer)
        path = f"/en/dashboard/events/{event.pk}/edit/"
        refused = client.post(path, _edit_data(**{field: HUGE}))
        assert refused.status_code in (200, 400)
        assert f"at most {limit} characters" in refused.content.decode()
        assert LocalEvent.objects.filter(pk=event.pk).values().get() == before
        taken = client.post(path, _edit_data(**{field: "Rampe am Seiteneingang."}))
        assert taken.status_code == 302
    event.refresh_from_db()
    assert getattr(event, field) == "Rampe am Seiteneingang."


def test_a_group_lead_cannot_store_megabytes_on_the_group_page():
    from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
    from turnout.groups.models import Group

    lead = UserFactory(email="lead@example.de")
    group = LocalGroupFactory(slug="kassel", parent=NationalGroupFactory(slug="de"))
    group.leads.add(lead)
    client = Client()
    client.force_login(lead)

    def edit(description: str):
        return client.post(
            "/en/groups/kassel/edit/",
            {
                "name": "Klimagruppe Kassel",
                "city": "Kassel",
                "description": description,
                "is_active": "on",
                "channels-TOTAL_FORMS": 0,
                "channels-INITIAL_FORMS": 0,
            },
        )

    before = Group.objects.filter(pk=group.pk).values().get()
    refused = edit(HUGE)
    assert refused.status_code in (200, 400)
    assert "at most 10000 characters" in refused.content.decode()
    assert Group.objects.filter(pk=group.pk).values().get() == before
    assert edit("Wir treffen uns **jeden Monat** am Königsplatz.").status_code == 302
    group.refresh_from_db()
    assert group.description == "Wir treffen uns **jeden Monat** am Königsplatz."
