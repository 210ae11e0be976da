from django.urls import path

from . import views

app_name = "covers"

urlpatterns = [
    path("campaign/<slug:slug>/", views.campaign_cover, name="campaign_cover"),
    path("campaign/<slug:slug>/remove/", views.remove_campaign_cover, name="remove_campaign_cover"),
    path("event/<int:pk>/", views.event_cover, name="event_cover"),
    path("event/<int:pk>/remove/", views.remove_event_cover, name="remove_event_cover"),
]
