"""Public pages: home, a campaign, a local event, and the archive of past actions."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from . import page_cache, selectors
from .models import Campaign, LocalEvent
from .reports import campaign_report

HOME_EVENT_COUNT = 12


def home(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    campaigns = list(selectors.upcoming_campaigns(today=now.date()))
    return render(
        request,
        "campaigns/home.html",
        {
            "campaigns": [(c, selectors.campaign_reach(c)) for c in campaigns],
            "events": selectors.upcoming_events(now=now, limit=HOME_EVENT_COUNT),
        },
    )


def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page_key = page_cache.whole_page_key(request, slug)
    if page_key and (stored := page_cache.stored_page(page_key)):
        return stored
    try:
        campaign = selectors.campaign_for_visitor(
            slug=slug, can_preview=selectors.may_preview(request.user, Campaign)
        )
    except Campaign.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    today = now.date()
    has_ended = campaign.has_ended(today=today)

    def render_page(events_html: SafeString) -> HttpResponse:
        return render(
            request,
            "campaigns/campaign_detail.html",
            {
                "campaign": campaign,
                "reach": selectors.campaign_reach(campaign),
                "events_html": events_html,
                "has_ended": has_ended,
                "report": campaign_report(campaign, today=today) if has_ended else None,
            },
        )

    return page_cache.campaign_page(
        request, campaign=campaign, today=today, now=now, page_key=page_key,
        render_page=render_page,
    )  # fmt: skip


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_preview = selectors.may_preview(request.user, LocalEvent)
    events = LocalEvent.objects.all() if may_preview else LocalEvent.objects.public()
    event = get_object_or_404(events.select_related("campaign"), pk=pk)
    return render(request, "campaigns/event_detail.html", {"event": event})


def archive(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    return render(
        request,
        "campaigns/archive.html",
        {"years": selectors.archive_by_year(today=now.date(), now=now, language=get_language())},
    )
