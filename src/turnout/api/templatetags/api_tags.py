"""Template helpers for the public API app: the widgets' copy-paste snippets."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from turnout.campaigns.texts import campaign_text

from ..embeds import widget_snippet

register = template.Library()


@register.simple_tag
def campaign_widget_snippet(campaign) -> str:
    title = gettext("Upcoming events: %(title)s") % {"title": campaign_text(campaign, "title")}
    return widget_snippet(
        path=reverse("api:widget_campaign", kwargs={"slug": campaign.slug}),
        language=get_language(),
        title=escape(title),
    )


@register.simple_tag
def group_widget_snippet(group) -> str:
    title = gettext("Upcoming events: %(title)s") % {"title": group.name}
    return widget_snippet(
        path=reverse("api:widget_group", kwargs={"slug": group.slug}),
        language=get_language(),
        title=escape(title),
    )
