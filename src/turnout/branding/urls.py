from django.urls import path

from . import views

app_name = "branding"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("brand.css", views.brand_css, name="css"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("brand/logo", views.logo, name="logo"),
    path("brand/icon-<int:size>.png", views.icon, name="icon"),
]
