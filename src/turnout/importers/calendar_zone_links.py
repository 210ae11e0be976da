"""The current name of an IANA zone that a calendar gives by one the tz database retired
("Asia/Calcutta" for "Asia/Kolkata", "Europe/Kiev", "US/Eastern"): older programs, and zones
carried over from them ("/mozilla.org/20071231_1/Asia/Calcutta"), still write those."""

from functools import cache
from importlib import resources


def current_zone_name(zone: str) -> str:
    """`zone` by the name the tz database gives it now; a zone of its own keeps its name.

    A name that zone.tab still lists is some country's own zone and stays as it is, though
    the database links it to another with the same clock ("Europe/Amsterdam" to Brussels'):
    people there know their city's zone by its own name."""
    return _retired_names().get(zone, zone)


@cache
def _retired_names() -> dict[str, str]:
    """Retired names (links in the tz source that zone.tab no longer lists) by their current
    name; only names of places, so "UTC", "GMT" and "CET" stay as calendars write them."""
    package = resources.files("tzdata.zoneinfo")
    listed = set()
    for line in package.joinpath("zone.tab").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) >= 3:
            listed.add(fields[2])
    retired = {}
    for line in package.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        kind, *names = line.split()
        if kind == "L" and len(names) == 2:
            target, alias = names
            # "Turkey" and "Israel" too, not abbreviations ("EST", "ROK", "GB").
            is_a_place = "/" in alias or not alias.isupper()
            if is_a_place and alias not in listed and target in listed:
                retired[alias] = target
    return retired
