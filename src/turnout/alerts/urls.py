from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.alert_settings, name="settings"),
    # Tokens are URL-safe base64 (`secrets.token_urlsafe`): letters, digits, "-" and "_".
    path("<slug:token>/", views.manage, name="manage"),
    path("<slug:token>/stop/", views.one_click_stop, name="one_click_stop"),
]
