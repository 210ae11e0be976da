"""Signing up, confirming the address, cancelling and the waitlist: each one transaction.

Which step takes a place: confirmation. A signup waits for its address to be confirmed
(double opt-in) without holding a place; `confirm_signup` locks the event row, counts the
places held and either confirms or waitlists. Every step that frees or takes a place locks the
event first and the signup second, so concurrent steps on one event queue on that lock and
never deadlock.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.constants import OnConflict
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.web.email_addresses import normalize_email

from .. import emails as signup_emails
from .. import selectors
from ..models import Signup, new_referral_code


class SignupClosed(ValidationError):
    """The event does not (or no longer) take signups here."""


class CancellingClosed(ValidationError):
    """The event is over: who came is on record, and a signup is no longer cancelled."""


def can_cancel(signup: Signup, *, now: datetime) -> bool:
    """Whether the participant may still cancel: not cancelled yet, and the event not over."""
    return signup.state != Signup.State.CANCELLED and signup.event.ends_at > now


# A double click, a retried request or a script sends the same signup many times at once:
# the person hears about it once in this window (the confirmation request, or "you are already
# signed up"), not once per request.
REPEAT_NOTICE_AFTER = timedelta(minutes=10)


class Outcome(StrEnum):
    CREATED = "created"
    ALREADY_SIGNED_UP = "already_signed_up"
    SIGNED_UP_AGAIN = "signed_up_again"


@dataclass(frozen=True)
class SignupResult:
    signup: Signup
    outcome: Outcome


def sign_up(
    *,
    event: LocalEvent,
    name: str,
    email: str,
    phone: str = "",
    language: str,
    accepted_code_of_conduct: bool,
    wants_updates: bool = False,
    source: str = Signup.Source.WEB,
    via: str = "",
    now: datetime,
) -> SignupResult:
    """Record a signup awaiting confirmation and queue the confirmation email.

    The same address again for the same event changes nothing and is told so by email; a
    cancelled signup may sign up again (and must confirm again).
    """
    return record_signup(
        new_signup(
            event=event, name=name, email=email, phone=phone, language=language,
            accepted_code_of_conduct=accepted_code_of_conduct, wants_updates=wants_updates,
            source=source, via=via, now=now,
        ),
        now=now,
    )  # fmt: skip


@dataclass(frozen=True)
class NewSignup:
    """A signup checked and its confirmation request composed, nothing written yet."""

    signup: Signup
    confirmation_request: Email


def new_signup(
    *,
    event: LocalEvent,
    name: str,
    email: str,
    phone: str = "",
    language: str,
    accepted_code_of_conduct: bool,
    wants_updates: bool = False,
    source: str = Signup.Source.WEB,
    via: str = "",
    now: datetime,
) -> NewSignup:
    """`sign_up`'s checks and email, before its transaction: the signup view writes in one
    that also counts the rate limits, and on SQLite a write transaction holds the whole
    database, so nothing that only reads or composes belongs in it."""
    if not event.takes_signups_here(now=now):
        raise SignupClosed(_("This event does not take signups here."))
    if not accepted_code_of_conduct:
        raise ValidationError(_("Please accept the code of conduct."))
    email = normalize_email(email)
    signup = Signup(
        referred_by_id=_referrer_id(event, via, email=email) if via else None,
        event=event,
        name=name.strip(),
        email=email,
        phone=phone.strip(),
        language=language,
        accepted_code_of_conduct=True,
        wants_updates=wants_updates,
        source=source,
        created_at=now,
        notice_sent_at=now,
    )
    return NewSignup(signup, signup_emails.confirmation_request(signup))


def record_signup(new: NewSignup, *, now: datetime) -> SignupResult:
    """Write `new` and its email, in the caller's transaction if there is one; or, for an
    address signed up at the event already, tell them (`sign_up`)."""
    with transaction.atomic(savepoint=False):
        if _insert_unless_signed_up(new.signup):
            outbox.enqueue(new.confirmation_request, now=now)
            return SignupResult(new.signup, Outcome.CREATED)
        # Every repeat waits here for the row lock, so only one of them can find the last
        # notice old enough and send another.
        signup = Signup.objects.select_for_update().get(
            event=new.signup.event, email=new.signup.email
        )

        if signup.state != Signup.State.CANCELLED:
            if _may_send_notice(signup, now=now):
                signup.notice_sent_at = now
                signup.save(update_fields=["notice_sent_at"])
                outbox.enqueue(signup_emails.already_signed_up(signup), now=now)
            return SignupResult(signup, Outcome.ALREADY_SIGNED_UP)

        signup.name = new.signup.name
        signup.phone = new.signup.phone
        signup.language = new.signup.language
        signup.wants_updates = new.signup.wants_updates
        signup.state = Signup.State.AWAITING_CONFIRMATION
        signup.cancelled_at = None
        signup.notice_sent_at = now
        signup.save()
        outbox.enqueue(signup_emails.confirmation_request(signup), now=now)
        return SignupResult(signup, Outcome.SIGNED_UP_AGAIN)


def _insert_unless_signed_up(signup: Signup) -> bool:
    """INSERT the new signup unless its address has one at the event already; whether it did.

    One statement (ON CONFLICT DO NOTHING on PostgreSQL, INSERT OR IGNORE on SQLite, with
    RETURNING on both): catching the unique violation of a plain INSERT instead needs a
    savepoint around it, two more round trips for every signup. What Model.save() would add
    is not needed here: nothing listens to the creation of a signup (roles' post_save
    receiver acts on saves of existing ones only)."""
    fields = [field for field in Signup._meta.concrete_fields if not field.primary_key]
    # What Model.save() calls, with the conflict clause; Django's stubs leave it out.
    rows = Signup.objects._insert(  # type: ignore[attr-defined]
        [signup], fields=fields, returning_fields=[Signup._meta.pk], on_conflict=OnConflict.IGNORE
    )
    if not rows or rows[0] is None:
        return False
    signup.pk = rows[0][0]
    signup._state.adding = False
    signup._state.db = Signup.objects.db
    return True


def _referrer_id(event: LocalEvent, via: str, *, email: str) -> int | None:
    """Who brought this person, by the share code in their link: someone at the same event,
    never themselves (a code from elsewhere counts for no one)."""
    return (
        Signup.objects.filter(event=event, referral_code=via)
        .exclude(email=email)
        .values_list("pk", flat=True)
        .first()
    )


def _may_send_notice(signup: Signup, *, now: datetime) -> bool:
    """Whether no email about signing up went to this person in the last few minutes."""
    return signup.notice_sent_at is None or signup.notice_sent_at <= now - REPEAT_NOTICE_AFTER


def confirm_signup(*, token: str, now: datetime) -> Signup:
    """Confirm the address behind `token`, taking a place or a waitlist spot.

    Raises Signup.DoesNotExist for an unknown token.

    Everyone confirming for one event queues on its row lock, so the lock is held for the
    decision and its writes only. The email ("you're in" with the invite, or "you're on the
    waitlist") is composed before the lock, for the outcome the count predicts; it is written
    to the outbox in the transaction that decides, so each confirmation has exactly one
    email whatever happens to the process. Only when the count changed in the meantime (the
    last places) is the other email composed under the lock.
    """
    if not token:
        raise Signup.DoesNotExist
    signup = selectors.signup_by_token(token)  # the one full read: event and campaign too
    if signup.state != Signup.State.AWAITING_CONFIRMATION:
        return signup  # confirming twice is harmless
    event = signup.event
    signup.confirmed_at = now
    # Their own share code, to bring a friend (signups/models.py new_referral_code()).
    signup.referral_code = signup.referral_code or new_referral_code()
    predicted = _outcome(event, signup)
    email = _confirmation_email(signup, predicted, now=now)
    with transaction.atomic():
        locked = (
            LocalEvent.objects.select_for_update()
            .only("status", "signup_url", "ends_at", "capacity")
            .get(pk=event.pk)
        )
        if not locked.takes_signups_here(now=now):
            raise SignupClosed(_("This event no longer takes signups."))
        event.capacity = locked.capacity
        outcome = _outcome(event, signup)
        fields = {"state": outcome, "confirmed_at": now, "referral_code": signup.referral_code}
        if outcome == Signup.State.WAITLISTED:
            signup.waitlisted_at = fields["waitlisted_at"] = now
        # Only while still awaiting: one UPDATE both locks the row and checks that no other
        # request confirmed (or cancelled) it meanwhile, where locking it to read its state
        # first costs one more round trip under the event's lock. An update, not save():
        # roles' post_save receiver would delete the role of a signup going to the waitlist,
        # and one that was awaiting confirmation holds none.
        if not Signup.objects.filter(pk=signup.pk, state=Signup.State.AWAITING_CONFIRMATION).update(
            **fields
        ):
            signup.refresh_from_db()
            return signup
        if outcome != predicted:
            email = _confirmation_email(signup, outcome, now=now)
        outbox.enqueue(email, now=now)
    return signup


def _outcome(event: LocalEvent, signup: Signup) -> str:
    """Confirmed while places are left, else waitlisted; sets `signup.state` to it, since the
    email's content depends on whether the person holds a place."""
    if event.capacity is None or selectors.places_taken(event) < event.capacity:
        signup.state = Signup.State.CONFIRMED
    else:
        signup.state = Signup.State.WAITLISTED
    return signup.state


def _confirmation_email(signup: Signup, outcome: str, *, now: datetime) -> Email:
    signup.state = outcome
    if outcome == Signup.State.CONFIRMED:
        return signup_emails.signup_confirmed(signup, now=now)
    return signup_emails.waitlisted(signup)


def cancel_signup(*, token: str, now: datetime) -> Signup:
    """Cancel by the participant's own link; a freed place goes to the next on the waitlist.

    Refused with `CancellingClosed` once the event is over."""
    event_id = selectors.signup_by_token(token).event_id
    with transaction.atomic():
        event = LocalEvent.objects.select_for_update().get(pk=event_id)
        signup = Signup.objects.select_for_update().get(token=token)
        if signup.state == Signup.State.CANCELLED:
            return signup  # cancelling twice is harmless
        signup.event = event
        if not can_cancel(signup, now=now):
            raise CancellingClosed(
                _("The event is over, so this signup can no longer be cancelled.")
            )
        had_place = signup.holds_place
        was_confirmed = signup.confirmed_at is not None
        signup.state = Signup.State.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["state", "cancelled_at"])
        if was_confirmed:
            email = signup_emails.signup_cancelled(signup, now=now, had_place=had_place)
            outbox.enqueue(email, now=now)
        if had_place:
            promote_from_waitlist(event=event, now=now)
    return signup


def promote_from_waitlist(*, event: LocalEvent, now: datetime) -> list[Signup]:
    """Give free places to the longest-waiting people and tell them; the caller holds the lock.

    Call inside the transaction that locked `event` (select_for_update).
    """
    promoted: list[Signup] = []
    if not event.takes_signups_here(now=now):
        return promoted
    while event.capacity is None or selectors.places_taken(event) < event.capacity:
        candidate = selectors.next_on_waitlist(event)
        if candidate is None:
            break
        candidate.state = Signup.State.CONFIRMED
        candidate.save(update_fields=["state"])
        candidate.event = event
        outbox.enqueue(signup_emails.promoted(candidate, now=now), now=now)
        promoted.append(candidate)
    return promoted
