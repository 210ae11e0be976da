"""The emails a participant receives about their signup, composed in their language with
notifications' composer from the templates in `signups/email/`."""

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from turnout.campaigns.calendar import event_location
from turnout.campaigns.day_details import (
    effective_safety,
    exact_location,
    fields_only_participants_see,
    private_place,
    public_place,
)
from turnout.campaigns.event_texts import event_text
from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import format_day, format_time_range
from turnout.notifications.composition import Attachment, Email, absolute_url, compose

from . import kept_letters
from .invites import invite_attachment
from .mail_merge import kept_invite
from .models import Signup
from .sections import CONFIRMED_EMAIL, contexts_kept, per_event

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def event_facts(signup: Signup) -> dict:
    """Title, day, time and place of the signup's event in the participant's language.

    The exact place, the meeting point, the instructions and the safety block only for people
    holding a place; everyone else sees what the public page shows (day_details). The title
    and a public meeting point are shown translated where the event's page shows them so
    (campaigns.event_texts); what only participants see is never sent to a translator, so it
    stays in the organizer's words.
    """
    event = signup.event
    language = signup.language
    holds_place = signup.holds_place
    texts = per_event(f"public texts in {language}", event, partial(_public_texts, language))
    return {
        "event": event,
        "event_title": texts["title"],
        "event_day": format_day(event.local_starts_at, language),
        "event_time": format_time_range(event.local_starts_at, event.local_ends_at, language),
        "event_place": exact_location(event, language)
        if holds_place
        else event_location(event, language),
        "event_url": absolute_url("campaigns:event_detail", language=language, pk=event.pk),
        # The call's link only for people with a place: a public link invites disruption.
        "meeting_url": event.meeting_url if holds_place and event.has_meeting_link else "",
        "private_place": private_place(event) if holds_place else None,
        "public_meeting_point": "" if holds_place else texts["meeting_point"],
        "safety": per_event("safety", event, effective_safety) if holds_place else None,
    }


def _public_texts(language: str, event: LocalEvent) -> dict[str, str]:
    point = public_place(event).meeting_point
    return {
        "title": event_text(event, "title", language),
        "meeting_point": event_text(event, "meeting_point", language) if point else "",
    }


def manage_url(signup: Signup) -> str:
    return absolute_url("signups:manage", language=signup.language, token=signup.token)


def _compose(
    signup: Signup,
    *,
    kind: str,
    subject: "StrOrPromise",
    attachments: tuple[Attachment, ...] = (),
    subject_params: dict | None = None,
    **context,
) -> Email:
    with contexts_kept():
        facts = event_facts(signup)
        return compose(
            kind=kind,
            template=f"signups/email/{kind}",
            to=signup.email,
            language=signup.language,
            subject=subject,
            subject_params={"title": facts["event_title"], **(subject_params or {})},
            context={
                "signup": signup,
                "manage_url": manage_url(signup),
                **facts,
                **context,
            },
            attachments=attachments,
        )


def confirmation_request(signup: Signup) -> Email:
    """Double opt-in: the link that proves the address is theirs (the same for everyone at
    the event but for name and link: kept_letters.py)."""
    return kept_letters.email_to(signup, kind="confirm_request", compose=_confirmation_request)


def _confirmation_request(signup: Signup) -> Email:
    return _compose(
        signup, kind="confirm_request", subject=_("Please confirm your signup: %(title)s")
    )


def already_signed_up(signup: Signup) -> Email:
    """A second signup with the same address changes nothing; this says so."""
    return _compose(
        signup, kind="already_signed_up", subject=_("You are already signed up: %(title)s")
    )


def signup_confirmed(signup: Signup, *, now: datetime) -> Email:
    """You're in, with the calendar invite and the private manage link (the same for
    everyone at the event but for name, link and their own sections: kept_letters.py)."""
    return kept_letters.email_to(
        signup,
        kind="signup_confirmed",
        compose=partial(_signup_confirmed, now=now),
        sections=CONFIRMED_EMAIL,
    )


def _signup_confirmed(signup: Signup, *, now: datetime) -> Email:
    return _compose(
        signup,
        kind="signup_confirmed",
        subject=_("You're in: %(title)s"),
        attachments=(kept_invite(signup, now=now),),
    )


def waitlisted(signup: Signup) -> Email:
    """The same for everyone at the event but for name and link (kept_letters.py)."""
    return kept_letters.email_to(signup, kind="waitlisted", compose=_waitlisted)


def _waitlisted(signup: Signup) -> Email:
    return _compose(signup, kind="waitlisted", subject=_("You're on the waitlist: %(title)s"))


def promoted(signup: Signup, *, now: datetime) -> Email:
    """A place freed up and the next person on the waitlist has it now."""
    return kept_letters.email_to(
        signup, kind="promoted", compose=partial(_promoted, now=now), sections=CONFIRMED_EMAIL
    )


def _promoted(signup: Signup, *, now: datetime) -> Email:
    return _compose(
        signup,
        kind="promoted",
        subject=_("A place opened up, you're in: %(title)s"),
        attachments=(kept_invite(signup, now=now),),
    )


def signup_cancelled(signup: Signup, *, now: datetime, had_place: bool) -> Email:
    """Confirms a participant's own cancellation and removes the event from their calendar."""
    attachments = (invite_attachment(signup, now=now, method="CANCEL"),) if had_place else ()
    return _compose(
        signup,
        kind="signup_cancelled",
        subject=_("You have cancelled: %(title)s"),
        attachments=attachments,
    )


def reminder(signup: Signup, *, now: datetime, hours: int) -> Email:
    return _compose(
        signup,
        kind="reminder",
        subject=_("Reminder: %(title)s"),
        attachments=(invite_attachment(signup, now=now),),
        hours=hours,
    )


# Where to go: an event moving online (or back) changes its place too.
PLACE_FIELDS = frozenset({"venue", "address", "city", "country", "attendance_mode"})


def event_rescheduled(signup: Signup, *, now: datetime, changed_fields: set[str]) -> Email:
    """The time or place changed: an updated invite (same UID, higher SEQUENCE)."""
    attachments = (invite_attachment(signup, now=now),) if signup.holds_place else ()
    # Only what this person sees is said to have changed: the waitlist is not told of a
    # private meeting point it cannot read.
    if not signup.holds_place:
        changed_fields = changed_fields - fields_only_participants_see(signup.event)
    return _compose(
        signup,
        kind="event_rescheduled",
        subject=_("Changed: %(title)s"),
        attachments=attachments,
        time_changed=bool(changed_fields & {"starts_at", "ends_at", "timezone"}),
        place_changed=bool(changed_fields & PLACE_FIELDS),
        now_online=bool(changed_fields & PLACE_FIELDS) and signup.event.is_online,
        # Said only to people who get the new link (in the facts): those with a place.
        link_changed="meeting_url" in changed_fields
        and signup.holds_place
        and signup.event.has_meeting_link,
        meeting_point_changed="meeting_point" in changed_fields,
        instructions_changed="private_instructions" in changed_fields,
    )


def event_cancelled(signup: Signup, *, now: datetime) -> Email:
    attachments = (
        (invite_attachment(signup, now=now, method="CANCEL"),) if signup.holds_place else ()
    )
    return _compose(
        signup, kind="event_cancelled", subject=_("Cancelled: %(title)s"), attachments=attachments
    )


def attendee_message(signup: Signup, *, subject: str, body: str) -> Email:
    """An organizer's message to confirmed attendees, framed in the recipient's language."""
    return _compose(
        signup,
        kind="attendee_message",
        subject=_("%(title)s: %(subject)s"),
        subject_params={"subject": subject},
        message_body=body,
    )
