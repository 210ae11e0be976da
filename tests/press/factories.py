"""Factories for press coverage."""

import factory

from tests.factories import CampaignFactory
from turnout.press.models import PressMention


class PressMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressMention

    campaign = factory.SubFactory(CampaignFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    outlet = "Example News"
    title = factory.Sequence(lambda n: f"Story {n}")
    language = "en"
    kind = PressMention.Kind.ARTICLE
    state = PressMention.State.APPROVED
