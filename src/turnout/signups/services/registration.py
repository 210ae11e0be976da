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
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.web.email_addresses import normalize_email
from turnout.web.inboxes import inbox_key
from turnout.web.raw_rows import RowReader

from .. import confirmation_statements as statements
from .. import emails as signup_emails
from .. import insert_statement, selectors
from ..confirmation_statements import PlaceCount
from ..models import Signup, new_referral_code


class SignupClosed(ValidationError):
    """The event does not (or no longer) take signups here."""


class InboxHasPlace(SignupClosed):
    """Another spelling of the address ("ada+2@", "a.da@gmail.com") already holds a place or
    a waitlist spot at the event: one person, one place."""


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
    """Record a signup awaiting confirmation, owed its confirmation request (owed_letters.py).

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
) -> Signup:
    """`sign_up`'s checks, before anything is written (the signup view counts the attempt
    against its rate limits in between); the unsaved signup, for `record_signup`. `event`
    needs only the columns of `takes_signups_here`."""
    if not event.takes_signups_here(now=now):
        raise SignupClosed(_("This event does not take signups here."))
    if not accepted_code_of_conduct:
        raise ValidationError(_("Please accept the code of conduct."))
    email = normalize_email(email)
    return Signup(
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
        letter_due=Signup.Letter.CONFIRMATION_REQUEST,
    )


def record_signup(new: Signup, *, now: datetime) -> SignupResult:
    """Write `new`, owed its confirmation request, in the caller's transaction if there is
    one; or, for an address signed up at the event already, tell them (`sign_up`).

    A new signup is one statement, which needs no transaction of its own (BEGIN and COMMIT
    would be two more round trips in every signup): the row and the email it owes are one."""
    if _insert_unless_signed_up(new):
        outbox.wake_worker_on_commit()
        return SignupResult(new, Outcome.CREATED)
    repeated = _note_repeat(new, now=now)
    if repeated is not None:
        outbox.wake_worker_on_commit()
        return SignupResult(repeated, Outcome.ALREADY_SIGNED_UP)
    # Cancelled (or erased in between): the rare case, locked and saved as a model.
    with transaction.atomic(savepoint=False):
        signup = Signup.objects.select_for_update().get(event=new.event_id, email=new.email)
        if signup.state != Signup.State.CANCELLED:  # signed up again just now, by a twin
            repeated = _note_repeat(new, now=now)
            outbox.wake_worker_on_commit()
            return SignupResult(repeated or signup, Outcome.ALREADY_SIGNED_UP)

        signup.name = new.name
        signup.phone = new.phone
        signup.language = new.language
        signup.wants_updates = new.wants_updates
        signup.state = Signup.State.AWAITING_CONFIRMATION
        signup.cancelled_at = None
        signup.notice_sent_at = now
        signup.letter_due = Signup.Letter.CONFIRMATION_REQUEST
        signup.save()
        outbox.wake_worker_on_commit()
        return SignupResult(signup, Outcome.SIGNED_UP_AGAIN)


def _insert_unless_signed_up(signup: Signup) -> bool:
    """INSERT the new signup unless its address has one at the event already; whether it did.

    One statement (insert_statement.py): catching the unique violation of a plain INSERT
    instead needs a savepoint around it, two more round trips for every signup. What
    Model.save() would add is not needed here: nothing listens to the creation of a signup
    (roles' post_save receiver acts on saves of existing ones only)."""
    pk = insert_statement.insert_unless_signed_up(signup)
    if pk is None:
        return False
    signup.pk = pk
    signup._state.adding = False
    signup._state.db = Signup.objects.db
    return True


_SIGNUPS = RowReader(Signup, [field.name for field in Signup._meta.concrete_fields])
_NOTICE_DUE = "(notice_sent_at IS NULL OR notice_sent_at <= %(notice_before)s)"
# One statement, so a repeat costs one statement more than a new signup (whose answer it
# gives): the row lock it takes queues the repeats of one address, and each reads the notice
# time its predecessor wrote, so one of them owes the notice (PostgreSQL re-reads a row
# updated meanwhile, and SQLite runs writers one at a time).
_REPEAT = f"""
UPDATE {Signup._meta.db_table} SET
    notice_sent_at = CASE WHEN {_NOTICE_DUE} THEN %(now)s ELSE notice_sent_at END,
    letter_due = CASE WHEN {_NOTICE_DUE} AND letter_due = '' THEN %(notice)s
        ELSE letter_due END
WHERE event_id = %(event)s AND email = %(email)s AND state <> %(cancelled)s
RETURNING {", ".join(_SIGNUPS.columns)}
"""


def _note_repeat(new: Signup, *, now: datetime) -> Signup | None:
    """For an address signed up at the event already (and not cancelled): owe them "you are
    already signed up" unless they were told something moments ago (REPEAT_NOTICE_AFTER),
    and return their signup; None if there is no such signup. A letter still owed (the
    confirmation request) reaches them anyway and is not replaced."""
    adapt = connection.ops.adapt_datetimefield_value
    return _SIGNUPS.one(
        _REPEAT,
        {
            "now": adapt(now),
            "notice_before": adapt(now - REPEAT_NOTICE_AFTER),
            "notice": Signup.Letter.ALREADY_SIGNED_UP,
            "event": new.event_id,
            "email": new.email,
            "cancelled": Signup.State.CANCELLED,
        },
    )


def _referrer_id(event: LocalEvent, via: str, *, email: str) -> int | None:
    """Who brought this person, by the share code in their link: someone at the same event,
    never themselves (a code from elsewhere counts for no one).

    By inbox, not by address (`inbox_key`): "ada+1@", "a.da@gmail.com" and the like all
    reach one person, who would otherwise bring themselves, or one friend many times, and
    top the organizers' list of who brought most."""
    referrer = Signup.objects.filter(event=event, referral_code=via).values("pk", "email").first()
    if referrer is None:
        return None
    inbox = inbox_key(email)
    if inbox_key(referrer["email"]) == inbox:
        return None
    brought = Signup.objects.filter(referred_by_id=referrer["pk"]).values_list("email", flat=True)
    if any(inbox_key(address) == inbox for address in brought):
        return None  # this inbox was brought already
    return referrer["pk"]


def confirm_signup(*, token: str, now: datetime) -> Signup:
    """Confirm the address behind `token`, taking a place or a waitlist spot.

    Raises Signup.DoesNotExist for an unknown token.

    Everyone confirming for one event queues on its row lock, so the lock is held for the
    decision and its one write only: the UPDATE that records the outcome also marks the
    email it owes ("you're in" with the invite, or "you're on the waitlist"), which the
    delivery worker writes (owed_letters.py). Each confirmation has exactly one such email
    whatever happens to the process.
    """
    if not token:
        raise Signup.DoesNotExist
    signup = statements.signup_by_token(token)
    if signup is None:
        raise Signup.DoesNotExist
    if signup.state != Signup.State.AWAITING_CONFIRMATION:
        return signup  # confirming twice is harmless
    # Their own share code, to bring a friend (signups/models.py new_referral_code()).
    signup.referral_code = signup.referral_code or new_referral_code()
    counting = statements.place_count(signup)  # composed before the lock, run under it
    with transaction.atomic():
        event = statements.locked_event(signup.event_id)
        if not event.takes_signups_here(now=now):
            raise SignupClosed(_("This event no longer takes signups."))
        if not _is_full_for(signup, event, counting):
            outcome, letter = Signup.State.CONFIRMED, Signup.Letter.CONFIRMED
        else:
            outcome, letter = Signup.State.WAITLISTED, Signup.Letter.WAITLISTED
        fields = {
            "state": outcome,
            "confirmed_at": now,
            "referral_code": signup.referral_code,
            "letter_due": letter,
        }
        if outcome == Signup.State.WAITLISTED:
            fields["waitlisted_at"] = now
        # Only while still awaiting (statements.outcome). An UPDATE, not save(): roles'
        # post_save receiver would delete the role of a signup going to the waitlist, and one
        # that was awaiting confirmation holds none.
        if not statements.outcome(signup, fields).run():
            signup.refresh_from_db()
            return signup
        outbox.wake_worker_on_commit()
    for name, value in fields.items():
        setattr(signup, name, value)
    return signup


def _is_full_for(signup: Signup, event: LocalEvent, counting: PlaceCount) -> bool:
    """Whether `event` has no place left for `signup`, by `counting` (composed before the
    event's lock was taken, run under it); raises InboxHasPlace when another address of the
    signup's inbox holds a place or a waitlist spot there. With one place an address, "ada+1@"
    to "ada+50@" would fill an event of 50 from one inbox, each link confirmed from it."""
    if event.capacity is None:
        return False  # no places to take, and none to take twice
    taken, same_inbox = counting.run()
    if same_inbox:
        other = (
            Signup.objects.filter(event_id=signup.event_id)
            .exclude(pk=signup.pk)
            .filter(state__in=(*Signup.HOLDS_PLACE, Signup.State.WAITLISTED))
            .values_list("email", flat=True)
        )
        # The same inbox as the count's LIKE patterns find it: any case, "+tag" or not.
        inbox = inbox_key(signup.email).lower()
        shown = next((email for email in other if inbox_key(email).lower() == inbox), "")
        raise InboxHasPlace(
            _("%(address)s, another spelling of this address, is already signed up for this "
              "event: one place a person.") % {"address": shown}
        )  # fmt: skip
    return taken >= event.capacity


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
        signup.letter_due = ""  # a letter not written yet is moot: they hear of the cancelling
        signup.save(update_fields=["state", "cancelled_at", "letter_due"])
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
    while not selectors.is_full(event):
        candidate = selectors.next_on_waitlist(event)
        if candidate is None:
            break
        candidate.state = Signup.State.CONFIRMED
        candidate.letter_due = ""  # "on the waitlist", if not written yet, is moot
        candidate.save(update_fields=["state", "letter_due"])
        candidate.event = event
        outbox.enqueue(signup_emails.promoted(candidate, now=now), now=now)
        promoted.append(candidate)
    return promoted
