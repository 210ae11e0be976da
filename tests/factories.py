"""Factories for real database rows in tests."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Action day {n}")
    starts_on = date(2030, 5, 13)
    ends_on = factory.LazyAttribute(lambda c: c.starts_on)
    status = Campaign.Status.PUBLISHED


class LocalEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalEvent

    campaign = factory.SubFactory(CampaignFactory)
    title = factory.LazyAttribute(lambda e: f"Protest in {e.city}")
    city = "Amsterdam"
    country = "NL"
    timezone = "Europe/Amsterdam"
    status = LocalEvent.Status.APPROVED
    starts_at = factory.LazyAttribute(
        lambda e: datetime.combine(
            e.campaign.starts_on if e.campaign else date(2030, 5, 13),
            datetime.min.time().replace(hour=13),
            tzinfo=ZoneInfo(e.timezone),
        )
    )
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
