"""Template helpers for the public API app: the widget's copy-paste snippet."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from ..embeds import widget_snippet

register = template.Library()


@register.simple_tag
def campaign_widget_snippet(campaign) -> str:
    title = gettext("Upcoming events: %(title)s") % {"title": campaign.title}
    return widget_snippet(
        path=reverse("api:widget_campaign", kwargs={"slug": campaign.slug}),
        language=get_language(),
        title=escape(title),
    )
