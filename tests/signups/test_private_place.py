"""A private place reaches the people holding a place, and only them: their manage page, their
emails (over real SMTP), their calendar invite; a new meeting point reaches them as a change."""

from email.message import EmailMessage

import icalendar
import pytest
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import AuthorityNotice, SafetyDefaults
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.signups import emails
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

ADDRESS = "Van Baerlestraat 31"
POINT = "Achter de blauwe container"
INSTRUCTIONS = "Neem **water** mee. <script>alert(1)</script>"
LEGAL_LINE = "+31 20 555 0199"
POLICE = "Ans de Vries"
SEPARATED = "Ga naar het Leidseplein."
SECRETS = (ADDRESS, POINT, "Neem", LEGAL_LINE, POLICE, SEPARATED, "52.35791")


@pytest.fixture
def event():
    campaign = CampaignFactory()
    SafetyDefaults.objects.create(
        campaign=campaign, country="NL", legal_support_line=LEGAL_LINE,
        if_separated=SEPARATED, authority_notice=AuthorityNotice.NOTIFIED,
    )  # fmt: skip
    return LocalEventFactory(
        campaign=campaign, title="Klimaatmars", venue="Museumplein", address=ADDRESS,
        city="Amsterdam", country="NL", latitude=52.35791, longitude=4.88123,
        location_is_private=True, meeting_point=POINT, private_instructions=INSTRUCTIONS,
        police_liaison=POLICE,
    )  # fmt: skip


def manage_page(client, signup, language="en") -> str:
    response = client.get(f"/{language}/signups/{signup.token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_confirmed_participant_sees_the_exact_place_instructions_and_safety(client, event):
    page = manage_page(client, SignupFactory(event=event))
    for secret in (ADDRESS, POINT, LEGAL_LINE, POLICE, SEPARATED):
        assert secret in page
    assert "Neem <strong>water</strong> mee." in page  # markdown, rendered
    assert "<script>alert(1)</script>" not in page  # and sanitized
    assert "Notified to the authorities" in page


def test_the_dutch_manage_page_names_the_safety_block_in_dutch(client, event):
    page = manage_page(client, SignupFactory(event=event, language="nl"), "nl")
    assert "Verzamelpunt" in page and "Juridische hulplijn" in page
    assert "Gemeld bij de autoriteiten" in page


@pytest.mark.parametrize(
    "state",
    [Signup.State.WAITLISTED, Signup.State.AWAITING_CONFIRMATION, Signup.State.CANCELLED],
)
def test_people_without_a_place_see_only_the_area(client, event, state):
    page = manage_page(client, SignupFactory(event=event, state=state))
    assert "Museumplein" in page and "Amsterdam" in page
    assert "Exact meeting point shared with confirmed participants" in page
    for secret in SECRETS:
        assert secret not in page


def deliver(smtp_server, email) -> EmailMessage:
    outbox.enqueue(email, now=timezone.now())
    outbox.deliver_due()
    (message,) = smtp_server.to(email.to)
    return message


def bodies(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def invite_of(message: EmailMessage) -> icalendar.Event:
    (attachment,) = [
        part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"
    ]
    content = attachment.get_content()
    calendar = icalendar.Calendar.from_ical(
        content if isinstance(content, (str, bytes)) else content.as_bytes()
    )
    (vevent,) = calendar.walk("VEVENT")
    return vevent


def test_the_youre_in_email_carries_the_exact_place_and_the_invite_too(smtp_server, event):
    signup = SignupFactory(event=event, email="ada@example.org")
    message = deliver(smtp_server, emails.signup_confirmed(signup, now=timezone.now()))
    text, html = bodies(message)
    for secret in (ADDRESS, POINT, LEGAL_LINE, POLICE, SEPARATED):
        assert secret in text and secret in html
    assert "Neem **water** mee." in text
    assert "<strong>water</strong>" in html and "<script>" not in html
    vevent = invite_of(message)
    assert ADDRESS in str(vevent["LOCATION"])
    assert f"Meeting point: {POINT}" in str(vevent["DESCRIPTION"])
    assert "Neem **water** mee." in str(vevent["DESCRIPTION"])
    assert vevent["GEO"].latitude == pytest.approx(52.35791)


def test_the_waitlist_email_names_only_the_area(smtp_server, event):
    signup = SignupFactory(event=event, email="wim@example.org", state=Signup.State.WAITLISTED)
    message = deliver(smtp_server, emails.waitlisted(signup))
    text, html = bodies(message)
    assert "Museumplein, Amsterdam, Netherlands" in text
    for secret in SECRETS:
        assert secret not in text and secret not in html


def test_the_invite_in_dutch_names_the_meeting_point_in_dutch(event):
    from turnout.signups.invites import invite_ics

    signup = SignupFactory(event=event, language="nl")
    calendar = icalendar.Calendar.from_ical(
        invite_ics(signup, now=timezone.now(), method="REQUEST")
    )
    assert f"Verzamelpunt: {POINT}" in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])


# -- a new meeting point is a change notice ---------------------------------------------------


def edit_form(event, **changes) -> dict:
    starts, ends = event.local_starts_at, event.local_ends_at
    data = {
        "title": event.title, "city": event.city, "venue": event.venue,
        "address": event.address, "day": f"{starts:%Y-%m-%d}", "starts": f"{starts:%H:%M}",
        "ends": f"{ends:%H:%M}", "signup_method": "native", "capacity": "",
        "location_is_private": "on", "meeting_point": event.meeting_point,
        "private_instructions": event.private_instructions, "police_liaison": POLICE,
        "step_free_access": "unknown", "seating": "unknown", "accessible_toilets": "unknown",
        "quiet_space": "unknown", "sign_language": "unknown",
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_new_meeting_point_reaches_participants_once_with_a_newer_invite(
    client, smtp_server, event
):
    ada = SignupFactory(event=event, email="ada@example.org", language="nl")
    SignupFactory(event=event, email="wim@example.org", state=Signup.State.WAITLISTED)
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    before = event.sequence

    url = f"/en/dashboard/events/{event.pk}/edit/"
    new_point = "Bij het Rijksmuseum, onder de poort"
    response = client.post(url, edit_form(event, meeting_point=new_point))
    assert response.status_code == 302
    response = client.post(url, edit_form(event, meeting_point=new_point))  # saved again
    assert response.status_code == 302

    event.refresh_from_db()
    assert event.meeting_point == new_point
    assert event.sequence == before + 1
    notices = OutboxMessage.objects.filter(kind="event_rescheduled")
    # The waitlist cannot see a private meeting point: it is not told of it.
    assert list(notices.values_list("to_email", flat=True)) == [ada.email]
    outbox.deliver_due()
    (message,) = smtp_server.to(ada.email)
    text, html = bodies(message)
    assert "Het verzamelpunt is veranderd." in text and "Het verzamelpunt is veranderd." in html
    assert new_point in text
    vevent = invite_of(message)
    assert vevent["SEQUENCE"] == before + 1
    assert new_point in str(vevent["DESCRIPTION"])


def test_new_instructions_are_announced_and_the_time_to_everyone_waiting(client, event):
    SignupFactory(event=event, email="ada@example.org")
    SignupFactory(event=event, email="wim@example.org", state=Signup.State.WAITLISTED)
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    response = client.post(
        f"/en/dashboard/events/{event.pk}/edit/",
        edit_form(event, private_instructions="Kom om 13:45.", starts="14:00", ends="16:00"),
    )
    assert response.status_code == 302
    ada = OutboxMessage.objects.get(kind="event_rescheduled", to_email="ada@example.org")
    wim = OutboxMessage.objects.get(kind="event_rescheduled", to_email="wim@example.org")
    assert "The instructions for participants have changed." in ada.body_text
    assert "Kom om 13:45." in ada.body_text
    assert "The time of the event has changed." in wim.body_text
    assert "instructions" not in wim.body_text and "Kom om" not in wim.body_text


def test_an_open_events_meeting_point_is_news_for_the_waitlist_too(event):
    from turnout.campaigns.services import save_event_changes

    event.location_is_private = False
    event.save()
    SignupFactory(event=event, email="ada@example.org")
    SignupFactory(event=event, email="wim@example.org", state=Signup.State.WAITLISTED)
    event.meeting_point = "Bij de fontein"
    save_event_changes(event=event, changed_fields=["meeting_point"])
    notices = OutboxMessage.objects.filter(kind="event_rescheduled")
    assert sorted(notices.values_list("to_email", flat=True)) == [
        "ada@example.org", "wim@example.org",
    ]  # fmt: skip
    wim = notices.get(to_email="wim@example.org")
    assert "The meeting point has changed." in wim.body_text
    assert "Bij de fontein" in wim.body_text
