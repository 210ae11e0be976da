"""A participant's emails show the event's title and public meeting point as its page does in
their language (a reviewed or machine translation where there is one), in the subject, the
body and the calendar invite; what only participants see stays in the organizer's words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.demo.translations import store_reviewed
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.signups import kept_letters
from turnout.signups.models import Signup
from turnout.translation.providers import NoProvider
from turnout.translation.sources import texts_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = LocalEventFactory(
        title="March for a pause", city="Utrecht", venue="Neude", capacity=10,
        meeting_point="By the fountain", private_instructions="Bring your own sign.",
    )  # fmt: skip
    reviewer = UserFactory()
    for field, dutch in (("title", "Mars voor een pauze"), ("meeting_point", "Bij de fontein")):
        source = next(s for s in texts_of(event) if s.field == field)
        store_reviewed(source, dutch, reviewer=reviewer, provider=NoProvider())
    return event


def owed(event, letter: str, *languages: str) -> list[Signup]:
    state = Signup.State.WAITLISTED if letter == Signup.Letter.WAITLISTED else "confirmed"
    people = [
        SignupFactory(event=event, language=language, email=f"p{n}-{language}@example.org",
                      state=state)
        for n, language in enumerate(languages)
    ]  # fmt: skip
    Signup.objects.filter(pk__in=[p.pk for p in people]).update(letter_due=letter)
    return people


def invite_summary(message: OutboxMessage) -> str:
    (attachment,) = message.attachments
    (vevent,) = Calendar.from_ical(attachment["content"]).walk("VEVENT")
    return str(vevent["SUMMARY"])


def test_youre_in_is_in_the_participants_language_but_their_private_briefing(event):
    dutch, english = owed(event, Signup.Letter.CONFIRMED, "nl", "en")
    outbox.write_owed_letters()

    to_dutch = OutboxMessage.objects.get(to_email=dutch.email)
    assert "Mars voor een pauze" in to_dutch.subject
    assert (
        "Mars voor een pauze" in to_dutch.body_text and "Mars voor een pauze" in to_dutch.body_html
    )
    assert "Bring your own sign." in to_dutch.body_text  # never sent to a translator
    assert invite_summary(to_dutch) == "Mars voor een pauze"

    to_english = OutboxMessage.objects.get(to_email=english.email)
    assert "March for a pause" in to_english.subject and "Mars" not in to_english.body_text
    assert invite_summary(to_english) == "March for a pause"


def test_the_waitlist_sees_the_public_meeting_point_translated(event):
    (dutch,) = owed(event, Signup.Letter.WAITLISTED, "nl")
    outbox.write_owed_letters()
    message = OutboxMessage.objects.get(to_email=dutch.email)
    assert "Bij de fontein" in message.body_text
    assert "Bring your own sign." not in message.body_text  # only for people with a place


def test_a_batch_asks_for_an_events_translations_once_however_many_write(event):
    def translation_queries(*languages: str) -> int:
        owed(event, Signup.Letter.CONFIRMED, *languages)
        with CaptureQueriesContext(connection) as queries:
            outbox.write_owed_letters()
        return sum("translation_translation" in query["sql"] for query in queries)

    one = translation_queries("nl")
    OutboxMessage.objects.all().delete()
    Signup.objects.all().delete()
    kept_letters.forget_all()  # else the second batch composes nothing at all
    assert translation_queries("nl", "nl", "nl", "nl") == one
