from django.urls import path

from . import views

app_name = "press"

# The review queue (press:review, press:review_mention) is back-office code: it lives in
# turnout.organizing.press_review_urls, which the root URL conf joins to this namespace.

urlpatterns = [
    path("", views.press_list, name="list"),
    path("submit/campaign/<slug:slug>/", views.submit_for_campaign, name="submit_campaign"),
    path("submit/event/<int:pk>/", views.submit_for_event, name="submit_event"),
]
