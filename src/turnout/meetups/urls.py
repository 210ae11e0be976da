from django.urls import path

from . import views

app_name = "meetups"

urlpatterns = [
    path("group/<slug:slug>/", views.group_series, name="group_series"),
    path("group/<slug:slug>/new/", views.series_create, name="series_create"),
    path("<int:pk>/", views.series_detail, name="series_detail"),
    path("<int:pk>/dates/<int:occurrence_pk>/edit/", views.occurrence_edit, name="occurrence_edit"),
    path(
        "<int:pk>/dates/<int:occurrence_pk>/following/",
        views.occurrence_following,
        name="occurrence_following",
    ),
    path(
        "<int:pk>/dates/<int:occurrence_pk>/cancel/",
        views.occurrence_cancel,
        name="occurrence_cancel",
    ),
]
