"""iCalendar (RFC 5545) for local events: one VEVENT per event, used by invites and feeds."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Component, Event, vCalAddress, vText, vUri

from turnout.web.text import multi_line

from .day_details import exact_location, private_place, public_place, shown_coordinates
from .event_texts import EventText, shown_event_texts
from .models import LocalEvent

PRODUCT_ID = "-//Turnout//Turnout events//EN"
# A VTIMEZONE covers the zone's rules from this long before the first event to this long after
# the last, so every date in the calendar, and a year of reschedules, has its offset.
TIMEZONE_MARGIN = timedelta(days=366)


def event_uid(event: LocalEvent) -> str:
    """Stable across edits, so calendar apps update the event rather than add a second one."""
    return f"{event.uid}@turnout"


def event_location(event: LocalEvent, language: str | None = None) -> str:
    """Where, for anyone: an online event is "Online", and its meeting link is never here; a
    private event is only its area (day_details.public_place)."""
    return public_place(event, language).location


def add_private_place(vevent: Component, event: LocalEvent, language: str | None = None) -> None:
    """Give a participant's copy of an event its exact place: the address in LOCATION, the
    meeting point and instructions at the top of DESCRIPTION, and the exact GEO."""
    private = private_place(event)
    if not private:
        return
    vevent["location"] = vText(exact_location(event, language))
    if event.latitude is not None and event.longitude is not None and not event.is_online:
        vevent.pop("geo", None)
        vevent.add("geo", (event.latitude, event.longitude))
    notes = []
    if private.meeting_point:
        notes.append(_("Meeting point: %(point)s") % {"point": private.meeting_point})
    if private.instructions:
        notes.append(private.instructions)
    description = str(vevent.get("description", "") or "")
    if notes:
        vevent["description"] = vText(multi_line("\n\n".join([*notes, description]).strip()))


def add_meeting_link(vevent: Component, url: str) -> None:
    """Give a participant's copy of an event its video call: as CONFERENCE (RFC 7986), which
    few clients read yet, and in the location and description, which all of them show."""
    conference = vUri(url)
    conference.params["value"] = "URI"
    conference.params["feature"] = "VIDEO"
    vevent.add("conference", conference)
    place = str(vevent.get("location", "") or "")
    vevent["location"] = vText(url if place in ("", str(_("Online"))) else f"{place}, {url}")
    description = str(vevent.get("description", "") or "")
    vevent["description"] = vText(f"{url}\n\n{description}".strip() if description else url)


def build_vevent(
    event: LocalEvent,
    *,
    now: datetime,
    language: str | None = None,
    url: str | None = None,
    texts: dict[str, EventText] | None = None,
) -> Event:
    """The event in its own time zone (TZID), with its SEQUENCE and STATUS; its title and
    description as `texts` gives them by field (translated: see `build_calendar`), else its
    own."""
    if texts is None:
        texts = _texts_in([event], None)[event.pk]
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", now)
    vevent.add("dtstart", event.local_starts_at)
    vevent.add("dtend", event.local_ends_at)
    vevent.add("summary", texts["title"].text)
    vevent.add("location", event_location(event, language))
    if (coordinates := shown_coordinates(event)) is not None:
        vevent.add("geo", coordinates)
    vevent.add("url", url or f"{settings.SITE_URL}{event.get_absolute_url()}")
    if event.description:
        vevent.add("description", multi_line(texts["description"].text))
    statuses: dict[str, str] = {
        LocalEvent.Status.CANCELLED: "CANCELLED",
        LocalEvent.Status.DETAILS_TBA: "TENTATIVE",
        LocalEvent.Status.PROPOSED: "TENTATIVE",
    }
    vevent.add("status", statuses.get(event.status, "CONFIRMED"))
    vevent.add("last-modified", event.updated_at or now)
    return vevent


def build_calendar(
    events: Iterable[LocalEvent],
    *,
    now: datetime,
    name: str | None = None,
    method: str | None = None,
    language: str | None = None,
    organizer_email: str | None = None,
    translated: bool = False,
) -> Calendar:
    """A VCALENDAR with the events and the VTIMEZONEs they need.

    `method` is "PUBLISH" for feeds and downloads, "REQUEST" or "CANCEL" for emailed invites
    (RFC 5546), which is what makes mail clients offer to add the event. `translated`: the
    events' titles and descriptions in `language` where translated, for public feeds and
    downloads (an invite says what the email it comes with says: the organizer's words).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    events = list(events)
    texts = _texts_in(events, language if translated else None)
    for event in events:
        vevent = build_vevent(event, now=now, language=language, texts=texts[event.pk])
        if organizer_email:
            organizer = vCalAddress(f"mailto:{organizer_email}")
            organizer.params["cn"] = vText(getattr(settings, "TURNOUT_SITE_NAME", "Turnout"))
            vevent.add("organizer", organizer)
        calendar.add_component(vevent)
    if events:
        # Only the transitions around the events' dates: icalendar's default (1970 to 2038)
        # made each invite ~40 kB and cost ~15 ms to build, most of a reminder's time.
        first = min(event.starts_at for event in events).date() - TIMEZONE_MARGIN
        last = max(event.ends_at for event in events).date() + TIMEZONE_MARGIN
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def render_ics(calendar: Calendar) -> bytes:
    return calendar.to_ical()


def _texts_in(events: list[LocalEvent], language: str | None) -> dict[int, dict[str, EventText]]:
    """Each event's title and description in `language` (its own without one), by event id:
    two queries for a whole feed."""
    fields = ("title", "description")
    if language is None:
        return {e.pk: {f: EventText(getattr(e, f) or "", "") for f in fields} for e in events}
    shown = {field: shown_event_texts(events, field, language) for field in fields}
    return {e.pk: {field: shown[field][e.pk] for field in fields} for e in events}
