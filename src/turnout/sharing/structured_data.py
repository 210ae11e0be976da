"""schema.org Event JSON-LD for campaign and event pages, as search engines read it.

Google's event results need name, startDate and location (with an address for an event in a
place) and recommend description, endDate, eventStatus, eventAttendanceMode, image, offers,
organizer and performer. Each event page carries its own Event; a campaign page an Event for
the window with its events as subEvent references (url and name only: each has its own page).

Only what the public may know: a private event's place is its venue and city, without street
or coordinates; an online event's location is its page here, never the meeting link.
"""

import json
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from turnout.campaigns.day_details import public_place, shown_coordinates
from turnout.campaigns.event_texts import event_text
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.texts import campaign_text
from turnout.covers.display import image_urls

from . import urls_for
from .brand import current_brand
from .models import PreviousStart
from .text import plain_summary

SCHEMA = "https://schema.org/"
# States of a signup that hold a place (signups' Signup.HOLDS_PLACE): that app is a sibling
# of this one, so the count reads the reverse relation rather than its selectors.
HOLDS_PLACE = ("confirmed", "attended")

# A campaign page lists at most this many places (each event page has its own in full).
MAX_CAMPAIGN_PLACES = 100

_STATUS: dict[str, str] = {
    LocalEvent.Status.CANCELLED: "EventCancelled",
}
_ATTENDANCE: dict[str, str] = {
    LocalEvent.AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    LocalEvent.AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    LocalEvent.AttendanceMode.MIXED: "MixedEventAttendanceMode",
}


def _organizer(language: str) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": current_brand().name,
        "url": f"{settings.SITE_URL}/{language}/",
    }


def _currency() -> str:
    return getattr(settings, "TURNOUT_OFFER_CURRENCY", "EUR")


def _places_left(event: LocalEvent) -> int | None:
    if event.capacity is None:
        return None
    taken = event.signups.filter(state__in=HOLDS_PLACE).count()
    return max(event.capacity - taken, 0)


def _offer(event: LocalEvent, url: str) -> dict[str, Any]:
    full = _places_left(event) == 0
    return {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": _currency(),
        "availability": SCHEMA + ("SoldOut" if full else "InStock"),
        "url": event.signup_url or url,
        "validFrom": event.created_at.isoformat(),
    }


def _place(event: LocalEvent, language: str) -> dict[str, Any]:
    place = public_place(event, language)
    address: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressLocality": place.city,
        "addressCountry": event.country.upper(),
    }
    if place.address:  # empty for a private event
        address["streetAddress"] = place.address
    found: dict[str, Any] = {
        "@type": "Place",
        "name": place.venue or place.city,
        "address": address,
    }
    coordinates = shown_coordinates(event)
    if coordinates is not None and not place.is_private:
        found["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": coordinates[0],
            "longitude": coordinates[1],
        }
    return found


def _area(event: LocalEvent) -> dict[str, Any]:
    """An event's place in a campaign's list: venue and city only (its own page has the rest),
    from fields a list of events loads (campaigns.selectors.campaign_events)."""
    return {
        "@type": "Place",
        "name": event.venue or event.city,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": event.city,
            "addressCountry": event.country.upper(),
        },
    }


def _location(event: LocalEvent, url: str, language: str) -> dict[str, Any] | list:
    virtual = {"@type": "VirtualLocation", "url": url}  # the page, never the meeting link
    if event.is_online:
        return virtual
    if event.attendance_mode == LocalEvent.AttendanceMode.MIXED:
        return [_place(event, language), virtual]
    return _place(event, language)


def _event_id(page_url: str) -> str:
    return f"{page_url}#event"


def _status(event: LocalEvent) -> dict[str, Any]:
    """Cancelled; else rescheduled (with the earlier starts) once its start time moved."""
    if event.status in _STATUS:
        return {"eventStatus": SCHEMA + _STATUS[event.status]}
    earlier = [
        start.astimezone(event.zone).isoformat()
        for start in PreviousStart.objects.filter(event=event)
        .exclude(starts_at=event.starts_at)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .distinct()
    ]
    if earlier:
        return {"eventStatus": SCHEMA + "EventRescheduled", "previousStartDate": earlier}
    return {"eventStatus": SCHEMA + "EventScheduled"}


def event_data(event: LocalEvent, *, language: str) -> dict[str, Any]:
    url = urls_for.page_url(event, language)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": _event_id(url),
        "name": event_text(event, "title", language),
        "url": url,
        "startDate": event.local_starts_at.isoformat(),
        "endDate": event.local_ends_at.isoformat(),
        "eventAttendanceMode": SCHEMA + _ATTENDANCE[event.attendance_mode],
        "location": _location(event, url, language),
        "image": [*image_urls(event), urls_for.event_card_url(event, language)],
        "organizer": _organizer(language),
        "offers": _offer(event, url),
        "isAccessibleForFree": True,
        "inLanguage": language,
    }
    data.update(_status(event))
    description = plain_summary(event_text(event, "description", language), max_length=5000)
    if description:
        data["description"] = description
    if event.campaign_id and event.campaign is not None:
        data["superEvent"] = {
            "@type": "Event",
            "name": campaign_text(event.campaign, "title", language),
            "url": urls_for.page_url(event.campaign, language),
        }
    return data


def campaign_data(campaign: Campaign, events: list[LocalEvent], *, language: str) -> dict[str, Any]:
    """The campaign's window as one Event; its events by reference (each page has its own)."""
    url = urls_for.page_url(campaign, language)
    start = min((e.local_starts_at for e in events), default=None)
    end = max((e.local_ends_at for e in events), default=None)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": campaign_text(campaign, "title", language),
        "url": url,
        "startDate": start.isoformat() if start else campaign.starts_on.isoformat(),
        "endDate": end.isoformat() if end else campaign.ends_on.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "image": [*image_urls(campaign), urls_for.campaign_card_url(campaign, language)],
        "organizer": _organizer(language),
        "isAccessibleForFree": True,
        "inLanguage": language,
        # By reference: each event's own page describes it in full under this @id.
        "subEvent": [{"@id": _event_id(urls_for.page_url(e, language))} for e in events],
    }
    description = plain_summary(campaign.summary, max_length=5000)
    if description:
        data["description"] = description
    modes = {e.attendance_mode for e in events}
    if modes:
        mode = modes.pop() if len(modes) == 1 else LocalEvent.AttendanceMode.MIXED
        data["eventAttendanceMode"] = SCHEMA + _ATTENDANCE[mode]
    in_places = [e for e in events if not e.is_online and not e.is_cancelled]
    if in_places:
        data["location"] = [_area(e) for e in in_places[:MAX_CAMPAIGN_PLACES]]
    elif events:
        data["location"] = {"@type": "VirtualLocation", "url": url}
    return data


_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_script(data: dict[str, Any]) -> SafeString:
    """`<script type="application/ld+json">` with <, > and & escaped as json_script does, so
    "</script>" in a title stays text."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
