"""Calendars written in the tests' own words, and an import read back as people see it."""

from zoneinfo import ZoneInfo


def calendar(*events: str, head: str = "", version: str = "2.0") -> bytes:
    lines = ["BEGIN:VCALENDAR", f"VERSION:{version}", "PRODID:-//test//EN", *head.split("\n"),
             *events, "END:VCALENDAR"]  # fmt: skip
    return "\r\n".join(line for line in lines if line).encode()


def vevent(uid: str, *lines: str, location: str = "Neude\\, Utrecht\\, Nederland") -> str:
    return "\r\n".join(["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20300101T000000Z",
                        f"LOCATION:{location}", *lines, "END:VEVENT"])  # fmt: skip


def shown(reading, *, with_venue: bool = True) -> list[tuple]:
    """Each entry as people read it: title, local start and end, zone, city (and venue)."""
    rows = []
    for entry in reading.entries:
        record, zone = entry.record, ZoneInfo(entry.record.timezone)
        row = (
            entry.title,
            record.starts_at.astimezone(zone).replace(tzinfo=None),
            record.ends_at.astimezone(zone).replace(tzinfo=None),
            record.timezone,
            record.city,
        )
        rows.append((*row, record.venue) if with_venue else row)
    return sorted(rows, key=lambda row: (row[1], row[0]))
