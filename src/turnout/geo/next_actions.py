"""What a participant can do next near an event: the group's next meet-up, then events nearby.

Shown after signing up or cancelling and in the day-after follow-up. Only public, upcoming,
not cancelled events are offered; the place is the public one (the city), never a meeting
point kept private, and a distance to or from a private place is in whole kilometres.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext

from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import format_day, format_time_range
from turnout.notifications.composition import absolute_url
from turnout.places.gazetteer import display_name

from .distance import Units, haversine_km
from .selectors import DEFAULT_RADIUS_KM, Origin, listed_events, nearby_events, online_events
from .units import format_distance


@dataclass(frozen=True)
class NextAction:
    """One event offered as a next step, worded in one language."""

    event: LocalEvent
    title: str
    url: str  # absolute: it goes into emails
    day: str  # the event's own local day and time, as its participants read them
    time: str
    place: str
    distance_km: float | None  # None for an online event or one without coordinates
    language: str
    is_group_meetup: bool = False

    @property
    def distance(self) -> str:
        """ "12 km" in the action's language, or "" when there is no distance."""
        if self.distance_km is None:
            return ""
        return format_distance(self.distance_km, Units.KILOMETRES, self.language)


def next_actions_near(
    event: LocalEvent,
    *,
    now: datetime,
    language: str | None = None,
    limit: int = 3,
    radius_km: float = DEFAULT_RADIUS_KM,
) -> list[NextAction]:
    """Up to `limit` next actions for someone at `event`: its group's next meet-up first, then
    upcoming public events (any public campaign) nearest first within `radius_km`; for an
    online event, the campaign's other upcoming online events, soonest first."""
    language = language or translation.get_language() or "en"
    upcoming = listed_events(now=now).filter(starts_at__gt=now).exclude(pk=event.pk)
    chosen: list[tuple[LocalEvent, float | None, bool]] = []
    meetup = _group_meetup(event, upcoming)
    if meetup is not None:
        chosen.append((meetup, _distance_between(event, meetup), True))
    for candidate, distance in _candidates(event, upcoming, radius_km=radius_km, limit=limit):
        if len(chosen) >= limit:
            break
        if all(candidate.pk != kept.pk for kept, _, _ in chosen):
            chosen.append((candidate, distance, False))
    return [
        _action(
            candidate,
            distance_km=_shown_distance(event, candidate, distance),
            is_group_meetup=is_meetup,
            language=language,
        )
        for candidate, distance, is_meetup in chosen[:limit]
    ]


def _shown_distance(event: LocalEvent, other: LocalEvent, km: float | None) -> float | None:
    # Whole kilometres to or from a private place, as the events index and the API show them:
    # exact distances from a few events would give the place away.
    if km is not None and (event.location_is_private or other.location_is_private):
        return float(round(km))
    return km


def _group_meetup(event: LocalEvent, upcoming: QuerySet[LocalEvent]) -> LocalEvent | None:
    if event.group_id is None:
        return None
    return upcoming.filter(group_id=event.group_id).order_by("starts_at", "pk").first()


def _candidates(
    event: LocalEvent, upcoming: QuerySet[LocalEvent], *, radius_km: float, limit: int
) -> list[tuple[LocalEvent, float | None]]:
    if event.is_online:
        # No place to be near: the campaign's other calls are the next step.
        if event.campaign_id is None:
            return []
        calls = online_events(upcoming.filter(campaign_id=event.campaign_id))
        return [(call, None) for call in calls.order_by("starts_at", "pk")[: limit + 1]]
    if event.public_latitude is None or event.public_longitude is None:
        # Not placed on the map yet: the same city is the best guess at "near".
        same_city = upcoming.filter(city__iexact=event.city, country=event.country)
        if not event.city:
            return []
        same_city = same_city.exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)
        return [(other, None) for other in same_city.order_by("starts_at", "pk")[: limit + 1]]
    # From where the public places it: a private event's neighbours say nothing of its place.
    origin = Origin(latitude=event.public_latitude, longitude=event.public_longitude)
    nearby = nearby_events(upcoming, origin=origin, radius_km=radius_km)
    return [(item.event, item.distance_km) for item in nearby[: limit + 1]]


def _distance_between(event: LocalEvent, other: LocalEvent) -> float | None:
    if event.is_online or other.is_online:
        return None
    if (
        event.public_latitude is None
        or event.public_longitude is None
        or other.public_latitude is None
        or other.public_longitude is None
    ):
        return None
    return haversine_km(
        event.public_latitude, event.public_longitude, other.public_latitude, other.public_longitude
    )


def _action(
    event: LocalEvent, *, distance_km: float | None, is_group_meetup: bool, language: str
) -> NextAction:
    with translation.override(language):
        place = (
            gettext("Online")
            if event.is_online
            else display_name(event.city, event.country, language)
        )
    return NextAction(
        event=event,
        title=event.title,
        url=absolute_url("campaigns:event_detail", language=language, pk=event.pk),
        day=format_day(event.local_starts_at, language),
        time=format_time_range(event.local_starts_at, event.local_ends_at, language),
        place=place,
        distance_km=distance_km,
        language=language,
        is_group_meetup=is_group_meetup,
    )
