"""Pages read by the rules, then by the optional model where the rules left something unread.

The model (`model_reader`) is asked only about a page whose rules left a protest without
events, an event without a start time, or a content page that mentions a day. Of its answer,
only what the page confirms (`page_confirmation`) is used, and only where the rules read
nothing: it completes the rules' events (a time, a venue, a signup link, the last day, called
off), gives events to a protest page the rules found none on, and turns a content page into a
protest when it confirms at least one event's city and day. Every fact it gave is named in the
record's `from_model`, so the import plan says which facts came from the model.
"""

import copy
from datetime import date

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import recognize_platform

from .dates import find_dates
from .document import Document, read_document
from .event_days import relative_day
from .model_event_checks import check_confirmed
from .model_event_repairs import page_link, repaired_events
from .model_evidence import model_evidence, speaks_to_a_model
from .model_reader import ModelEvent, PageReader
from .model_signup_links import event_signup_link
from .page_cities import joined_events, refuse_facts_of_other_cities
from .page_confirmation import confirm_event, confirm_url
from .page_events import finish_campaign
from .page_evidence import ConfirmedEvent, PageEvidence, normalized_url
from .protest_pages import read_markdown_page
from .records import CampaignRecord, EventRecord, MarkdownPlan, Notice, PageRecord
from .times import ZoneNotUnderstood, local_time
from .vocabulary import fold


def read_pages(
    files: list[tuple[str, str]], *, language: str | None, reader: PageReader | None
) -> MarkdownPlan:
    """Read (name, text) pairs by the rules and, with a reader, by the model where they fall
    short; without one this is exactly `read_markdown_files`."""
    plan = MarkdownPlan()
    for name, text in files:
        page = read_markdown_page(text, name=name, language=language)
        if reader is not None:
            complete_with_model(page, text=text, name=name, reader=reader)
        plan.campaigns += page.campaigns
        plan.pages += page.pages
        plan.groups += page.groups
        plan.warnings += page.warnings
    return plan


def complete_with_model(page: MarkdownPlan, *, text: str, name: str, reader: PageReader) -> None:
    """Add to the plan of one page what the model reads on it and the page confirms."""
    document = read_document(text)
    language = _language(page)
    if not needs_model(page, document, language):
        return
    reading = reader.read(text, language=language, posted=document.front_matter.date)
    page.warnings += [Notice(name, None, problem) for problem in reading.problems]
    if not reading.events and not reading.coordination_url:
        return
    evidence = model_evidence(text, document, language=language)
    if speaks_to_a_model(text):
        page.warnings.append(Notice(name, None, _(
            "the page holds words addressed to a model reading it (“ignore previous "
            "instructions”); whatever they ask for is not read as the page's"
        )))  # fmt: skip
    events, repairs = repaired_events(reading.events, evidence)
    page.warnings += [Notice(name, None, note) for note in repairs]
    is_only = len(events) == 1
    confirmed = [confirm_event(e, evidence, is_only_event=is_only) for e in events]
    refuse_facts_of_other_cities(confirmed, evidence)
    confirmed = check_confirmed(joined_events(confirmed, evidence), evidence, document)
    refused: list[str] = []
    coordination = ""
    if link := reading.coordination_url:
        if not evidence.has_url(link):
            link = page_link(link, evidence, refused) or link
        coordination = confirm_url(link, evidence, refused)
    for event in confirmed:
        page.warnings += [Notice(name, event.line, message) for message in event.refused]
    page.warnings += [Notice(name, None, message) for message in refused]
    if not any(campaign.events for campaign in page.campaigns):
        page.warnings += _undated(events, name)  # where the rules read no event to complete
    if page.campaigns:
        _complete_campaign(page, confirmed, coordination, document, language, name, evidence)
    elif page.pages:
        _campaign_from_model(page, confirmed, coordination, document, language, name, evidence)


def needs_model(page: MarkdownPlan, document: Document, language: str | None) -> bool:
    """Whether the rules left something unread that the model may read: a protest without
    events, an event without a start time, a content page that mentions a day."""
    if page.groups:
        return False
    for campaign in page.campaigns:
        if not campaign.events:
            return True
        if any(not e.is_time_known and not e.is_cancelled for e in campaign.events):
            return True
    if page.pages and not page.campaigns:
        words = f"{document.title}\n{document.body}"
        if any(m.has_day for m in find_dates(words, language=language)):
            return True
        posted = document.front_matter.date
        return relative_day(words, posted=posted, language=language) is not None
    return False


def _language(page: MarkdownPlan) -> str | None:
    records: list[CampaignRecord | PageRecord] = [*page.campaigns, *page.pages]
    return next((r.language for r in records if r.language), None)


# --- a protest page the rules read in part ----------------------------------------------------


def _complete_campaign(
    page: MarkdownPlan,
    confirmed: list[ConfirmedEvent],
    coordination: str,
    document: Document,
    language: str | None,
    name: str,
    evidence: PageEvidence,
) -> None:
    campaign = page.campaigns[0]
    before = _finishing(copy.deepcopy(campaign), document, language, name)
    problems: list[Notice] = []
    if campaign.events:
        for event in campaign.events:
            match = _matching(event, confirmed)
            if match is not None:
                _fill(event, match, problems, name)
    else:
        campaign.events += _new_events(confirmed, document, language, problems, name, evidence)
    if coordination and not campaign.coordination_url:
        campaign.coordination_url = coordination
        campaign.from_model.append("coordination_url")
    if not any(e.from_model for e in campaign.events) and not campaign.from_model:
        page.warnings += problems
        return
    # The rules' own closing warnings ("no start time is given ...") are said again for what
    # is still missing now that the model filled some of it in.
    after: list[Notice] = []
    finish_campaign(campaign, document=document, language=language, warnings=after, name=name)
    stale = set(before)
    if campaign.events:
        stale.add(Notice(name, None, _("no local events found on this protest page")))
    page.warnings[:] = [w for w in page.warnings if w not in stale] + problems + after


def _finishing(
    campaign: CampaignRecord, document: Document, language: str | None, name: str
) -> list[Notice]:
    warnings: list[Notice] = []
    finish_campaign(campaign, document=document, language=language, warnings=warnings, name=name)
    return warnings


def _matching(event: EventRecord, confirmed: list[ConfirmedEvent]) -> ConfirmedEvent | None:
    """The model's event in the same city on the same day (or, for a city the model gives
    once without a confirmed day, that one)."""
    same_city = [
        c
        for c in confirmed
        if c.place is not None
        and c.place.country == event.country
        and fold(c.place.city) == fold(event.city)
    ]
    on_the_day = [c for c in same_city if c.day == event.day]
    if on_the_day:
        return on_the_day[0]
    undated = [c for c in same_city if c.day is None]
    return undated[0] if len(same_city) == 1 and undated else None


def _fill(event: EventRecord, found: ConfirmedEvent, problems: list[Notice], name: str) -> None:
    """Give `event` the facts the rules left empty; what they read stays as it is."""
    if not event.is_time_known and found.starts is not None:
        times = _local_times(found, event.day, event.city, event.timezone, problems, name)
        if times[2] == event.day:
            event.starts, event.ends = times[0], times[1]
            event.from_model += ["starts", "ends"] if event.ends else ["starts"]
        else:  # the rules' day stays; a time on another day is not this event's
            message = _(
                "the model's time for the event in %(city)s falls on another day in its own "
                "time zone; left out"
            ) % {"city": event.city}
            problems.append(Notice(name, found.line, message))
    if not event.venue and found.venue:
        event.venue = found.venue
        event.from_model.append("venue")
    if not event.signup_url and found.signup_url:
        event.signup_url = found.signup_url
        event.platform = str(recognize_platform(found.signup_url))
        event.is_to_be_announced = False  # as the rules do: a signup link is the event's details
        event.from_model.append("signup_url")
    if event.last_day is None and found.last_day is not None and found.last_day > event.day:
        event.last_day = found.last_day
        event.from_model.append("last_day")
    if not event.is_cancelled and found.is_cancelled:
        event.is_cancelled = True
        event.from_model.append("cancelled")


def _local_times(
    found: ConfirmedEvent,
    day: date,
    city: str,
    zone: str,
    problems: list[Notice],
    name: str,
) -> tuple:
    """(start, end, day) in the event's own zone, from the clock and zone the page writes."""
    starts, ends = found.starts, found.ends
    if found.zone and starts is not None:
        try:
            starts, day_at = local_time(starts, day=day, written_zone=found.zone, event_zone=zone)
            if ends is not None:
                ends, _end_day = local_time(ends, day=day, written_zone=found.zone, event_zone=zone)
            return starts, ends, day_at
        except ZoneNotUnderstood:
            message = _(
                "the time zone “%(zone)s” is not one the importer knows; the time was read "
                "as %(city)s's own"
            ) % {"zone": found.zone, "city": city}
            problems.append(Notice(name, found.line, message))
    return starts, ends, day


# --- events the rules did not find ------------------------------------------------------------


def _new_events(
    confirmed: list[ConfirmedEvent],
    document: Document,
    language: str | None,
    problems: list[Notice],
    name: str,
    evidence: PageEvidence,
) -> list[EventRecord]:
    """An event for each of the model's whose city and day the page confirms."""
    events = []
    usable = [c for c in confirmed if c.place is not None and c.day is not None]
    for found in usable:
        page_signup = event_signup_link(found, document, evidence, is_only_event=len(usable) == 1)
        place, day = found.place, found.day
        assert place is not None and day is not None
        starts, ends, day = _local_times(found, day, place.city, place.timezone, problems, name)
        facts = ["city", "country_code", "day"]
        signup = found.signup_url
        if signup and page_signup is not None and not _is_same_link(signup, page_signup.url):
            # Another link of the page (a profile, a news item): the page says which is the
            # one to sign up with.
            message = _(
                "the model's signup link “%(url)s” is not the one the page asks to sign up "
                "with; the page's link %(page_url)s is taken"
            ) % {"url": signup, "page_url": page_signup.url}
            problems.append(Notice(name, found.line, message))
            signup = ""
        if signup:
            facts.append("signup_url")
        elif page_signup is not None:
            signup = page_signup.url
        event = EventRecord(
            city=place.city,
            country=place.country,
            timezone=place.timezone,
            day=day,
            line=found.line,
            signup_url=signup,
            platform=str(recognize_platform(signup)) if signup else None,
            is_to_be_announced=not signup,
            latitude=place.latitude,
            longitude=place.longitude,
            venue=found.venue or place.venue,
            starts=starts,
            ends=ends,
            last_day=found.last_day,
            is_cancelled=found.is_cancelled,
        )
        present: dict[str, object] = {
            "starts": starts,
            "ends": ends,
            "venue": found.venue,
            "last_day": found.last_day,
            "cancelled": found.is_cancelled,
        }
        event.from_model = facts + [key for key, value in present.items() if value]
        events.append(event)
    return events


def _is_same_link(one: str, other: str) -> bool:
    return normalized_url(one).rstrip("/") == normalized_url(other).rstrip("/")


def _undated(events: list[ModelEvent], name: str) -> list[Notice]:
    """A note for each of the model's events that gives a city and no day (and is no repeat of
    one that gives it): never imported."""
    dated = {fold(event.city) for event in events if event.date}
    return [
        Notice(
            name,
            None,
            _("the model gives no day for its event in %(city)s; it is left out")
            % {"city": event.city},
        )
        for event in events
        if event.city and not event.date and fold(event.city) not in dated
    ]


def _campaign_from_model(
    page: MarkdownPlan,
    confirmed: list[ConfirmedEvent],
    coordination: str,
    document: Document,
    language: str | None,
    name: str,
    evidence: PageEvidence,
) -> None:
    """Turn the content page into a protest when the model's events are confirmed."""
    problems: list[Notice] = []
    events = _new_events(confirmed, document, language, problems, name, evidence)
    if not events:
        return
    record = page.pages[0]
    titles = [c.title for c in confirmed if c.title]
    campaign = CampaignRecord(
        slug=record.slug,
        title=(document.title or (titles[0] if titles else record.title))[:200],
        starts_on=min(e.day for e in events),
        ends_on=max(e.last_day or e.day for e in events),
        source=name,
        language=record.language,
        summary=document.front_matter.description,
        narrative=document.body.strip(),
        events=events,
        from_model=["starts_on", "ends_on"],
        coordination_url=coordination,
    )
    if coordination:
        campaign.from_model.append("coordination_url")
    finish_campaign(campaign, document=document, language=language, warnings=problems, name=name)
    page.pages.remove(record)
    page.campaigns.append(campaign)
    page.warnings += problems


# --- the plan's note of it --------------------------------------------------------------------


def _fact_names() -> dict[str, str]:
    return {
        "city": _("city"),
        "country_code": _("country"),
        "day": _("day"),
        "last_day": _("last day"),
        "starts": _("start time"),
        "ends": _("end time"),
        "venue": _("venue"),
        "signup_url": _("signup link"),
        "cancelled": _("called off"),
        "coordination_url": _("coordination link"),
        "starts_on": _("first day"),
        "ends_on": _("last day"),
    }


def model_fact_lines(plan: MarkdownPlan) -> list[str]:
    """One line per campaign or event with facts the model read, for the text output."""
    names = _fact_names()

    def label(facts: list[str]) -> str:
        return ", ".join(dict.fromkeys(names.get(fact, fact) for fact in facts))

    lines = []
    for campaign in plan.campaigns:
        if campaign.from_model:
            lines.append(
                _("campaign %(slug)s: %(facts)s (read by the model)")
                % {"slug": campaign.slug, "facts": label(campaign.from_model)}
            )
        for event in campaign.events:
            if event.from_model:
                lines.append(
                    _("campaign %(slug)s, %(city)s on %(day)s: %(facts)s (read by the model)")
                    % {
                        "slug": campaign.slug,
                        "city": event.city,
                        "day": event.day.isoformat(),
                        "facts": label(event.from_model),
                    }
                )
    return lines
