"""What a page confirms of a model's answer: a fact is kept only where the page itself bears it out.

A link must be written on the page (exactly, trailing punctuation aside). A day must be written
there in any form the importer reads (`dates.find_dates`, completed by the post's date and the
years the page names), or follow from the post's date and a weekday or a word like "tomorrow"
(`event_days`). A time must be written there (`times.find_times`). A city must be in the
gazetteer and named on the page by one of its names, in any language the gazetteer knows; a
venue and a time-zone abbreviation must be written there. Every fact left out is said so.
Each fact must also be the event's own: one written only beside another city is refused
(`page_cities.refuse_facts_of_other_cities`), a day listed among past events is refused, an
event the page calls off is called off whatever the model says, and repeats are joined
(`page_cities.joined_events`).
"""

import re
from datetime import date, time

from django.utils.translation import gettext as _

from .countries import country_codes_for
from .model_answer import model_clock, model_day
from .model_reader import ModelEvent
from .page_evidence import TRAILING_PUNCTUATION, ConfirmedEvent, PageEvidence
from .places import Place, PlaceNotUnderstood, gazetteer, read_place, resolve_city


def confirm_event(
    event: ModelEvent, evidence: PageEvidence, *, is_only_event: bool
) -> ConfirmedEvent:
    """The facts of `event` the page confirms; each one left out is said in `refused`."""
    confirmed = ConfirmedEvent()
    refused = confirmed.refused
    naming: list[int] = []
    if event.city:
        confirmed.place, confirmed.city_id, naming = _confirm_city(event, evidence, refused)
        confirmed.line = naming[0] if naming else None
    confirmed.day = _confirm_day(event.date, evidence, refused)
    if confirmed.day is not None and evidence.lists_as_past(confirmed.day):
        refused.append(
            _("the page lists the event on %(date)s among past events; its date is left out")
            % {"date": confirmed.day.isoformat()}
        )
        confirmed.day = None
    last = _confirm_day(event.last_date, evidence, refused)
    if confirmed.day and last and last > confirmed.day:
        confirmed.last_day = last
    confirmed.starts = _confirm_clock(event.start, evidence, refused)
    confirmed.ends = _confirm_clock(event.end, evidence, refused) if confirmed.starts else None
    if event.zone and confirmed.starts:
        if evidence.writes_zone(event.zone):
            confirmed.zone = re.sub(r"\s+", "", event.zone).replace("−", "-").upper()
        elif not confirmed.place or event.zone != confirmed.place.timezone:
            refused.append(
                _("the model's time zone “%(zone)s” is not written on the page; left out")
                % {"zone": event.zone}
            )
    if event.venue:
        if evidence.writes(event.venue):
            confirmed.venue = event.venue[:200]
        else:
            refused.append(
                _("the model's venue “%(venue)s” is not written on the page; left out")
                % {"venue": event.venue}
            )
    if event.signup_url:
        confirmed.signup_url = confirm_url(event.signup_url, evidence, refused)
    if event.title and evidence.writes(event.title):
        confirmed.title = event.title[:200]
    if evidence.line_calls_off(confirmed, naming):
        # The page's own word, whatever the model said: an event it calls off is not on.
        confirmed.is_cancelled = True
    elif event.cancelled:
        if evidence.calls_off(confirmed, by_day=is_only_event):
            confirmed.is_cancelled = True
        else:
            refused.append(
                _("the model says the event in %(city)s is called off; the page does not say so")
                % {"city": event.city or "?"}
            )
    return confirmed


def confirm_url(url: str, evidence: PageEvidence, refused: list[str]) -> str:
    """`url` as the page writes it, or "" (and why) when the page does not hold it."""
    if evidence.has_url(url) and url.lower().startswith(("http://", "https://")):
        return url.strip().rstrip(TRAILING_PUNCTUATION)
    refused.append(_("the model's link “%(url)s” is not on the page; left out") % {"url": url})
    return ""


def _confirm_city(
    event: ModelEvent, evidence: PageEvidence, refused: list[str]
) -> tuple[Place | None, int | None, list[int]]:
    """(the place, the gazetteer's id of the city, the lines naming it), or what is refused."""
    module = gazetteer()
    if module is None:
        refused.append(_("the gazetteer is not installed, so no city of the model is kept"))
        return None, None, []
    codes = _country_codes(event.country, evidence.language)
    city = None
    for code in [*codes, None] if len(codes) != 1 else codes:
        # As the rules resolve a city: one where the page's language is spoken first
        # ("Zaragoza" on a Spanish page is in Spain, not Mexico).
        city = resolve_city(event.city, country=code, language=evidence.language)
        if city is not None:
            break
    if city is None:
        refused.append(
            _("the model's city “%(city)s” is not in the gazetteer; left out")
            % {"city": event.city}
        )
        return None, None, []
    naming = evidence.lines_naming(city.geonames_id, city.country)
    if not naming:
        refused.append(
            _("the model's city “%(city)s” is not named on the page; left out")
            % {"city": event.city}
        )
        return None, None, []
    try:
        return read_place([city.name], country_hint=city.country), city.geonames_id, naming
    except PlaceNotUnderstood:
        return None, None, []


def _country_codes(country: str, language: str | None) -> list[str]:
    return sorted(country_codes_for(country, language=language)) if country else []


def _confirm_day(text: str, evidence: PageEvidence, refused: list[str]) -> date | None:
    if not text:
        return None
    day = model_day(text, evidence.language)
    if day is None:  # "17/05", "May 17th": a day without its year, the page's year
        days = evidence.days_in(text)
        day = days.pop() if len(days) == 1 else None
    if day is None:
        refused.append(_("the model's date “%(date)s” is not a date; left out") % {"date": text})
        return None
    if day not in evidence.days:
        refused.append(
            _("the model's date %(date)s is not written on the page; left out")
            % {"date": day.isoformat()}
        )
        return None
    return day


def _confirm_clock(text: str, evidence: PageEvidence, refused: list[str]) -> time | None:
    if not text:
        return None
    clock = model_clock(text)
    if clock is None:
        refused.append(_("the model's time “%(time)s” is not a time; left out") % {"time": text})
        return None
    if clock not in evidence.clocks:
        refused.append(
            _("the model's time %(time)s is not written on the page; left out")
            % {"time": clock.strftime("%H:%M")}
        )
        return None
    return clock
