"""Read-only queries behind the public pages: campaigns, their reach and their events."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext, ngettext, override

from turnout.localization.formatting import country_name
from turnout.places.gazetteer import display_name

from .models import Campaign, LocalEvent


@dataclass(frozen=True)
class Reach:
    """How far a campaign reaches: distinct cities and countries taking part."""

    cities: int
    countries: int

    def describe(self) -> str:
        """ "11 cities in 9 countries", each number with its own plural form."""
        cities = ngettext("%(count)d city", "%(count)d cities", self.cities) % {
            "count": self.cities
        }
        countries = ngettext("%(count)d country", "%(count)d countries", self.countries) % {
            "count": self.countries
        }
        return gettext("%(cities)s in %(countries)s") % {"cities": cities, "countries": countries}


@dataclass
class CountryEvents:
    code: str
    name: str
    events: list[LocalEvent]


@dataclass
class ArchivedCampaign:
    campaign: Campaign
    reach: Reach
    cities: list[str]


@dataclass
class ArchiveYear:
    year: int
    campaigns: list[ArchivedCampaign] = field(default_factory=list)
    events: list[LocalEvent] = field(default_factory=list)


def may_preview(user, model: type[Campaign] | type[LocalEvent]) -> bool:
    """Whether `user` sees campaigns or events that are not public (drafts, proposals, rejected
    events) on the public pages: staff with the admin's right to view them. Staff are also
    helpers given a few permissions (the content pages, say), who see no more than those."""
    options = model._meta
    return bool(user.is_staff and user.has_perm(f"{options.app_label}.view_{options.model_name}"))


def campaign_for_visitor(*, slug: str, can_preview: bool = False) -> Campaign:
    """The campaign behind a public URL; drafts only for people who may preview them."""
    campaigns = Campaign.objects.all() if can_preview else Campaign.objects.public()
    return campaigns.get(slug=slug)


def upcoming_campaigns(*, today: date) -> QuerySet[Campaign]:
    return Campaign.objects.public().filter(ends_on__gte=today).order_by("starts_on")


def upcoming_events(*, now: datetime, limit: int | None = None) -> list[LocalEvent]:
    events = (
        LocalEvent.objects.public()
        .exclude(status=LocalEvent.Status.CANCELLED)
        .filter(ends_at__gte=now)
        .select_related("campaign")
        .order_by("starts_at", "city")
    )
    return list(events[:limit] if limit else events)


# Long texts an event list never shows (tests/campaigns/test_views.py checks that no row
# reads one back, which would cost a query per event).
LIST_UNSHOWN_FIELDS = (
    "description",
    "private_instructions",
    "accessibility_note",
    "if_separated",
    "meeting_point",
    "legal_support_line",
    "police_liaison",
)


def campaign_events(campaign: Campaign) -> QuerySet[LocalEvent]:
    """The campaign's public events, soonest first, for showing and exporting (not saving)."""
    # Without the bookkeeping timestamps nothing here shows: on PostgreSQL each one is
    # converted in pure Python (Django ticket #36960), a sixth of loading 500 events. The
    # texts for participants and the long description are not shown in a list either.
    return (
        campaign.events.filter(status__in=LocalEvent.VISIBLE_STATUSES)
        .defer("created_at", "updated_at", *LIST_UNSHOWN_FIELDS)
        .order_by("starts_at", "city")
    )


def campaign_reach(campaign: Campaign) -> Reach:
    """Count distinct cities and countries among events that take part (not cancelled);
    an online event takes part in no city."""
    places = (
        campaign.events.filter(status__in=LocalEvent.TAKING_PART_STATUSES)
        .exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)
        .annotate(city_key=Lower("city"))
        .values_list("city_key", "country")
        .order_by()  # else the model's ordering joins the DISTINCT: a row per start time
        .distinct()
    )
    pairs = {(city.strip(), country) for city, country in places}
    return Reach(cities=len(pairs), countries=len({country for _, country in pairs}))


def events_by_country(events: list[LocalEvent], *, language: str) -> list[CountryEvents]:
    """Group events by country, countries in the alphabetical order of the page's language;
    online events, which have no country, in a group of their own after the countries."""
    grouped: dict[str, list[LocalEvent]] = defaultdict(list)
    online: list[LocalEvent] = []
    for event in events:
        (online if event.is_online else grouped[event.country]).append(event)
    groups = sorted(
        (
            CountryEvents(code=code, name=country_name(code, language), events=items)
            for code, items in grouped.items()
        ),
        key=lambda group: group.name.casefold(),
    )
    if online:
        with override(language):
            groups.append(CountryEvents(code="online", name=gettext("Online"), events=online))
    return groups


def archive_by_year(*, today: date, now: datetime, language: str) -> list[ArchiveYear]:
    """Past campaigns and past standalone events, newest year first; each campaign's cities
    as `language` names them."""
    years: dict[int, ArchiveYear] = {}
    for campaign in Campaign.objects.public().filter(ends_on__lt=today).order_by("-starts_on"):
        cities = (
            campaign.events.filter(status__in=LocalEvent.TAKING_PART_STATUSES)
            .exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)  # in no city
            .order_by("starts_at", "city")
            .values_list("city", "country")
        )
        names = [display_name(city, country, language) for city, country in cities]
        entry = ArchivedCampaign(campaign, campaign_reach(campaign), list(dict.fromkeys(names)))
        years.setdefault(campaign.starts_on.year, ArchiveYear(campaign.starts_on.year))
        years[campaign.starts_on.year].campaigns.append(entry)
    standalone = (
        LocalEvent.objects.public()
        .filter(campaign__isnull=True, ends_at__lt=now)
        .exclude(status=LocalEvent.Status.CANCELLED)
        .order_by("-starts_at")
    )
    for event in standalone:
        year = event.local_starts_at.year
        years.setdefault(year, ArchiveYear(year)).events.append(event)
    return [years[year] for year in sorted(years, reverse=True)]
