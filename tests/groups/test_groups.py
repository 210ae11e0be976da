"""Groups: the directory by country, a group's page, and its leads keeping it current."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tests.factories import LocalEventFactory, UserFactory
from tests.groups.factories import ChannelFactory, LocalGroupFactory, NationalGroupFactory
from turnout.groups.models import Group
from turnout.groups.services import ChannelEntry, update_group_page

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 6, 1, 12, tzinfo=ZoneInfo("UTC"))


@pytest.fixture
def netherlands(db):
    national = NationalGroupFactory(name="PauseAI Nederland", slug="pauseai-nl", country="NL")
    ChannelFactory(group=national, kind="discord", address="https://discord.gg/AbCd123", position=0)
    ChannelFactory(group=national, kind="email", address="hallo@example.org", position=1)
    utrecht = LocalGroupFactory(
        parent=national, name="PauseAI Utrecht", slug="utrecht", city="Utrecht"
    )
    LocalGroupFactory(
        parent=national, name="PauseAI Delft", slug="delft", city="Delft", is_active=False
    )
    NationalGroupFactory(name="PauseAI Deutschland", slug="pauseai-de", country="DE")
    return national, utrecht


def test_a_local_group_belongs_to_a_national_one():
    national = NationalGroupFactory()
    with pytest.raises(ValidationError):
        Group(kind="local", name="X", slug="x", country="NL", city="Ede").full_clean()
    with pytest.raises(ValidationError):
        Group(kind="local", name="X", slug="x", country="NL", parent=national).full_clean()
    Group(kind="local", name="X", slug="x", country="NL", city="Ede", parent=national).full_clean()


def test_directory_lists_groups_by_country_in_the_readers_language(client, netherlands):
    text = client.get("/en/groups/").content.decode()
    assert text.index("Germany") < text.index("Netherlands")
    assert "PauseAI Utrecht" in text and "part of PauseAI Nederland" in text
    assert "Not active at the moment" in text  # Delft
    dutch = client.get("/nl/groups/").content.decode()
    assert dutch.index("Duitsland") < dutch.index("Nederland</h2>")


@time_machine.travel(NOW, tick=False)
def test_group_page_shows_channels_local_groups_and_events(client, netherlands):
    national, utrecht = netherlands
    LocalEventFactory(
        group=utrecht, city="Utrecht", title="Vigil in Utrecht",
        starts_at=NOW + timedelta(days=3), ends_at=NOW + timedelta(days=3, hours=2),
    )  # fmt: skip
    LocalEventFactory(
        group=national, city="Rotterdam", title="Protest at the port",
        starts_at=NOW - timedelta(days=30), ends_at=NOW - timedelta(days=30, hours=-2),
    )  # fmt: skip
    LocalEventFactory(
        group=national,
        title="Still a proposal",
        status="proposed",
        starts_at=NOW + timedelta(days=5),
        ends_at=NOW + timedelta(days=5, hours=1),
    )
    text = client.get("/en/groups/pauseai-nl/").content.decode()
    assert 'href="https://discord.gg/AbCd123"' in text
    assert 'href="mailto:hallo@example.org"' in text
    assert text.index("Discord") < text.index("hallo@example.org")
    assert "PauseAI Utrecht" in text
    upcoming, past = text.split('id="upcoming-heading"')[1].split('id="past-heading"')
    assert "Utrecht" in upcoming and "Rotterdam" in past
    assert "Still a proposal" not in text
    assert "Edit the group page" not in text


def test_leads_edit_their_group_and_channels(client, netherlands):
    national, utrecht = netherlands
    lead = UserFactory()
    national.leads.add(lead)  # a national lead also looks after local groups
    client.force_login(lead)
    assert "Edit the group page" in client.get("/en/groups/utrecht/").content.decode()
    response = client.post(
        "/en/groups/utrecht/edit/",
        {
            "name": "PauseAI Utrecht",
            "city": "Utrecht",
            "description": "We meet **monthly**.",
            "is_active": "on",
            "channels-TOTAL_FORMS": 3,
            "channels-INITIAL_FORMS": 0,
            "channels-0-kind": "whatsapp",
            "channels-0-address": "chat.whatsapp.com/AbCdEfGhIjK123",
            "channels-1-kind": "telegram",
            "channels-1-address": "https://t.me/pauseai_utrecht",
            "channels-1-label": "Announcements",
        },  # fmt: skip
    )
    assert response.status_code == 302
    channels = list(utrecht.channels.values_list("kind", "address", "label", "position"))
    assert channels == [
        ("whatsapp", "https://chat.whatsapp.com/AbCdEfGhIjK123", "", 0),
        ("telegram", "https://t.me/pauseai_utrecht", "Announcements", 1),
    ]
    page = client.get("/en/groups/utrecht/").content.decode()
    assert "<strong>monthly</strong>" in page and "Telegram: Announcements" in page


def test_a_wrong_link_is_explained_and_nothing_is_saved(client, netherlands):
    national, _utrecht = netherlands
    lead = UserFactory()
    national.leads.add(lead)
    client.force_login(lead)
    response = client.post(
        "/nl/groups/pauseai-nl/edit/",
        {
            "name": "Renamed",
            "city": "",
            "description": "",
            "is_active": "on",
            "channels-TOTAL_FORMS": 1,
            "channels-INITIAL_FORMS": 0,
            "channels-0-kind": "whatsapp",
            "channels-0-address": "https://wa.me/31612345678",
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert "Dit is geen link naar WhatsApp" in response.content.decode()
    national.refresh_from_db()
    assert national.name == "PauseAI Nederland" and national.channels.count() == 2


def test_only_leads_edit_a_group(client, netherlands):
    national, utrecht = netherlands
    local_lead = UserFactory()
    utrecht.leads.add(local_lead)
    assert client.get("/en/groups/utrecht/edit/").status_code == 302
    client.force_login(local_lead)
    assert client.get("/en/groups/utrecht/edit/").status_code == 200
    assert client.get("/en/groups/pauseai-nl/edit/").status_code == 403  # not the national one


def test_saving_a_group_page_is_all_or_nothing(netherlands):
    national, _utrecht = netherlands
    with pytest.raises(ValidationError):
        update_group_page(
            group=national, name="New name", city="", description="", is_active=True,
            channels=[ChannelEntry("discord", "https://discord.gg/New123"),
                      ChannelEntry("signal", "https://example.org/")],
        )  # fmt: skip
    national.refresh_from_db()
    assert national.name == "PauseAI Nederland"
    assert list(national.channels.values_list("kind", flat=True)) == ["discord", "email"]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_group_pages_render_in_both_languages(client, netherlands, language):
    for path in ["groups/", "groups/pauseai-nl/", "groups/utrecht/"]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
    assert client.get(f"/{language}/groups/nope/").status_code == 404
