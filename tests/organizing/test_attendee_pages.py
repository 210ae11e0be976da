"""Attendee pages: only the event's organizers and the campaign's coordinators see people."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    event = LocalEventFactory(title="Protest in Utrecht", city="Utrecht")
    SignupFactory(event=event, name="Ada Lovelace", email="ada@example.org", phone="+31 6 1")
    SignupFactory(event=event, name="=HYPERLINK(1)", email="grace@example.org", language="nl")
    SignupFactory(event=event, name="Waiting Wim", email="wim@example.org", state="waitlisted")
    return event


@pytest.fixture
def organizer(event):
    user = UserFactory(email="organizer@example.org")
    event.organizers.add(user)
    return user


PAGES = ["attendees/", "attendees.csv", "attendees/message/", "attendees/attendance/"]


def test_organizer_sees_the_signups_with_their_state(client, event, organizer):
    client.force_login(organizer)
    text = client.get(f"/en/signups/events/{event.pk}/attendees/").content.decode()
    assert "Ada Lovelace" in text and "ada@example.org" in text and "+31 6 1" in text
    assert "Waitlisted (1)" in text
    assert "3 signups in total." in text
    waiting = client.get(f"/en/signups/events/{event.pk}/attendees/?state=waitlisted")
    assert "Waiting Wim" in waiting.content.decode()
    assert "Ada Lovelace" not in waiting.content.decode()


def test_attendee_page_is_in_dutch_under_nl(client, event, organizer):
    client.force_login(organizer)
    text = client.get(f"/nl/signups/events/{event.pk}/attendees/").content.decode()
    assert "Aanmeldingen" in text and "Op de wachtlijst (1)" in text


def test_the_campaigns_coordinator_sees_them_too(client, event):
    coordinator = UserFactory()
    event.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    assert client.get(f"/en/signups/events/{event.pk}/attendees/").status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_other_organizers_and_other_campaigns_coordinators_are_refused(client, event, page):
    other_organizer = UserFactory()
    LocalEventFactory(campaign=event.campaign).organizers.add(other_organizer)
    other_coordinator = UserFactory()
    CampaignFactory().coordinators.add(other_coordinator)
    for user in (other_organizer, other_coordinator):
        client.force_login(user)
        response = client.get(f"/en/signups/events/{event.pk}/{page}")
        assert response.status_code == 403
        assert b"ada@example.org" not in response.content


@pytest.mark.parametrize("page", PAGES)
def test_visitors_are_sent_to_sign_in(client, event, page):
    response = client.get(f"/en/signups/events/{event.pk}/{page}")
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_csv_export_lists_everyone_guards_formulas_and_is_audited(client, event, organizer):
    client.force_login(organizer)
    response = client.get(f"/en/signups/events/{event.pk}/attendees.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["email"] for row in rows] == [
        "ada@example.org",
        "grace@example.org",
        "wim@example.org",
    ]
    assert rows[1]["name"] == "'=HYPERLINK(1)"
    assert rows[2]["state"] == "waitlisted"
    entry = AuditEntry.objects.get(action="signups.export")
    assert (entry.actor, entry.target_id) == (organizer, str(event.pk))


def test_message_goes_to_confirmed_attendees_in_their_language_and_is_audited(
    client, event, organizer
):
    client.force_login(organizer)
    response = client.post(
        f"/en/signups/events/{event.pk}/attendees/message/",
        {"subject": "Bring a banner", "body": "Meet at the fountain.\nSee you!"},
        follow=True,
    )
    assert "Your message is on its way to 2 attendees." in response.content.decode()
    messages = OutboxMessage.objects.filter(kind="attendee_message")
    assert sorted(messages.values_list("to_email", flat=True)) == [
        "ada@example.org",
        "grace@example.org",
    ]
    dutch = messages.get(to_email="grace@example.org")
    assert dutch.subject == "Protest in Utrecht: Bring a banner"
    assert "Een bericht van de organisatoren van Protest in Utrecht" in dutch.body_text
    assert "Meet at the fountain." in dutch.body_text
    assert AuditEntry.objects.filter(action="signups.message", actor=organizer).count() == 1


def test_an_empty_message_is_explained_and_nothing_is_queued(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        f"/en/signups/events/{event.pk}/attendees/message/", {"subject": "", "body": " "}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not OutboxMessage.objects.exists()
    assert not AuditEntry.objects.filter(action="signups.message").exists()


def test_attendance_is_marked_after_the_event_started_and_can_be_corrected(client, organizer):
    event = LocalEventFactory(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    event.organizers.add(organizer)
    came, stayed_home = SignupFactory(event=event), SignupFactory(event=event)
    client.force_login(organizer)
    url = f"/en/signups/events/{event.pk}/attendees/attendance/"
    response = client.post(url, {"attended": [came.pk]}, follow=True)
    assert "1 person marked as attended." in response.content.decode()
    came.refresh_from_db(), stayed_home.refresh_from_db()
    assert (came.state, stayed_home.state) == ("attended", "confirmed")
    page = client.get(url).content.decode()
    assert f'value="{came.pk}" id="attended-{came.pk}" checked' in page
    assert f'value="{stayed_home.pk}" id="attended-{stayed_home.pk}">' in page
    client.post(url, {"attended": [stayed_home.pk]})
    came.refresh_from_db(), stayed_home.refresh_from_db()
    assert (came.state, stayed_home.state) == ("confirmed", "attended")


def test_attendance_cannot_be_marked_before_the_event(client, event, organizer):
    client.force_login(organizer)
    ada = event.signups.get(email="ada@example.org")
    response = client.post(
        f"/en/signups/events/{event.pk}/attendees/attendance/", {"attended": [ada.pk]}
    )
    assert "once the event has started" in response.content.decode()
    ada.refresh_from_db()
    assert ada.state == "confirmed"


def test_the_attendee_page_leads_to_the_days_tools(client):
    event = LocalEventFactory()
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    page = client.get(f"/nl/signups/events/{event.pk}/attendees/").content.decode()
    for path in ("roles", "check-in", "share", "follow-up/event"):
        assert f'href="/nl/{path}/events/{event.pk}/"' in page or f"/nl/{path}/{event.pk}/" in page
    for label in ("Inchecken", "Wie nam er iemand mee", "Antwoorden op de enquête"):
        assert label in page
