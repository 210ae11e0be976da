"""The confirmation request and the waitlist email, kept per event and language: each
person's copy is the email composed for them alone, and a change shows at once."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.branding.models import SiteSettings
from turnout.signups import emails, kept_letters
from turnout.signups.models import Signup, new_token

pytestmark = pytest.mark.django_db

NAMES = ["Zoë O'Brien & <Co>", "Иван Петров", "李雷", "Fatima Zahra El Idrissi", '"Quoted"']


@pytest.fixture(autouse=True)
def _nothing_kept():
    kept_letters.forget_all()
    yield
    kept_letters.forget_all()


@pytest.fixture
def event(db):
    return LocalEventFactory(title="Fietsdemo Gent", city="Gent", venue="Vrijdagmarkt")


def person(event, name: str, *, language: str = "en", state=Signup.State.AWAITING_CONFIRMATION):
    return Signup(
        event=event, name=name, email="p@example.org", language=language, token=new_token(),
        state=state, accepted_code_of_conduct=True,
    )  # fmt: skip


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    ("kept", "fresh", "state"),
    [
        (emails.confirmation_request, emails._confirmation_request, "awaiting_confirmation"),
        (emails.waitlisted, emails._waitlisted, "waitlisted"),
    ],
)
def test_each_copy_is_the_email_composed_for_that_person_alone(event, language, kept, fresh, state):
    for name in NAMES:
        signup = person(event, name, language=language, state=state)
        assert kept(signup) == fresh(signup)
    assert len(kept_letters._kept) == 1  # one letter served them all


def test_a_saved_change_to_the_event_shows_in_the_next_email(event):
    emails.confirmation_request(person(event, "Ana"))
    event.title = "Fietsdemo Brugge"
    event.save()
    email = emails.confirmation_request(person(event, "Ben"))
    assert "Fietsdemo Brugge" in email.subject
    assert "Fietsdemo Brugge" in email.text
    assert "Fietsdemo Gent" not in email.html


def test_a_new_cover_or_its_new_alt_text_shows_in_the_next_email(event):
    from turnout.covers.models import CoverImage

    emails.confirmation_request(person(event, "Ana"))
    cover = CoverImage.objects.create(
        event=event, alt_text="Fietsers op de Vrijdagmarkt", width=1200, height=675,
        original="covers/x/original.jpg", email_file="covers/x/email.jpg",
    )  # fmt: skip
    event = type(event).objects.select_related("cover").get(pk=event.pk)
    assert "Fietsers op de Vrijdagmarkt" in emails.confirmation_request(person(event, "Ben")).html
    cover.alt_text = "Fietsers bij het Belfort"
    cover.save()
    event = type(event).objects.select_related("cover").get(pk=event.pk)
    html = emails.confirmation_request(person(event, "Cas")).html
    assert "Fietsers bij het Belfort" in html and 'Vrijdagmarkt"' not in html


def test_a_new_brand_shows_in_the_next_email(event):
    emails.confirmation_request(person(event, "Ana"))
    SiteSettings.objects.create(name="Klimaatmars")
    SiteSettings.forget_cached()
    assert "Klimaatmars" in emails.confirmation_request(person(event, "Ben")).html


def test_events_and_languages_have_letters_of_their_own(event):
    other = LocalEventFactory(title="Climate walk Leeds")
    assert "Fietsdemo Gent" in emails.confirmation_request(person(event, "Ana")).subject
    assert "Climate walk Leeds" in emails.confirmation_request(person(other, "Ana")).subject
    dutch = emails.confirmation_request(person(event, "Ana", language="nl"))
    assert (
        dutch.language == "nl"
        and dutch.text != emails._confirmation_request(person(event, "Ana")).text
    )


def test_at_most_so_many_letters_are_kept(event, monkeypatch):
    monkeypatch.setattr(kept_letters, "MOST_KEPT", 2)
    for title in ["A", "B", "C"]:
        event.title = title
        emails.confirmation_request(person(event, "Ana"))
    assert len(kept_letters._kept) == 2


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=150).filter(lambda text: "\r" not in text and "\n" not in text))
def test_any_name_gets_the_same_email_as_composed_alone(event, name):
    signup = person(event, name)
    assert emails.confirmation_request(signup) == emails._confirmation_request(signup)


def test_a_kept_youre_in_shows_a_changed_safety_block_at_once(event):
    """The campaign's safety defaults for the country fill the block people holding a place
    see: changed, the next "you're in" is composed anew."""
    from datetime import UTC, datetime

    from turnout.campaigns.models import SafetyDefaults

    now = datetime(2030, 5, 1, tzinfo=UTC)
    event.country = "BE"
    event.save()
    confirmed = person(event, "Ada", state=Signup.State.CONFIRMED)
    defaults = SafetyDefaults.objects.create(
        campaign=event.campaign, country="BE", legal_support_line="+32 2 000 00 01"
    )
    assert "+32 2 000 00 01" in emails.signup_confirmed(confirmed, now=now).text
    defaults.legal_support_line = "+32 2 000 00 02"
    defaults.save()
    again = emails.signup_confirmed(confirmed, now=now)
    assert "+32 2 000 00 02" in again.text and "+32 2 000 00 01" not in again.text
    assert again == emails._signup_confirmed(confirmed, now=now)
