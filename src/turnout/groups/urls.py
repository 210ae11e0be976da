from django.urls import path

from . import views

app_name = "groups"

urlpatterns = [
    path("", views.group_directory, name="group_directory"),
    path("<slug:slug>/", views.group_detail, name="group_detail"),
    path("<slug:slug>/edit/", views.group_edit, name="group_edit"),
]
