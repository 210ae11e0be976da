from django.urls import path

from . import views

app_name = "geo"

# Mounted under the language prefix at /<language>/events/.
urlpatterns = [
    path("", views.events_index, name="events"),
    path("my-city/", views.choose_city, name="choose_city"),
]
