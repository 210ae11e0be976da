"""Domain rules of campaigns and local events."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory
from tests.press.factories import PressMentionFactory
from turnout.campaigns import selectors, services
from turnout.campaigns.listing import signup_action
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.platforms import Platform
from turnout.campaigns.signals import event_cancelled, event_rescheduled
from turnout.press.selectors import public_mentions

pytestmark = pytest.mark.django_db
Status = LocalEvent.Status


def test_reach_counts_distinct_cities_and_countries_of_taking_part_events():
    campaign = CampaignFactory()
    for city, country in [("London", "GB"), ("Oxford", "GB"), ("Paris", "FR"), ("Oslo", "NO")]:
        LocalEventFactory(campaign=campaign, city=city, country=country)
    LocalEventFactory(campaign=campaign, city="london", country="GB")  # same city, other case
    LocalEventFactory(campaign=campaign, city="Milan", country="IT", status=Status.DETAILS_TBA)
    LocalEventFactory(campaign=campaign, city="Rome", country="IT", status=Status.COMPLETED)

    assert selectors.campaign_reach(campaign) == selectors.Reach(cities=6, countries=4)


@pytest.mark.parametrize("status", [Status.REJECTED, Status.CANCELLED, Status.PROPOSED])
def test_reach_ignores_events_that_do_not_take_part(status):
    campaign = CampaignFactory()
    LocalEventFactory(campaign=campaign, city="Paris", country="FR")
    LocalEventFactory(campaign=campaign, city="Berlin", country="DE", status=status)

    assert selectors.campaign_reach(campaign) == selectors.Reach(cities=1, countries=1)


def test_same_city_name_in_two_countries_counts_twice():
    campaign = CampaignFactory()
    LocalEventFactory(campaign=campaign, city="Portland", country="US")
    LocalEventFactory(campaign=campaign, city="Portland", country="AU")

    assert selectors.campaign_reach(campaign) == selectors.Reach(cities=2, countries=2)


def test_event_that_ends_before_it_starts_is_refused_by_validation_and_database():
    event = LocalEventFactory.build(campaign=CampaignFactory())
    event.ends_at = event.starts_at - timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "An event cannot end before it starts." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()
    assert not LocalEvent.objects.exists()


def test_campaign_with_inverted_window_is_refused_by_validation_and_database():
    campaign = CampaignFactory.build(starts_on=date(2024, 11, 22), ends_on=date(2024, 11, 20))
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "The last day cannot be before the first day." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        campaign.save()


def test_unknown_time_zone_and_country_are_refused_with_a_clear_message():
    event = LocalEventFactory.build(campaign=CampaignFactory(), country="XX")
    event.timezone = "Mars/Olympus"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "time zone" in error.value.message_dict["timezone"][0]
    assert "country code" in error.value.message_dict["country"][0]


def test_signup_platform_follows_the_signup_link():
    event = LocalEventFactory(signup_url="https://lu.ma/qtlk8l6y")
    assert event.signup_platform == Platform.LUMA
    event.signup_url = ""
    event.save()
    assert event.signup_platform == ""


def test_local_times_are_in_the_events_zone_whatever_the_server_zone():
    event = LocalEventFactory(
        timezone="Australia/Sydney",
        starts_at=datetime(2024, 5, 13, 12, 0, tzinfo=ZoneInfo("Australia/Sydney")),
    )
    event.refresh_from_db()
    assert event.starts_at.utcoffset() == timedelta(0)  # stored in UTC
    assert (event.local_starts_at.hour, event.local_starts_at.tzname()) == (12, "AEST")


def test_changing_time_or_place_bumps_sequence_and_announces_it():
    event = LocalEventFactory()
    received = []

    def listener(**kwargs):
        received.append(kwargs["changed_fields"])

    event_rescheduled.connect(listener)
    try:
        event.venue = "Dam Square"
        services.save_event_changes(event=event, changed_fields=["venue"])
        event.title = "New title"
        services.save_event_changes(event=event, changed_fields=["title"])
    finally:
        event_rescheduled.disconnect(listener)
    event.refresh_from_db()
    assert event.sequence == 1
    assert received == [{"venue"}]


def test_cancelling_twice_is_harmless_and_announced_once():
    event = LocalEventFactory()
    received = []

    def listener(**kwargs):
        received.append(kwargs["event"].pk)

    event_cancelled.connect(listener)
    try:
        services.cancel_event(event=event)
        services.cancel_event(event=event)
    finally:
        event_cancelled.disconnect(listener)
    event.refresh_from_db()
    assert event.status == Status.CANCELLED
    assert event.sequence == 1
    assert received == [event.pk]


def test_events_of_draft_campaigns_and_proposals_stay_private():
    draft = CampaignFactory(status="draft")
    LocalEventFactory(campaign=draft, city="Hidden")
    LocalEventFactory(city="Proposed", status=Status.PROPOSED)
    shown = LocalEventFactory(city="Shown")

    assert list(LocalEvent.objects.public()) == [shown]


def test_archive_groups_past_campaigns_and_standalone_events_by_year():
    old = CampaignFactory(starts_on=date(2023, 10, 21), ends_on=date(2023, 10, 21))
    recent = CampaignFactory(starts_on=date(2024, 5, 13), ends_on=date(2024, 5, 13))
    LocalEventFactory(campaign=recent, city="Oslo", country="NO")
    LocalEventFactory(campaign=recent, city="Rome", country="IT", status=Status.CANCELLED)
    CampaignFactory(starts_on=date(2031, 1, 1), ends_on=date(2031, 1, 1))  # upcoming
    social = LocalEventFactory(
        campaign=None,
        starts_at=datetime(2024, 12, 31, 23, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
        ends_at=datetime(2025, 1, 1, 1, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    now = datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC"))

    years = selectors.archive_by_year(today=now.date(), now=now, language="en")

    assert [(y.year, [c.campaign for c in y.campaigns], y.events) for y in years] == [
        (2024, [recent], [social]),  # the local year, not UTC's
        (2023, [old], []),
    ]
    assert years[0].campaigns[0].cities == ["Oslo"]
    assert years[0].campaigns[0].reach == selectors.Reach(cities=1, countries=1)


def test_coverage_of_an_event_in_a_draft_campaign_stays_private():
    """Press and photos follow the one rule of `LocalEvent.objects.public()`: an approved
    event in a campaign still being drafted is not public, nor is what is written about it."""
    hidden = LocalEventFactory(campaign=CampaignFactory(status="draft"), city="Hidden")
    shown = LocalEventFactory(city="Shown")
    PressMentionFactory(campaign=None, event=hidden, title="About Hidden")
    PressMentionFactory(campaign=None, event=shown, title="About Shown")
    assert [m.title for m in public_mentions()] == ["About Shown"]


def test_public_campaigns_are_published_or_archived():
    CampaignFactory(status="draft", slug="draft")
    CampaignFactory(status="published", slug="now")
    CampaignFactory(status="archived", slug="then")
    assert sorted(Campaign.objects.public().values_list("slug", flat=True)) == ["now", "then"]


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("signup_url", ["", "https://lu.ma/utrecht"])
@pytest.mark.parametrize("ends_in", [timedelta(hours=2), timedelta(hours=-1)])
def test_the_sign_up_button_shows_exactly_when_the_event_takes_signups_here(
    status, signup_url, ends_in
):
    """One rule (`LocalEvent.takes_signups_here`) for the event lists' button and the form."""
    current = timezone.now()
    event = LocalEventFactory.build(
        status=status,
        signup_url=signup_url,
        starts_at=current + ends_in - timedelta(hours=2),
        ends_at=current + ends_in,
    )
    event.pk = 1
    takes = status == Status.APPROVED and not signup_url and ends_in > timedelta(0)
    assert event.takes_signups_here(now=current) is takes
    assert ("#signup" in signup_action(event)) is takes
