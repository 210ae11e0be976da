"""The zone a time cell names after its clock time ("14:00 CET", "2pm ET", "17:00 IST"),
which must be the place's: a sheet of a national day may be written in the capital's clock."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from .sheet_rows import RowRejected

# Each abbreviation with the zones it names; people write a zone's winter name all year round
# ("CET" in May), so a name stands for its region's clock, summer or not.
_ZONES_NAMED = {
    ("CET", "CEST", "MEZ", "MESZ"): ("Europe/Berlin",),
    ("WET", "WEST", "WEZ"): ("Europe/Lisbon",),
    ("EET", "EEST", "OEZ"): ("Europe/Athens",),
    ("GMT", "BST", "UTC"): ("Etc/UTC", "Europe/London"),
    ("IST",): ("Asia/Kolkata", "Europe/Dublin"),
    ("ET", "EST", "EDT"): ("America/New_York",),
    ("CT", "CST", "CDT"): ("America/Chicago", "Asia/Shanghai"),
    ("MT", "MST", "MDT"): ("America/Denver", "America/Phoenix"),
    ("PT", "PST", "PDT"): ("America/Los_Angeles",),
    ("JST",): ("Asia/Tokyo",),
    ("KST",): ("Asia/Seoul",),
    ("AEST", "AEDT", "AET"): ("Australia/Sydney",),
    ("NZST", "NZDT"): ("Pacific/Auckland",),
    ("SAST",): ("Africa/Johannesburg",),
    ("WIB",): ("Asia/Jakarta",),
    ("WITA",): ("Asia/Makassar",),
    ("BRT",): ("America/Sao_Paulo",),
    ("MSK",): ("Europe/Moscow",),
    ("TRT",): ("Europe/Istanbul",),
    ("ICT",): ("Asia/Bangkok",),
    ("EAT",): ("Africa/Nairobi",),
    ("WAT",): ("Africa/Lagos",),
}  # fmt: skip
_ZONES = {name: zones for names, zones in _ZONES_NAMED.items() for name in names}
# After the clock time, bare; a note in brackets ("(EST)") is `sheet_cells.zone_note`'s.
_TRAILING_ZONE = re.compile(
    rf"(?:\s+|(?<=\d))({'|'.join(sorted(_ZONES, key=len, reverse=True))})\s*$"
)


def clock_zone(cell: str) -> tuple[str, str]:
    """(the time cell without the zone after its clock time, the zone's name or "")."""
    match = _TRAILING_ZONE.search(cell)
    if match is None or not re.search(r"\d", cell[: match.start()]):
        return cell, ""
    return cell[: match.start()], match[1]


def check_clock_zone(name: str, starts_at: datetime, city: str) -> None:
    """A zone written after the time must show the place's clock at the event's start."""
    if not name:
        return
    offsets = {starts_at.astimezone(ZoneInfo(zone)).utcoffset() for zone in _ZONES[name]}
    if starts_at.utcoffset() in offsets:
        return
    raise RowRejected(
        _("the time is written in %(zone)s, but %(city)s then keeps %(local)s; write the time "
          "as the clock in %(city)s shows it, or the zone in a “timezone” column")
        % {"zone": name, "city": city, "local": starts_at.tzname()}
    )  # fmt: skip
