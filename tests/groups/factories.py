"""Factories for groups and their channels."""

import factory

from turnout.groups.models import Channel, Group


class NationalGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    kind = Group.Kind.NATIONAL
    name = factory.Sequence(lambda n: f"National group {n}")
    slug = factory.Sequence(lambda n: f"national-{n}")
    country = "NL"


class LocalGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    kind = Group.Kind.LOCAL
    parent = factory.SubFactory(NationalGroupFactory)
    name = factory.LazyAttribute(lambda g: f"Group {g.city}")
    slug = factory.Sequence(lambda n: f"local-{n}")
    country = factory.LazyAttribute(lambda g: g.parent.country)
    city = "Utrecht"


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    group = factory.SubFactory(NationalGroupFactory)
    kind = "discord"
    address = "https://discord.gg/AbCd123"
