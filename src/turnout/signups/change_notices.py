"""How often a person's edits of an event may email everyone at it.

A new time or place is announced to every participant and everyone waiting (signups'
`notify_rescheduled`), with the venue and place the organizer typed in it. Without a bound an
organizer moving the time back and forth, or typing an advertisement as the venue again and
again, mails hundreds of people from the site's address as often as a script likes; the
messages organizers write themselves are bounded the same way (MESSAGES_PER_HOUR_ABOUT_ONE).
A few corrections an hour are what a real change takes. Edits that tell nobody (no time or
place changed, or nobody signed up yet) are never counted. Every page on which a person edits
an event asks here: the organizer's dashboard and a group's meet-up dates (one date, or the
series from a date on). Imports, the admin and the meet-ups' horizon job are not bounded:
they are not a person's edits.
"""

from collections.abc import Set
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.services import SCHEDULE_FIELDS
from turnout.web import rate_limits

from .models import Signup

CHANGE_NOTICES_PER_HOUR = 4


def check_change_notice(event: LocalEvent, changed: Set[str], *, now: datetime) -> None:
    """Count an edit that emails the participants; ValidationError past the hourly bound.

    Called inside the edit's transaction: a refused edit rolls its own count back, so the
    bound stays reached until the hour is over, and nothing of the edit is written."""
    if not changed & SCHEDULE_FIELDS:
        return
    informed = event.signups.filter(
        state__in=(Signup.State.CONFIRMED, Signup.State.WAITLISTED), anonymized_at__isnull=True
    )
    if not informed.exists():
        return
    limited = rate_limits.hit(
        rate_limits.Limit("change-notices", str(event.pk), CHANGE_NOTICES_PER_HOUR), now=now
    )
    if limited:
        raise ValidationError(
            _(
                "Participants have been emailed about %(count)d changes of the time or place in "
                "the last hour. Please try again in %(minutes)d minutes."
            )
            % {"count": CHANGE_NOTICES_PER_HOUR, "minutes": limited.minutes}
        )
