"""The moderation queue keeps its name, `proposals:moderation_queue`: the root URL conf joins
these patterns to the proposal ones under that one namespace."""

from django.urls import path

from . import moderation

urlpatterns = [
    path(
        "dashboard/campaigns/<slug:slug>/proposals/",
        moderation.moderation_queue,
        name="moderation_queue",
    ),
]
