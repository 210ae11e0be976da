from django.urls import path

from .views import privacy, public

app_name = "signups"

# The organizers' attendee pages (signups:attendee_list, ...) are back-office code: they live
# in turnout.organizing.attendee_urls, which the root URL conf joins to this namespace.

urlpatterns = [
    path("events/<int:pk>/", public.sign_up, name="sign_up"),
    path("events/<int:pk>/check-your-inbox/", public.check_inbox, name="check_inbox"),
    path("privacy/", privacy.privacy_request, name="privacy_request"),
    path("privacy/<str:token>/", privacy.privacy_page, name="privacy"),
    path("privacy/<str:token>/my-data.json", privacy.privacy_export, name="privacy_export"),
    path("privacy/<str:token>/erase/", privacy.privacy_erase, name="privacy_erase"),
    path("<str:token>/", public.manage, name="manage"),
    path("<str:token>/confirm/", public.confirm, name="confirm"),
    path("<str:token>/cancel/", public.cancel, name="cancel"),
    path("<str:token>/invite.ics", public.invite, name="invite"),
]
