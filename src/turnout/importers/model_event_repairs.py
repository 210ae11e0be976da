"""A model's events mended where the page shows plainly what it meant, before they are confirmed.

Each repair takes only what the page itself writes, and is said: a link with tracking
parameters added, or written otherwise, becomes the page's own link; a city and venue given the
wrong way round are put back; a country that is not the city's is left out (the city is still
looked for on the page); an event the model cut into hours (14:00–15:00, 15:00–16:00) is one
event again, and one repeated from its end time too; a date whose weekday is another day's
is no date; a date in the year the model's training ended and an end before the start are
put as the page writes them (`model_time_repairs`). A city written with its postcode,
country, region or another name ("Brno / Brünn") or the preposition of the page's sentence
("a Girona", "בחיפה": `model_city_words`), or a venue with its city or an aside, is read
without them, unsaid, like a date written in another format. What is mended is still
only a proposal: `page_confirmation` confirms it like any other. The event's online call given
as its venue or signup link is left out (`model_online_links`).
"""

import dataclasses
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from .countries import country_codes_for
from .model_answer import model_clock, model_day
from .model_city_words import city_without_its_preposition
from .model_day_words import short_weekday
from .model_online_links import online_repairs
from .model_reader import ModelEvent
from .model_time_repairs import day_and_clock_repairs, without_starts_given_as_ends
from .page_evidence import PageEvidence, normalized_url, wide_weekday_numbers
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
    joined = _joined_hours(_without_end_repeats(mended, notes), notes)
    return without_starts_given_as_ends(joined, evidence, notes), notes


def _mended(event: ModelEvent, evidence: PageEvidence, notes: list[str]) -> ModelEvent:
    changes: dict[str, Any] = online_repairs(event, evidence, notes)
    event = dataclasses.replace(event, **changes) if changes else event
    if event.signup_url and not evidence.has_url(event.signup_url):
        if link := page_link(event.signup_url, evidence, notes):
            changes["signup_url"] = link
    if event.date and _names_another_weekday(event.date, evidence.language):
        changes["date"] = ""
        notes.append(
            _("the model's date “%(date)s” names another weekday than the day it gives; the "
              "date is left out")
            % {"date": event.date}
        )  # fmt: skip
    changes |= day_and_clock_repairs(dataclasses.replace(event, **changes), evidence, notes)
    changes |= _place_written_plainly(event, evidence)
    if _are_city_and_venue_swapped(dataclasses.replace(event, **changes), evidence):
        changes |= {"city": changes.get("venue", event.venue), "venue": event.city}
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


def page_link(url: str, evidence: PageEvidence, notes: list[str]) -> str:
    """The page's link that `url` is, written otherwise (tracking parameters added, the host in
    capitals, http for https, a closing slash, in <> or as a markdown link, without "https://"),
    and a note of it; "" for a link the page does not hold."""
    key = _link_key(url)
    link = next((u for u in sorted(evidence.urls) if key and _link_key(u) == key), "")
    if not link:
        return ""
    if _link_key(url, keep_tracking=True) != _link_key(link, keep_tracking=True):
        message = _(
            "the model's link “%(url)s” carries tracking parameters the page does not; the "
            "page's link %(page_url)s is taken"
        )
    else:
        message = _(
            "the model's link “%(url)s” is written otherwise than on the page; the page's link "
            "%(page_url)s is taken"
        )
    notes.append(message % {"url": url, "page_url": link})
    return link


# A link written as markdown: "[Aanmelden](https://lu.ma/…)"; a host and path without scheme.
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((\S+?)\)")
_BARE_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+/", re.A)


def _link_key(url: str, *, keep_tracking: bool = False) -> str:
    """A link as compared with the page's: what it opens, not how it is written."""
    text = url.strip()
    if match := _MARKDOWN_LINK.fullmatch(text):
        text = match.group(1)
    text = text.strip("<>`'\" 。、，）")  # "https://lu.ma/x。": the full stop of a CJK sentence
    if _BARE_HOST.match(text):
        text = f"https://{text}"
    try:
        parts = urlsplit(normalized_url(text))
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if keep_tracking or not k.lower().startswith(_TRACKING)]  # fmt: skip
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https", host, parts.path.rstrip("/"), urlencode(query), ""))


# A postcode before a city ("3511 Utrecht"), or a country after it ("Utrecht, NL",
# "Utrecht (Nederland)").
_POSTCODE = re.compile(r"^\d{4,5}(?:\s?[A-Z]{2})?\s+")
_AFTER_CITY = re.compile(r"\s*(?:,\s*([^,()]+)|\(([^()]+)\))\s*$")
_FULL_WIDTH_SIGNS = str.maketrans({"（": "(", "）": ")", "，": ",", "、": ",", "／": "/"})


def _place_written_plainly(event: ModelEvent, evidence: PageEvidence) -> dict[str, str]:
    """The city without the postcode or country the model wrote with it, and the venue without
    the city or the words in brackets it added, where the page writes them so."""
    language, changes = evidence.language, {}
    city = event.city.translate(_FULL_WIDTH_SIGNS)  # "名古屋（日本）", as a Japanese keyboard types
    if city and resolve_city(city, language=language) is None:
        bare, country = _POSTCODE.sub("", city), ""
        if match := _AFTER_CITY.search(bare):
            written = (match.group(1) or match.group(2)).strip()
            if country_codes_for(written, language=language):
                bare, country = bare[: match.start()], written
        if bare != event.city and resolve_city(bare, language=language) is not None:
            changes["city"] = bare.strip()
            if country and not event.country:
                changes["country"] = country
        elif part := _city_part(city, evidence):
            changes["city"] = part  # "Brno / Brünn", "Brno, Jihomoravský kraj"
        elif bare := city_without_its_preposition(city, evidence):
            changes["city"] = bare  # "a Girona", "בחיפה", "부산에서" (`model_city_words`)
    venue, city = event.venue, changes.get("city", city)
    if venue and not evidence.writes(venue):
        venue = venue.translate(_FULL_WIDTH_SIGNS)  # "天神中央公園（てんじんちゅうおうこうえん）"
        for bare in (re.sub(r"\s*\([^()]*\)\s*$", "", venue), _AFTER_CITY.sub("", venue)):
            rest = venue[len(bare) :].strip(" ,()")
            is_city_or_aside = venue.endswith(")") or fold(rest) == fold(city)
            if bare and bare != venue and is_city_or_aside and evidence.writes(bare):
                changes["venue"] = bare
                break
    return changes


# Where a city written with more words than its name splits: "Brno / Brünn", "Brno, kraj".
_CITY_PARTS = re.compile(r"\s*[,/|()]\s*|\s+[-–—]\s+")


def _city_part(city: str, evidence: PageEvidence) -> str:
    """The part of `city` that is a city, when it is written with another name, its region or
    its country beside it; of parts naming two cities ("Ankara / Çankaya"), the one the page
    writes; "" when that leaves none or two."""
    parts = [part for part in _CITY_PARTS.split(city) if part.strip()][:4]
    language = evidence.language
    found = {p: c for p in parts if len(parts) > 1 and (c := resolve_city(p, language=language))}
    if len({c.geonames_id for c in found.values()}) > 1:
        found = {p: c for p, c in found.items() if evidence.writes(p)}
    if len({c.geonames_id for c in found.values()}) != 1:
        return ""
    return next(iter(found))


def _names_another_weekday(text: str, language: str | None) -> bool:
    """Whether a date the model wrote names a weekday (in full) that is not its day's:
    "Sunday, 2027-08-14" is a Saturday. Which of the two it meant, nobody can say."""
    day = model_day(text, language)
    if day is None:
        return False
    numbers = wide_weekday_numbers(language)
    # Split at spaces, digits and signs only: the vowel signs of Devanagari are no word
    # characters to `\w`, yet part of the word ("सोमवार").
    words = re.split(r"[\s\d.,;:!?()\[\]/–—-]+", fold(text))
    named = {numbers[word] for word in words if word in numbers}
    named |= {n for word in words if (n := short_weekday(word)) is not None}  # "Sun 2027-…"
    return bool(named) and day.weekday() not in named


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


def _without_end_repeats(events: list[ModelEvent], notes: list[str]) -> list[ModelEvent]:
    """The events without a repeat that starts when another of its city ends and has no end
    of its own: the end taken for a start. What the repeat adds (a day, a venue, a link) is
    kept on the event it repeats."""
    kept = list(events)
    for repeat in events:
        ranged = next((e for e in kept if e is not repeat and _ends_as(e, repeat)), None)
        if ranged is None:
            continue
        merged = dataclasses.replace(
            ranged,
            date=ranged.date if model_day(ranged.date or "") else repeat.date or ranged.date,
            venue=ranged.venue or repeat.venue,
            signup_url=ranged.signup_url or repeat.signup_url,
        )
        kept = [merged if e is ranged else e for e in kept if e is not repeat]
        notes.append(
            _("the model gave the event in %(city)s a second time, starting at its end "
              "(%(time)s); read as one event")
            % {"city": ranged.city, "time": repeat.start}
        )  # fmt: skip
    return kept


def _ends_as(ranged: ModelEvent, repeat: ModelEvent) -> bool:
    """Whether `repeat` starts when `ranged` ends, in its city, on its day, at its venue (or
    gives no day or venue), and has no end of its own."""
    if not ranged.city or fold(ranged.city) != fold(repeat.city):
        return False
    if model_clock(repeat.end or "") is not None:
        return False
    end, start = model_clock(ranged.end or ""), model_clock(repeat.start or "")
    if end is None or end != start:
        return False
    days = {day for e in (ranged, repeat) if (day := model_day(e.date or ""))}
    venues = {fold(e.venue) for e in (ranged, repeat) if e.venue}
    return len(days) <= 1 and len(venues) <= 1
