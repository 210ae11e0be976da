"""What an import read, before anything is written: the plan a dry run prints as JSON."""

from dataclasses import dataclass, field
from datetime import date, datetime, time


def with_model_facts(from_model: list[str], data: dict) -> dict:
    """`data` and, when the model read some of its facts, their names under "from_model"."""
    return {**data, "from_model": list(from_model)} if from_model else data


@dataclass(frozen=True)
class Notice:
    """Something the importer could not understand, with where it stands."""

    source: str  # the file or feed
    line: int | None  # from 1; None when it concerns the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass
class EventRecord:
    """A local event read from a city bullet, a "Where:" line, a calendar entry or a CSV row."""

    city: str
    country: str
    timezone: str
    day: date
    line: int | None = None
    signup_url: str = ""
    platform: str | None = None
    is_to_be_announced: bool = False
    latitude: float | None = None
    longitude: float | None = None
    venue: str = ""
    starts: time | None = None
    ends: time | None = None
    # Exact moments, when the source gives them (calendars, spreadsheets).
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    # The last day of an event of several days ("Duration: 3 days"); None for one day.
    last_day: date | None = None
    # The page says it was called off ("CANCELLED", "abgesagt", "afgelast").
    is_cancelled: bool = False
    # Online only ("Online – 20:00 (Zoom)"): no city or country; the call's link, if the page
    # gives one, is shown to confirmed participants only (`LocalEvent.meeting_url`).
    is_online: bool = False
    meeting_url: str = ""
    # The facts (by their names in `to_json`) that the optional model read and the page confirmed.
    from_model: list[str] = field(default_factory=list)

    @property
    def is_time_known(self) -> bool:
        """Whether the source gives a start time; without one the event's time is to be
        announced, never invented."""
        return self.starts is not None or self.starts_at is not None

    def to_json(self) -> dict:
        data = {
            "city": self.city,
            "country_code": self.country,
            "signup_url": self.signup_url or None,
            "platform": self.platform,
            "to_be_announced": self.is_to_be_announced,
            "day": self.day.isoformat(),
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "starts": self.starts.strftime("%H:%M") if self.starts else None,
            "ends": self.ends.strftime("%H:%M") if self.ends else None,
            "timezone": self.timezone,
            "venue": self.venue or None,
            "cancelled": self.is_cancelled,
        }
        if self.is_online:
            data["online"] = True
        return with_model_facts(self.from_model, data)


@dataclass
class PressRecord:
    url: str
    outlet: str
    title: str
    line: int | None = None

    def to_json(self) -> dict:
        return {"url": self.url, "outlet": self.outlet, "title": self.title}


@dataclass
class CampaignRecord:
    slug: str
    title: str
    starts_on: date
    ends_on: date
    source: str  # the file it came from
    language: str = ""
    summary: str = ""
    narrative: str = ""
    core_messages: list[str] = field(default_factory=list)
    demands: str = ""
    coordination_url: str = ""
    events: list[EventRecord] = field(default_factory=list)
    press: list[PressRecord] = field(default_factory=list)
    embeds: list[str] = field(default_factory=list)
    from_model: list[str] = field(default_factory=list)  # as on EventRecord

    def to_json(self) -> dict:
        data = {
            "slug": self.slug,
            "title": self.title,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "coordination_url": self.coordination_url or None,
            "core_messages": list(self.core_messages),
            "events": [e.to_json() for e in self.events],
            "press": [p.to_json() for p in self.press],
            "embeds": list(self.embeds),
        }
        return with_model_facts(self.from_model, data)


@dataclass
class PageRecord:
    """A page that is not a protest (values, a code of conduct): a content page."""

    slug: str
    title: str
    heading_ids: list[str]
    source: str  # the whole markdown, front matter included
    language: str = ""

    def to_json(self) -> dict:
        return {"slug": self.slug, "title": self.title, "heading_ids": list(self.heading_ids)}


@dataclass(frozen=True)
class MeetupPlan:
    """A group's regular meeting read from its page ("every second Tuesday of the month at
    19:00"), to become its recurring meet-up (`meetups.MeetupSeries`)."""

    rule: str  # an RRULE without DTSTART: "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU"
    starts: time  # local wall-clock time
    duration_minutes: int
    timezone: str
    text: str  # the words it was read from

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "starts": self.starts.strftime("%H:%M"),
            "duration_minutes": self.duration_minutes,
            "timezone": self.timezone,
        }


@dataclass
class GroupRecord:
    """A local group's page: where it is, how it meets and the channels it talks on."""

    slug: str
    name: str
    city: str
    country: str
    source: str  # the file it came from
    description: str = ""
    meetings: list[str] = field(default_factory=list)  # "Monthly meeting on the 11th"
    channels: list[tuple[str, str]] = field(default_factory=list)  # (kind, link)
    latitude: float | None = None
    longitude: float | None = None
    line: int | None = None
    meetups: list[MeetupPlan] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "slug": self.slug,
            "name": self.name,
            "city": self.city,
            "country_code": self.country,
            "meetings": list(self.meetings),
            "meetups": [meetup.to_json() for meetup in self.meetups],
            "channels": [{"kind": kind, "url": url} for kind, url in self.channels],
        }


@dataclass
class MarkdownPlan:
    """Everything read from a set of markdown files."""

    campaigns: list[CampaignRecord] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)
    groups: list[GroupRecord] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "campaigns": [c.to_json() for c in self.campaigns],
            "pages": [p.to_json() for p in self.pages],
            "groups": [g.to_json() for g in self.groups],
            "warnings": [str(w) for w in self.warnings],
        }
