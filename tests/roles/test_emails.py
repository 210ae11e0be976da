"""Role emails over real SMTP: each briefing reaches only the people in that role."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.roles import services
from turnout.roles.models import RoleAssignment
from turnout.roles.reminders import queue_due_briefings
from turnout.signups.models import Signup
from turnout.signups.reminders import queue_due_reminders
from turnout.signups.services import registration

from .factories import EventRoleFactory

pytestmark = pytest.mark.django_db

START = datetime(2030, 5, 13, 11, tzinfo=UTC)
MARSHAL_BRIEFING = "Marshals: meet at the fountain at 12:30, vests in the blue van."
MEDIC_BRIEFING = "First aid: the kit is with Noor; the post is by the stage <left side>."


@pytest.fixture
def event():
    return LocalEventFactory(
        title="Protest in Utrecht", starts_at=START, ends_at=START + timedelta(hours=2)
    )


@pytest.fixture
def people(event):
    marshal = EventRoleFactory(event=event, briefing=MARSHAL_BRIEFING)
    medic = EventRoleFactory(event=event, kind="first_aider", briefing=MEDIC_BRIEFING)
    ada = SignupFactory(event=event, email="ada@example.org", created_at=START - timedelta(days=9))
    noor = SignupFactory(
        event=event, email="noor@example.org", language="nl", created_at=START - timedelta(days=9)
    )
    plain = SignupFactory(
        event=event, email="plain@example.org", created_at=START - timedelta(days=9)
    )
    now = START - timedelta(days=5)
    services.volunteer(token=ada.token, role_id=marshal.pk, now=now)
    services.volunteer(token=noor.token, role_id=medic.pk, now=now)
    return ada, noor, plain


def deliver_due() -> None:
    """Send what is queued, at a moment when all of it is due."""
    with time_machine.travel(START, tick=False):
        outbox.deliver_due()


def texts(message) -> tuple[str, str]:
    return (
        message.get_body(("plain",)).get_content(),
        message.get_body(("html",)).get_content(),
    )


def test_taking_a_role_emails_its_briefing_to_that_person_only(people, smtp_server):
    deliver_due()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "ada@example.org",
        "noor@example.org",
    ]
    [ada_mail] = smtp_server.to("ada@example.org")
    text, html = texts(ada_mail)
    assert ada_mail["Subject"] == "Your role at Protest in Utrecht"
    assert MARSHAL_BRIEFING in text and MEDIC_BRIEFING not in text
    assert "Thank you for taking a role at this event: Marshal." in text
    assert "fountain at 12:30" in html and "Noor" not in html
    [noor_mail] = smtp_server.to("noor@example.org")
    text, html = texts(noor_mail)
    assert noor_mail["Subject"] == "Je rol bij Protest in Utrecht"
    assert "bij dit evenement: EHBO'er." in text
    assert MEDIC_BRIEFING in text and MARSHAL_BRIEFING not in text
    assert "by the stage &lt;left side&gt;" in html  # escaped in HTML, as typed in text


def test_the_briefing_reminder_goes_a_day_before_to_each_role_once(people, smtp_server):
    OutboxMessage.objects.all().delete()
    assert queue_due_briefings(now=START - timedelta(hours=25)) == 0
    assert queue_due_briefings(now=START - timedelta(hours=23)) == 2
    assert queue_due_briefings(now=START - timedelta(hours=22)) == 0  # never twice
    deliver_due()
    [ada_mail] = smtp_server.to("ada@example.org")
    [noor_mail] = smtp_server.to("noor@example.org")
    assert smtp_server.to("plain@example.org") == []
    assert ada_mail["Subject"] == "Your briefing for Protest in Utrecht"
    assert MARSHAL_BRIEFING in texts(ada_mail)[0] and MEDIC_BRIEFING not in texts(ada_mail)[0]
    assert noor_mail["Subject"] == "Je briefing voor Protest in Utrecht"
    assert MEDIC_BRIEFING in texts(noor_mail)[0]


def test_asked_or_cancelled_people_get_no_briefing_reminder(event, people):
    ada, noor, plain = people
    OutboxMessage.objects.all().delete()
    role = EventRoleFactory(event=event, kind="photographer", briefing="Photos: no faces.")
    services.ask_attendee(role=role, signup_id=plain.pk, now=START - timedelta(days=2))
    registration.cancel_signup(token=ada.token, now=START - timedelta(days=2))
    OutboxMessage.objects.all().delete()
    assert queue_due_briefings(now=START - timedelta(hours=2)) == 1
    assert OutboxMessage.objects.get().to_email == "noor@example.org"


def test_the_mail_merged_reminder_carries_nobodys_briefing(people, smtp_server):
    OutboxMessage.objects.all().delete()
    assert queue_due_reminders(now=START - timedelta(hours=47)) == 3
    deliver_due()
    for message in smtp_server.messages:
        text, html = texts(message)
        for briefing in ["fountain", "Noor", "left side"]:
            assert briefing not in text and briefing not in html


def test_the_you_are_in_email_offers_open_roles_and_no_briefing(event, people, smtp_server):
    OutboxMessage.objects.all().delete()
    newcomer = SignupFactory(
        event=event,
        email="new@example.org",
        state=Signup.State.AWAITING_CONFIRMATION,
        created_at=START - timedelta(days=3),
    )
    registration.confirm_signup(token=newcomer.token, now=START - timedelta(days=3))
    deliver_due()
    [youre_in] = smtp_server.to("new@example.org")
    text, html = texts(youre_in)
    assert "This event still needs:" in text
    assert "- Marshal (1 of 4 places taken)" in text
    assert f"/en/signups/{newcomer.token}/" in text
    assert "fountain" not in text + html and "Noor" not in text + html


def test_a_role_taken_after_confirming_shows_in_a_later_you_are_in_email(event, people):
    ada, _noor, _plain = people
    from turnout.signups.emails import signup_confirmed

    ada.refresh_from_db()
    email = signup_confirmed(ada, now=START)
    assert "Your role: Marshal" in email.text and MARSHAL_BRIEFING in email.text
    assert MEDIC_BRIEFING not in email.text
    assert RoleAssignment.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_briefing_reminder_from_its_timetable(smtp_server):
    from django.core.management import call_command

    event = LocalEventFactory(
        title="Protest in Delft", starts_at=START, ends_at=START + timedelta(hours=2)
    )
    role = EventRoleFactory(event=event, kind="steward", briefing="Stewards: gate B.")
    signup = SignupFactory(event=event, email="sam@example.org")
    RoleAssignment.objects.create(
        role=role, signup=signup, state="volunteered", created_at=START - timedelta(days=3)
    )
    with time_machine.travel(START - timedelta(hours=20), tick=False):
        call_command("worker", batch=True, verbosity=0)
        call_command("worker", batch=True, verbosity=0)  # again: nothing twice
    [briefing] = [m for m in smtp_server.to("sam@example.org") if "briefing" in m["Subject"]]
    assert "Stewards: gate B." in texts(briefing)[0]


def test_letters_written_together_each_show_their_own_role_and_ask_the_event_once(
    event, people, django_assert_max_num_queries
):
    """The worker writes a surge's "you're in" emails in one batch, asking what an event's
    letters share (its roles, their places) once: each person still sees only their own."""
    ada, noor, plain = people
    others = SignupFactory.create_batch(6, event=event, created_at=START - timedelta(days=9))
    OutboxMessage.objects.all().delete()
    for signup in Signup.objects.filter(event=event):  # as confirming gives them (referrals)
        Signup.objects.filter(pk=signup.pk).update(referral_code=f"code{signup.pk}")
    Signup.objects.filter(event=event).update(letter_due=Signup.Letter.CONFIRMED)

    with time_machine.travel(START - timedelta(days=4), tick=False):
        # Nine letters, as many queries as one: the batch, each event-wide fact (safety
        # defaults, brand, roles and their places, who holds which, its title in Dutch for
        # Noor) once, the INSERT, the clearing, and one look each for sign-in and privacy
        # link requests waiting. Asked per letter, the roles and safety alone were four
        # queries each.
        with django_assert_max_num_queries(15):
            assert outbox.write_owed_letters() == 9

    def body(signup):
        return OutboxMessage.objects.get(to_email=signup.email).body_text

    assert MARSHAL_BRIEFING in body(ada) and MEDIC_BRIEFING not in body(ada)
    assert MEDIC_BRIEFING in body(noor)
    assert MARSHAL_BRIEFING not in body(noor)
    for signup in (plain, *others):
        text = body(signup)
        assert MARSHAL_BRIEFING not in text and MEDIC_BRIEFING not in text
        assert signup.token in text  # their own manage link, where they may volunteer
