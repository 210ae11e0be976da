from django.urls import path

from . import views

app_name = "press"

urlpatterns = [
    path("", views.press_list, name="list"),
    path("submit/campaign/<slug:slug>/", views.submit_for_campaign, name="submit_campaign"),
    path("submit/event/<int:pk>/", views.submit_for_event, name="submit_event"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.review_mention, name="review_mention"),
]
