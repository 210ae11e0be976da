"""The repeated parts of a world map's markup: a dot and a list item per place.

A campaign with hundreds of places spent a third of its page's time on these two loops in the
template; written here, with the values every place shares worked out once, they cost a few
milliseconds. The rest of the map's markup stays in `geo/_world_map.html`.
"""

from html import escape as _e  # Django's `escape` without its lazy-string wrapper

from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from .worldmap import MapGroup, MapPlace, WorldMap

# A group's dot is larger than a place's, to hold its number.
GROUP_DOT_SCALE = 1.6


def map_dots(world: WorldMap, anchor: str = "map") -> SafeString:
    """A linked circle per place, titled with its name; places too close to tell apart share
    one larger circle with their events' count, linking to their list below the map
    (`#<anchor>-group-<n>`), so they stay reachable without JavaScript. SVG numbers are never
    localized."""
    radius = f"{world.dot_radius:.1f}"
    parts = []
    for dot in world.dots:
        if isinstance(dot, MapGroup):
            parts.append(
                f'\n        <a href="#{_e(anchor)}-group-{dot.number}" tabindex="-1" '
                f'class="world-map-group"><circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" '
                f'r="{world.dot_radius * GROUP_DOT_SCALE:.1f}"/><text x="{dot.x:.1f}" '
                f'y="{dot.y:.1f}" dy=".35em" text-anchor="middle" '
                f'font-size="{world.dot_radius * 1.2:.1f}">{dot.event_count}</text>'
                f"<title>{_e(_group_label(dot))}</title></a>"
            )
        else:
            parts.append(
                f'\n        <a href="{_e(dot.url)}" tabindex="-1"><circle cx="{dot.x:.1f}" '
                f'cy="{dot.y:.1f}" r="{radius}"/><title>{_e(dot.name)}, '
                f"{_e(dot.country_label)}</title></a>"
            )
    return SafeString("".join(parts))


def map_group_items(world: WorldMap, anchor: str = "map") -> SafeString:
    """A paragraph per group of close places, which its dot links to: each place a link."""
    items = []
    for group in world.groups:
        links = ", ".join(
            f'<a href="{_e(place.url)}">{_e(place.name)}</a>{_events_count(place)}'
            for place in group.places
        )
        items.append(
            f'\n    <p class="world-map-group-list" id="{_e(anchor)}-group-{group.number}">'
            f"{_e(_group_label(group, names=False))}: {links}</p>"
        )
    return SafeString("".join(items))


def _group_label(group: MapGroup, *, names: bool = True) -> str:
    count = group.event_count
    label = ngettext(
        "%(counter)s event close together on the map",
        "%(counter)s events close together on the map",
        count,
    ) % {"counter": count}
    if names:
        label += ": " + ", ".join(place.name for place in group.places)
    return label


def _events_count(place: MapPlace) -> str:
    count = len(place.events)
    if count < 2:
        return ""
    return (
        " ("
        + _e(ngettext("%(counter)s event", "%(counter)s events", count) % {"counter": count})
        + ")"
    )


def map_place_items(world: WorldMap) -> SafeString:
    """`<li>` items naming each place, with its number of events when there is more than one."""
    items = []
    for place in world.places:
        count = len(place.events)
        several = (
            " ("
            + _e(ngettext("%(counter)s event", "%(counter)s events", count) % {"counter": count})
            + ")"
            if count > 1
            else ""
        )
        items.append(
            f'\n      <li><a href="{_e(place.url)}">{_e(place.name)}</a>, '
            f"{_e(place.country_label)}{several}</li>"
        )
    return SafeString("".join(items))
