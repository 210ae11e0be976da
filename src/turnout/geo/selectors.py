"""Read-only queries for discovery: where a visitor is, what is near, what is on the map."""

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import overload

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.localization.formatting import country_name
from turnout.places.gazetteer import City, find_cities, resolve_city

from .distance import BoundingBox, Units, bounding_box, haversine_km
from .radii import DEFAULT_RADIUS_KM as DEFAULT_RADIUS_KM  # re-exported: others read it here
from .radii import MAX_RADIUS_KM as MAX_RADIUS_KM
from .radii import MIN_RADIUS_KM as MIN_RADIUS_KM

_COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Origin:
    """The point a visitor searches from: a city of the gazetteer, or their own position."""

    latitude: float
    longitude: float
    city: City | None = None

    def label(self, language: str | None = None) -> str:
        if self.city is not None:
            return self.city.label(language)
        return gettext("your location")


@dataclass(frozen=True)
class NearbyEvent:
    event: LocalEvent
    distance_km: float
    # Beyond the searched radius, shown because its organizers promote it that far.
    promoted: bool = False

    def distance(self, units: Units) -> float:
        return units.from_km(self.distance_km)


class UnknownPlace(ValueError):
    """The text names no place the gazetteer knows, nor coordinates."""


def parse_origin(text: str, *, language: str | None = None) -> Origin:
    """A city name in any language ("Londen", "Paris, France"), or "lat,lon" from a browser."""
    if match := _COORDINATES.match(text):
        latitude, longitude = float(match[1]), float(match[2])
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise UnknownPlace(text)
        return Origin(latitude=latitude, longitude=longitude)
    city = resolve_city(text)
    if city is None:
        suggestions = find_cities(text, language=language, limit=1)
        if not suggestions:
            raise UnknownPlace(text)
        city = suggestions[0]
    return Origin(latitude=city.latitude, longitude=city.longitude, city=city)


def listed_events(
    *,
    now: datetime,
    past: bool = False,
    include_cancelled: bool = False,
    country: str | None = None,
    campaign: Campaign | None = None,
    group=None,
    starts_on_or_after: date | None = None,
    starts_on_or_before: date | None = None,
) -> QuerySet[LocalEvent]:
    """Public events, upcoming (soonest first) or past (latest first), filtered."""
    events = LocalEvent.objects.public().select_related("campaign")
    if not include_cancelled:
        events = events.exclude(status=LocalEvent.Status.CANCELLED)
    if starts_on_or_after or starts_on_or_before:
        if starts_on_or_after:
            events = events.filter(starts_at__gte=_day_start(starts_on_or_after))
        if starts_on_or_before:
            events = events.filter(starts_at__lt=_day_start(starts_on_or_before, next_day=True))
    elif past:
        events = events.filter(ends_at__lt=now)
    else:
        events = events.filter(ends_at__gte=now)
    if country:
        events = events.filter(country=country.upper())
    if campaign is not None:
        events = events.filter(campaign=campaign)
    if group is not None:  # a national group's events include its local groups'
        events = events.filter(Q(group=group) | Q(group__parent=group))
    if past and not (starts_on_or_after or starts_on_or_before):
        return events.order_by("-starts_at", "city")
    return events.order_by("starts_at", "city")


def _day_start(day: date, *, next_day: bool = False) -> datetime:
    # Days are compared in UTC: an API filter must not depend on the server's zone.
    moment = datetime.combine(day, time.min, tzinfo=UTC)
    return moment + timedelta(days=1) if next_day else moment


def box_filter(box: BoundingBox) -> Q:
    """The database side of a nearby search: a cheap, index-friendly rectangle (or two)."""
    longitudes = Q()
    for low, high in box.longitude_ranges:
        longitudes |= Q(longitude__gte=low, longitude__lte=high)
    return Q(latitude__gte=box.min_latitude, latitude__lte=box.max_latitude) & longitudes


@dataclass(frozen=True)
class _Ranked:
    pk: int
    distance_km: float


class NearbyEvents(Sequence[NearbyEvent]):
    """Events within a radius, nearest first: ranked from four columns, loaded by the page.

    Ranking reads only id and coordinates of the candidates in the bounding box; the events
    themselves (with their campaign) are loaded for the slice a page shows, so a search in a
    dense region costs the same whether 30 or 3,000 events lie within the radius.
    """

    def __init__(self, events: QuerySet[LocalEvent], ranked: list[_Ranked]) -> None:
        self._events = events
        self._ranked = ranked

    def __len__(self) -> int:
        return len(self._ranked)

    @overload
    def __getitem__(self, index: int) -> NearbyEvent: ...

    @overload
    def __getitem__(self, index: slice) -> list[NearbyEvent]: ...

    def __getitem__(self, index: int | slice) -> NearbyEvent | list[NearbyEvent]:
        if isinstance(index, slice):
            return self._load(self._ranked[index])
        found = self._load([self._ranked[index]])
        if not found:  # deleted since it was ranked
            raise IndexError(index)
        return found[0]

    def __iter__(self) -> Iterator[NearbyEvent]:
        return iter(self._load(self._ranked))

    def _load(self, ranked: list[_Ranked]) -> list[NearbyEvent]:
        events = self._events.in_bulk([r.pk for r in ranked])
        # An event deleted between ranking and loading is left out rather than failing.
        return [NearbyEvent(events[r.pk], r.distance_km) for r in ranked if r.pk in events]


def nearby_events(
    events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float
) -> NearbyEvents:
    """Events within `radius_km` of `origin`, nearest first (then soonest)."""
    candidates = _in_box(events, origin=origin, radius_km=radius_km)
    # The database sorts by start and this stable sort by distance keeps that order among
    # events at one place: nearest, then soonest. Reading the start times instead converts
    # every candidate's timestamp in Python (on PostgreSQL through Django's loader, which
    # derives from psycopg's pure-Python one: Django ticket #36960): measured, 60% of ranking.
    ranked = [
        _Ranked(row[0], distance)
        for row, distance in _within_radius(
            candidates.order_by("starts_at", "pk").values_list("pk", "latitude", "longitude"),
            origin=origin,
            radius_km=radius_km,
        )
    ]
    ranked.sort(key=lambda r: round(r.distance_km, 3))
    return NearbyEvents(candidates, ranked)


def online_events(events: QuerySet[LocalEvent]) -> QuerySet[LocalEvent]:
    """The online events among `events`: beside a nearby search, never ranked by distance."""
    return events.filter(attendance_mode=LocalEvent.AttendanceMode.ONLINE)


def _in_box(events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float):
    events = events.exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)  # no place
    box = bounding_box(origin.latitude, origin.longitude, radius_km)
    # The database reads the box through the coordinates index once it has statistics
    # (PostgreSQL's autovacuum, SQLite's ANALYZE in turnout.web.upkeep); without them SQLite
    # scans by status, ten times slower over 100,000 events.
    return events.filter(latitude__isnull=False, longitude__isnull=False).filter(box_filter(box))


def _within_radius(
    rows: Iterable[tuple], *, origin: Origin, radius_km: float
) -> Iterator[tuple[tuple, float]]:
    """Each `(pk, latitude, longitude, ...)` row within the radius, with its distance in km."""
    for row in rows:
        latitude, longitude = row[1], row[2]
        if latitude is None or longitude is None:
            continue  # the query leaves these out
        distance = haversine_km(origin.latitude, origin.longitude, latitude, longitude)
        if distance <= radius_km:
            yield row, distance


def next_event_near(
    *, origin: Origin, now: datetime, radius_km: float = DEFAULT_RADIUS_KM
) -> NearbyEvent | None:
    """The soonest upcoming event within the radius (the nearest of those starting together):
    what the home page's banner offers."""
    candidates = _in_box(listed_events(now=now), origin=origin, radius_km=radius_km)
    rows = (
        candidates.order_by("starts_at", "pk")
        .values_list("pk", "latitude", "longitude", "starts_at")
        .iterator(chunk_size=100)
    )
    # In start order, so only the rows up to the first start within the radius are converted.
    first_start, nearest = None, None
    for (pk, _, _, starts_at), distance in _within_radius(rows, origin=origin, radius_km=radius_km):
        if first_start is None:
            first_start = starts_at
        elif starts_at != first_start:
            break
        if nearest is None or distance < nearest[1]:
            nearest = (pk, distance)
    if nearest is None:
        return None
    event = candidates.in_bulk([nearest[0]]).get(nearest[0])
    return NearbyEvent(event, nearest[1]) if event else None


def countries_with_events(*, language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country with a public event, in the language's alphabetical order."""
    codes = LocalEvent.objects.public().values_list("country", flat=True).distinct()
    pairs = {(code, country_name(code, language)) for code in codes}
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def campaigns_for_filter() -> QuerySet[Campaign]:
    return Campaign.objects.public().order_by("-starts_on")
