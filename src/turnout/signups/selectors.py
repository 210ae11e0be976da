"""Read-only queries about signups: counts for dashboards, lists for organizers."""

from collections.abc import Iterable
from functools import cache

from django.db.models import Count, QuerySet

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.notifications.models import OutboxMessage
from turnout.web.email_addresses import normalize_email
from turnout.web.raw_rows import RowReader

from .models import Signup
from .personal_data import registered_parts


def count_signups_by_event(event_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Signups per event and state: {event_id: {"confirmed": 12, "waitlisted": 0, ...}}.

    Every requested event is present and every state has a count, zero included; anonymized
    signups still count, so erasure and retention keep the numbers.
    """
    ids = list(event_ids)
    counts = {event_id: {state: 0 for state in Signup.State.values} for event_id in ids}
    rows = (
        Signup.objects.filter(event_id__in=ids)
        .values_list("event_id", "state")
        .annotate(total=Count("id"))
        .order_by()
    )
    for event_id, state, total in rows:
        counts[event_id][state] = total
    return counts


# The columns signing up reads: `LocalEvent.takes_signups_here` and, with the campaign's
# status, `LocalEvent.is_public_with`.
SIGNUP_FIELDS = ("status", "signup_url", "ends_at", "campaign")


def event_for_signup(pk: int) -> tuple[LocalEvent, str | None] | None:
    """The event by primary key with only `SIGNUP_FIELDS` loaded, and its campaign's status
    (None without a campaign); None if there is no such event.

    A hand-written query (still a model instance, its columns converted as the ORM would):
    building the same SELECT with the ORM cost 0.4 ms of a signup's 3, more than running it,
    and `raw()` spent a fifth of the form's time working out how to read the row."""
    event = _EVENT_FOR_SIGNUP.one(_event_for_signup_sql(), [pk])
    if event is None:
        return None
    return event, event.campaign_status  # type: ignore[attr-defined]


_EVENT_FOR_SIGNUP = RowReader(LocalEvent, ("id", *SIGNUP_FIELDS), extra=("campaign_status",))


@cache
def _event_for_signup_sql() -> str:
    event = {field.name: field.column for field in LocalEvent._meta.concrete_fields}
    campaign = {field.name: field.column for field in Campaign._meta.concrete_fields}
    columns = ", ".join(f"e.{column}" for column in _EVENT_FOR_SIGNUP.columns)
    return (
        f"SELECT {columns}, c.{campaign['status']} AS campaign_status"
        f" FROM {LocalEvent._meta.db_table} e LEFT JOIN {Campaign._meta.db_table} c"
        f" ON c.{campaign['id']} = e.{event['campaign']} WHERE e.{event['id']} = %s"
    )


def places_taken(event: LocalEvent) -> int:
    """Places held at the event: confirmed signups and those marked as attended."""
    return Signup.objects.filter(event=event, state__in=Signup.HOLDS_PLACE).count()


def places_left(event: LocalEvent) -> int | None:
    """Free places, or None for an event without a limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - places_taken(event), 0)


def is_full(event: LocalEvent) -> bool:
    left = places_left(event)
    return left is not None and left == 0


def signup_by_token(token: str) -> Signup:
    """The signup behind a private manage link; raises Signup.DoesNotExist.

    With its event, campaign and their covers, which the manage page and every email about
    the signup show: one query, where reading them as needed takes three more."""
    if not token:
        raise Signup.DoesNotExist
    return Signup.objects.select_related("event__cover", "event__campaign__cover").get(token=token)


def attendees(event: LocalEvent, *, state: str | None = None) -> QuerySet[Signup]:
    """An event's signups for its organizers, oldest first; anonymized ones left out."""
    signups = Signup.objects.filter(event=event, anonymized_at__isnull=True)
    if state:
        signups = signups.filter(state=state)
    return signups.order_by("created_at", "id")


def confirmed_attendees(event: LocalEvent) -> QuerySet[Signup]:
    return attendees(event).filter(state__in=Signup.HOLDS_PLACE)


def messageable_attendees(event: LocalEvent) -> QuerySet[Signup]:
    """Whom an organizer's message reaches: people holding a place, but walk-ins only when
    they agreed at the door to be contacted (their address is the organizer's word alone)."""
    return confirmed_attendees(event).exclude(source=Signup.Source.WALK_IN, wants_updates=False)


def next_on_waitlist(event: LocalEvent) -> Signup | None:
    """Who moves up when a place frees: the longest-waiting person."""
    return (
        Signup.objects.filter(event=event, state=Signup.State.WAITLISTED)
        .order_by("waitlisted_at", "id")
        .first()
    )


def signups_for_email(email: str) -> QuerySet[Signup]:
    """Everything held about an address, for privacy export and erasure."""
    return Signup.objects.filter(email__iexact=normalize_email(email)).select_related("event")


def personal_data(email: str) -> dict:
    """Everything held about an address, as a JSON-ready dict (the privacy export)."""
    email = normalize_email(email)

    def moment(value):
        return value.isoformat() if value else None

    signups = [
        {
            "event": signup.event.title,
            "event_city": signup.event.city,
            "event_starts_at": moment(signup.event.starts_at),
            "name": signup.name,
            "email": signup.email,
            "phone": signup.phone,
            "language": signup.language,
            "state": signup.state,
            "accepted_code_of_conduct": signup.accepted_code_of_conduct,
            "wants_updates": signup.wants_updates,
            "source": signup.source,
            "signed_up_at": moment(signup.created_at),
            "confirmed_at": moment(signup.confirmed_at),
            "waitlisted_at": moment(signup.waitlisted_at),
            "cancelled_at": moment(signup.cancelled_at),
            "attended_at": moment(signup.attended_at),
            "referral_code": signup.referral_code,
            "referred_by_someone": signup.referred_by_id is not None,
            **registered_parts(signup),
        }
        for signup in signups_for_email(email).order_by("created_at")
    ]
    emails = [
        {
            "subject": message.subject,
            "kind": message.kind,
            "state": message.state,
            "queued_at": moment(message.created_at),
            "sent_at": moment(message.sent_at),
        }
        for message in OutboxMessage.objects.filter(
            to_email__iexact=normalize_email(email)
        ).order_by("created_at")
    ]
    return {"email": email, "signups": signups, "emails": emails}
