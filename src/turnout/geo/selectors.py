"""Read-only queries for discovery: where a visitor is, what is near, what is on the map."""

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import overload

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.db.models.lookups import In
from django.utils.translation import gettext

from turnout.campaigns.models import Campaign, LatitudeBand, LocalEvent
from turnout.localization.formatting import country_name
from turnout.places.gazetteer import City, find_cities, resolve_city

from . import distance_sql
from .distance import BoundingBox, Units, bounding_box, haversine_km
from .radii import DEFAULT_RADIUS_KM as DEFAULT_RADIUS_KM  # re-exported: others read it here
from .radii import MAX_RADIUS_KM as MAX_RADIUS_KM
from .radii import MIN_RADIUS_KM as MIN_RADIUS_KM

# How many events a nearby search ranks along with its count: the largest page the API gives.
RANKED_WITH_COUNT = 200
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
    """The database side of a nearby search: a cheap, index-friendly rectangle (or two).

    The latitude bands the box spans come first: the index is ordered by band, then longitude,
    so each band is one short run of the index (a plain latitude range would read every place
    at those latitudes around the world, five times the box in Europe).
    """
    per_degree = LatitudeBand.PER_DEGREE
    bands = range(
        math.floor(box.min_latitude * per_degree), math.floor(box.max_latitude * per_degree) + 1
    )
    longitudes = Q()
    for low, high in box.longitude_ranges:
        longitudes |= Q(public_longitude__gte=low, public_longitude__lte=high)
    return (
        Q(In(LatitudeBand("public_latitude"), list(bands)))
        & Q(public_latitude__gte=box.min_latitude, public_latitude__lte=box.max_latitude)
        & longitudes
    )


class NearbyEvents(Sequence[NearbyEvent]):
    """Events within a radius, nearest first: the database counts, ranks and pages them.

    The database selects the events in the bounding box within the radius by a bound on the
    haversine's inner value (`distance_sql.half_chord_squared`) and ranks them by their
    great-circle distance, reading only its coordinates index; the events a page shows are
    then loaded by key and measured again in Python for the distances shown. Counting reads
    the same rows, so the count comes with the first `RANKED_WITH_COUNT` keys in one query:
    the first pages (a paginator counts first) then cost one more query each, by key. A
    search thus costs about the same whether 30 or 30,000 events lie within the radius.
    """

    def __init__(self, events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float) -> None:
        self._events = events
        self._origin = origin
        # Within the radius: a bound on the haversine's `a`, no ASIN or SQRT per row.
        self._in_box = _in_box(events, origin=origin, radius_km=radius_km)
        self._half_chord = distance_sql.half_chord_squared(origin.latitude, origin.longitude)
        within = self._in_box.alias(nearby_half_chord=self._half_chord)
        self._bound = bound = distance_sql.max_half_chord_squared(radius_km)
        if bound == -math.inf:
            within = within.none()
        elif bound != math.inf:
            within = within.filter(nearby_half_chord__lte=bound)
        distance = distance_sql.distance_km(origin.latitude, origin.longitude)
        self._ranked = within.alias(nearby_distance_km=distance).order_by(
            distance_sql.rank_key(F("nearby_distance_km")), "starts_at", "pk"
        )
        self._count: int | None = None
        self._first_keys: list[int] = []

    def __len__(self) -> int:
        if self._count is None:
            rows = self._count_with_first_keys()
            self._count = rows[0][1] if rows else 0
            self._first_keys = [pk for pk, _ in rows]
        return self._count

    def _count_with_first_keys(self) -> list[tuple[int, int]]:
        """The first `RANKED_WITH_COUNT` keys of `_ranked`, each with the count of them all.

        `_ranked` itself, with the count as a window, computed each row's haversine twice (the
        filter's `a`, then the order's distance from it again) and had SQLite materialize the
        rows for the window: a third of the search. Here each row's `a` is computed once in a
        materialized CTE, filtered, counted and ranked from there, by the same expressions
        step for step (`distance_sql.rank_key_of_half_chord_sql`), so the same rows in the
        same order (tests/geo holds both to the exact Python ranking).
        """
        if self._bound == -math.inf:
            return []
        inner = (
            self._in_box.annotate(
                nearby_pk=F("pk"), nearby_starts_at=F("starts_at"), nearby_a=self._half_chord
            )
            .order_by()
            .values_list("nearby_pk", "nearby_starts_at", "nearby_a")
        )
        connection = connections[inner.db]
        try:
            inner_sql, inner_params = inner.query.get_compiler(connection=connection).as_sql()
        except EmptyResultSet:  # a filter that matches nothing, such as `pk__in=[]`
            return []
        within, within_params = ("", []) if self._bound == math.inf else (
            ' WHERE "nearby_a" <= %s', [self._bound]
        )  # fmt: skip
        rank = distance_sql.rank_key_of_half_chord_sql('"nearby_a"', vendor=connection.vendor)
        sql = (
            f'WITH "nearby" AS {_materialized(connection)}({inner_sql})'
            f' SELECT "nearby_pk", (SELECT COUNT(*) FROM "nearby"{within}) FROM "nearby"{within}'
            f' ORDER BY {rank}, "nearby_starts_at", "nearby_pk" LIMIT {RANKED_WITH_COUNT}'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, (*inner_params, *within_params, *within_params))
            return cursor.fetchall()

    @overload
    def __getitem__(self, index: int) -> NearbyEvent: ...

    @overload
    def __getitem__(self, index: slice) -> list[NearbyEvent]: ...

    def __getitem__(self, index: int | slice) -> NearbyEvent | list[NearbyEvent]:
        if isinstance(index, slice):
            if index.step not in (None, 1) or _counts_from_end(index):
                return list(self)[index]  # no page asks this way; kept correct, not fast
            return self._page(index.start or 0, index.stop)
        position = index + len(self) if index < 0 else index
        found = self._page(position, position + 1) if position >= 0 else []
        if not found:  # beyond the end, or deleted since it was counted
            raise IndexError(index)
        return found[0]

    def __iter__(self) -> Iterator[NearbyEvent]:
        return iter(self._page(0, None))

    def _page(self, start: int, stop: int | None) -> list[NearbyEvent]:
        if stop is not None and stop <= start:
            return []
        # A page by key is put in order here, so it asks the database for none: an ORDER BY
        # makes Django hash every selected column (some ninety with the related rows).
        if self._ranked_with_count(stop):
            page = self._events.filter(pk__in=self._first_keys[start:stop]).order_by()
        elif stop is None:  # every event from `start`: one query, in the database's order
            return self._measured(self._ranked[start:])
        else:
            page = self._events.filter(pk__in=self._ranked[start:stop].values("pk")).order_by()
        return sorted(self._measured(page), key=_rank)

    def _ranked_with_count(self, stop: int | None) -> bool:
        """Whether the keys ranked along with the count reach `stop` (or the end)."""
        if self._count is None:
            return False
        return len(self._first_keys) == self._count or (
            stop is not None and stop <= len(self._first_keys)
        )

    def _measured(self, events: Iterable[LocalEvent]) -> list[NearbyEvent]:
        """Each event with its distance as Python measures it: the one shown everywhere."""
        return [NearbyEvent(event, _distance_to(self._origin, event)) for event in events]


def _materialized(connection) -> str:
    # Computed once, read twice (count and rank). SQLite before 3.35 knows no MATERIALIZED:
    # there the CTE may be computed for each read, slower but the same answer.
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED "


def _rank(found: NearbyEvent) -> tuple:
    return (distance_sql.python_rank_key(found.distance_km), found.event.starts_at, found.event.pk)


def _distance_to(origin: Origin, event: LocalEvent) -> float:
    latitude, longitude = event.public_latitude, event.public_longitude
    assert latitude is not None and longitude is not None  # the search leaves these out
    return haversine_km(origin.latitude, origin.longitude, latitude, longitude)


def _counts_from_end(index: slice) -> bool:
    return any(bound is not None and bound < 0 for bound in (index.start, index.stop))


def nearby_events(
    events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float
) -> NearbyEvents:
    """Events within `radius_km` of `origin`, nearest first (then soonest)."""
    return NearbyEvents(events, origin=origin, radius_km=radius_km)


def online_events(events: QuerySet[LocalEvent]) -> QuerySet[LocalEvent]:
    """The online events among `events`: beside a nearby search, never ranked by distance."""
    return events.filter(attendance_mode=LocalEvent.AttendanceMode.ONLINE)


def _in_box(events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float):
    events = events.exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)  # no place
    box = bounding_box(origin.latitude, origin.longitude, radius_km)
    # Both databases read the box from the nearby index alone (an index-only scan on
    # PostgreSQL once autovacuum has marked the table's pages visible).
    return events.filter(public_latitude__isnull=False, public_longitude__isnull=False).filter(
        box_filter(box)
    )


def next_event_near(
    *, origin: Origin, now: datetime, radius_km: float = DEFAULT_RADIUS_KM
) -> NearbyEvent | None:
    """The soonest upcoming event within the radius (the nearest of those starting together):
    what the home page's banner offers."""
    distance = distance_sql.distance_km(origin.latitude, origin.longitude)
    event = (
        _in_box(listed_events(now=now), origin=origin, radius_km=radius_km)
        .alias(nearby_distance_km=distance)
        .filter(nearby_distance_km__lte=radius_km)
        .order_by("starts_at", "nearby_distance_km", "pk")
        .first()
    )
    if event is None:
        return None
    return NearbyEvent(event, _distance_to(origin, event))


def countries_with_events(*, language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country with a public event, in the language's alphabetical order."""
    codes = LocalEvent.objects.public().values_list("country", flat=True).distinct()
    pairs = {(code, country_name(code, language)) for code in codes}
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def campaigns_for_filter() -> QuerySet[Campaign]:
    return Campaign.objects.public().order_by("-starts_on")
