"""Dashboards: organizers edit their events and invite co-organizers; coordinators follow
their campaign, export the event list and write to all organizers."""

import csv
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry, User
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import event_rescheduled
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 8, 12, tzinfo=ZoneInfo("UTC"))
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def campaign(db):
    return CampaignFactory(
        slug="may", title="May action", starts_on=date(2030, 5, 13), ends_on=date(2030, 5, 14)
    )


@pytest.fixture
def organizer(db):
    return UserFactory(email="org@example.org", name="Olga", last_login=NOW)


@pytest.fixture
def event(campaign, organizer):
    event = LocalEventFactory(
        campaign=campaign, city="Amsterdam", venue="Dam Square", title="Amsterdam protest",
        starts_at=datetime(2030, 5, 13, 14, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 5, 13, 16, tzinfo=AMSTERDAM),
    )  # fmt: skip
    event.organizers.add(organizer)
    return event


def edit_data(**changes):
    data = {
        "title": "Amsterdam protest", "city": "Amsterdam", "country": "NL", "venue": "Dam Square",
        "day": "2030-05-13", "starts": "14:00", "ends": "16:00", "timezone": "Europe/Amsterdam",
        "signup_method": "native",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_organizer_sees_their_events_with_signups_by_state(client, event, organizer):
    SignupFactory.create_batch(3, event=event)
    SignupFactory(event=event, state="waitlisted")
    SignupFactory(event=event, state="cancelled")
    LocalEventFactory(campaign=event.campaign, city="Utrecht", title="Not mine")
    client.force_login(organizer)
    text = client.get("/en/dashboard/").content.decode()
    assert "Amsterdam protest" in text and "Not mine" not in text
    assert "3 confirmed" in text and "1 on the waitlist" in text
    assert f'href="/en/dashboard/events/{event.pk}/edit/"' in text
    assert f'href="/en/signups/events/{event.pk}/attendees/"' in text or "Attendees" in text


def test_editing_the_time_notifies_participants_through_the_reschedule_signal(
    client, event, organizer
):
    heard = []

    def listener(sender, event, changed_fields, **kwargs):
        heard.append(changed_fields)

    event_rescheduled.connect(listener)
    try:
        client.force_login(organizer)
        response = client.post(
            f"/en/dashboard/events/{event.pk}/edit/", edit_data(starts="15:00", ends="17:00")
        )
    finally:
        event_rescheduled.disconnect(listener)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.local_starts_at == datetime(2030, 5, 13, 15, tzinfo=AMSTERDAM)
    assert event.sequence == 1
    assert heard == [{"starts_at", "ends_at"}]


def test_editing_only_the_description_does_not_notify(client, event, organizer):
    heard = []
    event_rescheduled.connect(lambda **kwargs: heard.append(kwargs), weak=False, dispatch_uid="t")
    try:
        client.force_login(organizer)
        client.post(
            f"/en/dashboard/events/{event.pk}/edit/", edit_data(description="Bring a sign.")
        )
    finally:
        event_rescheduled.disconnect(dispatch_uid="t")
    event.refresh_from_db()
    assert event.description == "Bring a sign." and event.sequence == 0 and heard == []


def test_adding_a_venue_publishes_details_to_be_announced(client, event, organizer):
    event.venue, event.status = "", LocalEvent.Status.DETAILS_TBA
    event.save()
    client.force_login(organizer)
    client.post(
        f"/en/dashboard/events/{event.pk}/edit/", edit_data(venue="Museumplein", capacity="200")
    )
    event.refresh_from_db()
    assert (event.status, event.venue, event.capacity) == ("approved", "Museumplein", 200)


def test_an_event_in_a_place_the_gazetteer_lacks_keeps_its_place_when_edited(
    client, event, organizer
):
    event.city, event.country, event.latitude, event.longitude = "Skopelos", "GR", 39.12, 23.73
    event.timezone = "Europe/Athens"
    event.save()
    client.force_login(organizer)
    form = client.get(f"/en/dashboard/events/{event.pk}/edit/").content.decode()
    assert 'value="Skopelos, Greece"' in form
    response = client.post(
        f"/en/dashboard/events/{event.pk}/edit/",
        edit_data(city="Skopelos, Greece", description="By the harbour."),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.city, event.country, event.timezone) == ("Skopelos", "GR", "Europe/Athens")
    assert (event.latitude, event.longitude, event.description) == (39.12, 23.73, "By the harbour.")


def test_moving_an_event_to_another_city_takes_its_coordinates_and_time_zone(
    client, event, organizer
):
    client.force_login(organizer)
    client.post(f"/en/dashboard/events/{event.pk}/edit/", edit_data(city="London, United Kingdom"))
    event.refresh_from_db()
    assert (event.city, event.country, event.timezone) == ("London", "GB", "Europe/London")
    assert round(event.latitude, 1) == 51.5
    assert event.local_starts_at == datetime(2030, 5, 13, 14, tzinfo=ZoneInfo("Europe/London"))
    assert event.sequence == 1  # a new place: participants' calendars are updated


def test_nobody_else_edits_an_event(client, event):
    path = f"/en/dashboard/events/{event.pk}/edit/"
    assert client.get(path).status_code == 302
    client.force_login(UserFactory())
    assert client.get(path).status_code == 403
    assert client.post(path, edit_data(venue="Elsewhere")).status_code == 403
    coordinator = UserFactory()
    event.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    assert client.get(path).status_code == 200  # the campaign's coordinators may


def test_an_organizer_invites_a_co_organizer_who_accepts(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        f"/en/dashboard/events/{event.pk}/organizers/", {"email": "Co@Example.org"}, follow=True
    )
    assert "Invitation sent to co@example.org." in response.content.decode()
    deliver_due()
    [message] = mail.outbox
    assert message.to == ["co@example.org"] and message.reply_to == ["org@example.org"]
    assert message.subject == "Olga invites you to co-organize the event in Amsterdam"
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/invitations/\S+/)", message.body).group(1)
    client.logout()
    assert "Olga invites you" in client.get(link).content.decode()
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"
    co = User.objects.get(email="co@example.org")
    assert set(event.organizers.all()) == {organizer, co}
    assert client.get("/en/dashboard/").status_code == 200  # signed in by the link
    client.logout()
    assert client.post(link).status_code == 410  # used once
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "invitation.sent",
        "role.granted",
    }


def test_inviting_someone_who_organizes_already_is_explained(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        f"/en/dashboard/events/{event.pk}/organizers/", {"email": "org@example.org"}
    )
    assert "org@example.org organizes this event already." in response.content.decode()


def test_coordinator_sees_the_campaign_at_a_glance(client, campaign, event):
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    SignupFactory.create_batch(2, event=event)
    never_signed_in = UserFactory(email="new@example.org")
    soon_tba = LocalEventFactory(
        campaign=campaign, city="Antwerp", country="BE", timezone="Europe/Brussels",
        status=LocalEvent.Status.DETAILS_TBA, title="Antwerp (TBA)",
    )  # fmt: skip
    soon_tba.organizers.add(never_signed_in)
    LocalEventFactory(
        campaign=campaign, city="Lyon", country="FR", title="Orphan", venue="Bellecour"
    )
    LocalEventFactory(campaign=campaign, city="Nowhere", status="rejected")
    client.force_login(coordinator)
    text = client.get("/en/dashboard/campaigns/may/").content.decode()
    assert "<strong>3</strong> cities" in text and "<strong>3</strong> countries" in text
    assert "<strong>2</strong> confirmed signups" in text
    assert "<strong>2</strong> Approved" in text and "<strong>1</strong> Rejected" in text
    assert "Belgium (1), France (1), Netherlands (1)" in text
    chase = text.split('id="chase-heading"')[1].split('id="tba-heading"')[0]
    assert "Antwerp (TBA)" in chase and "its organizers have never signed in" in chase
    assert "details still to be announced, less than a week before" in chase
    assert "Orphan" in chase and "nobody organizes it" in chase
    assert "Amsterdam protest" not in chase
    tba = text.split('id="tba-heading"')[1].split('id="events-heading"')[0]
    assert "Antwerp (TBA)" in tba and "Orphan" not in tba


def test_event_list_export_has_events_and_organizers_but_no_participants(client, campaign, event):
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    SignupFactory(event=event, email="participant@example.org")
    LocalEventFactory(campaign=campaign, city="=HYPERLINK(1)", title="Tricky")
    client.force_login(coordinator)
    assert client.get("/en/dashboard/campaigns/may/events.csv").status_code == 405
    response = client.post("/en/dashboard/campaigns/may/events.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="may-events-20300508.csv"' in response["Content-Disposition"]
    text = response.content.decode()
    assert "participant@example.org" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    amsterdam = next(row for row in rows if row["title"] == "Amsterdam protest")
    assert amsterdam["starts_local"] == "2030-05-13 14:00" and amsterdam["confirmed_signups"] == "1"
    assert amsterdam["organizers"] == "Olga <org@example.org>"
    assert next(row for row in rows if row["title"] == "Tricky")["city"] == "'=HYPERLINK(1)"
    entry = AuditEntry.objects.get(action="events.exported")
    assert entry.actor == coordinator


def test_organizers_cannot_see_the_campaign_dashboard_or_export(client, event, organizer):
    client.force_login(organizer)
    assert client.get("/en/dashboard/campaigns/may/").status_code == 403
    assert client.post("/en/dashboard/campaigns/may/events.csv").status_code == 403
    assert client.get("/en/dashboard/campaigns/may/message/").status_code == 403


def test_message_to_all_organizers_goes_to_each_in_their_language(
    client, campaign, event, smtp_server
):
    coordinator = UserFactory(email="coord@example.org", name="Coco")
    campaign.coordinators.add(coordinator)
    dutch = UserFactory(email="nl@example.org", language="nl")
    LocalEventFactory(campaign=campaign, city="Utrecht").organizers.add(dutch)
    LocalEventFactory(campaign=campaign, city="Gone", status="cancelled").organizers.add(
        UserFactory(email="cancelled@example.org")
    )
    client.force_login(coordinator)
    response = client.post(
        "/en/dashboard/campaigns/may/message/",
        {"subject": "Press kit", "body": "The press kit is ready."},
        follow=True,
    )
    assert "Your message is on its way to 2 organizers." in response.content.decode()
    assert smtp_server.messages == []  # queued in the outbox; the worker sends it
    deliver_due()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "nl@example.org",
        "org@example.org",
    ]
    [english] = smtp_server.to("org@example.org")
    assert english["Subject"] == "[May action] Press kit"
    assert english["Reply-To"] == "coord@example.org"
    body = english.get_body(("plain",)).get_content()
    assert "The press kit is ready." in body and "Coco sent this to every organizer" in body
    [dutch_message] = smtp_server.to("nl@example.org")
    assert "/nl/dashboard/" in dutch_message.get_body(("plain",)).get_content()
    assert AuditEntry.objects.get(action="organizers.messaged").summary == (
        "Message to 2 organizers: Press kit"
    )


def test_an_empty_message_is_refused(client, campaign):
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    response = client.post("/en/dashboard/campaigns/may/message/", {"subject": "", "body": ""})
    assert response.status_code == 400  # the one page flow of writing to many (attendees too)
    assert response.content.decode().count("This field is required.") == 2
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_dashboards_render_in_both_languages(client, campaign, event, organizer, language):
    admin = UserFactory(is_superuser=True, is_staff=True)
    for person, paths in [
        (organizer, ["dashboard/", f"dashboard/events/{event.pk}/edit/"]),
        (organizer, [f"dashboard/events/{event.pk}/organizers/"]),
        (admin, ["dashboard/", "dashboard/campaigns/may/", "dashboard/campaigns/may/message/"]),
    ]:
        client.force_login(person)
        for path in paths:
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, path
            assert f'<html lang="{language}">' in response.content.decode()
