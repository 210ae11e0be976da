"""The repeated parts of a world map's markup: a dot and a list item per place.

A campaign with hundreds of places spent a third of its page's time on these two loops in the
template; written here, with the values every place shares worked out once, they cost a few
milliseconds. The rest of the map's markup stays in `geo/_world_map.html`.
"""

from html import escape as _e  # Django's `escape` without its lazy-string wrapper

from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from .worldmap import WorldMap


def map_dots(world: WorldMap) -> SafeString:
    """A linked circle per place, titled with its name; SVG numbers are never localized."""
    radius = f"{world.dot_radius:.1f}"
    return SafeString(
        "".join(
            f'\n        <a href="{_e(place.url)}" tabindex="-1"><circle cx="{place.x:.1f}" '
            f'cy="{place.y:.1f}" r="{radius}"/><title>{_e(place.name)}, '
            f"{_e(place.country_label)}</title></a>"
            for place in world.places
        )
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
