"""{% open_graph_tags obj %}, {% event_json_ld obj %} and {% add_to_calendar event %}."""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.groups.models import Group

from .. import open_graph, structured_data
from ..calendar_links import calendar_links

register = template.Library()


@register.inclusion_tag("sharing/_open_graph.html", takes_context=True)
def open_graph_tags(context, obj=None, title="", summary=""):
    """The page's preview: the object's own (a campaign, an event, a group), else the site's.
    `title` and `summary` as the page shows them, such as a campaign's translated title."""
    language = get_language()
    if isinstance(obj, Campaign):
        tags = open_graph.for_campaign(obj, language=language, title=title, summary=summary)
    elif isinstance(obj, LocalEvent):
        tags = open_graph.for_event(obj, language=language)
    elif isinstance(obj, Group):
        tags = open_graph.for_group(obj, language=language)
    else:
        request = context.get("request")
        path = request.path if request is not None else f"/{language}/"
        tags = open_graph.site_defaults(path=path, language=language, title=title)
    return {"og": tags}


@register.simple_tag
def event_json_ld(obj) -> SafeString:
    """schema.org Event for an event page, or for a campaign page with its public events."""
    language = get_language()
    if isinstance(obj, Campaign):
        return campaign_json_ld(obj)
    return structured_data.as_script(structured_data.event_data(obj, language=language))


@register.simple_tag
def campaign_json_ld(campaign, events=None) -> SafeString:
    """The campaign's Event; `events` as the page lists them (the campaign page renders this
    in its cached events section, so a crowd does not load the events on every visit)."""
    if events is None:
        events = LocalEvent.objects.public().filter(campaign=campaign).order_by("starts_at")
    events = [e for e in events if e.status in LocalEvent.VISIBLE_STATUSES]
    data = structured_data.campaign_data(campaign, events, language=get_language())
    return structured_data.as_script(data)


@register.inclusion_tag("sharing/_add_to_calendar.html")
def add_to_calendar(event):
    if event.is_cancelled or event.has_ended:
        return {"links": None}
    return {"links": calendar_links(event, language=get_language()), "event": event}
