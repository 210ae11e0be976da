"""The photo review queue keeps its name, `media:review`: the root URL conf joins these
patterns to the media ones under that one namespace."""

from django.urls import path

from . import review_queues

urlpatterns = [
    path("review/", review_queues.photo_review_queue, name="review"),
]
