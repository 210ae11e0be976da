"""The press review queue keeps its names, `press:review` and `press:review_mention`: the root
URL conf joins these patterns to the press ones under that one namespace."""

from django.urls import path

from . import review_queues

urlpatterns = [
    path("review/", review_queues.press_review_queue, name="review"),
    path("review/<int:pk>/", review_queues.review_press_mention, name="review_mention"),
]
