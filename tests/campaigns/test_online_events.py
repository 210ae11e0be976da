"""Online events made by people: proposing and editing them, and everywhere an organizer or a
coordinator sees them (lists, overview, export, the campaign page's groups, change emails)."""

import csv
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory, form_data
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.campaigns.selectors import campaign_events, events_by_country
from turnout.notifications.outbox import deliver_due
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 1, tzinfo=ZoneInfo("UTC"))
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LINK = "https://meet.jit.si/may-action-online"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
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
def organizer(db):
    return UserFactory(email="org@example.org", name="Olga", last_login=NOW)


@pytest.fixture
def event(campaign, organizer):
    event = LocalEventFactory(
        campaign=campaign, city="Amsterdam", country="NL", venue="Dam Square",
        title="Amsterdam protest", timezone="Europe/Amsterdam",
        starts_at=datetime(2030, 5, 13, 14, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 5, 13, 16, tzinfo=AMSTERDAM),
    )  # fmt: skip
    event.organizers.add(organizer)
    return event


def online_event(campaign, **fields) -> LocalEvent:
    values = {
        "campaign": campaign, "title": "Online teach-in", "city": "", "country": "", "venue": "",
        "attendance_mode": LocalEvent.AttendanceMode.ONLINE, "meeting_url": LINK,
        "timezone": "Europe/Amsterdam", "starts_at": datetime(2030, 5, 13, 19, tzinfo=AMSTERDAM),
        "ends_at": datetime(2030, 5, 13, 20, tzinfo=AMSTERDAM),
    }  # fmt: skip
    return LocalEventFactory(**{**values, **fields})


def proposal_data(**changes):
    data = {
        "attendance_mode": "online", "meeting_url": LINK, "timezone": "Europe/Amsterdam",
        "city": "", "venue": "", "day": "2030-05-13", "starts": "19:00", "ends": "20:30",
        "signup_method": "native", "proposer_name": "Griet", "proposer_email": "griet@example.org",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def propose(client, language="en", **changes):
    response = client.post(f"/{language}/campaigns/may/organize/", proposal_data(**changes))
    deliver_due()
    return response


def link_in(message, pattern: str) -> str:
    return re.search(rf"http://127\.0\.0\.1:8000(/\S+/{pattern}/)", message.body).group(1)


def edit_data(**changes):
    data = {
        "title": "Amsterdam protest", "attendance_mode": "in_person", "city": "Amsterdam",
        "venue": "Dam Square", "day": "2030-05-13", "starts": "14:00", "ends": "16:00",
        "timezone": "Europe/Amsterdam", "signup_method": "native",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Proposing -----------------------------------------------------------------------------------


def test_an_online_event_is_proposed_approved_and_its_link_reaches_only_confirmed_people(
    client, campaign
):
    propose(client)
    client.post(link_in(mail.outbox[-1], "confirm"))
    proposal = EventProposal.objects.get()
    event = proposal.event
    assert (event.attendance_mode, event.meeting_url) == ("online", LINK)
    assert (event.city, event.country, event.venue, event.latitude) == ("", "", "", None)
    assert event.title == "May action · Online"
    assert event.local_starts_at == datetime(2030, 5, 13, 19, tzinfo=AMSTERDAM)

    client.force_login(campaign.coordinators.get())
    queue = client.get("/en/dashboard/campaigns/may/proposals/").content.decode()
    assert "Online" in queue
    client.post(
        "/en/dashboard/campaigns/may/proposals/",
        {"proposal": proposal.pk, f"p{proposal.pk}-decision": "approve"},
    )
    event.refresh_from_db()
    assert event.status == LocalEvent.Status.APPROVED  # no venue, and nothing to announce
    client.logout()

    page = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Online" in page and LINK not in page
    campaign_page = client.get("/en/campaigns/may/").content.decode()
    assert "Online" in campaign_page and LINK not in campaign_page

    mail.outbox.clear()
    client.post(f"/en/signups/events/{event.pk}/", form_data(email="ada@example.org"))
    deliver_due()
    assert LINK not in mail.outbox[-1].body  # asking to confirm: no place yet, no link
    signup = Signup.objects.get()
    assert LINK not in client.get(f"/en/signups/{signup.token}/").content.decode()
    client.post(f"/en/signups/{signup.token}/confirm/")  # the button on the emailed page
    deliver_due()
    signup.refresh_from_db()
    assert signup.holds_place
    assert LINK in client.get(f"/en/signups/{signup.token}/").content.decode()
    assert any(LINK in message.body for message in mail.outbox[1:])  # the confirmation


def test_an_online_proposal_needs_its_link_and_a_time_zone_but_no_place(client, campaign):
    text = propose(client, meeting_url="", timezone="").content.decode()
    assert "Give the meeting link people use to join the event online." in text
    assert "Choose the time zone of the times you give for the online event." in text
    assert "Give the city or town" not in text and "Give the venue" not in text
    assert not LocalEvent.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "link",
    ["ftp://files.example.org/meeting", "javascript:alert(1)", "zoommtg://zoom.us/join?c=1",
     "not a link", "https://"],
)  # fmt: skip
def test_a_meeting_link_must_be_a_web_address(client, campaign, link):
    text = propose(client, meeting_url=link).content.decode()
    assert "meeting" in text.lower() and 'id="id_meeting_url_error"' in text
    assert not LocalEvent.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"timezone": "Mars/Olympus"}, {"timezone": "localtime\n"}, {"attendance_mode": "teleport"},
     {"meeting_url": "https://meet.example.org/" + "x" * 500}],
)  # fmt: skip
def test_hostile_choices_are_refused_and_write_nothing(client, campaign, changes):
    response = propose(client, **changes)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in text or "at most 500 characters" in text
    assert not LocalEvent.objects.exists() and mail.outbox == []


def test_an_in_person_proposal_still_needs_its_city_said_in_dutch(client, campaign):
    text = propose(client, language="nl", attendance_mode="in_person", meeting_url="").content
    text = text.decode()
    assert "Geef de stad of plaats op. Heeft het evenement geen plaats, kies dan „Online”." in text
    assert not LocalEvent.objects.exists()


def test_a_dutch_online_proposal_explains_the_missing_link_in_dutch(client, campaign):
    text = propose(client, language="nl", meeting_url="").content.decode()
    assert "Geef de link waarmee mensen online meedoen." in text


def test_a_mixed_event_keeps_its_place_and_needs_a_link(client, campaign):
    text = propose(client, attendance_mode="mixed", meeting_url="", city="Groningen",
                   venue="Vismarkt").content.decode()  # fmt: skip
    assert "Give the meeting link people use to join the event online." in text
    propose(client, attendance_mode="mixed", city="Groningen", venue="Vismarkt")
    event = LocalEvent.objects.get()
    assert (event.city, event.country, event.timezone) == ("Groningen", "NL", "Europe/Amsterdam")
    assert (event.attendance_mode, event.meeting_url) == ("mixed", LINK)


def test_a_link_given_for_an_in_person_event_is_not_kept(client, campaign):
    propose(client, attendance_mode="in_person", city="Groningen", venue="Vismarkt")
    assert LocalEvent.objects.get().meeting_url == ""


def test_place_fields_typed_for_an_online_event_are_dropped(client, campaign):
    propose(client, city="Xqzzyv", venue="Somewhere", address="Street 1")
    event = LocalEvent.objects.get()
    assert (event.city, event.venue, event.address) == ("", "", "")


def test_emails_about_an_online_proposal_name_no_empty_city(client, campaign):
    propose(client)
    assert mail.outbox[-1].subject == "Confirm your proposal for an online event"
    assert "Thank you for proposing an online event for May action." in mail.outbox[-1].body
    assert "\nOnline\n" in mail.outbox[-1].body and LINK not in mail.outbox[-1].body
    client.post(link_in(mail.outbox[-1], "confirm"))
    propose(client, language="nl", proposer_email="nl@example.org", title="Nederlands")
    assert mail.outbox[-1].subject == "Bevestig je voorstel voor een online evenement"
    client.post(link_in(mail.outbox[-1], "confirm"))
    client.force_login(campaign.coordinators.get())
    for proposal in EventProposal.objects.order_by("pk"):
        client.post(
            "/en/dashboard/campaigns/may/proposals/",
            {"proposal": proposal.pk, f"p{proposal.pk}-decision": "approve"},
        )
    deliver_due()
    subjects = [message.subject for message in mail.outbox[-2:]]
    assert subjects == ["Your online event is approved", "Je online evenement is goedgekeurd"]


def test_online_proposals_are_not_each_others_duplicates(client, campaign):
    for title in ("First call", "Second call"):
        propose(client, title=title, proposer_email=f"{title[0]}@example.org")
        client.post(link_in(mail.outbox[-1], "confirm"))
    online_event(campaign)
    client.force_login(campaign.coordinators.get())
    text = client.get("/en/dashboard/campaigns/may/proposals/").content.decode()
    assert "First call" in text and "Second call" in text
    assert "Possible duplicate" not in text


# Editing -------------------------------------------------------------------------------------


def test_an_organizer_moves_an_event_online_and_participants_are_told(client, event, organizer):
    confirmed = SignupFactory(event=event, email="ada@example.org", state="confirmed")
    client.force_login(organizer)
    form = client.get(f"/en/dashboard/events/{event.pk}/edit/").content.decode()
    assert 'name="attendance_mode"' in form and 'name="meeting_url"' in form
    response = client.post(
        f"/en/dashboard/events/{event.pk}/edit/",
        edit_data(attendance_mode="online", meeting_url=LINK, city="", venue=""),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.attendance_mode, event.meeting_url, event.city, event.venue) == (
        "online", LINK, "", ""
    )  # fmt: skip
    assert event.status == LocalEvent.Status.APPROVED  # online: not "details to be announced"
    assert event.local_starts_at == datetime(2030, 5, 13, 14, tzinfo=AMSTERDAM)
    deliver_due()
    [message] = [m for m in mail.outbox if m.to == [confirmed.email]]
    assert "The event now takes place online." in message.body and LINK in message.body


def test_the_edit_form_shows_an_online_event_as_it_is(client, campaign, organizer):
    event = online_event(campaign)
    event.organizers.add(organizer)
    client.force_login(organizer)
    form = client.get(f"/en/dashboard/events/{event.pk}/edit/").content.decode()
    assert f'value="{LINK}"' in form
    assert re.search(r'<input[^>]*value="online"[^>]*checked', form)
    response = client.post(
        f"/en/dashboard/events/{event.pk}/edit/",
        edit_data(attendance_mode="online", meeting_url="ftp://x.example/m", city="", venue=""),
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.meeting_url == LINK  # a refused edit writes nothing


def test_back_in_person_needs_a_city_again(client, campaign, organizer):
    event = online_event(campaign)
    event.organizers.add(organizer)
    client.force_login(organizer)
    text = client.post(
        f"/en/dashboard/events/{event.pk}/edit/", edit_data(city="", venue="Dam Square")
    ).content.decode()
    assert "Give the city or town. If the event has no place, choose “Online”." in text
    client.post(f"/en/dashboard/events/{event.pk}/edit/", edit_data())
    event.refresh_from_db()
    assert (event.attendance_mode, event.city, event.country, event.meeting_url) == (
        "in_person", "Amsterdam", "NL", ""
    )  # fmt: skip


# Where organizers and coordinators see them ------------------------------------------------


def test_the_organizers_list_says_online_not_an_empty_city(client, campaign, organizer):
    event = online_event(campaign)
    event.organizers.add(organizer)
    client.force_login(organizer)
    text = client.get("/en/dashboard/").content.decode()
    line = text.split(f'href="/en/events/{event.pk}/"')[1].split("</li>")[0]
    assert "· Online</div>" in line and "· , " not in line
    assert LINK not in text


def test_the_coordinators_overview_counts_online_events_after_the_countries(
    client, campaign, event
):
    online_event(campaign)
    LocalEventFactory(campaign=campaign, city="Lyon", country="FR", title="Lyon", venue="Bellecour")
    coordinator = campaign.coordinators.get()
    client.force_login(coordinator)
    text = client.get("/en/dashboard/campaigns/may/").content.decode()
    assert "France (1), Netherlands (1), Online (1)" in text
    assert "<strong>2</strong> cities" in text  # the online event is in no city
    table = text.split('id="events-heading"')[1]
    assert ">Online</a></td>" in table and ">Online</a>, </td>" not in table
    client.force_login(coordinator)
    nl = client.get("/nl/dashboard/campaigns/may/").content.decode()
    assert "Online (1)" in nl


def test_the_export_says_online_and_leaves_the_link_out(client, campaign, event):
    online_event(campaign)
    client.force_login(campaign.coordinators.get())
    text = client.post("/en/dashboard/campaigns/may/events.csv").content.decode()
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(text))}
    online = rows["Online teach-in"]
    assert (online["city"], online["country"], online["country_name"]) == ("Online", "", "")
    assert online["attendance"] == "online" and online["starts_local"] == "2030-05-13 19:00"
    assert rows["Amsterdam protest"]["city"] == "Amsterdam"
    assert rows["Amsterdam protest"]["attendance"] == "in_person"
    assert LINK not in text


def test_the_campaign_page_groups_online_events_after_the_countries(client, campaign, event):
    online_event(campaign)
    LocalEventFactory(campaign=campaign, city="Antwerpen", country="BE", title="Antwerp")
    online_event(campaign, title="Second call", attendance_mode="online", country="BE")
    mixed = LocalEventFactory(
        campaign=campaign, city="Lyon", country="FR", attendance_mode="mixed", meeting_url=LINK
    )
    groups = events_by_country(list(campaign_events(campaign)), language="nl")
    assert [group.name for group in groups] == ["België", "Frankrijk", "Nederland", "Online"]
    assert [e.title for e in groups[-1].events] == ["Online teach-in", "Second call"]
    assert mixed in groups[1].events  # in person too: it stays in its country
    text = client.get("/en/campaigns/may/").content.decode()
    headings = re.findall(r'<h3 id="country-([a-z]+)">([^<]+)</h3>', text)
    assert headings == [
        ("be", "Belgium"), ("fr", "France"), ("nl", "Netherlands"), ("online", "Online")
    ]  # fmt: skip
    assert LINK not in text


def test_grouping_online_events_costs_no_query_per_event(campaign, django_assert_num_queries):
    for number in range(30):
        online_event(campaign, title=f"Call {number}")
        LocalEventFactory(
            campaign=campaign, city="Utrecht", country="NL", title=f"Utrecht {number}"
        )
    with django_assert_num_queries(1):
        groups = events_by_country(list(campaign_events(campaign)), language="en")
    assert [len(group.events) for group in groups] == [30, 30]


def test_a_new_meeting_link_goes_to_confirmed_participants_only(client, campaign, organizer):
    event = online_event(campaign, capacity=1)
    event.organizers.add(organizer)
    confirmed = SignupFactory(
        event=event, email="ada@example.org", state="confirmed", language="nl"
    )
    SignupFactory(event=event, email="wait@example.org", state="waitlisted")
    client.force_login(organizer)
    new_link = "https://teams.microsoft.com/l/meetup-join/new"
    response = client.post(
        f"/en/dashboard/events/{event.pk}/edit/",
        edit_data(
            title="Online teach-in", attendance_mode="online", meeting_url=new_link, city="",
            venue="", starts="19:00", ends="20:00", capacity="1",
        ),
    )  # fmt: skip
    assert response.status_code == 302
    deliver_due()
    assert [message.to for message in mail.outbox] == [[confirmed.email]]
    [message] = mail.outbox
    assert "De link om online mee te doen is veranderd." in message.body
    assert new_link in message.body and LINK not in message.body
    assert "De plaats van het evenement is veranderd" not in message.body


def test_the_report_and_the_archive_give_online_events_no_empty_city(client, campaign, event):
    from turnout.organizing.report import campaign_report

    online_event(campaign, status="completed")
    LocalEventFactory(campaign=campaign, city="Lyon", country="FR", title="Lyon")
    report = campaign_report(campaign, today=date(2030, 6, 1), language="nl")
    assert [group.name for group in report.countries] == ["Frankrijk", "Nederland", "Online"]
    assert [line.event.title for line in report.countries[-1].lines] == ["Online teach-in"]
    with time_machine.travel(datetime(2030, 6, 1, tzinfo=ZoneInfo("UTC")), tick=False):
        text = client.get("/en/campaigns/may/report/").content.decode()
        archive = client.get("/en/archive/").content.decode()
    assert '<th scope="row">Online teach-in</th>' in text and '<th scope="row"></th>' not in text
    assert "(Lyon, Amsterdam)" in archive and ", ," not in archive and LINK not in text + archive


def test_an_invitation_to_co_organize_an_online_event_names_no_empty_city(
    client, campaign, organizer
):
    event = online_event(campaign)
    event.organizers.add(organizer)
    client.force_login(organizer)
    client.post(f"/en/dashboard/events/{event.pk}/organizers/", {"email": "new@example.org"})
    deliver_due()
    [message] = mail.outbox
    assert message.subject == "Olga invites you to co-organize an online event"
    assert "\nOnline\n" in message.body and ", \n" not in message.body
