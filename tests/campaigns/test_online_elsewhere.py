"""Pages outside the campaign's own that name an event's place say "Online" for an online
event, never an empty place or a stray comma, and never show its meeting link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory
from tests.press.factories import PressMentionFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.notifications.models import OutboxMessage

from ..signups.test_privacy import privacy_link

pytestmark = pytest.mark.django_db
LINK = "https://meet.jit.si/online-teach-in-4821"


@pytest.fixture
def online_event():
    today = timezone.now().date()
    campaign = CampaignFactory(
        slug="teach-in", starts_on=today + timedelta(days=5), ends_on=today + timedelta(days=6)
    )
    return LocalEventFactory(
        campaign=campaign, title="Online teach-in", city="", country="", venue="",
        attendance_mode=LocalEvent.AttendanceMode.ONLINE, meeting_url=LINK,
        timezone="Europe/Amsterdam",
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=2),
    )  # fmt: skip


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_widget_says_online(client, online_event, language):
    html = client.get(f"/embed/campaigns/teach-in/?lang={language}").content.decode()
    assert "Online</a>" in html and ", </a>" not in html and LINK not in html


def test_press_coverage_of_an_online_event_names_it_online(client, online_event):
    PressMentionFactory(campaign=online_event.campaign, event=online_event, title="Teach-in")
    html = client.get("/en/press/").content.decode()
    assert f'{online_event.get_absolute_url()}">Online</a>' in html
    assert LINK not in html


def test_the_privacy_page_shows_no_empty_place(client, online_event):
    SignupFactory(email="ada@example.org", event=online_event)
    client.post("/en/signups/privacy/", {"email": "ada@example.org"})
    html = client.get(privacy_link("ada@example.org")).content.decode()
    assert "Online teach-in</li>" in html and "()" not in html
    assert OutboxMessage.objects.filter(to_email="ada@example.org").count() == 1


def test_the_place_label_is_online_or_the_city():
    assert LocalEvent(attendance_mode=LocalEvent.AttendanceMode.ONLINE).place_label == "Online"
    assert LocalEvent(city="Ghent").place_label == "Ghent"
