"""A letter composed once equals, for each person, the email composed for them alone."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import icalendar
import pytest

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.composition import Attachment, Email
from turnout.signups import emails as signup_emails
from turnout.signups import kept_letters, mail_merge
from turnout.signups.invites import invite_attachment
from turnout.signups.mail_merge import compose_letter
from turnout.signups.sections import contexts_kept

pytestmark = pytest.mark.django_db

START = datetime(2030, 5, 13, 11, tzinfo=UTC)
NOW = START - timedelta(hours=3)
NAMES = [
    "Ada",
    'Doe, Jane; the "Organizer": <b>bold</b> & co',  # quoted, escaped, never markup
    "Zoë Ŝtraße-Ünïcödé 日本語",
    "Bartholomew " + "Longname " * 12,  # its ATTENDEE line folds over several lines
    "",
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_each_merged_reminder_is_the_reminder_composed_for_that_person(language):
    event = LocalEventFactory(title="Vigil <at> the square", starts_at=START,
                              ends_at=START + timedelta(hours=2))  # fmt: skip
    signups = [
        SignupFactory(event=event, name=name, email=f"person{n}@example.org", language=language)
        for n, name in enumerate(NAMES)
    ]
    letter = compose_letter(
        lambda s: signup_emails.reminder(s, now=NOW, hours=3), sample=signups[0]
    )
    for signup in signups:
        assert letter.to(signup) == signup_emails.reminder(signup, now=NOW, hours=3)


def test_the_merged_invite_names_its_person_as_attendee():
    event = LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))
    first = SignupFactory(event=event, name="Ada", email="ada@example.org")
    second = SignupFactory(event=event, name="Doe, Jane", email="jane@example.org")
    letter = compose_letter(lambda s: signup_emails.reminder(s, now=NOW, hours=3), sample=first)
    invite = icalendar.Calendar.from_ical(letter.to(second).attachments[0].content)
    (vevent,) = invite.walk("VEVENT")
    assert str(vevent["attendee"]) == "mailto:jane@example.org"
    assert vevent["attendee"].params["cn"] == "Doe, Jane"
    assert letter.to(second).to == "jane@example.org"
    assert second.token in letter.to(second).text and first.token not in letter.to(second).text


def test_a_letter_refuses_an_email_that_shows_the_address():
    signup = SignupFactory()

    def shows_address(s) -> Email:
        return Email(kind="x", to=s.email, language="en", subject="s", text=s.email, html="")

    with pytest.raises(ValueError, match="address"):
        compose_letter(shows_address, sample=signup)


def test_a_letter_refuses_an_attachment_that_names_the_person_elsewhere():
    signup = SignupFactory()

    def named_attachment(s) -> Email:
        note = Attachment(filename="a.txt", content=f"for {s.name}", mimetype="text/plain")
        return Email(kind="x", to=s.email, language="en", subject="s", text="t", html="",
                     attachments=(note,))  # fmt: skip

    with pytest.raises(ValueError, match="names the person"):
        compose_letter(named_attachment, sample=signup)


def test_youre_in_written_in_a_batch_is_what_each_person_would_get_alone():
    """The invite is built once per event, language and place held within a batch of letters
    (mail_merge.kept_invite); each person still gets their own ATTENDEE line, byte for byte."""
    event = LocalEventFactory(title="Vigil <at> the square", starts_at=START,
                              ends_at=START + timedelta(hours=2), meeting_point="By the gate",
                              private_instructions="Ring twice.")  # fmt: skip
    signups = [
        SignupFactory(event=event, name=name, email=f"person{n}@example.org",
                      language=("en", "nl")[n % 2], state="confirmed")
        for n, name in enumerate(NAMES)
    ]  # fmt: skip
    alone = [signup_emails._signup_confirmed(signup, now=NOW) for signup in signups]
    kept_letters.forget_all()
    with (
        mock.patch.object(mail_merge, "invite_attachment", wraps=invite_attachment) as building,
        contexts_kept(),
    ):
        in_batch = [signup_emails.signup_confirmed(signup, now=NOW) for signup in signups]
        built = building.call_count
    assert in_batch == alone
    assert built == 2  # once per language
    for signup, email in zip(signups, in_batch, strict=True):
        (vevent,) = icalendar.Calendar.from_ical(email.attachments[0].content).walk("VEVENT")
        assert str(vevent["attendee"]) == f"mailto:{signup.email}"
        assert "Ring twice." in str(vevent["description"])  # those with a place see it


def test_a_batch_keeps_one_invite_per_moment_and_place_held():
    event = LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2),
                              private_instructions="Ring twice.")  # fmt: skip
    confirmed = SignupFactory(event=event, state="confirmed", email="in@example.org")
    waiting = SignupFactory(event=event, state="waitlisted", email="wait@example.org")
    with contexts_kept():
        first = mail_merge.kept_invite(confirmed, now=NOW)
        later = mail_merge.kept_invite(confirmed, now=NOW + timedelta(seconds=1))
        not_held = mail_merge.kept_invite(waiting, now=NOW)
    assert "DTSTAMP:20300513T080000Z" in first.content
    assert "DTSTAMP:20300513T080001Z" in later.content
    assert "Ring twice." in first.content and "Ring twice." not in not_held.content


@pytest.mark.parametrize("kind", ["signup_confirmed", "promoted"])
def test_youre_in_is_composed_once_per_language_with_each_persons_sections(kind):
    """In a surge the "you're in" email is composed once per event and language (kept
    letters); each person's sections (here their check-in code and share link) are rendered
    into it, and nobody else's: each copy is the email composed for that person alone."""
    from turnout.checkin.codes import check_in_code, display_code

    event = LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))
    signups = [
        SignupFactory(event=event, name=name, email=f"person{n}@example.org", state="confirmed",
                      language=("en", "nl")[n % 2], referral_code=f"share{n:05d}")
        for n, name in enumerate(NAMES)
    ]  # fmt: skip
    alone = [getattr(signup_emails, f"_{kind}")(signup, now=NOW) for signup in signups]
    kept_letters.forget_all()
    try:
        with (
            mock.patch.object(signup_emails, "_compose", wraps=signup_emails._compose) as composing,
            contexts_kept(),
        ):
            in_batch = [getattr(signup_emails, kind)(signup, now=NOW) for signup in signups]
    finally:
        kept_letters.forget_all()
    assert in_batch == alone
    assert composing.call_count == 2  # once per language
    codes = [display_code(check_in_code(signup.token)) for signup in signups]
    for n, email in enumerate(in_batch):
        assert codes[n] in email.text and codes[n] in email.html
        assert f"share{n:05d}" in email.text
        others = [code for m, code in enumerate(codes) if m != n]
        assert not any(code in email.text + email.html for code in others)
