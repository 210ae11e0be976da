"""The day-after follow-up: who gets which version, when, exactly once; and saving answers.

Who gets what, for an event that took place (approved, details to be announced or completed):
- attended: the thanks, with the two questions;
- confirmed but not marked attended, at an event where attendance was taken (at least one
  person marked attended): the gentler "we missed you", with a way to answer after all;
- confirmed at an event where nobody was marked attended: a neutral version with the
  questions. Nobody took attendance there, so "we missed you" would wrong everyone who came,
  and thanking people "for coming" would wrong those who did not.
Walk-ins are written to only when they agreed to be contacted (`wants_updates`).
"""

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.signups.mail_merge import Letter, compose_letter
from turnout.signups.models import Signup

from .emails import follow_up_email
from .models import FollowUp, SurveyAnswer

# From this local hour on the day after, the follow-up is due: a morning email, not a 1 am one.
LOCAL_HOUR = 10
# A night that ends before this local hour belongs to the day before.
NIGHT_ENDS = timedelta(hours=6)
# Only this long after it fell due: a worker back from a week away does not mail old events.
DUE_FOR = timedelta(days=3)
BATCH = 200


def follow_up_due_at(event: LocalEvent) -> datetime:
    """10:00 in the event's own time zone on the day after it ended."""
    day_after = (event.local_ends_at - NIGHT_ENDS).date() + timedelta(days=1)
    return datetime.combine(day_after, time(LOCAL_HOUR), tzinfo=event.zone)


def events_due(*, now: datetime) -> list[LocalEvent]:
    """Events whose follow-up is due now and not yet stale."""
    # The widest a time zone and the rules above can put the due moment after the end.
    earliest_end = now - DUE_FOR - timedelta(days=2)
    candidates = (
        LocalEvent.objects.filter(
            status__in=LocalEvent.TAKING_PART_STATUSES, ends_at__lt=now, ends_at__gte=earliest_end
        )
        .select_related("campaign", "group")
        .order_by("ends_at", "pk")
    )
    return [e for e in candidates if follow_up_due_at(e) <= now < follow_up_due_at(e) + DUE_FOR]


def queue_due_follow_ups(*, now: datetime) -> int:
    """Write every follow-up that is due to the outbox, once per signup."""
    return sum(queue_event_follow_ups(event, now=now) for event in events_due(now=now))


def kind_for(signup: Signup, *, attendance_taken: bool) -> FollowUp.Kind:
    if signup.state == Signup.State.ATTENDED:
        return FollowUp.Kind.ATTENDED
    return FollowUp.Kind.NO_SHOW if attendance_taken else FollowUp.Kind.NEUTRAL


def _recipients(event: LocalEvent) -> QuerySet[Signup]:
    already = FollowUp.objects.filter(signup=OuterRef("pk"))
    return (
        Signup.objects.filter(event=event, state__in=Signup.HOLDS_PLACE, anonymized_at__isnull=True)
        .exclude(email="")
        .exclude(source=Signup.Source.WALK_IN, wants_updates=False)
        # A subquery, not a join: PostgreSQL locks no row on the nullable side of a join.
        .filter(~Exists(already))
    )


def queue_event_follow_ups(event: LocalEvent, *, now: datetime) -> int:
    """Write the follow-ups of one event, a batch per transaction.

    Each batch locks its signups, writes their FollowUp rows and outbox rows together and
    commits: a worker that dies midway leaves whole batches done or not done, and the next run
    picks up exactly those without a FollowUp (the outbox's dedupe key guards it twice).
    """
    if event.status not in LocalEvent.TAKING_PART_STATUSES:
        return 0
    attendance_taken = event.signups.filter(state=Signup.State.ATTENDED).exists()
    letters: dict[tuple[str, str], Letter] = {}
    queued = 0
    for ids in _batches_of_ids(_recipients(event)):
        with transaction.atomic():
            batch = list(
                _recipients(event).filter(pk__in=ids).select_for_update().select_related("event")
            )
            emails = []
            follow_ups = []
            for signup in batch:
                kind = kind_for(signup, attendance_taken=attendance_taken)
                key = (signup.language, kind)
                if key not in letters:
                    letters[key] = compose_letter(
                        partial(follow_up_email, kind=kind, now=now), sample=signup
                    )
                emails.append((letters[key].to(signup), f"followup:{signup.pk}"))
                follow_ups.append(FollowUp(signup=signup, kind=kind, sent_at=now))
            # A second worker that waited on these locks may still see them as pending (its
            # subquery reads the snapshot from before the first committed): both writes skip
            # what is already there, the outbox by its dedupe key, so nobody gets two.
            FollowUp.objects.bulk_create(follow_ups, ignore_conflicts=True)
            queued += outbox.enqueue_many(emails, now=now)
    return queued


def _batches_of_ids(signups: QuerySet[Signup]) -> Iterator[list[int]]:
    # Ids read a batch at a time, no cursor held across the writes (see signups.reminders).
    last_pk = 0
    while ids := list(
        signups.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:BATCH]
    ):
        yield ids
        last_pk = ids[-1]


def answer_survey(
    *, signup: Signup, how_was_it: int, would_come_again: str, comment: str, now: datetime
) -> SurveyAnswer:
    """Save `signup`'s answer; answering again replaces the earlier one."""
    with transaction.atomic():
        locked = Signup.objects.select_for_update().get(pk=signup.pk)
        answer, _ = SurveyAnswer.objects.update_or_create(
            signup=locked,
            defaults={
                "how_was_it": how_was_it,
                "would_come_again": would_come_again,
                "comment": comment,
                "answered_at": now,
            },
        )
    return answer
