"""A group's page offers its calendar feed and its embeddable widget, like a campaign's."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from icalendar import Calendar

from tests.factories import LocalEventFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 6, 1, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def utrecht(db):
    national = NationalGroupFactory(name="PauseAI Nederland", slug="pauseai-nl", country="NL")
    local = LocalGroupFactory(parent=national, name="PauseAI Utrecht", slug="utrecht")
    LocalEventFactory(
        group=local, city="Utrecht", title="Vigil in Utrecht",
        starts_at=NOW + timedelta(days=3), ends_at=NOW + timedelta(days=3, hours=2),
    )  # fmt: skip
    return local


@pytest.mark.parametrize(
    ("language", "subscribe"),
    [
        ("en", "Subscribe to this group's events in your calendar"),
        ("nl", "Abonneer je in je agenda op de evenementen van deze groep"),
    ],
)
def test_group_page_links_its_feed_and_widget(client, utrecht, language, subscribe):
    text = client.get(f"/{language}/groups/utrecht/").content.decode()
    assert f'href="webcal://127.0.0.1:8000/feeds/groups/utrecht.ics?lang={language}"' in text
    assert subscribe in text.replace("&#x27;", "'")
    assert f'href="/embed/groups/utrecht/?lang={language}"' in text
    assert f"/embed/groups/utrecht/?lang={language}&quot;" in text  # the snippet to copy


def test_the_linked_feed_and_widget_list_the_groups_events(client, utrecht):
    feed = client.get("/feeds/groups/utrecht.ics?lang=en")
    titles = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert titles == ["Vigil in Utrecht"]
    widget = client.get("/embed/groups/utrecht/?lang=en").content.decode()
    assert f'href="http://127.0.0.1:8000/en/events/{utrecht.events.get().pk}/"' in widget


def test_a_national_groups_feed_and_widget_include_its_local_groups_events(client, utrecht):
    feed = client.get("/feeds/groups/pauseai-nl.ics?lang=en")
    titles = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert titles == ["Vigil in Utrecht"]
    widget = client.get("/embed/groups/pauseai-nl/?lang=en").content.decode()
    assert f'href="http://127.0.0.1:8000/en/events/{utrecht.events.get().pk}/"' in widget
