"""Calendar invites for one participant: the event's VEVENT with them as the attendee."""

from datetime import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import translation
from icalendar import vCalAddress, vText

from turnout.campaigns.calendar import (
    add_meeting_link,
    add_private_place,
    build_calendar,
    render_ics,
)
from turnout.notifications.composition import Attachment

from .models import Signup


def organizer_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "turnout@localhost"


def invite_ics(signup: Signup, *, now: datetime, method: str) -> str:
    """The invite as iCalendar text; REQUEST adds or updates it, CANCEL removes it (RFC 5546).

    Mail clients offer "add to calendar" for a REQUEST naming the recipient as ATTENDEE; the
    event's UID is stable and its SEQUENCE grows with every change of time or place (the
    meeting point and instructions included).
    """
    calendar = build_calendar(
        [signup.event],
        now=now,
        method=method,
        language=signup.language,
        organizer_email=organizer_address(),
        translated=True,  # the title and description as the event's page shows them
    )
    if signup.holds_place and method != "CANCEL":
        # Only those with a place see the exact place, the instructions and the call.
        with translation.override(signup.language):
            for vevent in calendar.walk("VEVENT"):
                add_private_place(vevent, signup.event, signup.language)
                if signup.event.has_meeting_link:
                    add_meeting_link(vevent, signup.event.meeting_url)
    if method in ("REQUEST", "CANCEL"):
        for vevent in calendar.walk("VEVENT"):
            vevent.add("attendee", attendee(signup))
            if method == "CANCEL":
                vevent["status"] = vText("CANCELLED")
    return render_ics(calendar).decode("utf-8")


def attendee(signup: Signup) -> vCalAddress:
    """The participant as the invite's ATTENDEE, who has accepted and need not answer."""
    address = vCalAddress(f"mailto:{signup.email}")
    if signup.name:
        # A parameter has no escapes, yet parsers (icalendar's among them) read a backslash
        # as one: a name ending in "\\" would swallow the parameters after it.
        address.params["cn"] = vText(signup.name.replace("\\", ""))
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["partstat"] = vText("ACCEPTED")
    address.params["rsvp"] = vText("FALSE")
    return address


def invite_attachment(signup: Signup, *, now: datetime, method: str = "REQUEST") -> Attachment:
    return Attachment(
        filename="invite.ics",
        content=invite_ics(signup, now=now, method=method),
        mimetype="text/calendar",
        method=method,
    )
