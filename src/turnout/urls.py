"""URL routes: public pages under a language prefix (/en/, /nl/), the admin outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("turnout.campaigns.urls")),
    prefix_default_language=True,
)

handler404 = "turnout.web.views.page_not_found"
handler500 = "turnout.web.views.server_error"
