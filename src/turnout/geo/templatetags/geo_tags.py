"""Template helpers for places: city names in the page's language, distances, maps, the banner."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from turnout.campaigns.listing import EventRows, RowOptions
from turnout.campaigns.selectors import campaign_events

from .. import cookies, map_markup, selectors, worldmap
from ..beyond_radius import promoted_near_city
from ..distance import Units
from ..radii import DEFAULT_RADIUS, radius_km
from ..units import format_distance, preferred_units

register = template.Library()
MAX_PROMOTED_IN_BANNER = 3


@register.simple_tag
def distance(item: selectors.NearbyEvent, units: Units) -> str:
    """ "35 km", "22 mi", "3.4 km" in the page's language; whole units to a private place,
    whose exact distances from a few searches would give it away (campaigns.day_details)."""
    value = item.distance(Units(units))
    if item.event.location_is_private:
        value = float(round(value))
    return format_distance(value, Units(units))


@register.simple_tag
def nearby_event_rows(nearby: list[selectors.NearbyEvent], units: Units) -> SafeString:
    """Rows of events found near a place, each with its distance: "35 km", "22 mi"; an event
    promoted from further away says so."""
    rows = EventRows(RowOptions(show_country=True, show_title=True))
    rows.look_up_titles([item.event for item in nearby])
    return SafeString(
        "".join(
            _promoted_mark(rows.row(item.event, distance=distance(item, units)), item, units)
            for item in nearby
        )
    )


def _promoted_mark(row: str, item: selectors.NearbyEvent, units: Units) -> str:
    if not item.promoted or not item.event.promotion_radius_km:
        return row
    reach = format_distance(Units(units).from_km(item.event.promotion_radius_km), Units(units))
    mark = gettext("Further away: promoted for people within %(distance)s") % {"distance": reach}
    note = f'<div class="event-promoted">{escape(mark)}</div>'
    # Under the event's time and venue, before its signup action (else at the row's end).
    before_action = "\n  </div>\n  <div>"
    if before_action in row:
        head, _, tail = row.partition(before_action)
        return f"{head}\n    {note}{before_action}{tail}"
    body, closing, rest = row.rpartition("</li>")
    return f"{body}{note}{closing}{rest}"


@register.simple_tag
def map_dots(world: worldmap.WorldMap, anchor: str = "map") -> SafeString:
    return map_markup.map_dots(world, anchor)


@register.simple_tag
def map_group_items(world: worldmap.WorldMap, anchor: str = "map") -> SafeString:
    return map_markup.map_group_items(world, anchor)


@register.simple_tag
def map_place_items(world: worldmap.WorldMap) -> SafeString:
    return map_markup.map_place_items(world)


@register.inclusion_tag("geo/_world_map.html")
def world_map(world: worldmap.WorldMap, heading_id: str = "map-heading") -> dict:
    return {"map": world, "heading_id": heading_id, **_tiles()}


def _tiles() -> dict:
    return {
        "tiles_url": settings.TURNOUT_MAP_TILES_URL,
        "tiles_attribution": settings.TURNOUT_MAP_TILES_ATTRIBUTION,
    }


@register.inclusion_tag("geo/_campaign_discovery.html")
def campaign_discovery(campaign, events=None) -> dict:
    """The campaign page's map of places, calendar feed and embed snippet.

    `events` are the campaign's listed events when the page already has them (one query less).
    """
    if not isinstance(events, list):  # not given (None, or "" from a template)
        events = list(campaign_events(campaign))
    return {
        "campaign": campaign,
        "map": worldmap.build_world_map(events, language=get_language()),
        "heading_id": "campaign-map",
        **_tiles(),
        "site_url": settings.SITE_URL,
        "language": get_language(),
    }


@register.inclusion_tag("geo/_home_banner.html", takes_context=True)
def home_banner(context) -> dict:
    """The next event near the visitor's chosen city, if they chose one; else a search box."""
    request = context["request"]
    units = preferred_units(request)
    city = cookies.chosen_city(request)
    next_event = None
    promoted: list[selectors.NearbyEvent] = []
    radius = DEFAULT_RADIUS[units]  # what the events index then searches, in the same units
    if city is not None:
        origin = selectors.Origin(latitude=city.latitude, longitude=city.longitude, city=city)
        now = timezone.now()
        next_event = selectors.next_event_near(
            origin=origin, now=now, radius_km=radius_km(radius, units)
        )
        promoted = promoted_near_city(origin=origin, now=now, radius_km=radius_km(radius, units))
    return {
        "city": city,
        "city_label": city.localized_name(get_language()) if city else "",
        "next_event": next_event,
        "promoted": promoted[:MAX_PROMOTED_IN_BANNER],
        "units": units,
        "radius_value": radius,
        "radius": format_distance(radius, units),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def url_host(url: str) -> str:
    """The host a URL points at: who a visitor's browser would talk to."""
    return urlsplit(url.replace("{", "").replace("}", "")).hostname or url
