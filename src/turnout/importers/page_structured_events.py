"""A page's schema.org events (`page_structured_data`) read into event records and joined
to those its text gives.

The text stays the first reading: a structured event of a city and day the text already
placed only fills in what the text left out (its hours, its signup link, that it is called
off); one the text missed is added. Times with an offset are read on the place's clock, a
time without one is the place's own, a day alone leaves the time to be announced.
"""

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import recognize_platform

from .city_events import online_event, place_event
from .city_list_reading import CityListReading, ReadingContext
from .countries import country_codes_for
from .document import Link
from .event_days import Anchors
from .meeting_links import is_meeting_link
from .page_structured_data import structured_event_nodes, type_names
from .places import Place, PlaceNotUnderstood, read_place
from .records import CampaignRecord, EventRecord, Notice
from .times import TimeSpan
from .vocabulary import fold

# A structured event longer than this is a season's listing, not a protest of several days.
_MAX_DAYS = 60
_MAX_TEXT = 300


def structured_window(
    body: str, language: str | None, posted: date | None = None
) -> tuple[date, date] | None:
    """The days the page's structured events span, or None when it has none."""
    events = _upcoming(_structured_events(body, language)[0], posted)
    if not events:
        return None
    return min(e.day for e in events), max(e.last_day or e.day for e in events)


def add_structured_events(
    campaign: CampaignRecord,
    *,
    body: str,
    language: str | None,
    warnings: list[Notice],
    name: str,
    posted: date | None = None,
) -> None:
    """Join the page's structured events to the campaign's: each fills in the event of its
    city and day, or is added when the text read none there."""
    events, problems = _structured_events(body, language)
    events = _upcoming(events, posted)
    # A campaign finished again (after the optional model's reading) is told once.
    notices = [Notice(name, None, problem) for problem in problems]
    warnings += [notice for notice in notices if notice not in warnings]
    filled: set[int] = set()  # the text's events a structured one has already spoken for
    for structured in events:
        event = replace(structured, from_model=[])
        same = _same_event(campaign.events, event, filled)
        if same is None and (event.city or event.is_online):
            campaign.events.append(event)
            filled.add(id(event))
        elif same is not None:
            filled.add(id(same))
            _fill_in(same, event)
        else:
            message = _(
                "the page's structured data lists an event on %(day)s whose place the importer "
                "cannot read; it is not imported"
            ) % {"day": event.day.isoformat()}
            if (notice := Notice(name, None, message)) not in warnings:
                warnings.append(notice)


def _upcoming(events: tuple[EventRecord, ...], posted: date | None) -> tuple[EventRecord, ...]:
    """The events of a page posted on `posted` that were still to come: a saved page's list
    keeps last year's events in its data beside the new ones, as its text lists them under
    "Past events". A page whose events all lie before its date keeps them (a report)."""
    if posted is None:
        return events
    coming = tuple(e for e in events if (e.last_day or e.day) >= posted)
    return coming or events


def _same_event(
    events: list[EventRecord], new: EventRecord, filled: set[int]
) -> EventRecord | None:
    """The event of `events` that `new` describes again: of its city (or online) and day,
    preferably at its hour; one with no city of its own is the day's only event."""
    on_day = [
        e for e in events if e.day == new.day or (e.last_day and e.day <= new.day <= e.last_day)
    ]
    if new.is_online:
        candidates = [e for e in on_day if e.is_online]
    elif new.city:
        candidates = [e for e in on_day if not e.is_online and fold(e.city) == fold(new.city)]
    else:
        return on_day[0] if len(on_day) == 1 else None
    for event in candidates:
        if new.starts is not None and event.starts == new.starts:
            return event
    untimed = [e for e in candidates if not e.is_time_known]
    if untimed:
        return untimed[0]
    free = [e for e in candidates if id(e) not in filled]
    return free[0] if len(free) == 1 or (free and new.starts is None) else None


def _fill_in(event: EventRecord, structured: EventRecord) -> None:
    if event.starts is not None and event.starts == structured.starts:
        event.ends = event.ends or structured.ends
    if not event.is_time_known and structured.is_time_known:
        event.starts, event.ends = structured.starts, structured.ends
        event.day = structured.day
        if event.is_online and not event.timezone:
            event.timezone = structured.timezone
    if not event.signup_url and structured.signup_url:
        event.signup_url, event.platform = structured.signup_url, structured.platform
    if not event.meeting_url and structured.meeting_url:
        event.meeting_url = structured.meeting_url
    if event.is_to_be_announced and event.is_time_known and (event.signup_url or event.meeting_url):
        event.is_to_be_announced = False
    event.last_day = event.last_day or structured.last_day
    event.venue = event.venue or structured.venue
    event.is_cancelled = event.is_cancelled or structured.is_cancelled


@lru_cache(maxsize=4)
def _structured_events(
    body: str, language: str | None
) -> tuple[tuple[EventRecord, ...], tuple[str, ...]]:
    problems: list[str] = []
    events = []
    for node in structured_event_nodes(body):
        event = _event_of(node, language, problems)
        if event is not None:
            events.append(event)
    _on_page_clock(events)
    return tuple(events), tuple(dict.fromkeys(problems))


def _on_page_clock(events: list[EventRecord]) -> None:
    """An online event whose moment was read in UTC shown on the clock of the page's places
    (the same moment): a Tokyo page's call at 20:00 JST, not at 11:00 UTC."""
    zones = Counter(e.timezone for e in events if not e.is_online and e.timezone)
    if not zones:
        return
    zone = ZoneInfo(zones.most_common(1)[0][0])
    for event in events:
        if event.is_online and event.timezone == "UTC" and event.starts is not None:
            starts = datetime.combine(event.day, event.starts, UTC).astimezone(zone)
            if event.ends is not None:
                ends = datetime.combine(event.day, event.ends, UTC).astimezone(zone)
                event.ends = ends.time().replace(tzinfo=None)
            event.day, event.starts = starts.date(), starts.time().replace(tzinfo=None)
            event.timezone = str(zone)


def _event_of(node: dict, language: str | None, problems: list[str]) -> EventRecord | None:
    title = text_of(node.get("name")) or _("an event")
    start = read_moment(text_of(node.get("startDate")))
    if start is None:
        problems.append(
            _(
                "the page's structured data gives no day the importer can read for "
                "“%(name)s”; it is not imported"
            )
            % {"name": title}
        )
        return None
    end = read_moment(text_of(node.get("endDate")))
    status = text_of(node.get("eventStatus"))
    mode = text_of(node.get("eventAttendanceMode"))
    signup = _url(node.get("url")) or _offer_url(node.get("offers"))
    places, virtual = _locations(node.get("location"))
    is_online = (
        "OnlineEventAttendanceMode" in mode
        or "EventMovedOnline" in status
        or (virtual is not None and not places)
    )
    if "EventPostponed" in status or "EventRescheduled" in status:
        problems.append(
            _("the page's structured data says “%(name)s” was postponed or moved; check its day")
            % {"name": title}
        )
    if is_online:
        event = _online(start, end, signup, virtual or "", title, language)
    else:
        place = _place(places, language)
        if place is None:
            return _unplaced(start, signup)  # joins the day's one event, or nothing
        event = _at_place(place, start, end, signup)
    event.is_cancelled = event.is_cancelled or "EventCancelled" in status
    return event


def _at_place(place: Place, start: date, end: date | None, signup: str) -> EventRecord:
    day, starts = _on_clock(start, place.timezone)
    last_day, ends = _on_clock(end, place.timezone) if end is not None else (None, None)
    times = TimeSpan(starts, ends if last_day == day else None) if starts else None
    event = place_event(place, None, signup, not signup, day, times, CityListReading())
    if last_day and day < last_day <= day + timedelta(days=_MAX_DAYS):
        event.last_day = last_day
    return event


def _online(
    start: date, end: date | None, signup: str, virtual: str, title: str, language: str | None
) -> EventRecord:
    written = "UTC+0" if isinstance(start, datetime) and start.tzinfo is not None else ""
    day, starts = _on_clock(start, "UTC" if written else "")
    _end_day, ends = _on_clock(end, "UTC" if written else "") if end is not None else (None, None)
    times = TimeSpan(starts, ends, written) if starts else None
    links = [Link(title, url) for url in (signup, virtual) if url]
    context = ReadingContext(window=(day, day), anchors=Anchors(), language=language)
    event = online_event(links, title, None, day, times, context)
    if virtual and not is_meeting_link(virtual) and not event.signup_url:
        event.signup_url, event.platform = virtual, str(recognize_platform(virtual))
    return event


def _unplaced(start: date, signup: str) -> EventRecord:
    day = start.date() if isinstance(start, datetime) else start
    starts = start.time() if isinstance(start, datetime) and start.tzinfo is None else None
    return EventRecord(city="", country="", timezone="", day=day, signup_url=signup, starts=starts)


def _on_clock(moment: date, zone: str) -> tuple[date, time | None]:
    """The day and hour of `moment` on `zone`'s clock; a moment with no offset is already."""
    if not isinstance(moment, datetime):
        return moment, None
    if moment.tzinfo is not None and zone:
        try:
            moment = moment.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError, OverflowError):
            pass
    return moment.date(), moment.time().replace(tzinfo=None)


def read_moment(text: str) -> date | None:
    """An ISO 8601 day or moment ("2027-04-12", "2027-04-12T14:00+02:00", "…Z"), or None."""
    text = text.strip()
    if not text or len(text) > 40:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
        if moment.tzinfo is not None:
            moment.astimezone(ZoneInfo("UTC"))  # a moment no clock can show is none
        return moment
    except (ValueError, OverflowError):
        return None


def _locations(value: object) -> tuple[list[object], str | None]:
    """(the physical places, the online address or "" when online without one, else None)."""
    values = value if isinstance(value, list) else [value]
    places: list[object] = []
    virtual: str | None = None
    for location in values[:5]:
        if isinstance(location, dict) and "VirtualLocation" in type_names(location):
            virtual = virtual or _url(location.get("url")) or ""
        elif isinstance(location, str) and location.strip().startswith(("http://", "https://")):
            virtual = virtual or _url(location) or ""
        elif location:
            places.append(location)
    return places, virtual


def _place(places: list[object], language: str | None) -> Place | None:
    """The first place the words name, preferring one the gazetteer knows ("渋谷区" is
    taken as written only when "東京都" after it is not known either)."""
    taken_as_written = None
    for location in places:
        for parts, venue, with_venue in _place_words(location, language):
            try:
                place = read_place(parts, language=language, with_venue=with_venue)
            except PlaceNotUnderstood:
                continue
            place = replace(place, venue=venue[:200]) if venue else place
            if place.latitude is not None:
                return place
            taken_as_written = taken_as_written or place
    return taken_as_written


def _place_words(location: object, language: str | None) -> list[tuple[list[str], str, bool]]:
    """The ways to name a place to try, in order: (its words, its venue when known apart,
    whether the words hold a venue)."""
    if isinstance(location, str):
        return [(location[:_MAX_TEXT].split(","), "", True)]
    if not isinstance(location, dict):
        return []
    name = text_of(location.get("name"))
    address = location.get("address")
    tries: list[tuple[list[str], str, bool]] = []
    if isinstance(address, dict):
        country = _country(address.get("addressCountry"), language)
        street = text_of(address.get("streetAddress"))
        venue = ", ".join(dict.fromkeys(filter(None, [name, street])))
        for field in ("addressLocality", "addressRegion"):
            if locality := text_of(address.get(field)):
                tries.append(([locality, country] if country else [locality], venue, False))
    elif text := text_of(address):
        tries.append((text.split(","), name, not name))
    if name:
        tries.append((name.split(","), "", True))
    return tries


def _country(value: object, language: str | None) -> str:
    """The country an address names ("NL", "Nederland", {"@type": "Country", "name": …})."""
    text = text_of(value)
    codes = country_codes_for(text, language=language) if text else frozenset()
    return next(iter(codes)) if len(codes) == 1 else text


def _offer_url(value: object) -> str:
    offers = value if isinstance(value, list) else [value]
    return next(
        (url for o in offers[:5] if isinstance(o, dict) and (url := _url(o.get("url")))), ""
    )


def _url(value: object) -> str:
    url = text_of(value)
    return url if url.startswith(("http://", "https://")) and len(url) <= 500 else ""


def text_of(value: object, depth: int = 0) -> str:
    """A value's text: a string, a number, a node's name or "@value", a list's first text."""
    if isinstance(value, str):
        return " ".join(value.split())[:_MAX_TEXT]
    if isinstance(value, bool) or value is None or depth > 3:
        return ""
    if isinstance(value, int | float):
        return str(value)[:_MAX_TEXT]
    if isinstance(value, dict):
        for key in ("name", "@value", "@id", "url"):
            if text := text_of(value.get(key), depth + 1):
                return text
        return ""
    if isinstance(value, list):
        return next((t for v in value[:5] if (t := text_of(v, depth + 1))), "")
    return ""
