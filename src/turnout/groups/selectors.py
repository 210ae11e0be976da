"""Read-only queries behind the group directory and group pages."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import country_name

from .models import Channel, Group

PAST_EVENTS_SHOWN = 20


@dataclass
class CountryGroups:
    code: str
    name: str
    national: list[Group]
    local: list[Group]


@dataclass
class GroupEvents:
    upcoming: list[LocalEvent]
    past: list[LocalEvent]


def groups_with_channels() -> QuerySet[Group]:
    return Group.objects.prefetch_related(
        Prefetch("channels", queryset=Channel.objects.order_by("position", "pk"))
    )


def groups_by_country(*, language: str) -> list[CountryGroups]:
    """Every group, by country in the page language's alphabetical order; national ones first."""
    countries: dict[str, CountryGroups] = {}
    for group in Group.objects.select_related("parent").order_by("name"):
        entry = countries.setdefault(
            group.country,
            CountryGroups(group.country, country_name(group.country, language), [], []),
        )
        (entry.local if group.is_local else entry.national).append(group)
    for entry in countries.values():
        entry.local.sort(key=lambda group: (group.city.casefold(), group.name.casefold()))
    return sorted(countries.values(), key=lambda entry: entry.name.casefold())


def group_events(group: Group, *, now: datetime) -> GroupEvents:
    """A group's visible events (a national group's include its local groups'), split by time."""
    group_ids = [group.pk, *group.local_groups.values_list("pk", flat=True)]
    events = LocalEvent.objects.public().filter(group__in=group_ids).select_related("campaign")
    upcoming = events.exclude(status=LocalEvent.Status.CANCELLED).filter(ends_at__gte=now)
    past = events.exclude(status=LocalEvent.Status.CANCELLED).filter(ends_at__lt=now)
    return GroupEvents(
        upcoming=list(upcoming.order_by("starts_at")),
        past=list(past.order_by("-starts_at")[:PAST_EVENTS_SHOWN]),
    )
