"""Organize in your area: proposing, confirming by email, moderation and its emails."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.accounts.models import AuditEntry, User
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _april_2030():
    with time_machine.travel(datetime(2030, 4, 1, tzinfo=ZoneInfo("UTC")), tick=False):
        yield


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(
        slug="may", title="May action", starts_on=date(2030, 5, 13), ends_on=date(2030, 5, 14),
        is_open_for_proposals=True,
    )  # fmt: skip
    campaign.coordinators.add(UserFactory(email="coord@example.org", name="Coco"))
    return campaign


@pytest.fixture
def coordinator(campaign):
    return campaign.coordinators.get()


def proposal_data(**changes):
    data = {
        "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13",
        "starts": "14:00", "ends": "16:00", "signup_method": "native",
        "proposer_name": "Griet", "proposer_email": "Griet@Example.org",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def propose(client, language="en", **changes):
    """Send the form, then let the worker deliver what it queued."""
    response = client.post(f"/{language}/campaigns/may/organize/", proposal_data(**changes))
    deliver_due()
    return response


def decide(client, proposal, decision, message=None):
    data = {"proposal": proposal.pk, f"p{proposal.pk}-decision": decision}
    if message is not None:
        data[f"p{proposal.pk}-message"] = message
    response = client.post("/en/dashboard/campaigns/may/proposals/", data, follow=True)
    deliver_due()
    return response


def link_in(message, name):
    return re.search(rf"http://127\.0\.0\.1:8000(/\S+/{name}/)", message.body).group(1)


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def confirmed_proposal(client, **changes) -> EventProposal:
    propose(client, **changes)
    client.post(link_in(mail.outbox[-1], "confirm"))
    return EventProposal.objects.latest("pk")


def test_proposal_waits_for_email_confirmation_then_for_a_coordinator(client, campaign):
    response = propose(client)
    assert "We have sent a link to griet@example.org" in response.content.decode()
    proposal = EventProposal.objects.get()
    event = proposal.event
    assert (proposal.state, event.status) == ("awaiting_email", LocalEvent.Status.PROPOSED)
    assert event.title == "May action · Groningen"
    assert event.timezone == "Europe/Amsterdam"  # the country's only zone
    assert event.local_starts_at == datetime(2030, 5, 13, 14, tzinfo=ZoneInfo("Europe/Amsterdam"))
    [message] = mail.outbox
    assert message.to == ["griet@example.org"]
    assert message.subject == "Confirm your proposal for Groningen"
    assert "Monday, 13 May 2030, 14:00–16:00 CEST" in message.body
    confirm = link_in(message, "confirm")
    assert "Confirm your proposal" in client.get(confirm).content.decode()
    assert EventProposal.objects.get().state == "awaiting_email"  # opening is not confirming
    page = client.post(confirm).content.decode()
    assert "A coordinator will look at your proposal soon" in page
    proposal.refresh_from_db()
    assert proposal.state == "pending" and proposal.email_confirmed_at is not None
    assert "Groningen" not in client.get("/en/campaigns/may/").content.decode()  # not public yet


def test_form_explains_what_is_missing(client, campaign):
    response = propose(
        client, venue="", signup_method="external", ends="13:00", proposer_email="nope"
    )
    text = response.content.decode()
    assert "Give the venue or meeting point, or tick “still to be announced”." in text
    assert "Give the link where people sign up." in text
    assert "The event has to end after it starts." in text
    assert "Enter a valid email address." in text
    assert not LocalEvent.objects.exists() and mail.outbox == []


def test_a_date_outside_the_campaign_is_warned_about_then_accepted(client, campaign):
    response = propose(client, day="2030-05-20")
    assert "This date is outside the campaign (13–14 May 2030)" in response.content.decode()
    assert not EventProposal.objects.exists()
    propose(client, day="2030-05-20", accept_outside_window="on")
    assert EventProposal.objects.get().is_outside_window


def test_the_city_brings_its_country_coordinates_and_time_zone(client, campaign):
    propose(client, city="Denver, United States", day="2030-05-13", starts="10:00")
    event = LocalEvent.objects.get()
    assert (event.city, event.country, event.timezone) == ("Denver", "US", "America/Denver")
    assert (round(event.latitude, 2), round(event.longitude, 2)) == (39.74, -104.98)
    assert event.local_starts_at == datetime(2030, 5, 13, 10, tzinfo=ZoneInfo("America/Denver"))


def test_dutch_names_are_understood_and_kept(client, campaign):
    propose(client, language="nl", city="Den Haag")
    event = LocalEvent.objects.get()
    assert (event.city, event.country, event.timezone) == ("Den Haag", "NL", "Europe/Amsterdam")


def test_an_unknown_city_is_refused_with_suggestions_that_work_without_javascript(client, campaign):
    response = propose(client, city="Groningn")
    text = response.content.decode()
    assert "We could not find “Groningn”. Did you mean “Groningen, Netherlands”?" in text
    assert '<option value="Groningen, Netherlands">' in text  # the datalist, no script needed
    assert not LocalEvent.objects.exists() and mail.outbox == []
    propose(client, city="Groningen, Netherlands")
    assert LocalEvent.objects.get().city == "Groningen"


def test_a_name_nothing_resembles_asks_to_check_the_spelling_in_dutch(client, campaign):
    text = propose(client, language="nl", city="Xqzzyv").content.decode()
    assert "We konden „Xqzzyv” niet vinden. Controleer de spelling" in text
    assert not LocalEvent.objects.exists()


def test_the_form_has_no_country_or_time_zone_to_fill_in(client, campaign):
    text = client.get("/en/campaigns/may/organize/").content.decode()
    assert 'name="city"' in text and 'list="id_city-suggestions"' in text
    assert 'name="country"' not in text
    # The only time zone to choose is an online event's, which has no city to take it from.
    assert "For an online event: the time zone of the times you give." in text
    assert "places/city-suggestions" in text


def test_closed_campaigns_take_no_proposals(client, campaign):
    campaign.is_open_for_proposals = False
    campaign.save()
    response = propose(client)
    assert response.status_code == 410
    assert "does not take new proposals" in response.content.decode()
    assert not LocalEvent.objects.exists()
    assert "Propose an event in your city" not in client.get("/en/campaigns/may/").content.decode()


def test_campaign_page_invites_to_propose(client, campaign):
    text = client.get("/en/campaigns/may/").content.decode()
    assert 'href="/en/campaigns/may/organize/"' in text


def test_approval_publishes_the_event_and_makes_the_proposer_its_organizer(
    client, campaign, coordinator
):
    proposal = confirmed_proposal(client, venue="", venue_tba="on")
    client.force_login(coordinator)
    queue = client.get("/en/dashboard/campaigns/may/proposals/").content.decode()
    assert "Griet" in queue and "griet@example.org" in queue and "Venue to be announced" in queue
    response = decide(client, proposal, "approve")
    assert "The proposer now organizes it." in response.content.decode()
    proposal.refresh_from_db()
    event = proposal.event
    assert proposal.state == "approved" and proposal.decided_by == coordinator
    assert event.status == LocalEvent.Status.DETAILS_TBA  # approved without a venue yet
    organizer = User.objects.get(email="griet@example.org")
    assert list(event.organizers.all()) == [organizer] and organizer.name == "Griet"
    message = mail.outbox[-1]
    assert message.to == ["griet@example.org"]
    assert message.subject == "Your event in Groningen is approved"
    assert "http://127.0.0.1:8000/en/dashboard/" in message.body
    assert "The venue is still to be announced." in message.body
    assert "Groningen" in client.get("/en/campaigns/may/").content.decode()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"proposal.approved", "role.granted"} <= actions


def test_the_proposer_hears_in_the_language_they_proposed_in(client, campaign, coordinator):
    propose(client, language="nl")
    assert mail.outbox[-1].subject == "Bevestig je voorstel voor Groningen"
    client.post(link_in(mail.outbox[-1], "confirm"))
    proposal = EventProposal.objects.get()
    client.force_login(coordinator)
    decide(client, proposal, "reject", "Er is al een evenement in Groningen.")
    message = mail.outbox[-1]
    assert message.subject == "Over je voorstel voor Groningen"
    assert "Er is al een evenement in Groningen." in message.body
    proposal.refresh_from_db()
    assert proposal.state == "rejected" and proposal.event.status == LocalEvent.Status.REJECTED
    assert AuditEntry.objects.filter(action="proposal.rejected", actor=coordinator).exists()


def test_rejecting_needs_a_reason(client, campaign, coordinator):
    proposal = confirmed_proposal(client)
    client.force_login(coordinator)
    response = client.post(
        "/en/dashboard/campaigns/may/proposals/",
        {
            "proposal": proposal.pk,
            f"p{proposal.pk}-decision": "reject",
            f"p{proposal.pk}-message": " ",
        },
    )
    assert "Tell the proposer why." in response.content.decode()
    assert EventProposal.objects.get().state == "pending"


def test_asked_for_changes_the_proposer_revises_and_it_returns_to_the_queue(
    client, campaign, coordinator
):
    proposal = confirmed_proposal(client)
    client.force_login(coordinator)
    decide(client, proposal, "changes", "Could you start at 15:00?")
    client.logout()
    message = mail.outbox[-1]
    assert message.subject == "Please change your proposal for Groningen"
    assert "Could you start at 15:00?" in message.body
    revise = link_in(message, "revise")
    page = client.get(revise).content.decode()
    assert "Could you start at 15:00?" in page and 'value="Vismarkt"' in page
    data = proposal_data(starts="15:00", ends="17:00")
    data = {k: v for k, v in data.items() if not k.startswith("proposer_")}
    response = client.post(revise, data, follow=True)
    assert "Your proposal is back with the coordinators." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == "pending"
    assert proposal.event.local_starts_at.hour == 15
    again = client.post(revise, {**data, "starts": "18:00", "ends": "19:00"})
    assert "Waiting for a coordinator" in again.content.decode()  # no second revision
    assert EventProposal.objects.get().event.local_starts_at.hour == 15


def test_two_proposals_for_one_city_are_flagged_as_possible_duplicates(
    client, campaign, coordinator
):
    confirmed_proposal(client, title="First")
    confirmed_proposal(client, title="Second", city=" groningen ")
    propose(client, title="Unconfirmed")
    confirmed_proposal(client, language="nl", title="Den Haag", city="Den Haag")
    confirmed_proposal(client, title="The Hague", city="The Hague")
    LocalEventFactory(campaign=campaign, city="Utrecht")
    client.force_login(coordinator)
    text = client.get("/en/dashboard/campaigns/may/proposals/").content.decode()
    assert text.count("Possible duplicate") == 4  # Den Haag and The Hague are one city
    assert "Unconfirmed" not in text  # still waiting for its email


def test_only_the_campaigns_coordinators_moderate(client, campaign):
    proposal = confirmed_proposal(client)
    other = CampaignFactory(slug="other")
    other_coordinator = UserFactory()
    other.coordinators.add(other_coordinator)
    path = "/en/dashboard/campaigns/may/proposals/"
    assert client.get(path).status_code == 302
    client.force_login(other_coordinator)
    assert client.get(path).status_code == 403
    response = client.post(path, {"proposal": proposal.pk, f"p{proposal.pk}-decision": "approve"})
    assert response.status_code == 403
    assert EventProposal.objects.get().state == "pending"


def test_deciding_twice_is_refused(client, campaign, coordinator):
    proposal = confirmed_proposal(client)
    client.force_login(coordinator)
    decide = {"proposal": proposal.pk, f"p{proposal.pk}-decision": "approve"}
    client.post("/en/dashboard/campaigns/may/proposals/", decide)
    response = client.post("/en/dashboard/campaigns/may/proposals/", decide, follow=True)
    assert "This proposal has been decided already." in response.content.decode()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_proposal_pages_render_in_both_languages(client, campaign, coordinator, language):
    assert client.get(f"/{language}/campaigns/may/organize/").status_code == 200
    client.force_login(coordinator)
    response = client.get(f"/{language}/dashboard/campaigns/may/proposals/")
    assert f'<html lang="{language}">' in response.content.decode()


def test_every_moderation_email_arrives_over_smtp_in_the_proposers_language(
    client, campaign, coordinator, smtp_server
):
    propose(client, language="nl")
    propose(client, city="Zwolle", proposer_email="z@example.org")
    confirm_nl, confirm_en = smtp_server.messages
    assert confirm_nl["Subject"] == "Bevestig je voorstel voor Groningen"
    assert confirm_nl["Content-Language"] == "nl"
    for message in (confirm_nl, confirm_en):
        client.post(
            re.search(r"http://127\.0\.0\.1:8000(/\S+/confirm/)", text_of(message)).group(1)
        )
    groningen, zwolle = EventProposal.objects.order_by("pk")
    client.force_login(coordinator)
    decide(client, groningen, "approve")
    decide(client, zwolle, "reject", "Zwolle joins Deventer this time.")
    approved = smtp_server.to("griet@example.org")[-1]
    assert approved["Subject"] == "Je evenement in Groningen is goedgekeurd"
    assert "http://127.0.0.1:8000/nl/dashboard/" in text_of(approved)
    rejected = smtp_server.to("z@example.org")[-1]
    assert rejected["Subject"] == "About your proposal for Zwolle"
    assert "Zwolle joins Deventer this time." in text_of(rejected)
