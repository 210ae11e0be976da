"""What the door page reads: who is expected, who has arrived, who holds a code."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup

from .codes import check_in_code

# The list without a search shows this many; a search narrows a bigger crowd.
LIST_LIMIT = 300


@dataclass(frozen=True)
class DoorCounts:
    arrived: int  # everyone checked in, walk-ins included
    expected: int  # everyone holding a place who signed up beforehand
    walk_ins: int


def door_counts(event: LocalEvent) -> DoorCounts:
    counts = Signup.objects.filter(
        event=event, state__in=Signup.HOLDS_PLACE, anonymized_at__isnull=True
    ).aggregate(
        arrived=Count("pk", filter=Q(state=Signup.State.ATTENDED)),
        expected=Count("pk", filter=~Q(source=Signup.Source.WALK_IN)),
        walk_ins=Count("pk", filter=Q(source=Signup.Source.WALK_IN)),
    )
    return DoorCounts(**counts)


def people_at_the_door(event: LocalEvent) -> QuerySet[Signup]:
    """Everyone the door may check in or has: people holding a place, walk-ins included."""
    return Signup.objects.filter(
        event=event, state__in=Signup.HOLDS_PLACE, anonymized_at__isnull=True
    ).order_by("name", "pk")


def search_people(event: LocalEvent, query: str) -> QuerySet[Signup]:
    """Names (or email addresses) containing every word of `query`, in any case."""
    people = people_at_the_door(event)
    for word in query.split()[:5]:
        people = people.filter(Q(name__icontains=word) | Q(email__icontains=word))
    return people


def find_by_code(event: LocalEvent, code: str) -> list[Signup]:
    """The people of `event` whose check-in code is `code` (almost always one or none).

    Codes are derived, not stored, so this computes each one: a few microseconds a person.
    """
    if not code:
        return []
    return [
        signup
        for signup in Signup.objects.filter(event=event, anonymized_at__isnull=True)
        .exclude(state=Signup.State.CANCELLED)
        .only("pk", "token", "name", "state", "attended_at", "event_id")
        if check_in_code(signup.token) == code
    ]
