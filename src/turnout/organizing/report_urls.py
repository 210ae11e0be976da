"""The printable report keeps its public name, `campaigns:campaign_report`: the root URL conf
joins these patterns to the campaigns ones under that one namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("campaigns/<slug:slug>/report/", views.campaign_report_print, name="campaign_report"),
]
