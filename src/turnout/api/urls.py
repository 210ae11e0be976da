"""Routes outside the language prefix: the JSON API, feeds, sitemap.xml and the widget."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from . import calendars, embeds, root, views
from .sitemaps import sitemaps
from .syndication import CampaignsAtomFeed, CampaignsFeed

app_name = "api"


def sitemap_xml(request):
    # Built per request so sections appear as apps (groups) are switched on.
    return sitemap(request, sitemaps=sitemaps())


urlpatterns = [
    path("api/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("api/v1/", root.api_root, name="api-root"),
    path("api/v1/campaigns/", views.CampaignList.as_view(), name="campaign-list"),
    path("api/v1/campaigns/<slug:slug>/", views.CampaignDetail.as_view(), name="campaign-detail"),
    path("api/v1/events/", views.EventList.as_view(), name="event-list"),
    path("api/v1/events/<int:pk>/", views.EventDetail.as_view(), name="event-detail"),
    path("api/v1/groups/", views.GroupList.as_view(), name="group-list"),
    path("api/v1/groups/<slug:slug>/", views.GroupDetail.as_view(), name="group-detail"),
    path("api/v1/cities/", views.CityList.as_view(), name="cities"),
    path("feeds/events.ics", calendars.all_events, name="feed_events"),
    path("feeds/campaigns/<slug:slug>.ics", calendars.campaign_events, name="feed_campaign"),
    path("feeds/countries/<str:code>.ics", calendars.country_events, name="feed_country"),
    path("feeds/groups/<slug:slug>.ics", calendars.group_events, name="feed_group"),
    path("feeds/campaigns.rss", CampaignsFeed(), name="feed_campaigns_rss"),
    path("feeds/campaigns.atom", CampaignsAtomFeed(), name="feed_campaigns_atom"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("embed/campaigns/<slug:slug>/", embeds.campaign_widget, name="widget_campaign"),
    path("embed/groups/<slug:slug>/", embeds.group_widget, name="widget_group"),
    # Anything else under /api/ answers in JSON too, not with the site's HTML 404 page.
    re_path(r"^api/", views.not_found),
]
