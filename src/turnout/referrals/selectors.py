"""Bring a friend: a participant's share link, and who came through whose link.

A friend is counted when their own signup is confirmed and not cancelled: a link clicked, or
a form sent and never confirmed, brought no one.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.notifications.composition import absolute_url
from turnout.signups.models import Signup

BROUGHT = Q(referrals__confirmed_at__isnull=False) & ~Q(referrals__state=Signup.State.CANCELLED)


def share_url(signup: Signup) -> str:
    """The event page with the participant's code: the only thing it tells is the code."""
    page = absolute_url("campaigns:event_detail", language=signup.language, pk=signup.event_id)
    return f"{page}?via={signup.referral_code}"


def friends_brought(signup: Signup) -> int:
    return (
        signup.referrals.filter(confirmed_at__isnull=False)
        .exclude(state=Signup.State.CANCELLED)
        .count()
    )


@dataclass(frozen=True)
class Referrer:
    signup: Signup
    brought: int


def _top(signups: QuerySet[Signup], limit: int) -> list[Referrer]:
    counted = (
        signups.filter(anonymized_at__isnull=True)
        .annotate(brought=Count("referrals", filter=BROUGHT))
        .filter(brought__gt=0)
        .select_related("event")
        .order_by("-brought", "name", "pk")[:limit]
    )
    return [Referrer(signup, signup.brought) for signup in counted]


def top_referrers_of_event(event: LocalEvent, *, limit: int = 20) -> list[Referrer]:
    return _top(Signup.objects.filter(event=event), limit)


def top_referrers_of_campaign(campaign: Campaign, *, limit: int = 50) -> list[Referrer]:
    return _top(Signup.objects.filter(event__campaign=campaign), limit)


def total_brought(signups: QuerySet[Signup]) -> int:
    """How many signups in `signups` came through someone's link."""
    return (
        signups.filter(referred_by__isnull=False, confirmed_at__isnull=False)
        .exclude(state=Signup.State.CANCELLED)
        .count()
    )
