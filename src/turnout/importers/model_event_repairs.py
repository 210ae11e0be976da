"""A model's events mended where the page shows plainly what it meant, before they are confirmed.

Each repair takes only what the page itself writes, and is said: a link with tracking
parameters added becomes the page's own link; a city and venue given the wrong way round are
put back; a country that is not the city's is left out (the city is still looked for on the
page); an event the model cut into hours (14:00–15:00, 15:00–16:00) is one event again. What
is mended is still only a proposal: `page_confirmation` confirms it like any other.
"""

import dataclasses
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from .countries import country_codes_for
from .model_answer import model_clock, model_day
from .model_reader import ModelEvent
from .page_confirmation import PageEvidence, normalized_url
from .places import resolve_city
from .vocabulary import fold

# Query parameters that only say where a click came from: never part of what a link opens.
_TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
             "ref_src", "_hsenc", "_hsmi", "yclid")  # fmt: skip


def repaired_events(
    events: list[ModelEvent], evidence: PageEvidence
) -> tuple[list[ModelEvent], list[str]]:
    """The model's events with what the page plainly means put right, and a note for each."""
    notes: list[str] = []
    mended = [_mended(event, evidence, notes) for event in events]
    return _joined_hours(mended, notes), notes


def _mended(event: ModelEvent, evidence: PageEvidence, notes: list[str]) -> ModelEvent:
    changes: dict[str, Any] = {}
    if event.signup_url and not evidence.has_url(event.signup_url):
        page_link = link_without_tracking(event.signup_url, evidence)
        if page_link:
            changes["signup_url"] = page_link
            notes.append(
                _("the model's link “%(url)s” carries tracking parameters the page does not; "
                  "the page's link %(page_url)s is taken")
                % {"url": event.signup_url, "page_url": page_link}
            )  # fmt: skip
    if _are_city_and_venue_swapped(event, evidence):
        changes |= {"city": event.venue, "venue": event.city}
        notes.append(
            _("the model gave the venue “%(venue)s” as the city and the city “%(city)s” as the "
              "venue; read the other way round")
            % {"venue": event.city, "city": event.venue}
        )  # fmt: skip
    city = changes.get("city", event.city)
    if event.country and city and not _is_in_country(city, event.country, evidence.language):
        changes["country"] = ""
        notes.append(
            _("the model's country “%(country)s” is not the country of %(city)s; left out")
            % {"country": event.country, "city": city}
        )
    return dataclasses.replace(event, **changes) if changes else event


def link_without_tracking(url: str, evidence: PageEvidence) -> str:
    """The page's link that `url` is once tracking parameters are taken off both, or ""."""
    bare = _without_tracking(url)
    if not bare:
        return ""
    return next((u for u in sorted(evidence.urls) if _without_tracking(u) == bare), "")


def _without_tracking(url: str) -> str:
    try:
        parts = urlsplit(normalized_url(url))
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING)]  # fmt: skip
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), "")
    )


def _are_city_and_venue_swapped(event: ModelEvent, evidence: PageEvidence) -> bool:
    """Whether the "city" is no city but words of the page, and the "venue" is a city."""
    if not event.city or not event.venue or not evidence.writes(event.city):
        return False
    language = evidence.language
    return (
        resolve_city(event.city, language=language) is None
        and resolve_city(event.venue, language=language) is not None
    )


def _is_in_country(city: str, country: str, language: str | None) -> bool:
    """Whether `city` is in the country the model names; a country no table knows, or a city
    not in the gazetteer at all, is left to the confirmation to judge."""
    codes = country_codes_for(country, language=language)
    if not codes or resolve_city(city, language=language) is None:
        return True
    return any(resolve_city(city, country=code, language=language) for code in codes)


def _joined_hours(events: list[ModelEvent], notes: list[str]) -> list[ModelEvent]:
    """Events of one city, day and venue whose times follow on (one ends when the next
    starts) as the one event they are."""
    joined: list[ModelEvent] = []
    noted: set[int] = set()
    for event in events:
        if joined and _follows_on(joined[-1], event):
            joined[-1] = dataclasses.replace(joined[-1], end=event.end)
            if len(joined) not in noted:
                noted.add(len(joined))
                notes.append(
                    _("the model gave the event in %(city)s on %(date)s hour by hour; read as "
                      "one event")
                    % {"city": event.city, "date": event.date}
                )  # fmt: skip
            continue
        joined.append(event)
    return joined


def _follows_on(first: ModelEvent, then: ModelEvent) -> bool:
    same = (fold(first.city), model_day(first.date), fold(first.venue)) == (
        fold(then.city),
        model_day(then.date),
        fold(then.venue),
    )
    end, start = model_clock(first.end or ""), model_clock(then.start or "")
    return bool(first.city) and same and end is not None and end == start
