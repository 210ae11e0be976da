"""The campaign page's cache: its events and map, and the whole page for visitors without cookies.

Served from the cache, renewed by any change; a visitor with a cookie gets a page of their own.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns import page_cache
from turnout.campaigns.models import LocalEvent
from turnout.press.services import record_known_mention

pytestmark = pytest.mark.django_db

BEFORE = datetime(2030, 5, 1, 12, tzinfo=ZoneInfo("UTC"))
PAGE = "/en/campaigns/may/"


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.TURNOUT_PAGE_CACHE_SECONDS = 300
    settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS = 10


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(slug="may", starts_on=date(2030, 5, 13))
    LocalEventFactory(campaign=campaign, city="Utrecht", country="NL")
    LocalEventFactory(
        campaign=campaign, city="Lyon", country="FR", timezone="Europe/Paris",
        signup_url="https://lu.ma/lyon",
    )  # fmt: skip
    return campaign


def events_queries(queries) -> list[str]:
    """Queries that load the events' rows (not the aggregate behind the cache key)."""
    return [
        q["sql"] for q in queries
        if q["sql"].startswith('SELECT "campaigns_localevent"."id"') and "ORDER BY" in q["sql"]
    ]  # fmt: skip


def get_text(client, path: str = PAGE) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@time_machine.travel(BEFORE, tick=False)
def test_second_visit_is_served_from_the_cache_without_loading_the_events(client, campaign):
    first = get_text(client)
    with CaptureQueriesContext(connection) as queries:
        second = get_text(client)
    assert second == first
    assert "Utrecht" in second and "Lyon" in second
    assert events_queries(queries.captured_queries) == []


@time_machine.travel(BEFORE, tick=False)
def test_an_edited_event_shows_at_once_even_within_one_clock_tick(client, campaign):
    assert "Utrecht" in get_text(client)
    event = campaign.events.get(city="Utrecht")
    event.city = "Amersfoort"
    event.save()
    text = get_text(client)
    assert "Amersfoort" in text and "Utrecht" not in text


@time_machine.travel(BEFORE, tick=False)
def test_added_and_deleted_events_show_at_once(client, campaign):
    get_text(client)
    LocalEventFactory(campaign=campaign, city="Gent", country="BE", timezone="Europe/Brussels")
    assert "Gent" in get_text(client)
    campaign.events.get(city="Lyon").delete()
    text = get_text(client)
    assert "Lyon" not in text and "Gent" in text


@time_machine.travel(BEFORE, tick=False)
def test_a_change_made_in_another_process_shows_through_the_database_version(client, campaign):
    client.cookies["consent"] = "x"  # a visitor with a cookie: the page is rendered for them
    get_text(client)
    # Another web process saved it: this process's cache heard no signal, the row changed.
    LocalEvent.objects.filter(city="Utrecht").update(
        city="Zwolle", updated_at=BEFORE + timedelta(seconds=1)
    )
    assert "Zwolle" in get_text(client)


def test_a_change_in_another_process_reaches_visitors_without_cookies_within_seconds(
    client, campaign
):
    with time_machine.travel(BEFORE, tick=False) as traveller:
        get_text(client)
        LocalEvent.objects.filter(city="Utrecht").update(
            city="Zwolle", updated_at=BEFORE + timedelta(seconds=1)
        )
        assert "Zwolle" not in get_text(client)  # the whole page, kept a few seconds
        traveller.shift(timedelta(seconds=11))
        assert "Zwolle" in get_text(client)


def test_the_campaign_window_passing_turns_the_list_into_the_record(client, campaign):
    with time_machine.travel(BEFORE, tick=False):
        assert 'id="events-heading">Local events<' in get_text(client)
    with time_machine.travel(datetime(2030, 6, 1, tzinfo=ZoneInfo("UTC")), tick=False):
        assert 'id="events-heading">Where we stood<' in get_text(client)


def test_a_campaign_saved_in_another_process_gets_a_new_version(campaign):
    today, now = BEFORE.date(), BEFORE
    before = page_cache.content_version(campaign, today=today, now=now)
    type(campaign).objects.filter(pk=campaign.pk).update(updated_at=BEFORE + timedelta(hours=1))
    campaign.refresh_from_db()
    assert page_cache.content_version(campaign, today=today, now=now) != before


def test_an_event_that_ends_while_cached_no_longer_offers_its_signup(client, campaign):
    with time_machine.travel(BEFORE, tick=False):
        assert "Sign up on lu.ma" in get_text(client)
    lyon = campaign.events.get(city="Lyon")
    with time_machine.travel(lyon.ends_at + timedelta(minutes=1), tick=False):
        text = get_text(client)
    assert "Took place" in text
    assert "Sign up on lu.ma" not in text


@time_machine.travel(BEFORE, tick=False)
def test_each_language_has_its_own_cached_fragment(client, campaign):
    assert "France" in get_text(client)
    text = get_text(client, "/nl/campaigns/may/")
    assert "Frankrijk" in text and "France" not in text
    assert '<html lang="nl">' in text


def test_a_change_behind_the_models_back_shows_after_the_cache_lifetime(client, campaign, settings):
    settings.TURNOUT_PAGE_CACHE_SECONDS = 60
    with time_machine.travel(BEFORE, tick=False) as traveller:
        get_text(client)
        LocalEvent.objects.filter(city="Utrecht").update(city="Zwolle")  # no updated_at, no signal
        assert "Zwolle" not in get_text(client)
        traveller.shift(timedelta(seconds=61))
        assert "Zwolle" in get_text(client)


@time_machine.travel(BEFORE, tick=False)
def test_zero_seconds_turns_the_cache_off(client, campaign, settings):
    settings.TURNOUT_PAGE_CACHE_SECONDS = 0
    get_text(client)
    with CaptureQueriesContext(connection) as queries:
        assert "Utrecht" in get_text(client)
    assert events_queries(queries.captured_queries) != []
    stored = [key for key in cache._cache if f"{page_cache.KEY_PREFIX}:" in key]  # noqa: SLF001
    assert stored == []


@time_machine.travel(BEFORE, tick=False)
def test_a_visitor_without_cookies_gets_the_stored_page_without_a_query(client, campaign):
    first = client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(PAGE)
    assert second.content == first.content
    assert queries.captured_queries == []
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert "Cookie" in second["Vary"]
    assert "Content-Security-Policy" in second and second["X-Content-Type-Options"] == "nosniff"


@time_machine.travel(BEFORE, tick=False)
def test_an_event_change_shows_at_once_on_the_stored_page_too(client, campaign):
    get_text(client)
    lyon = campaign.events.get(city="Lyon")
    lyon.status = LocalEvent.Status.CANCELLED
    lyon.save()
    assert "Cancelled" in get_text(client)


def test_coverage_shows_on_the_stored_page_within_its_seconds(client, campaign):
    with time_machine.travel(BEFORE, tick=False) as traveller:
        get_text(client)
        record_known_mention(
            url="https://news.example/pause", outlet="Daily Example", title="Pause now",
            campaign=campaign,
        )  # fmt: skip
        assert "Daily Example" not in get_text(client)
        traveller.shift(timedelta(seconds=11))
        assert "Daily Example" in get_text(client)


@time_machine.travel(BEFORE, tick=False)
def test_a_visitor_with_a_cookie_gets_a_page_of_their_own(client, campaign):
    get_text(client)
    record_known_mention(
        url="https://news.example/pause", outlet="Daily Example", title="Pause now",
        campaign=campaign,
    )  # fmt: skip
    client.force_login(UserFactory(is_staff=True))
    text = get_text(client)
    assert "Daily Example" in text  # rendered for them, not the stored page
    with CaptureQueriesContext(connection) as queries:
        get_text(client)
    assert events_queries(queries.captured_queries) == []  # the events part still comes cached


@time_machine.travel(BEFORE, tick=False)
def test_zero_seconds_turns_only_the_whole_page_off(client, campaign, settings):
    settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS = 0
    get_text(client)
    with CaptureQueriesContext(connection) as queries:
        get_text(client)
    assert len(queries.captured_queries) > 1  # rendered again ...
    assert events_queries(queries.captured_queries) == []  # ... around the cached events


@time_machine.travel(BEFORE, tick=False)
def test_a_draft_is_never_kept_for_the_public(client, campaign):
    campaign.status = "draft"
    campaign.save()
    assert client.get(PAGE).status_code == 404
    assert client.get(PAGE).status_code == 404
    campaign.status = "published"
    campaign.save()
    assert client.get(PAGE).status_code == 200
