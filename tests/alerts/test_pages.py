"""The one-click page behind every alert's link, and a signed-in person's alert settings."""

import re

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, UserFactory
from turnout.alerts.models import AlertPreference
from turnout.alerts.preferences import preferences_with_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def olga(event):
    return event.organizers.get(email="olga@example.org")


@pytest.fixture
def signups_row(olga):
    return preferences_with_tokens([olga], kind="signups")[olga.pk]


def test_opening_the_link_changes_nothing(client, signups_row):
    response = client.get(f"/en/alerts/{signups_row.token}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "New signups, for every event you organize" in page
    assert "Stop these emails" in page
    assert re.search(r'value="daily"[^>]*checked', page)  # the default, shown as chosen
    signups_row.refresh_from_db()
    assert signups_row.frequency == ""  # still the default
    client.head(f"/en/alerts/{signups_row.token}/")
    signups_row.refresh_from_db()
    assert signups_row.frequency == ""


def test_one_click_stops_them_without_signing_in(client, signups_row):
    response = client.post(f"/en/alerts/{signups_row.token}/", {"stop": "1"}, follow=True)
    assert "You will not get these emails any more." in response.content.decode()
    signups_row.refresh_from_db()
    assert signups_row.frequency == "off"


def test_the_page_changes_how_often_and_in_dutch_too(client, signups_row):
    prefix = "signups-0-frequency"
    response = client.post(f"/nl/alerts/{signups_row.token}/", {prefix: "hourly"}, follow=True)
    page = response.content.decode()
    assert "Opgeslagen." in page
    assert "Stop deze e-mails" in page
    signups_row.refresh_from_db()
    assert signups_row.frequency == "hourly"


@pytest.mark.parametrize("token", ["nope", "x" * 200, "%00", "..%2F"])
def test_an_unknown_token_is_not_found(client, token, signups_row):
    assert client.get(f"/en/alerts/{token}/").status_code == 404
    assert client.post(f"/en/alerts/{token}/", {"stop": "1"}).status_code == 404


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.one_of(st.sampled_from(["immediately", "daily", "off", ""]), st.text(max_size=30)))
def test_whatever_is_posted_a_choice_is_one_the_kind_offers(client, signups_row, value):
    with translation.override("en"):
        response = client.post(f"/en/alerts/{signups_row.token}/", {"signups-0-frequency": value})
    assert response.status_code in (200, 302)
    signups_row.refresh_from_db()
    assert signups_row.effective_frequency in ("daily", "hourly", "off")


def test_settings_list_the_campaigns_coordinated_and_the_events_organized(client, campaign, event):
    coco = campaign.coordinators.get(email="coco@example.org")
    event.organizers.add(coco)
    CampaignFactory(title="Somebody else's campaign")
    client.force_login(coco)
    page = client.get("/en/alerts/").content.decode()
    assert "May action" in page and "March in Utrecht" in page
    assert "Somebody else" not in page
    assert "New signups" in page and "Event nearly full" in page
    prefix = f"proposals-{campaign.pk}-frequency"
    client.post("/en/alerts/", {"kind": "proposals", "campaign": campaign.pk, prefix: "daily"})
    row = AlertPreference.objects.get(user=coco, kind="proposals", campaign=campaign)
    assert row.frequency == "daily"
    client.post("/en/alerts/", {"kind": "nearly_full", "nearly_full-0-frequency": "off"})
    assert AlertPreference.objects.get(user=coco, kind="nearly_full").frequency == "off"


def test_a_person_cannot_choose_for_a_campaign_they_do_not_coordinate(client, campaign):
    stranger = UserFactory()
    client.force_login(stranger)
    prefix = f"proposals-{campaign.pk}-frequency"
    response = client.post(
        "/en/alerts/", {"kind": "proposals", "campaign": campaign.pk, prefix: "off"}
    )
    assert response.status_code == 404
    for campaign_id in ("abc", "", "1.5", "-1", "99999999999999999999"):
        data = {"kind": "proposals", "campaign": campaign_id, prefix: "off"}
        assert client.post("/en/alerts/", data).status_code == 404
    assert client.post("/en/alerts/", {"kind": "nonsense"}).status_code == 404
    assert not AlertPreference.objects.exists()
    assert "there are no alerts to choose" in client.get("/en/alerts/").content.decode()


def test_settings_need_a_sign_in_and_the_dashboard_links_them(client, olga):
    assert client.get("/en/alerts/").status_code == 302
    client.force_login(olga)
    assert 'href="/en/alerts/"' in client.get("/en/dashboard/").content.decode()
    assert "E-mailmeldingen" in client.get("/nl/dashboard/").content.decode()


def test_an_administrator_sees_the_choices_but_not_their_secret(client, signups_row):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    for path in ("alertpreference", "proposalwait", "nearlyfullnote"):
        assert client.get(f"/admin/alerts/{path}/").status_code == 200
    page = client.get(f"/admin/alerts/alertpreference/{signups_row.pk}/change/").content.decode()
    assert "olga@example.org" in page or "Olga" in page
    assert signups_row.token not in page
