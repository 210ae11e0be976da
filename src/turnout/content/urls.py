from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("consent/", views.consent, name="consent"),
    path("<slug:slug>/", views.page_detail, name="page_detail"),
]
