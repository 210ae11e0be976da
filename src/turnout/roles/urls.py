from django.urls import path

from . import views

app_name = "roles"

urlpatterns = [
    path("events/<int:pk>/", views.event_roles, name="event_roles"),
    path("events/<int:pk>/add/", views.add_role, name="add_role"),
    path("events/<int:pk>/ask/", views.ask_attendee, name="ask_attendee"),
    path("events/<int:pk>/roles/<int:role_pk>/", views.change_role, name="change_role"),
    path("events/<int:pk>/roles/<int:role_pk>/remove/", views.remove_role, name="remove_role"),
    path(
        "events/<int:pk>/assignments/<int:assignment_pk>/remove/",
        views.remove_from_role,
        name="remove_from_role",
    ),
    path("mine/<str:token>/volunteer/", views.volunteer, name="volunteer"),
    path("mine/<str:token>/accept/", views.accept, name="accept"),
    path("mine/<str:token>/step-down/", views.step_down, name="step_down"),
]
