"""What organizers and coordinators change from their dashboards: event details, co-organizers,
messages to organizers. Each is one transaction; its emails are written to the outbox in it."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User
from turnout.accounts.permissions import Action, can
from turnout.accounts.roles import Role, find_or_create_person, grant_role, holds_any_role
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
from turnout.signups.change_notices import check_change_notice
from turnout.web import rate_limits
from turnout.web.email_addresses import normalize_email
from turnout.web.inboxes import inbox_key

from .selectors import organizers_of

INVITATION_VALIDITY = timedelta(days=14)
# How long after it was sent a link signs its holder in. Invitation emails are read days later,
# forwarded, left in shared mailboxes; past this, accepting first sends a fresh link to the
# invited address, so whoever accepts has that mailbox now (as a sign-in link proves).
INVITATION_SIGN_IN_VALIDITY = timedelta(hours=1)
INVITATION_PURPOSE = "invitation"
# Each invitation is an email from the site's address to any address an organizer types, with
# the organizer's title in it: without a bound, a relay for spam and a way to mail-bomb anyone.
# An organizer gathers a team of a few; one address is invited again only if a link was lost.
INVITATIONS_PER_HOUR_BY_ONE_PERSON = 20
INVITATIONS_PER_HOUR_TO_ONE_ADDRESS = 3


class InvitationOutcome(StrEnum):
    SIGNED_IN = "signed_in"  # accepted by a new (or still blank) account: sign it in
    ACCEPTED = "accepted"  # accepted by the invited person, signed in already
    SIGN_IN_FIRST = "sign_in_first"  # the address's account keeps a password or roles
    LINK_RESENT = "link_resent"  # the link was old: a fresh one went to the invited address
    OTHER_PERSON = "other_person"  # someone else is signed in: the invitation is not theirs
    UNUSABLE = "unusable"  # unknown, used, expired, or the account is deactivated


@dataclass(frozen=True)
class InvitationAnswer:
    outcome: InvitationOutcome
    person: User | None = None


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
        check_change_notice(event, changed, now=timezone.now())
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
    """Email `email` a link that makes them a co-organizer of `event` when they accept;
    ValidationError past the hourly limits of invitations sent and received."""
    email = normalize_email(email)
    limited = rate_limits.hit(
        rate_limits.Limit("invitation-by", str(actor.pk), INVITATIONS_PER_HOUR_BY_ONE_PERSON),
        rate_limits.Limit("invitation-to", inbox_key(email), INVITATIONS_PER_HOUR_TO_ONE_ADDRESS),
        now=now,
    )
    if limited:
        raise ValidationError(
            _("Too many invitations in a short time. Please try again in %(minutes)d minutes.")
            % {"minutes": limited.minutes}
        )
    with transaction.atomic():
        if event.organizers.filter(email__iexact=email).exists():
            raise ValidationError(
                {"email": _("%(email)s organizes this event already.") % {"email": email}}
            )
        invitee = User.objects.filter(email__iexact=email).first()
        language = invitee.language if invitee else language
        invitation = OrganizerInvitation(
            event=event, email=email, invited_by=actor, expires_at=now + INVITATION_VALIDITY
        )
        _send_link(invitation, language=language, now=now)
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
    return invitation if invitation and _is_open(invitation, now=now) else None


def _is_open(invitation: OrganizerInvitation, *, now: datetime) -> bool:
    """Not used up, not expired, and its sender may still edit the event: an invitation is only
    as good as the role of whoever sent it, so taking an organizer's role away (or their
    account, or a trusted host's event) takes the invitations they sent along."""
    inviter = invitation.invited_by
    return (
        invitation.is_usable(now=now)
        and inviter is not None
        and can(inviter, Action.EDIT, invitation.event)
    )


def _send_link(invitation: OrganizerInvitation, *, language: str, now: datetime) -> None:
    """Give the invitation a new link (any earlier one stops working) and email it to the
    invited address. `created_at` is when the link that works now was sent."""
    token, invitation.token_hash = new_token(purpose=INVITATION_PURPOSE)
    invitation.created_at = now
    invitation.save()
    link = absolute_url("dashboard:invitation", language=language, token=token)
    inviter = invitation.invited_by
    message = compose(
        kind="invitation",
        template="campaigns/email/invitation",
        to=invitation.email,
        language=language,
        context={"event": invitation.event, "inviter": inviter, "link": link,
                 "days": max(1, (invitation.expires_at - now).days)},
        reply_to=inviter.email if inviter is not None else "",
    )  # fmt: skip
    outbox.enqueue(message, now=now)


def _signs_in_only_by_itself(person: User) -> bool:
    """An account that may not be entered through an invitation link: one with a password or
    with anything to lose (a role, the admin). Its owner signs in as always, then accepts."""
    return person.has_usable_password() or holds_any_role(person)


def _lock_invitations_of_address(token: str) -> OrganizerInvitation | None:
    """The invitation behind `token`, read again after locking every invitation of its
    address to its event in one order: accepting uses them all up, so two links of one
    address opened at once queue here instead of deadlocking, and the second sees the
    first's acceptance."""
    hashed = token_hash(token, purpose=INVITATION_PURPOSE)
    found = (
        OrganizerInvitation.objects.filter(token_hash=hashed).values("event_id", "email").first()
    )
    if found is None:
        return None
    list(
        OrganizerInvitation.objects.select_for_update()
        .filter(event_id=found["event_id"], email__iexact=found["email"])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return (
        OrganizerInvitation.objects.select_related("event", "invited_by")
        .filter(token_hash=hashed)
        .first()
    )


def accept_invitation(*, token: str, user, language: str, now: datetime) -> InvitationAnswer:
    """Make the invited address a co-organizer, once; `user` is whoever is signed in.

    The link is a bearer secret that may have travelled (forwarded, a shared mailbox), so:
    it never acts for another signed-in person; it signs in only a new or blank account and
    only within INVITATION_SIGN_IN_VALIDITY of being sent (an older one sends a fresh link to
    the invited address instead); an account with a password or roles signs in by itself.
    Accepting uses up every open invitation of the address to the event.
    """
    with transaction.atomic():
        invitation = _lock_invitations_of_address(token)
        if invitation is None or not _is_open(invitation, now=now):
            return InvitationAnswer(InvitationOutcome.UNUSABLE)
        invitee = User.objects.filter(email__iexact=invitation.email).first()
        if invitee is not None and not invitee.is_active:
            return InvitationAnswer(InvitationOutcome.UNUSABLE)
        if user is not None and user.is_authenticated:
            if invitee is None or invitee.pk != user.pk:
                return InvitationAnswer(InvitationOutcome.OTHER_PERSON)
            outcome = InvitationOutcome.ACCEPTED
        elif invitee is not None and _signs_in_only_by_itself(invitee):
            return InvitationAnswer(InvitationOutcome.SIGN_IN_FIRST)
        elif now - invitation.created_at >= INVITATION_SIGN_IN_VALIDITY:
            _send_link(invitation, language=invitee.language if invitee else language, now=now)
            return InvitationAnswer(InvitationOutcome.LINK_RESENT)
        else:
            outcome = InvitationOutcome.SIGNED_IN
        person = invitee or find_or_create_person(email=invitation.email, language=language)
        grant_role(
            actor=invitation.invited_by,
            person=person,
            role=Role.ORGANIZER,
            obj=invitation.event,
        )
        OrganizerInvitation.objects.filter(
            event=invitation.event, email__iexact=invitation.email, accepted_at__isnull=True
        ).update(accepted_at=now)
    return InvitationAnswer(outcome, person)
