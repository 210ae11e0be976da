"""Calendars written in the tests' own words, each round's folder of calendars from other
programs, and an import read back as people see it."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from turnout.importers.calendar_feeds import read_calendar

FIXTURES = Path(__file__).parent / "fixtures"
# The moment every round's calendars are read at: their events lie around it.
NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)


class CalendarFolder:
    """One round's folder of .ics files (`fixtures/<name>/`), read at `now`."""

    def __init__(self, name: str, *, now: datetime = NOW) -> None:
        self.path = FIXTURES / name
        self.now = now

    def fixture(self, name: str) -> bytes:
        return (self.path / name).read_bytes()

    def read(self, name: str, data: bytes | None = None, **options):
        """The file `name` (or `data` in its place) read as `turnout import ical` reads it."""
        data = self.fixture(name) if data is None else data
        return read_calendar(data, source=name, now=self.now, **options)

    def assert_sync_writes_what_it_reads_or_nothing(self, name: str, damaged: bytes) -> None:
        """Sync the feed `name` whole, then as `damaged`: a feed refused changes nothing and
        says why; one read writes one imported entry per event, every entry it read."""
        from turnout.campaigns.models import LocalEvent
        from turnout.importers.calendar_feeds import register_feed, sync_feed
        from turnout.importers.calendar_fetching import FeedUnavailable
        from turnout.importers.models import CalendarFeed, ImportedEvent

        CalendarFeed.objects.all().delete()
        LocalEvent.objects.all().delete()
        url = f"https://calendars.example.org/{name}"
        feed = register_feed(url=url, campaign=None)
        sync_feed(feed=feed, now=self.now, fetch=lambda _url: self.fixture(name))
        before = _event_state()
        try:
            reading = self.read(name, damaged)
        except FeedUnavailable:
            reading = None
        summary = sync_feed(feed=feed, now=self.now, fetch=lambda _url: damaged)
        feed.refresh_from_db()
        if reading is None:  # refused: nothing is changed, and the feed says why
            assert feed.last_error and _event_state() == before
            assert [str(w) for w in summary.warnings] == [f"{url}: {feed.last_error}"]
            return
        assert not feed.last_error
        # Every event is one imported entry; each entry read is an event of this feed.
        assert ImportedEvent.objects.count() == LocalEvent.objects.count()
        assert not LocalEvent.objects.filter(import_source__isnull=True).exists()
        written = set(ImportedEvent.objects.values_list("uid", "recurrence_id"))
        assert {entry.identity for entry in reading.entries if entry.uid} <= written

    def assert_cut_anywhere_refused_or_read_whole(self, name: str) -> None:
        """The feed `name` cut at points along its length is refused as cut off, in words, or
        read as no more than the whole feed gives (never another event)."""
        from turnout.importers.calendar_fetching import FeedUnavailable

        data = self.fixture(name)
        whole = {(e.title, e.record.starts_at) for e in self.read(name).entries}
        for at in range(0, len(data) - 20, max(len(data) // 25, 1)):
            try:
                reading = self.read(name, data[:at])
            except FeedUnavailable as error:
                assert str(error)
                continue
            assert {(e.title, e.record.starts_at) for e in reading.entries} <= whole


def _event_state() -> list[tuple]:
    from turnout.campaigns.models import LocalEvent

    fields = ("pk", "title", "starts_at", "ends_at", "status", "venue")
    return sorted(LocalEvent.objects.values_list(*fields))


def warnings_of(reading) -> list[str]:
    return [str(warning) for warning in reading.warnings]


def titled(reading, title: str) -> list:
    return [entry for entry in reading.entries if entry.title == title]


def only(reading, title: str):
    """The one entry of `reading` with this title."""
    (entry,) = [entry for entry in reading.entries if entry.title == title]
    return entry


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
