from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("campaigns/<slug:slug>.png", views.campaign_card, name="campaign_card"),
    path("events/<int:pk>.png", views.event_card, name="event_card"),
    path("events/<int:pk>.ics", views.event_ics, name="event_ics"),
]
