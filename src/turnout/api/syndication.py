"""RSS and Atom feeds of campaigns, in the language asked for with `?lang=`."""

import html

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext

from turnout.branding.models import SiteSettings
from turnout.campaigns.models import Campaign
from turnout.localization.formatting import format_date_window
from turnout.web.text import xml_text

from .language import requested_language

CAMPAIGNS_IN_FEED = 50


class EscapedDescriptionRss(Rss201rev2Feed):
    """RSS whose item descriptions are escaped once more: RSS has no text type, and readers
    render a description as HTML, while a campaign's summary is text a person typed."""

    def add_item_elements(self, handler, item) -> None:
        if item["description"] is not None:
            item = {**item, "description": html.escape(item["description"], quote=False)}
        super().add_item_elements(handler, item)


class CampaignsFeed(Feed):
    """Published campaigns, newest first."""

    feed_type: type[SyndicationFeed] = EscapedDescriptionRss

    def __call__(self, request: HttpRequest, *args, **kwargs):
        with translation.override(requested_language(request)):
            response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def title(self) -> str:
        return xml_text(gettext("%(site)s: campaigns") % {"site": SiteSettings.current().name})

    def description(self) -> str:
        return gettext("Coordinated action days and the local events that make them up.")

    def get_feed(self, obj, request: HttpRequest):
        feed = super().get_feed(obj, request)
        # Django makes links absolute with the request's host; they follow SITE_URL like every
        # other absolute link (a proxy may pass on a host the public never sees).
        feed.feed["feed_url"] = f"{settings.SITE_URL}{request.path}"
        return feed

    def link(self) -> str:
        return f"{settings.SITE_URL}{reverse('campaigns:home')}"

    def items(self):
        return Campaign.objects.public().order_by("-starts_on", "-pk")[:CAMPAIGNS_IN_FEED]

    # Titles and summaries are typed by people (and pasted from word processors): a control
    # character XML cannot hold would make Django refuse the whole feed with a 500.
    def item_title(self, item: Campaign) -> str:
        return xml_text(item.title)

    def item_description(self, item: Campaign) -> str:
        window = format_date_window(item.starts_on, item.ends_on)
        return xml_text(f"{window}. {item.summary}" if item.summary else window)

    def item_link(self, item: Campaign) -> str:
        return f"{settings.SITE_URL}{item.get_absolute_url()}"

    def item_pubdate(self, item: Campaign):
        return item.created_at

    def item_updateddate(self, item: Campaign):
        return item.updated_at


class PlainTextSummaryAtom(Atom1Feed):
    """Atom whose item summaries are marked as text: Django marks them as HTML, which feed
    readers then render, and a campaign's summary is text a person typed, never markup."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class CampaignsAtomFeed(CampaignsFeed):
    feed_type = PlainTextSummaryAtom

    def subtitle(self) -> str:
        return self.description()
