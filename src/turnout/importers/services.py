"""Writing what was read: campaigns, their local events, press mentions, embeds, content pages.

Every write creates or updates, never duplicates: a campaign is known by its slug, a campaign's
local event by its city and country, a press mention by its campaign and link, a content page
by its slug. Each markdown file is written in one transaction, so a file either comes in whole
or not at all.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.accounts.services import record_audit
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.services import save_event_changes
from turnout.content.models import Page
from turnout.content.services import save_page
from turnout.groups.models import Channel, Group
from turnout.meetups.models import MeetupSeries
from turnout.meetups.services import create_series
from turnout.places.lookup import look_up_place
from turnout.press.services import record_known_mention

from .records import (
    CampaignRecord,
    EventRecord,
    GroupRecord,
    MarkdownPlan,
    MeetupPlan,
    Notice,
    PageRecord,
)

# A page that names a start but no end: the event lasts two hours.
DEFAULT_DURATION = timedelta(hours=2)
# Statuses an import may set; a cancelled, rejected or completed event keeps its status, and
# so does a proposed one: an import never proposes, so it is an event the coordinators took
# back for a second look, which the next sync must not publish again.
_IMPORTABLE_STATUSES = {
    LocalEvent.Status.APPROVED,
    LocalEvent.Status.DETAILS_TBA,
}


@dataclass
class ImportSummary:
    """What an import changed, by kind ("campaign created", "event updated", ...)."""

    counts: Counter = field(default_factory=Counter)
    warnings: list[Notice] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.counts[what] += 1


def event_times(
    *, day: date, starts: time | None, ends: time | None, zone: str, last_day: date | None = None
) -> tuple[datetime, datetime]:
    """Aware start and end in the event's zone. No end: two hours on. No start: no time is
    invented, the event spans its whole day(s) and is imported as details to be announced."""
    tz = ZoneInfo(zone)
    last = max(last_day or day, day)
    if starts is None:
        return datetime.combine(day, time(0), tzinfo=tz), datetime.combine(
            last, time(23, 59), tzinfo=tz
        )
    starts_at = datetime.combine(day, starts, tzinfo=tz)
    if ends:
        ends_at = datetime.combine(last, ends, tzinfo=tz)
    elif last > day:
        ends_at = datetime.combine(last, time(23, 59), tzinfo=tz)
    else:
        ends_at = starts_at + DEFAULT_DURATION
    if ends_at < starts_at:  # "22:00 - 01:00" ends the next day
        ends_at += timedelta(days=1)
    return starts_at, ends_at


def write_markdown_plan(*, plan: MarkdownPlan) -> ImportSummary:
    """Write every campaign and content page of a plan, each in its own transaction."""
    summary = ImportSummary(warnings=list(plan.warnings))
    for record in plan.campaigns:
        try:
            write_campaign(record=record, summary=summary)
        except ValidationError as error:
            summary.warnings.append(Notice(record.source, None, _error_text(error)))
    for page in plan.pages:
        try:
            write_content_page(record=page, summary=summary)
        except ValidationError as error:
            summary.warnings.append(Notice(page.slug, None, _error_text(error)))
    for group in plan.groups:
        try:
            write_local_group(record=group, summary=summary)
        except ValidationError as error:
            summary.warnings.append(Notice(group.source, group.line, _error_text(error)))
    return summary


def write_local_group(*, record: GroupRecord, summary: ImportSummary) -> Group | None:
    """Create or update the local group a page describes, under its country's national
    group; without one the group is not made up, and the warning says what to do."""
    national = Group.objects.filter(kind=Group.Kind.NATIONAL, country=record.country).first()
    if national is None:
        message = _(
            "the local group “%(name)s” was not imported: there is no national group for "
            "%(country)s yet; create it first"
        ) % {"name": record.name, "country": record.country}
        summary.warnings.append(Notice(record.source, record.line, message))
        return None
    with transaction.atomic():
        group = Group.objects.select_for_update().filter(slug=record.slug).first()
        is_new = group is None
        if group is None:
            group = Group(slug=record.slug, kind=Group.Kind.LOCAL, parent=national)
        group.name, group.country, group.city = record.name, record.country, record.city
        group.latitude, group.longitude = record.latitude, record.longitude
        meetings = "\n".join(f"- {meeting}" for meeting in record.meetings)
        group.description = "\n\n".join(filter(None, [record.description, meetings]))
        group.full_clean()
        group.save()
        known = set(group.channels.values_list("kind", "address"))
        for position, (kind, url) in enumerate(record.channels):
            if (kind, url) in known:
                continue
            channel = Channel(group=group, kind=kind, address=url, position=position)
            try:
                channel.full_clean()
            except ValidationError as error:
                summary.warnings.append(Notice(record.source, record.line, _error_text(error)))
                continue
            channel.save()
        summary.count(_("groups created") if is_new else _("groups updated"))
    for meetup in record.meetups:
        try:  # a meet-up that cannot be made leaves the group as imported
            _write_meetup(group=group, meetup=meetup, summary=summary)
        except ValidationError as error:
            summary.warnings.append(Notice(record.source, record.line, _error_text(error)))
    return group


def _write_meetup(*, group: Group, meetup: MeetupPlan, summary: ImportSummary) -> None:
    """The group's recurring meet-up for a meeting its page tells, unless it has it already
    (the same rule at the same hour): a second import adds nothing."""
    if MeetupSeries.objects.filter(
        group=group, rrule=meetup.rule, start_time=meetup.starts
    ).exists():
        return
    now = timezone.now()
    values = {
        "title": _("%(group)s meeting") % {"group": group.name},
        "description": meetup.text,
        "city": group.city,
        "country": group.country,
        "latitude": group.latitude,
        "longitude": group.longitude,
        "timezone": meetup.timezone,
        "start_time": meetup.starts,
        "duration_minutes": meetup.duration_minutes,
        "rrule": meetup.rule,
        "dtstart": now.astimezone(ZoneInfo(meetup.timezone)).date(),
    }
    create_series(group=group, created_by=None, values=values, now=now)
    summary.count(_("recurring meet-ups created"))


def write_campaign(*, record: CampaignRecord, summary: ImportSummary) -> Campaign:
    """Create or update a campaign with its events, press mentions and embeds."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(slug=record.slug).first()
        is_new = campaign is None
        if campaign is None:
            campaign = Campaign(slug=record.slug, status=Campaign.Status.PUBLISHED)
        campaign.title = record.title
        campaign.starts_on, campaign.ends_on = record.starts_on, record.ends_on
        campaign.summary = record.summary or campaign.summary
        campaign.narrative = _with_embeds(record.narrative, record.embeds)
        campaign.core_messages = "\n".join(f"- {m}" for m in record.core_messages)
        campaign.demands = record.demands or campaign.demands
        campaign.coordination_url = record.coordination_url or campaign.coordination_url
        campaign.full_clean()
        campaign.save()
        summary.count(_("campaigns created") if is_new else _("campaigns updated"))
        record_audit(
            actor=None,
            action="import.campaign",
            target=campaign,
            summary=_("imported from %(source)s") % {"source": record.source},
        )
        for event in record.events:
            write_campaign_event(campaign=campaign, record=event, summary=summary)
        if record.press:
            _write_press(campaign, record, summary)
    return campaign


def write_campaign_event(
    *, campaign: Campaign | None, record: EventRecord, summary: ImportSummary, title: str = ""
) -> LocalEvent:
    """Create or update the campaign's event in the record's city and country (a city spelt
    another way, "Köln" for "Cologne", is the same city), or its online event with the same
    link or, without one, the same start."""
    event = None
    if campaign is not None and record.is_online:
        event = _online_event_of(campaign, record)
    elif campaign is not None:
        events = LocalEvent.objects.select_for_update().filter(
            campaign=campaign, country=record.country
        )
        event = events.filter(city__iexact=record.city).first() or _same_city(events, record)
    if not record.is_online:
        return save_imported_event(
            event=event, campaign=campaign, record=record, summary=summary, title=title
        )
    return save_imported_event(
        event=event,
        campaign=campaign,
        record=record,
        summary=summary,
        title=title or _event_title(campaign, str(_("Online"))),
        attendance_mode=LocalEvent.AttendanceMode.ONLINE,
        meeting_url=record.meeting_url,
    )


def _same_city(events, record: EventRecord) -> LocalEvent | None:
    """The event whose city the gazetteer takes for the record's under another name."""
    if record.latitude is None or record.longitude is None:
        return None
    for event in events.exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE):
        place = look_up_place(city=event.city, country=event.country)
        if place is not None and (place.latitude, place.longitude) == (
            record.latitude,
            record.longitude,
        ):
            return event
    return None


def _online_event_of(campaign: Campaign, record: EventRecord) -> LocalEvent | None:
    online = LocalEvent.objects.select_for_update().filter(
        campaign=campaign, attendance_mode=LocalEvent.AttendanceMode.ONLINE
    )
    for link, field_name in (
        (record.meeting_url, "meeting_url"),
        (record.signup_url, "signup_url"),
    ):
        if link and (event := online.filter(**{field_name: link}).first()):
            return event
    if record.meeting_url or record.signup_url:
        return None
    starts_at, _ends_at = event_times(
        day=record.day, starts=record.starts, ends=record.ends, zone=record.timezone
    )
    return online.filter(starts_at=starts_at, meeting_url="", signup_url="").first()


def save_imported_event(
    *,
    event: LocalEvent | None,
    campaign: Campaign | None,
    record: EventRecord,
    summary: ImportSummary,
    title: str = "",
    description: str | None = None,
    status: str | None = None,
    attendance_mode: str | None = None,
    meeting_url: str = "",
    capacity: int | None = None,
    address: str = "",
) -> LocalEvent:
    """Write `record` onto `event` (a new one when None) through the campaigns service, so
    a changed time or place bumps the calendar sequence and participants hear of it, and
    more places go to the people waiting. An empty `capacity` or `address` keeps the one
    the event has."""
    is_new = event is None
    if event is None:
        event = LocalEvent(campaign=campaign)
    if record.starts_at is not None:
        starts_at = record.starts_at
        ends_at = record.ends_at or starts_at + DEFAULT_DURATION
    else:
        starts_at, ends_at = event_times(
            day=record.day,
            starts=record.starts,
            ends=record.ends,
            zone=record.timezone,
            last_day=record.last_day,
        )
    values = {
        "title": (title or _event_title(campaign, record.city))[:200],
        "city": record.city,
        "country": record.country,
        "timezone": record.timezone,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "signup_url": record.signup_url,
        "latitude": record.latitude if record.latitude is not None else event.latitude,
        "longitude": record.longitude if record.longitude is not None else event.longitude,
        "venue": record.venue or event.venue,
    }
    if description is not None:
        values["description"] = description
    if capacity is not None:
        values["capacity"] = capacity
    if address:
        values["address"] = address
    if attendance_mode is not None:
        values["attendance_mode"] = attendance_mode
        values["meeting_url"] = meeting_url
        if attendance_mode == LocalEvent.AttendanceMode.ONLINE:  # no place left to show
            values.update(latitude=None, longitude=None, venue="")
    if status is None and record.is_cancelled:
        status = LocalEvent.Status.CANCELLED
    is_tba = record.is_to_be_announced or not record.is_time_known
    wanted = status or (LocalEvent.Status.DETAILS_TBA if is_tba else LocalEvent.Status.APPROVED)
    # A feed cancels a completed event too, never a rejected one: a cancelled one is shown.
    cancels_shown = (
        wanted == LocalEvent.Status.CANCELLED and event.status in LocalEvent.VISIBLE_STATUSES
    )
    if is_new or event.status in _IMPORTABLE_STATUSES or cancels_shown:
        values["status"] = wanted
    changed = [name for name, value in values.items() if getattr(event, name) != value]
    for name in changed:
        setattr(event, name, values[name])
    if is_new or changed:
        save_event_changes(event=event, changed_fields=changed)
        summary.count(_("events created") if is_new else _("events updated"))
    else:
        summary.count(_("events unchanged"))
    return event


def _event_title(campaign: Campaign | None, city: str) -> str:
    if campaign is None:
        return city
    return _("%(campaign)s: %(city)s") % {"campaign": campaign.title, "city": city}


def _write_press(campaign: Campaign, record: CampaignRecord, summary: ImportSummary) -> None:
    for item in record.press:
        try:
            with transaction.atomic():
                record_known_mention(
                    url=item.url,
                    outlet=item.outlet,
                    title=item.title,
                    campaign=campaign,
                    language=record.language if len(record.language) <= 12 else "",
                )
        except ValidationError as error:
            summary.warnings.append(Notice(record.source, item.line, _error_text(error)))
            continue
        summary.count(_("press mentions written"))


def _with_embeds(narrative: str, embeds: list[str]) -> str:
    """The narrative followed by its embeds as `<Embed>` lines, which the site shows behind
    a consent gate (see `turnout.content.embeds`)."""
    if not embeds:
        return narrative
    lines = "\n\n".join(f'<Embed url="{url}" />' for url in embeds)
    return f"{narrative}\n\n{lines}".strip()


def write_content_page(*, record: PageRecord, summary: ImportSummary) -> None:
    """Create or update a content page from a page that is not a protest."""
    page = Page.objects.filter(slug=record.slug).first()
    is_new = page is None
    if page is None:
        page = Page(slug=record.slug, status=Page.Status.PUBLISHED)
        if record.language in dict(settings.LANGUAGES):
            page.language = record.language
    if not is_new and page.source == record.source:
        summary.count(_("pages unchanged"))
        return
    page.source = record.source
    save_page(page=page, author=None, now=timezone.now(), note=_("imported"))
    summary.count(_("pages created") if is_new else _("pages updated"))


def _error_text(error: ValidationError) -> str:
    return "; ".join(error.messages)
