"""What organizers and coordinators change from their dashboards: event details, co-organizers,
messages to organizers. Each is one transaction; its emails are written to the outbox in it."""

from collections.abc import Mapping
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User
from turnout.accounts.roles import Role, find_or_create_person, grant_role
from turnout.accounts.services import record_audit
from turnout.accounts.tokens import new_token, token_hash
from turnout.campaigns.day_details import apply_day_details
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.proposals.models import OrganizerInvitation
from turnout.campaigns.proposals.selectors import details_are_announced
from turnout.campaigns.proposals.services import EventDetails, apply_details
from turnout.campaigns.services import save_event_changes
from turnout.notifications import outbox
from turnout.notifications.composition import Email, absolute_url, compose
from turnout.notifications.models import WrittenMessage
from turnout.notifications.written_messages import write_to_many
from turnout.web.email_addresses import normalize_email

from .selectors import organizers_of

INVITATION_VALIDITY = timedelta(days=14)
INVITATION_PURPOSE = "invitation"


def update_event_details(
    *,
    event: LocalEvent,
    details: EventDetails,
    capacity: int | None,
    day: Mapping[str, object] | None = None,
) -> LocalEvent:
    """Save an organizer's edit; a new time or place (or meeting point) reaches participants
    through signals. `day` holds the exact place, accessibility and safety fields given.

    Adding a venue to an event whose details were to be announced publishes them; removing
    it marks the details as to be announced again.
    """
    with transaction.atomic():
        event = (
            LocalEvent.objects.select_for_update(of=("self",))
            .select_related("campaign")
            .get(pk=event.pk)
        )
        changed = apply_details(event, details)
        changed |= apply_day_details(event, day or {})
        if event.capacity != capacity:
            event.capacity = capacity
            changed.add("capacity")
        announced = details_are_announced(event)
        if event.status == LocalEvent.Status.DETAILS_TBA and announced:
            event.status = LocalEvent.Status.APPROVED
            changed.add("status")
        elif event.status == LocalEvent.Status.APPROVED and not announced:
            event.status = LocalEvent.Status.DETAILS_TBA
            changed.add("status")
        save_event_changes(event=event, changed_fields=changed)
    return event


def message_organizers(
    *, campaign: Campaign, actor: User, subject: str, body: str, now: datetime
) -> WrittenMessage:
    """Email every organizer of the campaign's events; replies go to the coordinator. The
    record of the message counts its copies (`written_messages.deliveries`)."""

    def copy_for(person: User, subject: str, body: str) -> Email:
        return compose(
            kind="organizers_message",
            template="campaigns/email/organizers_message",
            to=person.email,
            language=person.language,
            context={
                "campaign": campaign, "subject": subject, "body": body, "sender": actor,
                "person": person,
                "dashboard": absolute_url("dashboard:home", language=person.language),
            },
            reply_to=actor.email,
        )  # fmt: skip

    with transaction.atomic():
        written = write_to_many(
            author=actor,
            about=campaign,
            subject=subject,
            body=body,
            recipients=lambda: organizers_of(campaign),
            copy_for=copy_for,
            now=now,
        )
        record_audit(
            actor=actor,
            action="organizers.messaged",
            target=campaign,
            summary=f"Message to {written.copies.count()} organizers: {written.subject}",
        )
    return written


def invite_co_organizer(
    *, event: LocalEvent, actor: User, email: str, language: str, now: datetime
) -> OrganizerInvitation:
    """Email `email` a link that makes them a co-organizer of `event` when they accept."""
    email = normalize_email(email)
    with transaction.atomic():
        if event.organizers.filter(email__iexact=email).exists():
            raise ValidationError(
                {"email": _("%(email)s organizes this event already.") % {"email": email}}
            )
        invitee = User.objects.filter(email__iexact=email).first()
        language = invitee.language if invitee else language
        token, hashed = new_token(purpose=INVITATION_PURPOSE)
        invitation = OrganizerInvitation.objects.create(
            event=event, email=email, invited_by=actor, token_hash=hashed,
            created_at=now, expires_at=now + INVITATION_VALIDITY,
        )  # fmt: skip
        link = absolute_url("dashboard:invitation", language=language, token=token)
        message = compose(
            kind="invitation",
            template="campaigns/email/invitation",
            to=email,
            language=language,
            context={"event": event, "inviter": actor, "link": link,
                     "days": INVITATION_VALIDITY.days},
            reply_to=actor.email,
        )  # fmt: skip
        outbox.enqueue(message, now=now)
        record_audit(
            actor=actor, action="invitation.sent", target=event,
            summary=f"{email} invited to co-organize {event}",
        )  # fmt: skip
    return invitation


def invitation_for_token(token: str, *, now: datetime) -> OrganizerInvitation | None:
    invitation = (
        OrganizerInvitation.objects.select_related("event", "invited_by")
        .filter(token_hash=token_hash(token, purpose=INVITATION_PURPOSE))
        .first()
    )
    return invitation if invitation and invitation.is_usable(now=now) else None


def accept_invitation(*, token: str, language: str, now: datetime) -> User | None:
    """Make the invited address a co-organizer; the link proves they own it. Used once."""
    with transaction.atomic():
        invitation = (
            OrganizerInvitation.objects.select_for_update(of=("self",))
            .select_related("event", "invited_by")
            .filter(token_hash=token_hash(token, purpose=INVITATION_PURPOSE))
            .first()
        )
        if invitation is None or not invitation.is_usable(now=now):
            return None
        person = find_or_create_person(email=invitation.email, language=language)
        if not person.is_active:
            return None
        grant_role(
            actor=invitation.invited_by,
            person=person,
            role=Role.ORGANIZER,
            obj=invitation.event,
        )
        invitation.accepted_at = now
        invitation.save(update_fields=["accepted_at"])
    return person
