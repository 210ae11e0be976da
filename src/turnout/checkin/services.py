"""Arriving at the door: check in, undo, add a walk-in. Each one transaction, audited.

Who may do this is decided by the views (`can(user, Action.MARK_ATTENDANCE, event)`); what
arriving means (state "attended", the time) is `signups.services.attendees.record_arrival`.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from turnout.accounts.models import User
from turnout.accounts.services import record_audit
from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.signups.services.attendees import record_arrival, undo_arrival
from turnout.web.email_addresses import normalize_email
from turnout.web.text import single_line

from .codes import check_in_code
from .models import WalkInEntry
from .sheet_csv import SheetError, SheetRow

# People come early: the door opens this long before the start, on the morning of the day.
DOORS_OPEN_BEFORE = timedelta(hours=12)
# A walk-in's address stands on the organizer's word alone (nobody confirmed it), yet the site
# writes to it later: the follow-up, role asks, the organizers' messages. A door takes in a few
# hundred people without a place, not thousands with addresses typed in: past this bound a
# sheet (5000 rows) or a script at the walk-in form would make the event a list of strangers.
WALK_IN_ADDRESSES_PER_EVENT = 500


@dataclass(frozen=True)
class Arrival:
    signup: Signup
    is_new: bool  # False: they had already been checked in (at signup.attended_at)


def doors_are_open(event: LocalEvent, *, now: datetime) -> bool:
    """Check-in opens on the day and stays open afterwards, for sheets typed in later."""
    return not event.is_cancelled and now >= event.starts_at - DOORS_OPEN_BEFORE


def _require_open_doors(event: LocalEvent, now: datetime) -> None:
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."))
    if not doors_are_open(event, now=now):
        raise ValidationError(_("Check-in opens on the day of the event."))


def _audit(by: User, event: LocalEvent, summary: str) -> None:
    record_audit(actor=by, action="signups.attendance", target=event, summary=summary)


def check_in(*, event: LocalEvent, signup_id: int, by: User, now: datetime) -> Arrival:
    """Check in one person holding a place; a second check-in changes nothing."""
    _require_open_doors(event, now)
    with transaction.atomic():
        signup = (
            Signup.objects.select_for_update()
            .filter(event=event, pk=signup_id, anonymized_at__isnull=True)
            .first()
        )
        if signup is None:
            raise ValidationError(_("This person is not signed up for this event."))
        if not signup.holds_place:
            raise ValidationError(
                _("%(name)s has no place (%(state)s): add them as a walk-in if they may stay.")
                % {"name": signup.name, "state": signup.get_state_display()}
            )
        is_new = record_arrival(signup=signup, now=now)
        if is_new:
            _audit(by, event, f"Checked in signup {signup.pk} at the door")
    return Arrival(signup, is_new)


def undo_check_in(*, event: LocalEvent, signup_id: int, by: User, now: datetime) -> Signup:
    """Take back a check-in made by mistake: they hold their place again, not arrived."""
    with transaction.atomic():
        signup = (
            Signup.objects.select_for_update()
            .filter(event=event, pk=signup_id, anonymized_at__isnull=True)
            .first()
        )
        if signup is None:  # an erased signup is nobody's to change any more
            raise ValidationError(_("This person is not signed up for this event."))
        if undo_arrival(signup=signup):
            _audit(by, event, f"Check-in of signup {signup.pk} undone at {now.isoformat()}")
    return signup


@dataclass(frozen=True)
class WalkIn:
    name: str
    email: str = ""
    may_contact: bool = False
    # The walk-in form's own key: the same form sent twice adds one person. Two people who
    # share a name and give no address are two walk-ins, so the name cannot tell.
    form_key: str = ""


def add_walk_in(*, event: LocalEvent, walk_in: WalkIn, by: User, now: datetime) -> Arrival:
    """Someone who arrived without a place: a new signup, already attended, no email sent.

    With the email address of someone signed up for the event, that signup is checked in
    instead (whatever its state: waitlisted or cancelled, they came after all).
    """
    _require_open_doors(event, now)
    with transaction.atomic():
        arrival = _arrive(event=event, walk_in=walk_in, now=now)
        _audit(by, event, f"Walk-in at the door: signup {arrival.signup.pk}")
    return arrival


def _arrive(*, event: LocalEvent, walk_in: WalkIn, now: datetime) -> Arrival:
    """Inside a transaction: check in the signup with this address, or add a walk-in."""
    # The event row's lock queues walk-ins with one address, as sign_up() does, so two
    # phones at the door cannot both create one person.
    LocalEvent.objects.select_for_update().only("pk").get(pk=event.pk)
    email = normalize_email(walk_in.email) if walk_in.email else ""
    existing = (
        Signup.objects.select_for_update().filter(event=event, email=email).first()
        if email
        else None
    )
    if walk_in.form_key:
        sent_before = WalkInEntry.objects.filter(event=event, form_key=walk_in.form_key).first()
        if sent_before is not None:  # the same form sent again: a double tap, a retry
            return Arrival(sent_before.signup, False)
    if existing is not None and not existing.is_anonymized:
        if walk_in.may_contact and not existing.wants_updates:
            existing.wants_updates = True
            existing.save(update_fields=["wants_updates"])
        return Arrival(existing, record_arrival(signup=existing, now=now))
    # A walk-in is not refused for capacity: they are already standing there, and a full
    # event's limit is about the place booked, which the organizer judges at the door.
    if email:
        _require_room_for_addresses(event, adding=1)
    signup = Signup.objects.create(
        event=event,
        name=single_line(walk_in.name, max_length=150),
        email=email,
        language=get_language() or "en",
        wants_updates=walk_in.may_contact and bool(email),
        state=Signup.State.ATTENDED,
        source=Signup.Source.WALK_IN,
        created_at=now,
        attended_at=now,
    )
    if walk_in.form_key:
        WalkInEntry.objects.create(event=event, form_key=walk_in.form_key, signup=signup)
    return Arrival(signup, True)


def _require_room_for_addresses(event: LocalEvent, *, adding: int) -> None:
    """ValidationError if `adding` more walk-ins with an address would pass
    WALK_IN_ADDRESSES_PER_EVENT (the caller holds the event's lock: two phones at the door
    cannot both take the last one)."""
    addresses = (
        Signup.objects.filter(event=event, source=Signup.Source.WALK_IN).exclude(email="").count()
    )
    if addresses + adding > WALK_IN_ADDRESSES_PER_EVENT:
        raise ValidationError(
            _(
                "An event takes at most %(count)d walk-ins with an email address: add the "
                "others without one, or ask them to sign up themselves."
            )
            % {"count": WALK_IN_ADDRESSES_PER_EVENT}
        )


@dataclass(frozen=True)
class SheetImport:
    checked_in: int  # people with a signup, now marked as arrived
    already: int  # were checked in before
    walk_ins: int  # new signups for people who came without one


def import_sign_in_sheet(
    *, event: LocalEvent, rows: list[SheetRow], by: User, now: datetime
) -> SheetImport:
    """Check in everyone on a filled sheet, adding walk-ins: all rows or none (SheetError).

    Each row is matched by code, else email address, else exactly one person of that name;
    a row matching no one is a walk-in, who needs at least a name.
    """
    _require_open_doors(event, now)
    with transaction.atomic():
        LocalEvent.objects.select_for_update().only("pk").get(pk=event.pk)
        signups = list(
            Signup.objects.select_for_update().filter(event=event, anonymized_at__isnull=True)
        )
        by_code: dict[str, list[Signup]] = {}
        by_name: dict[str, list[Signup]] = {}
        for signup in signups:
            if signup.state != Signup.State.CANCELLED:
                by_code.setdefault(check_in_code(signup.token), []).append(signup)
                by_name.setdefault(_name_key(signup.name), []).append(signup)
        by_email = {signup.email: signup for signup in signups if signup.email}
        plan: list[tuple[SheetRow, Signup | None]] = []
        errors: list[str] = []
        for row in rows:
            matched, error = _match(row, by_code, by_email, by_name)
            if error:
                errors.append(error)
            plan.append((row, matched))
        if errors:
            raise SheetError(errors)
        # Refused before any row is written, not at the row that passes the bound.
        new_addresses = {row.email for row, matched in plan if matched is None and row.email}
        if new_addresses:
            _require_room_for_addresses(event, adding=len(new_addresses))
        checked_in = already = walk_ins = 0
        for row, matched in plan:
            if matched is None:
                arrival = _arrive(
                    event=event,
                    walk_in=WalkIn(name=row.name, email=row.email, may_contact=row.may_contact),
                    now=now,
                )
                walk_ins += arrival.is_new and arrival.signup.source == Signup.Source.WALK_IN
                already += not arrival.is_new
                continue
            if row.may_contact and matched.email and not matched.wants_updates:
                matched.wants_updates = True
                matched.save(update_fields=["wants_updates"])
            if record_arrival(signup=matched, now=now):
                checked_in += 1
            else:
                already += 1
        result = SheetImport(checked_in=checked_in, already=already, walk_ins=walk_ins)
        _audit(by, event, f"Sign-in sheet uploaded: {result}")
    return result


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _match(
    row: SheetRow,
    by_code: dict[str, list[Signup]],
    by_email: dict[str, Signup],
    by_name: dict[str, list[Signup]],
) -> tuple[Signup | None, str]:
    """The signup a row names, or None for a walk-in; or an error in plain words."""
    if row.code:
        found = by_code.get(row.code, [])
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _("Row %(line)d: no one at this event has the code '%(code)s'.") % {
                "line": row.line,
                "code": row.code,
            }
    if row.email:
        return by_email.get(row.email), ""
    same_name = by_name.get(_name_key(row.name), [])
    if len(same_name) > 1:
        return None, _(
            "Row %(line)d: %(count)d people are called '%(name)s': add their email or code."
        ) % {"line": row.line, "count": len(same_name), "name": row.name}
    if same_name:
        return same_name[0], ""
    if not row.name:
        return None, _("Row %(line)d: a walk-in needs a name.") % {"line": row.line}
    return None, ""
