from django.urls import path

from .views import organizer, privacy, public

app_name = "signups"

urlpatterns = [
    path("events/<int:pk>/", public.sign_up, name="sign_up"),
    path("events/<int:pk>/check-your-inbox/", public.check_inbox, name="check_inbox"),
    path("events/<int:pk>/attendees/", organizer.attendee_list, name="attendee_list"),
    path("events/<int:pk>/attendees.csv", organizer.attendee_export, name="attendee_export"),
    path("events/<int:pk>/attendees/message/", organizer.attendee_message, name="attendee_message"),
    path("events/<int:pk>/attendees/attendance/", organizer.attendance, name="attendance"),
    path("privacy/", privacy.privacy_request, name="privacy_request"),
    path("privacy/<str:token>/", privacy.privacy_page, name="privacy"),
    path("privacy/<str:token>/my-data.json", privacy.privacy_export, name="privacy_export"),
    path("privacy/<str:token>/erase/", privacy.privacy_erase, name="privacy_erase"),
    path("<str:token>/", public.manage, name="manage"),
    path("<str:token>/confirm/", public.confirm, name="confirm"),
    path("<str:token>/cancel/", public.cancel, name="cancel"),
    path("<str:token>/invite.ics", public.invite, name="invite"),
]
