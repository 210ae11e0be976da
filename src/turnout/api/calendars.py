"""iCalendar feeds that calendar apps subscribe to: all events, a campaign, a country, a group."""

import re
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext

from turnout.branding.models import SiteSettings
from turnout.campaigns.calendar import build_calendar, render_ics
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.selectors import campaign_for_visitor
from turnout.localization.formatting import country_name
from turnout.meetups.calendar import series_feed

from .caching import cacheable, etag_for
from .groups import events_have_groups, group_model
from .language import requested_language

# Subscribed calendars keep showing recent events; older ones drop out of the feed.
PAST_DAYS_IN_FEEDS = 180
REFRESH_INTERVAL = timedelta(hours=6)
_DTSTAMP = re.compile(rb"^DTSTAMP:.*\r\n", re.M)


def feed_events(*, now: datetime) -> QuerySet[LocalEvent]:
    """Public events for feeds, cancelled ones included (calendar apps then strike them)."""
    return (
        LocalEvent.objects.public()
        .filter(ends_at__gte=now - timedelta(days=PAST_DAYS_IN_FEEDS))
        .select_related("campaign")
        .order_by("starts_at", "pk")
    )


def calendar_response(
    request: HttpRequest,
    events: QuerySet[LocalEvent],
    *,
    title: str,
    filename: str,
    recurring: bool = False,
) -> HttpResponse:
    """`recurring`: the dates of a recurring meet-up come as one VEVENT with its RRULE."""
    language = requested_language(request)
    now = timezone.now()
    with translation.override(language):
        name = f"{SiteSettings.current().name}: {title}"
        series = series_feed(events, now=now, language=language) if recurring else None
        calendar = build_calendar(
            series.standalone if series else events,
            now=now,
            name=name,
            method="PUBLISH",
            language=language,
            translated=True,
        )
        if series:
            series.add_to(calendar)
    # RFC 7986 REFRESH-INTERVAL and its older Apple/Microsoft spelling.
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    body = render_ics(calendar)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    # DTSTAMP is the time of this answer; everything else changes only when events do.
    return cacheable(request, response, etag=etag_for(_DTSTAMP.sub(b"", body)))


def all_events(request: HttpRequest) -> HttpResponse:
    with translation.override(requested_language(request)):
        title = gettext("all events")
    return calendar_response(
        request, feed_events(now=timezone.now()), title=title, filename="events", recurring=True
    )


def campaign_events(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        campaign = campaign_for_visitor(slug=slug)
    except Campaign.DoesNotExist:
        raise Http404 from None
    events = LocalEvent.objects.public().filter(campaign=campaign).order_by("starts_at", "pk")
    return calendar_response(request, events, title=campaign.title, filename=campaign.slug)


def country_events(request: HttpRequest, code: str) -> HttpResponse:
    code = code.upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise Http404
    language = requested_language(request)
    name = country_name(code, language)
    if name == code:
        raise Http404  # not a country CLDR knows
    events = feed_events(now=timezone.now()).filter(country=code)
    return calendar_response(
        request, events, title=name, filename=f"events-{code.lower()}", recurring=True
    )


def group_events(request: HttpRequest, slug: str) -> HttpResponse:
    Group = group_model()
    if Group is None or not events_have_groups():
        raise Http404("groups are not enabled")
    group = get_object_or_404(Group, slug=slug)
    # As on the group's page: a national group's events include its local groups'.
    events = feed_events(now=timezone.now()).filter(Q(group=group) | Q(group__parent=group))
    return calendar_response(
        request, events, title=group.name, filename=f"group-{group.slug}", recurring=True
    )
