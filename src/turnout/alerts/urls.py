from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.alert_settings, name="settings"),
    path("<str:token>/", views.manage, name="manage"),
]
