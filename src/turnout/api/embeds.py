"""The embeddable widget: upcoming events of a campaign or group, for other sites' iframes."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.clickjacking import xframe_options_exempt

from turnout.campaigns.models import Campaign
from turnout.campaigns.selectors import campaign_for_visitor
from turnout.campaigns.texts import campaign_text
from turnout.geo.selectors import listed_events

from .caching import cacheable, etag_for
from .groups import events_have_groups, group_model
from .language import requested_language

EVENTS_IN_WIDGET = 50
WIDGET_HEIGHT = 420


def widget_snippet(*, path: str, language: str, title: str) -> str:
    """The HTML other sites paste: an iframe of the widget in the chosen language."""
    source = f"{settings.SITE_URL}{path}?lang={language}"
    return (
        f'<iframe src="{source}" title="{title}" loading="lazy" '
        f'style="width:100%;max-width:40rem;height:{WIDGET_HEIGHT}px;border:1px solid #d6d6de">'
        "</iframe>"
    )


def _widget(request: HttpRequest, *, title: str, link: str, events) -> HttpResponse:
    language = requested_language(request)
    with translation.override(language):
        response = render(
            request,
            "api/widget.html",
            {
                "title": title,
                "link": f"{settings.SITE_URL}{link}",
                "events": list(events[:EVENTS_IN_WIDGET]),
                "site_url": settings.SITE_URL,
                "language": language,
            },
        )
    response["Content-Language"] = language
    return cacheable(request, response, etag=etag_for(response.content))


@xframe_options_exempt  # the one page made to be framed by other sites
def campaign_widget(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        campaign = campaign_for_visitor(slug=slug)
    except Campaign.DoesNotExist:
        raise Http404 from None
    language = requested_language(request)
    with translation.override(language):
        link = campaign.get_absolute_url()
    events = listed_events(now=timezone.now(), campaign=campaign)
    title = campaign_text(campaign, "title", language)
    return _widget(request, title=title, link=link, events=events)


@xframe_options_exempt
def group_widget(request: HttpRequest, slug: str) -> HttpResponse:
    Group = group_model()
    if Group is None or not events_have_groups():
        raise Http404("groups are not enabled")
    group = get_object_or_404(Group, slug=slug)
    with translation.override(requested_language(request)):
        link = group.get_absolute_url() if _has_page(group) else reverse("geo:events")
    events = listed_events(now=timezone.now(), group=group)
    return _widget(request, title=group.name, link=link, events=events)


def _has_page(group) -> bool:
    from django.urls import NoReverseMatch

    try:
        group.get_absolute_url()
    except NoReverseMatch:
        return False
    return True
