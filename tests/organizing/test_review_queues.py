"""The review queues are back-office pages under press's and media's names, in both languages."""

import pytest
from django.urls import resolve, reverse

from tests.factories import LocalEventFactory, UserFactory
from tests.media.test_views import add_photo
from tests.press.factories import PressMentionFactory
from tests.signups.factories import SignupFactory
from turnout.press.models import PressMention

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return LocalEventFactory(city="Utrecht", title="Protest <b>Utrecht</b>")


@pytest.fixture
def coordinator(event):
    person = UserFactory()
    event.campaign.coordinators.add(person)
    return person


@pytest.mark.parametrize(
    ("name", "kwargs", "module"),
    [
        ("press:review", {}, "turnout.organizing.review_queues"),
        ("press:review_mention", {"pk": 1}, "turnout.organizing.review_queues"),
        ("media:review", {}, "turnout.organizing.review_queues"),
        ("signups:attendee_list", {"pk": 1}, "turnout.organizing.attendees"),
        ("signups:attendee_export", {"pk": 1}, "turnout.organizing.attendees"),
        ("signups:attendee_message", {"pk": 1}, "turnout.organizing.attendees"),
        ("signups:attendance", {"pk": 1}, "turnout.organizing.attendees"),
    ],
)
def test_the_pages_keep_their_names_and_live_in_organizing(name, kwargs, module):
    assert resolve(reverse(name, kwargs=kwargs)).func.__module__ == module


def test_the_press_queue_in_dutch_publishes_a_hostile_title_escaped(client, event, coordinator):
    mention = PressMentionFactory(
        campaign=event.campaign, title="<script>x</script> Één", state="pending"
    )
    client.force_login(coordinator)
    text = client.get("/nl/press/review/").content.decode()
    assert "Perslinks om te beoordelen" in text and "Publiceren" in text
    assert "<script>x</script>" not in text
    prefix = f"m{mention.pk}"
    response = client.post(
        f"/nl/press/review/{mention.pk}/",
        {
            f"{prefix}-outlet": "NRC",
            f"{prefix}-title": mention.title,
            f"{prefix}-language": "nl",
            f"{prefix}-kind": "article",
            "decision": "approve",
        },
        follow=True,
    )
    mention.refresh_from_db()
    assert mention.state == PressMention.State.APPROVED
    assert "Gepubliceerd:" in response.content.decode()
    assert "Er wacht geen perslink op beoordeling." in response.content.decode()


def test_the_photo_queue_in_dutch(client, event, coordinator):
    client.force_login(coordinator)
    assert "Er wacht geen foto op beoordeling." in client.get("/nl/photos/review/").content.decode()
    organizer = UserFactory()
    event.organizers.add(organizer)
    photo = add_photo(event, organizer, alt_text="")
    text = client.get("/nl/photos/review/").content.decode()
    assert "Foto&#x27;s om te beoordelen" in text or "Foto's om te beoordelen" in text
    assert f'action="/nl/photos/{photo.pk}/describe/"' in text


def test_the_attendee_list_in_dutch(client, event):
    organizer = UserFactory()
    event.organizers.add(organizer)
    SignupFactory(event=event, name="Zoë <i>de</i> Vries", email="zoe@example.org")
    client.force_login(organizer)
    text = client.get(f"/nl/signups/events/{event.pk}/attendees/").content.decode()
    assert "Aanmeldingen" in text and "1 aanmelding in totaal." in text
    assert "Downloaden als CSV" in text and "<i>de</i>" not in text
