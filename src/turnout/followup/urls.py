from django.urls import path

from . import photos, views

app_name = "followup"

urlpatterns = [
    path("event/<int:pk>/", views.event_answers, name="event_answers"),
    path("<str:token>/", views.survey, name="survey"),
    path("<str:token>/thanks/", views.thanks, name="thanks"),
    path("<str:token>/photos/", photos.send_photos, name="send_photos"),
]
