"""What a person may choose alerts for: the campaigns they coordinate, the events they organize."""

from datetime import datetime

from django.db.models import QuerySet

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent

from .models import AlertKind, AlertPreference
from .preferences import preference_of


def coordinated_campaigns(user: User) -> QuerySet[Campaign]:
    return Campaign.objects.filter(coordinators=user).order_by("-starts_on", "pk")


def organized_events(user: User, *, now: datetime) -> QuerySet[LocalEvent]:
    """The events they organize that have not ended, soonest first."""
    return (
        LocalEvent.objects.filter(organizers=user, ends_at__gt=now)
        .exclude(status__in=(LocalEvent.Status.REJECTED, LocalEvent.Status.CANCELLED))
        .order_by("starts_at", "pk")
    )


def campaign_choices(user: User) -> list[tuple[Campaign, AlertPreference]]:
    return [
        (campaign, preference_of(user, kind=AlertKind.PROPOSALS, campaign=campaign))
        for campaign in coordinated_campaigns(user)
    ]


def organizer_choices(user: User) -> list[AlertPreference]:
    return [preference_of(user, kind=kind) for kind in (AlertKind.SIGNUPS, AlertKind.NEARLY_FULL)]
