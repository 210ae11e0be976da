"""Titles and place names in the page's language wherever the public or a participant reads
them: "Londen" and the reviewed Dutch title on a Dutch page, not what the organizer typed."""

import html
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
from tests.press.factories import PressMentionFactory
from tests.signups.factories import SignupFactory
from turnout.demo.translations import store_reviewed
from turnout.translation.providers import NoProvider
from turnout.translation.sources import texts_of

pytestmark = pytest.mark.django_db


def reviewed_dutch(obj, field: str, dutch: str) -> None:
    source = next(s for s in texts_of(obj) if s.field == field)
    store_reviewed(source, dutch, reviewer=UserFactory(), provider=NoProvider())


def visible(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    markup = re.sub(
        r"<script.*?</script>|<style.*?</style>", " ", response.content.decode(), flags=re.S
    )
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", markup).split()))


@pytest.fixture
def london():
    campaign = CampaignFactory(title="Day of action", starts_on=date(2030, 5, 13))
    reviewed_dutch(campaign, "title", "Actiedag")
    event = LocalEventFactory(
        campaign=campaign, title="Vigil by the river", city="London", country="GB"
    )
    reviewed_dutch(event, "title", "Wake bij de rivier")
    return event


def test_the_press_link_form_names_its_subject_in_dutch(client, london):
    page = visible(client, f"/nl/press/submit/event/{london.pk}/")
    assert "Wake bij de rivier" in page and "Vigil by the river" not in page
    page = visible(client, f"/nl/press/submit/campaign/{london.campaign.slug}/")
    assert "Actiedag" in page and "Day of action" not in page


def test_coverage_names_the_city_and_campaign_in_dutch(client, london):
    PressMentionFactory(campaign=london.campaign, event=london)
    page = visible(client, "/nl/press/")
    assert "Londen" in page and "Actiedag" in page


def test_a_participants_own_page_is_in_dutch(client, london):
    signup = SignupFactory(event=london, language="nl")
    page = visible(client, f"/nl/signups/{signup.token}/")
    assert "Wake bij de rivier" in page and "Londen" in page
    assert "Vigil by the river" not in page and "London" not in page


def test_the_archive_names_past_cities_in_dutch(client):
    today = timezone.localdate()
    campaign = CampaignFactory(
        title="Day of action",
        starts_on=today - timedelta(days=40),
        ends_on=today - timedelta(days=40),
    )
    reviewed_dutch(campaign, "title", "Actiedag")
    for city, country in (("London", "GB"), ("Munich", "DE")):
        LocalEventFactory(campaign=campaign, city=city, country=country)
    page = visible(client, "/nl/archive/")
    assert "Actiedag" in page and "Londen" in page and "München" in page
    assert "Munich" not in page


def test_a_groups_city_is_in_dutch(client):
    national = NationalGroupFactory(name="Safe AI UK", slug="uk", country="GB")
    LocalGroupFactory(
        parent=national, name="Safe AI London", slug="london", city="London", country="GB"
    )
    assert "Londen" in visible(client, "/nl/groups/london/")
    assert "Londen" in visible(client, "/nl/groups/uk/")


def test_a_sign_up_buttons_city_for_screen_readers_is_in_dutch(client, london):
    response = client.get(f"/nl/campaigns/{london.campaign.slug}/")
    assert '<span class="visually-hidden"> (Londen)</span>' in response.content.decode()
