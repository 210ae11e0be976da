from django.urls import path

from . import views

app_name = "media"

# The review queue (media:review) is back-office code: it lives in
# turnout.organizing.photo_review_urls, which the root URL conf joins to this namespace.

urlpatterns = [
    path("event/<int:pk>/", views.event_photos, name="event_photos"),
    path("campaign/<slug:slug>/", views.campaign_photos, name="campaign_photos"),
    path("<int:pk>/describe/", views.describe, name="describe"),
    path("<int:pk>/review/", views.review, name="review_photo"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
