"""Which IANA time zone a calendar's TZID means: Windows zone names and Outlook's display names
("(UTC+01:00) Amsterdam, Berlin, …"), Lotus Notes' "$" fields, vendor paths
("/mozilla.org/20050126_1/Europe/Berlin"), and custom zones ("Customized Time Zone")
recognized by the offsets their VTIMEZONE gives."""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Calendar, Component, Timezone
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON  # CLDR's windowsZones

from turnout.campaigns.validators import available_time_zones

from .calendar_offset_names import named_offset, offset_all_year
from .calendar_parsing import PARSER_ERRORS
from .calendar_zone_links import current_zone_name
from .calendar_zone_rules import rules_end_year
from .country_zones import MAIN_ZONES, zones_by_country
from .times import USUAL_ZONES
from .vcal_offsets import FileClock, clock_offsets, file_clock, fixed_offset_zone

# Outlook's display names that name a region rather than a city of the IANA database.
_DISPLAY_REGIONS = {
    "eastern time (us & canada)": "America/New_York",
    "central time (us & canada)": "America/Chicago",
    "mountain time (us & canada)": "America/Denver",
    "pacific time (us & canada)": "America/Los_Angeles",
    "atlantic time (canada)": "America/Halifax",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "arizona": "America/Phoenix",
    "brasilia": "America/Sao_Paulo",
    "coordinated universal time": "UTC",
    "beijing": "Asia/Shanghai",
    "new delhi": "Asia/Kolkata",
}
_DISPLAY_NAME = re.compile(
    r"\(\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?:[:.](\d{2}))?)?\s*\)\s*(.*)", re.I | re.S
)


_ABBREVIATION = re.compile(r"(?!UTC$|GMT$)[A-Z]{3,5}")


def names_only_a_season(zone: str) -> bool:
    """Whether an X-WR-TIMEZONE is an abbreviation ("EST", "CEST"), as Emacs' Org mode and PHP
    scripts write the author's zone in the season of the export: it means the clock of the
    places the entries are in, not the fixed offset IANA keeps under the name "EST"."""
    return bool(_ABBREVIATION.fullmatch(zone.strip()))


def clean_tzid(tzid: str) -> str:
    """A TZID as meant: without the quotes and escapes some programs leave in it."""
    return re.sub(r"\\(.)", r"\1", str(tzid)).strip().strip('"').strip()


@lru_cache(maxsize=1024)  # a feed names its few zones thousands of times
def iana_zone(tzid: str) -> str | None:
    """The IANA zone a TZID names, by its name alone; None for a name of no known zone."""
    name = clean_tzid(tzid)
    if not name or len(name) > 200:
        return None
    zones = available_time_zones()
    if name in zones:
        return current_zone_name(name)
    if name.lower().startswith("tzone://microsoft/"):  # Exchange's own spelling
        name = name[len("tzone://microsoft/") :]
        return "UTC" if name.lower() == "utc" else _windows_zone(name)
    if windows := _windows_zone(name):
        return windows
    if "$" in name:
        return _notes_zone(name)
    if "/" in name:
        # "/mozilla.org/20050126_1/Europe/Berlin", "/softwarestudio.org/Olson_20011030_5/…":
        # a vendor's prefix before an IANA name.
        parts = [part for part in name.split("/") if part]
        for start in range(len(parts)):
            if (candidate := "/".join(parts[start:])) in zones:
                return current_zone_name(candidate)
    return _display_name_zone(name)


def _windows_zone(name: str) -> str | None:
    found = _windows_names().get(name.casefold())  # CLDR's: "Asia/Calcutta", not "…/Kolkata"
    return current_zone_name(found) if found in available_time_zones() else None


# Lotus Notes / HCL Domino write a zone as its own fields:
# "Z=-1$DO=1$DL=3 -1 1 10 -1 1$ZX=35$ZN=W. Europe" is one hour east (Z counts hours west),
# summer time observed (DO), and the Windows zone's name without "Standard Time" (ZN).
_NOTES_FIELD = re.compile(r"(?:^|\$)\s*(Z|DO|ZN)\s*=\s*([^$]*)", re.I)


def _notes_zone(name: str) -> str | None:
    """The IANA zone of a Notes TZID: its Windows name, if that keeps the offset it gives."""
    fields = {key.upper(): value.strip() for key, value in _NOTES_FIELD.findall(name)}
    try:
        offset = -timedelta(hours=float(fields.get("Z", "")))
    except (ValueError, OverflowError):
        return None
    if abs(offset) > timedelta(hours=14):
        return None
    windows = fields.get("ZN", "")
    for zone in (_windows_zone(f"{windows} Standard Time"), _windows_zone(windows)):
        if zone and _keeps(zone, offset):
            return zone
    if fields.get("DO") == "0":  # no summer time: the offset alone is its clock
        return _display_name_zone(f"(UTC{offset.total_seconds() / 3600:+03.0f}:00)")
    return None


@cache
def _windows_names() -> dict[str, str]:
    return {windows.casefold(): iana for windows, iana in WINDOWS_TO_OLSON.items()}


def _display_name_zone(name: str) -> str | None:
    """ "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna" is Europe/Amsterdam: the
    first place it names that is an IANA zone's city and keeps the offset it gives."""
    match = _DISPLAY_NAME.fullmatch(name)
    if match is None:
        return None
    sign, hours, minutes, places = match.groups()
    offset = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    offset = -offset if sign == "-" else offset
    places = places.strip()
    if (region := _DISPLAY_REGIONS.get(places.casefold())) and _keeps(region, offset):
        return region
    cities = _zone_cities()
    for place in re.split(r"\s*[,/;、，]\s*|\s+-\s+", places):
        words = place.casefold().replace("st.", "saint").split()
        # "City of Buenos Aires": the city's name may follow words of Windows' own.
        for start in range(len(words)):
            key = re.sub(r"\W+", "", "".join(words[start:]))
            for zone in cities.get(key, ()):
                if _keeps(zone, offset):
                    return zone
        if (region := _DISPLAY_REGIONS.get(place.casefold())) and _keeps(region, offset):
            return region
    if offset.total_seconds() % 3600 == 0 and abs(offset) <= timedelta(hours=14):
        # No place it names is known: its fixed offset (Etc's signs are the other way round).
        hours_east = int(offset.total_seconds() // 3600)
        return "UTC" if hours_east == 0 else f"Etc/GMT{-hours_east:+d}"
    return None


@cache
def _zone_cities() -> dict[str, tuple[str, ...]]:
    """IANA zones by their city, written as people do: "mexicocity", "buenosaires"."""
    found: dict[str, list[str]] = {}
    for zone in sorted(available_time_zones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            key = re.sub(r"\W+", "", zone.rsplit("/", 1)[1].casefold().replace("_", ""))
            found.setdefault(key, []).append(zone)
    return {key: tuple(zones) for key, zones in found.items()}


def _keeps(zone: str, offset: timedelta) -> bool:
    """Whether `zone` has `offset` as its standard time (in January or July, the lesser)."""
    tz = ZoneInfo(zone)
    year = datetime.now(UTC).year
    offsets = [datetime(year, month, 15, tzinfo=UTC).astimezone(tz).utcoffset() for month in (1, 7)]
    return min(o for o in offsets if o is not None) == offset


class CalendarZones:
    """The zones one calendar's TZIDs mean, custom VTIMEZONEs recognized by their offsets."""

    def __init__(self, calendar: Calendar) -> None:
        self._vtimezones: dict[str, Component] = {}
        for component in calendar.walk("VTIMEZONE"):
            self._vtimezones.setdefault(clean_tzid(str(component.get("TZID", ""))), component)
        default = str(calendar.get("X-WR-TIMEZONE", "") or "")
        # An abbreviation ("EST" from Org mode) is the clock of the entries' places, and the
        # zone people mean by it only for entries nothing places (`sole_zone`).
        season = None
        if names_only_a_season(default):
            season = USUAL_ZONES.get(default.strip()) or iana_zone(default)
        self.default_zone = iana_zone(default) if default and not season else None
        # Zones the calendar names elsewhere: a custom zone is most likely one of them.
        self._named = [zone for tzid in self._vtimezones if (zone := iana_zone(tzid)) is not None]
        self._inferred: dict[tuple[str, int, tuple[str, ...]], str | None] = {}
        # The one zone the calendar's VTIMEZONEs name, if they name one: the zone its author
        # keeps, for entries nothing else places.
        named = set(self._named) & available_time_zones()
        self.sole_zone = next(iter(named)) if len(named) == 1 else season
        # vCalendar 1.0's TZ and DAYLIGHT lines: the clock of its times written without "Z".
        self.file_clock = file_clock(calendar)

    def zone_of(self, tzid: str, *, year: int, countries: Iterable[str] = ()) -> str | None:
        """The IANA zone `tzid` means in `year`: by its name, else the zone whose offsets all
        that year are the ones its VTIMEZONE gives, among the `countries`' zones first."""
        if found := iana_zone(tzid):
            if not found.startswith("Etc/") or clean_tzid(tzid) not in self._vtimezones:
                return found
        name = clean_tzid(tzid)
        key = (name, year, tuple(countries))
        if key not in self._inferred:
            self._inferred[key] = self._zone_by_offsets(name, year, key[2])
        return self._inferred[key] or iana_zone(tzid)

    def _zone_by_offsets(self, name: str, year: int, countries: tuple[str, ...]) -> str | None:
        component = self._vtimezones.get(name)
        fixed = named_offset(name)  # "GMT+05:30": that offset all year, whatever its VTIMEZONE
        if not (isinstance(component, Timezone) or fixed is not None) or not 1900 <= year <= 2200:
            return None
        if fixed is not None or not isinstance(component, Timezone):
            wanted = offset_all_year(fixed or timedelta(0), year)
        else:
            # A VTIMEZONE whose rules all ended years ago, with nothing after (an old export,
            # its rules cut off where the exporter's tables stopped), says nothing of this
            # year: it is the zone that kept those offsets while its rules held.
            ended = rules_end_year(component)
            year = ended if ended is not None and ended < year else year
            try:
                wanted = _offsets(component.to_tz(lookup_tzid=False), year)
            except (*PARSER_ERRORS, OverflowError):
                return None  # a VTIMEZONE that cannot be read: its times are read as they are
        # The event's country first, then the calendar's own zones, then the zone most
        # people live in among those that keep a rule; an arbitrary zone of it never.
        candidates = [
            *(zone for country in countries for zone in zones_by_country().get(country, ())),
            *([self.default_zone] if self.default_zone else []),
            *self._named,
            *MOST_USED_ZONES,
            *WINDOWS_TO_OLSON.values(),
        ]
        seen = set()
        for zone in candidates:
            if zone in seen or zone not in available_time_zones():
                continue
            seen.add(zone)
            if offsets_in_year(zone, year) == wanted:
                return zone
        return None


# For each rule of offsets and summer time, the zone most people who keep it live in: a custom
# zone with no country to go by is named after it. Only the first zone of a rule counts, so a
# rule is listed once ("Europe/Berlin" for CET/CEST, not Budapest, Paris or Stockholm).
MOST_USED_ZONES = (
    "UTC",
    "Europe/London",  # GMT/BST
    "Europe/Lisbon",  # WET/WEST
    "Europe/Berlin",  # CET/CEST
    "Europe/Kyiv",  # EET/EEST
    "Europe/Moscow",
    "Africa/Lagos",  # WAT, no summer time
    "Africa/Johannesburg",  # SAST/CAT
    "Africa/Cairo",
    "Africa/Nairobi",  # EAT
    "Europe/Istanbul",
    "Asia/Tehran",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Dhaka",
    "Asia/Jakarta",
    "Asia/Shanghai",  # +08: China before Perth, Manila or Singapore
    "Asia/Tokyo",
    "Australia/Brisbane",  # AEST without summer time
    "Australia/Sydney",  # AEST/AEDT
    "Australia/Adelaide",
    "Pacific/Auckland",
    "America/St_Johns",
    "America/Halifax",
    "America/Sao_Paulo",  # -03 all year
    "America/New_York",  # US Eastern
    "America/Bogota",  # -05 all year
    "America/Chicago",  # US Central
    "America/Mexico_City",  # -06 all year
    "America/Denver",  # US Mountain
    "America/Phoenix",  # -07 all year
    "America/Los_Angeles",  # US Pacific
    "America/Anchorage",
    "Pacific/Honolulu",
)


@lru_cache(maxsize=4096)  # a few hundred zones, a few years
def offsets_in_year(zone: str, year: int) -> tuple[timedelta | None, ...]:
    """The IANA `zone`'s offset at noon UTC of every day of `year`."""
    return _offsets(ZoneInfo(zone), year)


def preferred_zone(zones: list[str]) -> str:
    """Among zones that keep the same clock, the one most people live in."""
    for zone in (*MOST_USED_ZONES, *MAIN_ZONES.values()):
        if zone in zones:
            return zone
    return zones[0]


def country_zones(country: str) -> tuple[str, ...]:
    """The IANA zones of a country (ISO 3166 code) that this installation knows."""
    return tuple(
        z for z in zones_by_country().get(country.upper(), ()) if z in available_time_zones()
    )


def _offsets(zone: tzinfo, year: int) -> tuple[timedelta | None, ...]:
    """The zone's offset at noon UTC of every day of `year`: two zones that agree on all of
    them change to and from summer time on the same days."""
    first = datetime(year, 1, 1, 12, tzinfo=UTC)
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return tuple((first + timedelta(days=n)).astimezone(zone).utcoffset() for n in range(days))


def hinted_countries(component) -> list[str]:
    """Countries the event hints at: its texts' language tags ("SUMMARY;LANGUAGE=fr-FR" is
    France), then its organizer's address ("…@pauseai.de")."""
    countries = []
    for name in ("LOCATION", "SUMMARY", "DESCRIPTION"):
        value = component.get(name)
        language = str(getattr(value, "params", {}).get("LANGUAGE", "") or "")
        if match := re.fullmatch(r"[A-Za-z]{2,3}[-_]([A-Za-z]{2})", language.strip()):
            countries.append(match.group(1).upper())
    organizer = str(component.get("ORGANIZER", "") or "")
    if match := re.search(r"@[^\s>]+\.([A-Za-z]{2})$", organizer.strip()):
        countries.append({"UK": "GB"}.get(match.group(1).upper(), match.group(1).upper()))
    return countries


def usual_country(component) -> str | None:
    """The country an entry's own words point to, for a city's name several countries have:
    the one whose IANA zone its start's TZID names as written ("Europe/Madrid" for
    "Valencia"), else the one its language tags or organizer hint at. A Windows name is not
    asked: CLDR gives one country's zone for a clock several countries keep."""
    start = component.get("DTSTART")
    start = start[0] if isinstance(start, list) and start else start
    tzid = clean_tzid(str(getattr(start, "params", {}).get("TZID", "") or ""))
    if tzid in available_time_zones():
        countries = [c for c, zones in zones_by_country().items() if tzid in zones]
        if len(countries) == 1:
            return countries[0]
    return next(iter(hinted_countries(component)), None)


def zone_keeping_clock(clock: FileClock, *, countries: list[str], year: int) -> str | None:
    """The IANA zone of the event's country that keeps the file's offsets all of `year`
    (the one most people live in where several do, as they show the same clock); else None."""
    wanted = clock_offsets(clock, year)
    for country in dict.fromkeys(countries):
        matching = [z for z in country_zones(country) if offsets_in_year(z, year) == wanted]
        if matching:
            return preferred_zone(matching)
    return None


def floating_in_file_clock(zones: CalendarZones, value: date) -> date:
    """A time written without a zone in a vCalendar 1.0 file with `TZ`: at the file's offset."""
    if zones.file_clock is None or not isinstance(value, datetime) or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=zones.file_clock)


def file_clock_zone(zones: CalendarZones, start: datetime, *, countries: list[str]) -> str:
    """The zone of an event with no place whose start is at the file's clock: its country's
    zone that keeps that clock, else the fixed offset of its start."""
    clock = zones.file_clock
    if clock is None:
        return "UTC"
    if zone := zone_keeping_clock(clock, countries=countries, year=start.year):
        return zone
    return fixed_offset_zone(clock.utcoffset(start))


def file_clock_notes(zones: CalendarZones, start: date, zone: str) -> list[str]:
    """What to tell of an event kept at the file's offset for want of a zone to name."""
    clock = zones.file_clock
    if clock is None or not isinstance(start, datetime) or start.tzinfo is not clock:
        return []
    if zone != "UTC" and not zone.startswith("Etc/"):
        return []
    return [
        _(
            "its time is given at the file's offset (%(offset)s) and no place or country names"
            " its time zone; the moment is kept at that offset, so check its zone"
        )
        % {"offset": clock.tzname(start)}
    ]
