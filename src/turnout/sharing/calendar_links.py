"""Add to calendar before signing up: Google Calendar, Outlook and an .ics file (Apple and
every other calendar). Plain links: nothing reaches a third party until the visitor clicks.
Only the public place goes in them (day_details.public_place)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from turnout.campaigns.day_details import public_place
from turnout.campaigns.event_texts import event_text
from turnout.campaigns.models import LocalEvent

from . import urls_for
from .text import plain_summary

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"
DETAILS_LENGTH = 500


@dataclass(frozen=True)
class CalendarLinks:
    google: str
    outlook: str
    ics: str


def _details(event: LocalEvent, page: str, language: str) -> str:
    description = event_text(event, "description", language)
    summary = plain_summary(description, max_length=DETAILS_LENGTH)
    return f"{summary}\n\n{page}" if summary else page


def _google_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")  # a format, not words: no locale


def _outlook_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def calendar_links(event: LocalEvent, *, language: str) -> CalendarLinks:
    page = urls_for.page_url(event, language)
    where = public_place(event, language).location
    details = _details(event, page, language)
    title = event_text(event, "title", language)
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{_google_time(event.starts_at)}/{_google_time(event.ends_at)}",
        "details": details,
        "location": where,
        "ctz": event.timezone,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": _outlook_time(event.starts_at),
        "enddt": _outlook_time(event.ends_at),
        "body": details,
        "location": where,
    }
    return CalendarLinks(
        google=f"{GOOGLE}?{urlencode(google)}",
        outlook=f"{OUTLOOK}?{urlencode(outlook)}",
        ics=urls_for.event_ics_url(event, language),
    )
