"""URL routes: public pages under a language prefix (/en/, /nl/), the admin outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from turnout.campaigns import urls as campaign_urls
from turnout.campaigns.proposals import urls as proposal_urls
from turnout.media import urls as photo_urls
from turnout.organizing import (
    attendee_urls,
    moderation_urls,
    photo_review_urls,
    press_review_urls,
    report_urls,
)
from turnout.press import urls as press_urls
from turnout.signups import urls as signup_urls
from turnout.web import health_views, metrics

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("turnout.branding.urls")),  # /, /brand.css, /favicon.ico, icons
    path("media/", include("turnout.media.file_urls")),
    path("covers/", include("turnout.covers.file_urls")),  # hero and event images
    path("", include("turnout.api.urls")),  # /api/v1/, /feeds/, /sitemap.xml, /embed/
    path("geo/", include("turnout.geo.urls_files")),
    # For load balancers and monitors: no language prefix, JSON (turnout.web.health).
    path("healthz", health_views.healthz, name="healthz"),
    path("readyz", health_views.readyz, name="readyz"),
    path("metrics", metrics.metrics_view, name="metrics"),  # token or trusted network only
]

urlpatterns += i18n_patterns(
    # The printable report is back-office code (organizing) under its public name,
    # campaigns:campaign_report: one namespace for both lists.
    path("", include((campaign_urls.urlpatterns + report_urls.urlpatterns, "campaigns"))),
    # Likewise the moderation queue (organizing) keeps proposals:moderation_queue.
    path("", include((proposal_urls.urlpatterns + moderation_urls.urlpatterns, "proposals"))),
    path("dashboard/", include("turnout.organizing.dashboard.urls")),
    path("accounts/", include("turnout.accounts.urls")),
    path("groups/", include("turnout.groups.urls")),
    # And the review queues (organizing) keep press:review, press:review_mention, media:review.
    path("press/", include((press_urls.urlpatterns + press_review_urls.urlpatterns, "press"))),
    path("photos/", include((photo_urls.urlpatterns + photo_review_urls.urlpatterns, "media"))),
    # The attendee pages (organizing) keep signups:attendee_list and the rest.
    path("signups/", include((signup_urls.urlpatterns + attendee_urls.urlpatterns, "signups"))),
    path("roles/", include("turnout.roles.urls")),
    path("check-in/", include("turnout.checkin.urls")),
    path("follow-up/", include("turnout.followup.urls")),
    path("alerts/", include("turnout.alerts.urls")),
    path("share/", include("turnout.referrals.urls")),
    path("meetups/", include("turnout.meetups.urls")),
    path("events/", include("turnout.geo.urls")),
    path("cards/", include("turnout.sharing.urls")),
    path("covers/", include("turnout.covers.urls")),
    # Content pages answer any /<lang>/<slug>/ left over: keep this entry last.
    path("", include("turnout.content.urls")),
    prefix_default_language=True,
)

handler404 = "turnout.web.views.page_not_found"
handler500 = "turnout.web.views.server_error"
