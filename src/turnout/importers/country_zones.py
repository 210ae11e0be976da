"""Each country's time zones, from the tz database's `zone.tab` (shipped by tzdata), and the
one a place in it is given when nothing names its zone."""

from functools import cache
from importlib import resources


@cache
def zones_by_country() -> dict[str, list[str]]:
    """Each country's IANA zones in `zone.tab` order."""
    zones: dict[str, list[str]] = {}
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_comment = line.split("\t")
        zones.setdefault(code, []).append(zone)
    return zones


# Where `zone.tab`'s first zone (listed east to west) is not where most people live.
MAIN_ZONES = {
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "UZ": "Asia/Tashkent",
    "PS": "Asia/Hebron",
    "FM": "Pacific/Pohnpei",
    "GL": "America/Nuuk",
    "AQ": "UTC",
}


def main_time_zone(country: str) -> tuple[str, bool]:
    """(the country's main zone, whether that is a guess because it has several)."""
    zones = zones_by_country().get(country.upper(), [])
    if not zones:
        return "UTC", True
    return MAIN_ZONES.get(country.upper(), zones[0]), len(zones) > 1
