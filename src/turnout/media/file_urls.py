"""The route that serves stored photos at MEDIA_URL when SERVE_MEDIA is on (embedded default),
and with object storage (MEDIA_STORAGE_URL), where pages link photos through it."""

from django.conf import settings
from django.urls import path

from . import views

SERVED = settings.SERVE_MEDIA or bool(settings.MEDIA_STORAGE_URL)
urlpatterns = [path("<path:name>", views.stored_file, name="media_file")] if SERVED else []
