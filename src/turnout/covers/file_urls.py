"""The route that serves covers' files, without a language prefix: /covers/<key>/<file>."""

from django.urls import path

from . import views

urlpatterns = [
    path("<uuid:key>/<str:file>", views.stored_file, name="cover_file"),
]
