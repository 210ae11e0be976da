"""Hostile text in titles, names and subjects never breaks an email, and an email that can never
be sent fails at once, visibly, on the page of the person who wrote it."""

import smtplib
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
import time_machine
from django.core.mail import BadHeaderError
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.notifications import failures, outbox
from turnout.notifications.composition import SUBJECT_MAX, Email
from turnout.notifications.models import OutboxMessage, WrittenMessage
from turnout.signups import emails as signup_emails
from turnout.signups.models import Signup
from turnout.signups.reminders import queue_due_reminders
from turnout.web.text import single_line

pytestmark = pytest.mark.django_db

START = datetime(2030, 5, 13, 11, tzinfo=UTC)
INJECTION = "Climate\r\nBcc: x@evil.example"
FOLDED = "Climate Bcc: x@evil.example"


def store_as_written_before_folding(row, **values) -> None:
    """Put text in a row the way an older version (or a direct SQL import) left it: unfolded."""
    table = connection.ops.quote_name(row._meta.db_table)
    for column, value in values.items():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {connection.ops.quote_name(column)} = %s WHERE id = %s",
                [value, row.pk],
            )
    row.refresh_from_db()


def deliver(at: datetime) -> outbox.DeliveryReport:
    with time_machine.travel(at, tick=False):
        return outbox.deliver_due()


def header_names(message) -> set[str]:
    return {name.lower() for name in message.keys()}


def test_the_model_folds_a_title_however_it_is_saved():
    event = LocalEventFactory(title=INJECTION, venue="Dam\u2028Square", city="Amster\ndam")
    event.refresh_from_db()
    assert (event.title, event.venue, event.city) == (FOLDED, "Dam Square", "Amster dam")
    LocalEvent.objects.filter(pk=event.pk).update(title="Klimaat\r\nmars")
    event.refresh_from_db()
    assert event.title == "Klimaat mars"
    event.title = "Marche\x85pour le climat"
    event.full_clean()
    assert event.title == "Marche pour le climat"


def test_emails_about_an_event_with_a_line_break_in_its_title_arrive_with_one_subject_line(
    smtp_server,
):
    event = LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))
    store_as_written_before_folding(event, title=INJECTION)
    assert event.title == INJECTION
    asking = SignupFactory(
        event=event, email="new@example.org", state=Signup.State.AWAITING_CONFIRMATION
    )
    SignupFactory(event=event, email="ada@example.org", created_at=START - timedelta(days=9))
    outbox.enqueue(signup_emails.confirmation_request(asking), now=START - timedelta(hours=47))
    assert queue_due_reminders(now=START - timedelta(hours=47)) == 1

    report = deliver(START - timedelta(hours=47))

    assert len(report.sent) == 2 and not report.retried and not report.failed
    confirm, reminder = smtp_server.to("new@example.org")[0], smtp_server.to("ada@example.org")[0]
    assert confirm["Subject"] == f"Please confirm your signup: {FOLDED}"
    assert reminder["Subject"] == f"Reminder: {FOLDED}"
    for message in (confirm, reminder):
        assert "bcc" not in header_names(message)
    assert sorted(to for _, (to,) in smtp_server.handler.envelopes) == [
        "ada@example.org",
        "new@example.org",
    ]
    assert set(OutboxMessage.objects.values_list("state", "attempts")) == {("sent", 1)}


def test_a_message_queued_before_folding_is_still_delivered_on_one_line(smtp_server):
    (message,) = [
        outbox.enqueue(
            Email(kind="test", to="ada@example.org", language="en", subject="x", text="", html=""),
            now=START,
        )
    ]
    OutboxMessage.objects.filter(pk=message.pk).update(subject=f"Reminder: {INJECTION}")

    assert len(deliver(START).sent) == 1
    (received,) = smtp_server.messages
    assert received["Subject"] == f"Reminder: {FOLDED}"
    assert "bcc" not in header_names(received)


def test_long_and_non_latin_titles_and_subjects_arrive_whole_or_cut_with_an_ellipsis(smtp_server):
    long_title = "Klimaatmars " + "x" * 188
    event = LocalEventFactory(title="Marche pour le climat ✊ Zürich", starts_at=START)
    store_as_written_before_folding(event, title="Марш за климат\u2028東京 ✊ Zürich")
    long_event = LocalEventFactory(title=long_title, starts_at=START)
    for signup in (SignupFactory(event=event), SignupFactory(event=long_event)):
        outbox.enqueue(
            signup_emails.attendee_message(signup, subject="y" * 150, body="Hello"), now=START
        )

    assert len(deliver(START).sent) == 2
    subjects = sorted(str(message["Subject"]).strip() for message in smtp_server.messages)
    assert subjects[0] == f"{long_title}: {'y' * 150}"[: SUBJECT_MAX - 1] + "…"
    assert subjects[1] == f"Марш за климат 東京 ✊ Zürich: {'y' * 150}"


def test_a_subject_with_a_line_break_in_the_organizers_form_is_folded(client, smtp_server):
    event = LocalEventFactory(title="Protest in Utrecht")
    SignupFactory(event=event, email="ada@example.org")
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)

    response = client.post(
        f"/en/signups/events/{event.pk}/attendees/message/",
        {"subject": "Bring a banner\r\nBcc: x@evil.example", "body": "See you."},
        follow=True,
    )

    assert "Your message is on its way to 1 attendee." in response.content.decode()
    assert WrittenMessage.objects.get().subject == "Bring a banner Bcc: x@evil.example"
    outbox.deliver_due()
    (received,) = smtp_server.messages
    assert received["Subject"] == "Protest in Utrecht: Bring a banner Bcc: x@evil.example"
    assert "bcc" not in header_names(received)


@pytest.fixture
def event_with_attendees(db):
    event = LocalEventFactory(title="Protest in Utrecht")
    for address in ("ada@example.org", "gone@example.org", "grace@example.org"):
        SignupFactory(event=event, email=address)
    organizer = UserFactory()
    event.organizers.add(organizer)
    return event, organizer


def test_a_refused_recipient_fails_at_once_and_the_organizer_sees_why(
    client, smtp_server, event_with_attendees
):
    event, organizer = event_with_attendees
    smtp_server.handler.refuse.add("gone@example.org")
    client.force_login(organizer)
    page = f"/en/signups/events/{event.pk}/attendees/message/"
    client.post(page, {"subject": "Bring a banner", "body": "See you."})

    report = outbox.deliver_due()

    assert (len(report.sent), len(report.failed), report.retried) == (2, 1, [])
    refused = OutboxMessage.objects.get(to_email="gone@example.org")
    assert (refused.state, refused.attempts, refused.failure) == ("failed", 1, "refused")
    assert refused.last_error == "550 5.1.1 No such user here"
    assert sorted(smtp_server.to(a)[0]["To"] for a in ("ada@example.org", "grace@example.org"))
    text = client.get(page).content.decode()
    assert "Bring a banner" in text
    assert "2 delivered" in text and "0 waiting" in text and "1 failed" in text
    assert "gone@example.org: The mail server refused it" in text
    assert "550 5.1.1 No such user here" in text
    assert "Traceback" not in text and "SMTPRecipientsRefused" not in text


def test_an_invalid_address_fails_at_once_without_asking_the_server(
    client, smtp_server, event_with_attendees
):
    event, organizer = event_with_attendees
    imported = SignupFactory(event=event, email="placeholder@example.org")
    store_as_written_before_folding(imported, email="not-an-address")
    client.force_login(organizer)
    page = f"/en/signups/events/{event.pk}/attendees/message/"
    client.post(page, {"subject": "Bring a banner", "body": "See you."})

    report = outbox.deliver_due()

    assert (len(report.sent), len(report.failed)) == (3, 1)
    bad = OutboxMessage.objects.get(to_email="not-an-address")
    assert (bad.state, bad.attempts, bad.failure) == ("failed", 1, "bad_address")
    assert len(smtp_server.messages) == 3
    text = client.get(page).content.decode()
    assert "3 delivered" in text and "1 failed" in text
    assert "not-an-address: The address is not a valid email address" in text


def test_the_page_counts_messages_still_waiting(client, event_with_attendees):
    event, organizer = event_with_attendees
    client.force_login(organizer)
    page = f"/en/signups/events/{event.pk}/attendees/message/"
    client.post(page, {"subject": "Bring a banner", "body": "See you."})
    text = client.get(page).content.decode()
    assert "0 delivered" in text and "3 waiting" in text and "0 failed" in text


def test_the_coordinators_message_to_organizers_shows_its_delivery_too(client, smtp_server):
    campaign = CampaignFactory(slug="may")
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    for address in ("one@example.org", "gone@example.org"):
        LocalEventFactory(campaign=campaign).organizers.add(UserFactory(email=address))
    smtp_server.handler.refuse.add("gone@example.org")
    client.force_login(coordinator)
    page = "/en/dashboard/campaigns/may/message/"
    client.post(page, {"subject": "Thank you\nBcc: x@evil.example", "body": "All of you."})

    outbox.deliver_due()

    (received,) = smtp_server.messages
    assert "Thank you Bcc: x@evil.example" in received["Subject"]
    assert "bcc" not in header_names(received)
    text = client.get(page).content.decode()
    assert "1 delivered" in text and "1 failed" in text
    assert "gone@example.org: The mail server refused it" in text


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"No such user")}), "refused"),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Mailbox busy")}), ""),
        (smtplib.SMTPDataError(554, b"Message rejected as spam"), "refused"),
        (smtplib.SMTPDataError(451, b"Try again later"), ""),
        (smtplib.SMTPSenderRefused(552, b"Message too big", "site@example.org"), "refused"),
        # The site's own address refused: the relay's configuration; fixed, all must go.
        (smtplib.SMTPSenderRefused(553, b"Not your address", "site@example.org"), ""),
        (smtplib.SMTPAuthenticationError(535, b"Bad credentials"), ""),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), ""),
        (ConnectionRefusedError(111, "Connection refused"), ""),
        (TimeoutError("timed out"), ""),
        (BadHeaderError("Header values can't contain newlines"), "bad_header"),
        (ValueError('Invalid address "a@"'), "bad_address"),
    ],
)
def test_only_errors_that_no_attempt_can_change_are_permanent(error, failure):
    assert failures.permanent_failure(error) == failure


def test_a_temporary_refusal_of_one_recipient_is_retried(smtp_server):
    message = outbox.enqueue(
        Email(kind="test", to="a@example.org", language="en", subject="Hi", text="", html=""),
        now=START,
    )
    error = smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"4.2.1 Mailbox busy")})
    message.attempts = 1
    assert failures.record_failure(message, error=error, now=START) == "pending"
    message.refresh_from_db()
    assert (message.failure, message.last_error) == ("", "450 4.2.1 Mailbox busy")


EXPECTED_HEADERS = {
    "content-type",
    "content-transfer-encoding",
    "mime-version",
    "subject",
    "from",
    "to",
    "date",
    "message-id",
    "auto-submitted",
    "content-language",
}


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(st.characters(codec=None), max_size=250),
    subject=st.text(st.characters(codec=None), max_size=200),
)
def test_any_text_in_a_title_or_subject_makes_a_valid_one_line_subject(title, subject):
    email = Email(
        kind="attendee_message",
        to="ada@example.org",
        language="en",
        subject=f"{title}: {subject}",
        text="Hello",
        html="",
    )
    row = OutboxMessage(
        message_id="<property@example.org>",
        to_email=email.to,
        language=email.language,
        subject=email.subject,
        body_text=email.text,
        attachments=[],
    )

    raw = outbox.mime_message(row).message().as_bytes(linesep="\r\n")

    head = raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 998 for line in head.split(b"\r\n"))
    parsed = message_from_bytes(raw, policy=default_policy)
    assert header_names(parsed) == EXPECTED_HEADERS
    assert parsed["To"] == "ada@example.org"
    decoded = str(parsed["Subject"])
    assert "\n" not in decoded and "\r" not in decoded
    assert decoded.split() == single_line(f"{title}: {subject}", max_length=SUBJECT_MAX).split()


def test_the_delivery_is_told_in_the_organizers_language(client, smtp_server, event_with_attendees):
    event, organizer = event_with_attendees
    smtp_server.handler.refuse.add("gone@example.org")
    client.force_login(organizer)
    client.post(
        f"/nl/signups/events/{event.pk}/attendees/message/",
        {"subject": "Neem een spandoek mee", "body": "Tot dan."},
    )
    outbox.deliver_due()
    text = client.get(f"/nl/signups/events/{event.pk}/attendees/message/").content.decode()
    assert "Verstuurde berichten" in text
    assert "2 afgeleverd" in text and "1 mislukt" in text
    assert "gone@example.org: De mailserver heeft het geweigerd" in text
