from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.home, name="home"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("archive/", views.archive, name="archive"),
]
