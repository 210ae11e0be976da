from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("events/<int:pk>/", views.event_referrers, name="event_referrers"),
    path("campaigns/<slug:slug>/", views.campaign_referrers, name="campaign_referrers"),
    path("code/<str:token>/", views.give_share_code, name="give_share_code"),
]
