"""The attendee pages keep their names, `signups:attendee_list` and the rest: the root URL conf
joins these patterns to the signups ones under that one namespace."""

from django.urls import path

from . import attendees

urlpatterns = [
    path("events/<int:pk>/attendees/", attendees.attendee_list, name="attendee_list"),
    path("events/<int:pk>/attendees.csv", attendees.attendee_export, name="attendee_export"),
    path("events/<int:pk>/attendees/message/", attendees.attendee_message, name="attendee_message"),
    path("events/<int:pk>/attendees/attendance/", attendees.attendance, name="attendance"),
]
