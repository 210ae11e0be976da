"""What a nearby search shows beyond its radius: events promoted far (a national march), the
nearest events when nothing is near, and where to go to host one."""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.places.gazetteer import City, gazetteer

from .distance import bounding_box, haversine_km
from .selectors import NearbyEvent, Origin, listed_events, nearby_events

NEAREST_SHOWN = 5
MAX_PROMOTED_SHOWN = 10
# Widening steps for the nearest events; half the Earth's circumference reaches everywhere.
_WIDENING_KM = (250, 1000, 2500, 5000, 10000, 20016)
_NEAREST_CITY_KM = 50
_SAME_TOWN_KM = 15


def promoted_events_near(
    events: QuerySet[LocalEvent], *, origin: Origin, radius_km: float
) -> list[NearbyEvent]:
    """Events beyond `radius_km` whose promotion radius reaches `origin`, nearest first.

    Promoted events are few, so they are read in a query of their own and measured here,
    leaving the nearby search's bounding-box query as it is.
    """
    rows = (
        events.exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)
        .filter(
            promotion_radius_km__isnull=False,
            public_latitude__isnull=False,
            public_longitude__isnull=False,
        )
        .order_by("starts_at", "pk")
        .values_list("pk", "public_latitude", "public_longitude", "promotion_radius_km")
    )
    reached: dict[int, float] = {}
    for pk, latitude, longitude, promotion_radius_km in rows:
        if latitude is None or longitude is None or promotion_radius_km is None:
            continue  # the query leaves these out
        distance = haversine_km(origin.latitude, origin.longitude, latitude, longitude)
        if radius_km < distance <= promotion_radius_km:
            reached[pk] = distance
        if len(reached) >= MAX_PROMOTED_SHOWN:
            break  # in start order: the soonest ones
    loaded = events.in_bulk(list(reached))
    found = [
        NearbyEvent(loaded[pk], distance, promoted=True)
        for pk, distance in reached.items()
        if pk in loaded
    ]
    return sorted(found, key=lambda item: item.distance_km)


def nearest_events(
    events: QuerySet[LocalEvent],
    *,
    origin: Origin,
    beyond_km: float,
    exclude: set[int] = frozenset(),  # type: ignore[assignment]
    limit: int = NEAREST_SHOWN,
) -> list[NearbyEvent]:
    """The `limit` events nearest to `origin`, however far: what a search that found nothing
    within its radius shows instead. The search widens step by step, so only a far-off
    origin reads every event's coordinates."""
    found: list[NearbyEvent] = []
    for step_km in (step for step in _WIDENING_KM if step > beyond_km):
        # Within a circle, the nearest `limit` found are the nearest anywhere.
        ranked = nearby_events(events, origin=origin, radius_km=step_km)
        found = [item for item in ranked[: limit + len(exclude)] if item.event.pk not in exclude]
        if len(found) >= limit:
            break
    return found[:limit]


def promoted_near_city(*, origin: Origin, now: datetime, radius_km: float) -> list[NearbyEvent]:
    """For the home page's banner: upcoming events promoted as far as the visitor's city."""
    return promoted_events_near(listed_events(now=now), origin=origin, radius_km=radius_km)


@dataclass(frozen=True)
class HostOffer:
    campaign: Campaign
    url: str  # the campaign's proposal form, with the place filled in


def host_offers(
    *, origin: Origin, today: date, campaign: Campaign | None = None
) -> list[HostOffer]:
    """The campaigns a visitor may propose an event for, each linked with the place filled in
    (`campaign` alone when the search was for one)."""
    campaigns = Campaign.objects.filter(
        status=Campaign.Status.PUBLISHED, is_open_for_proposals=True, ends_on__gte=today
    ).order_by("starts_on", "pk")
    if campaign is not None:
        campaigns = campaigns.filter(pk=campaign.pk)
    city = origin.city or nearest_city(origin)
    query = f"?{urlencode({'city': city.name, 'country': city.country})}" if city else ""
    return [
        HostOffer(
            campaign=offered,
            url=reverse("proposals:propose", kwargs={"slug": offered.slug}) + query,
        )
        for offered in campaigns
    ]


def campaigns_to_contact(*, today: date) -> QuerySet[Campaign]:
    """When no campaign takes proposals: upcoming campaigns with a link where organizers meet."""
    return (
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED, ends_on__gte=today)
        .exclude(coordination_url="")
        .order_by("starts_on", "pk")
    )


def nearest_city(origin: Origin) -> City | None:
    """The city for a position (a browser's "use my location"), to fill a proposal form in
    with: the largest within 15 km (a town, not one of its districts), else the nearest
    within 50 km."""
    box = bounding_box(origin.latitude, origin.longitude, _NEAREST_CITY_KM)
    around: list[tuple[float, City]] = []
    for city in gazetteer().cities.values():
        if box.contains(city.latitude, city.longitude):
            distance = haversine_km(
                origin.latitude, origin.longitude, city.latitude, city.longitude
            )
            if distance <= _NEAREST_CITY_KM:
                around.append((distance, city))
    close = [city for distance, city in around if distance <= _SAME_TOWN_KM]
    if close:
        return max(close, key=lambda city: city.population)
    return min(around, key=lambda pair: pair[0])[1] if around else None


@dataclass(frozen=True)
class BeyondRadius:
    """What the events index adds to a nearby search, beyond its radius."""

    promoted: list[NearbyEvent]
    nearest: list[NearbyEvent]  # only when nothing lies within the radius
    host_offers: list[HostOffer]  # likewise, and only for upcoming events
    contacts: list[Campaign]  # where to reach the movement when no campaign takes proposals


def beyond_radius(
    events: QuerySet[LocalEvent],
    *,
    origin: Origin,
    radius_km: float,
    found_near: int,
    campaign: Campaign | None,
    past: bool,
    today: date,
    offer_hosting: bool = True,
) -> BeyondRadius:
    promoted = [] if past else promoted_events_near(events, origin=origin, radius_km=radius_km)
    if found_near:
        return BeyondRadius(promoted=promoted, nearest=[], host_offers=[], contacts=[])
    nearest = nearest_events(
        events,
        origin=origin,
        beyond_km=radius_km,
        exclude={item.event.pk for item in promoted},
    )
    if past or not offer_hosting:
        return BeyondRadius(promoted=promoted, nearest=nearest, host_offers=[], contacts=[])
    offers = host_offers(origin=origin, today=today, campaign=campaign)
    contacts = [] if offers else list(campaigns_to_contact(today=today))
    return BeyondRadius(promoted=promoted, nearest=nearest, host_offers=offers, contacts=contacts)
