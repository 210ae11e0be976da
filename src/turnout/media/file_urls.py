"""The route that serves stored photos at MEDIA_URL when SERVE_MEDIA is on (embedded default)."""

from django.conf import settings
from django.urls import path

from . import views

urlpatterns = (
    [path("<path:name>", views.stored_file, name="media_file")] if settings.SERVE_MEDIA else []
)
