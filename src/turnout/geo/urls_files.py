from django.urls import path

from . import views

app_name = "geo_files"

# Outside the language prefix: the same file for every language, cached by browsers.
urlpatterns = [
    path("world.svg", views.base_map, name="base_map"),
]
