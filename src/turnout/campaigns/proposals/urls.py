from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("campaigns/<slug:slug>/organize/", views.propose, name="propose"),
    path("proposals/<str:token>/confirm/", views.confirm, name="confirm"),
    path("proposals/<str:token>/revise/", views.revise, name="revise"),
]
