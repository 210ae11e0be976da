from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/organizers/", views.event_organizers, name="event_organizers"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("campaigns/<slug:slug>/", views.campaign, name="campaign"),
    path("campaigns/<slug:slug>/events.csv", views.campaign_export, name="campaign_export"),
    path("campaigns/<slug:slug>/message/", views.campaign_message, name="campaign_message"),
]
