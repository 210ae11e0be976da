from django.urls import path

from . import views

app_name = "followup"

urlpatterns = [
    path("<str:token>/", views.survey, name="survey"),
    path("<str:token>/thanks/", views.thanks, name="thanks"),
]
