"""Organizers told of new signups for their events, in one digest an hour or a day.

The digest asks which signups came in during its window (confirmed in it; one added at the door
or by hand, created in it), so no signup is hooked and none is missed or told twice.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Q

from turnout.accounts.models import User
from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.signups.selectors import places_left

from . import emails
from .digests import send_digests
from .models import AlertKind, Frequency
from .preferences import choosing
from .windows import Window

LIVE_STATUSES = (LocalEvent.Status.APPROVED, LocalEvent.Status.DETAILS_TBA)
NEW_STATES = (Signup.State.CONFIRMED, Signup.State.WAITLISTED, Signup.State.ATTENDED)


def queue_signup_digests(*, now: datetime) -> int:
    """Write each hourly and daily signup digest that is due; return how many."""
    organizers = User.objects.filter(
        is_active=True,
        organized_events__status__in=LIVE_STATUSES,
        organized_events__ends_at__gt=now - timedelta(days=2),
    ).distinct()
    queued = 0
    for frequency in (Frequency.HOURLY, Frequency.DAILY):
        queued += send_digests(
            choosing(organizers, kind=AlertKind.SIGNUPS, frequency=frequency),
            frequency=frequency,
            now=now,
            content=signup_digest_content,
            compose=emails.signup_digest,
        )
    return queued


def signup_digest_content(user: User, window: Window):
    """The signups new in `window` at the events `user` organizes: names, never addresses."""
    new = (
        Signup.objects.filter(
            event__organizers=user,
            event__status__in=LIVE_STATUSES,
            state__in=NEW_STATES,
            anonymized_at__isnull=True,
        )
        .filter(
            Q(confirmed_at__gte=window.since, confirmed_at__lt=window.until)
            | Q(
                confirmed_at__isnull=True, created_at__gte=window.since, created_at__lt=window.until
            )
        )
        .select_related("event__campaign")
        .order_by("event__starts_at", "event_id", "created_at", "pk")
    )
    by_event: dict[int, list[Signup]] = defaultdict(list)
    for signup in new:
        by_event[signup.event_id].append(signup)
    if not by_event:
        return None
    parts = []
    for signups in by_event.values():
        event = signups[0].event
        parts.append(
            emails.EventSignups(
                event=event,
                names=[signup.name for signup in signups[: emails.NAMES_SHOWN]],
                total=len(signups),
                waitlisted=sum(s.state == Signup.State.WAITLISTED for s in signups),
                places_left=places_left(event),
            )
        )
    # Co-organizers get one composition of the same digest.
    key = tuple(signup.pk for signups in by_event.values() for signup in signups)
    return key, emails.SignupDigest(since=window.since, until=window.until, events=parts)
