"""A coordinator's decision on a proposal: approve (and trust its host), reject with a reason,
ask for changes, release from the spam hold, take back what a trusted host published."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import AuditAction, User
from turnout.accounts.roles import Role, find_or_create_person, grant_role, revoke_role
from turnout.accounts.services import record_audit
from turnout.accounts.tokens import new_token
from turnout.notifications.composition import absolute_url

from ..models import LocalEvent
from . import trust
from .models import EventProposal, OrganizerInvitation
from .proposer_emails import TOKEN_PURPOSE, email_proposer, proposal_link
from .selectors import details_are_announced


class NotAwaitingDecision(ValidationError):
    """The proposal has been decided already, or its email is not confirmed yet."""


def _lock_for_decision(proposal: EventProposal) -> tuple[EventProposal, LocalEvent]:
    proposal = EventProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state not in EventProposal.OPEN_STATES:
        raise NotAwaitingDecision(_("This proposal has been decided already."))
    event = (
        LocalEvent.objects.select_for_update(of=("self",))
        .select_related("campaign")
        .get(pk=proposal.event_id)
    )
    return proposal, event


def _decide(
    proposal: EventProposal, *, state: str, actor: User | None, message: str, now: datetime
):
    proposal.state = state
    proposal.decision_message = message.strip()
    proposal.decided_by = actor
    proposal.decided_at = now
    proposal.save(update_fields=["state", "decision_message", "decided_by", "decided_at"])


def approve_proposal(*, proposal: EventProposal, actor: User, now: datetime) -> EventProposal:
    """Publish the event (details to be announced without a venue); the proposer organizes it."""
    return publish(proposal, actor=actor, now=now)


def publish(
    proposal: EventProposal, *, actor: User | None, now: datetime, by_trusted_host: bool = False
) -> EventProposal:
    """A coordinator's approval, or (`by_trusted_host`, no actor) a trusted host's proposal."""
    with transaction.atomic():
        proposal, event = _lock_for_decision(proposal)
        event.status = (
            LocalEvent.Status.APPROVED
            if details_are_announced(event)
            else LocalEvent.Status.DETAILS_TBA
        )
        event.save(update_fields=["status", "updated_at"])
        _decide(proposal, state=EventProposal.State.APPROVED, actor=actor, message="", now=now)
        if by_trusted_host:
            proposal.published_by_trusted_host = True
            proposal.save(update_fields=["published_by_trusted_host"])
        organizer = find_or_create_person(
            email=proposal.proposer_email, name=proposal.proposer_name, language=proposal.language
        )
        grant_role(actor=actor, person=organizer, role=Role.ORGANIZER, obj=event)
        record_audit(
            actor=actor,
            action=(
                AuditAction.PROPOSAL_TRUSTED_PUBLISHED
                if by_trusted_host
                else AuditAction.PROPOSAL_APPROVED
            ),
            target=event,
            summary=f"{event} proposed by {proposal.proposer_email}"
            + (": published by a trusted host" if by_trusted_host else ""),
        )
        dashboard = absolute_url("dashboard:home", language=proposal.language)
        event_url = absolute_url("campaigns:event_detail", language=proposal.language, pk=event.pk)
        email_proposer(proposal, "approved", now=now, dashboard=dashboard, event_url=event_url)
    return proposal


def reject_proposal(
    *, proposal: EventProposal, actor: User, reason: str, now: datetime
) -> EventProposal:
    """Turn a proposal down with a reason the proposer reads."""
    if not reason.strip():
        raise ValidationError(_("Tell the proposer why."))
    with transaction.atomic():
        proposal, event = _lock_for_decision(proposal)
        event.status = LocalEvent.Status.REJECTED
        event.save(update_fields=["status", "updated_at"])
        _decide(proposal, state=EventProposal.State.REJECTED, actor=actor, message=reason, now=now)
        record_audit(
            actor=actor,
            action="proposal.rejected",
            target=event,
            summary=f"{event} proposed by {proposal.proposer_email}: {reason.strip()}",
        )
        email_proposer(proposal, "rejected", now=now, reason=reason.strip())
    return proposal


def request_changes(
    *, proposal: EventProposal, actor: User, message: str, now: datetime
) -> EventProposal:
    """Ask the proposer to change something; they get a new link to edit their proposal."""
    if not message.strip():
        raise ValidationError(_("Say what should change."))
    with transaction.atomic():
        proposal, _event = _lock_for_decision(proposal)
        token, proposal.token_hash = new_token(purpose=TOKEN_PURPOSE)
        proposal.save(update_fields=["token_hash"])
        _decide(
            proposal,
            state=EventProposal.State.CHANGES_REQUESTED,
            actor=actor,
            message=message,
            now=now,
        )
        record_audit(
            actor=actor,
            action="proposal.changes_requested",
            target=proposal.event,
            summary=f"{proposal.event} proposed by {proposal.proposer_email}: {message.strip()}",
        )
        email_proposer(
            proposal,
            "changes",
            now=now,
            message=message.strip(),
            link=proposal_link(proposal, token, "revise"),
        )
    return proposal


def approve_and_trust(
    *, proposal: EventProposal, actor: User, everywhere: bool, now: datetime
) -> EventProposal:
    """Approve, and trust the proposer: in this campaign, or (administrators) in every one."""
    with transaction.atomic():
        campaign = None if everywhere else proposal.event.campaign
        if campaign is None and not everywhere:
            raise ValidationError(_("An event of its own has no campaign to trust its host in."))
        if not trust.can_trust_in(actor, campaign):
            raise PermissionDenied
        proposal = approve_proposal(proposal=proposal, actor=actor, now=now)
        trust.trust_host(email=proposal.proposer_email, campaign=campaign, actor=actor, now=now)
    return proposal


def release_from_spam_hold(*, proposal: EventProposal, actor: User, now: datetime) -> EventProposal:
    """Not spam after all: the proposal joins the ordinary queue (its signals stay shown)."""
    with transaction.atomic():
        proposal, event = _lock_for_decision(proposal)
        if not proposal.is_held_as_spam:
            return proposal
        proposal.is_held_as_spam = False
        proposal.save(update_fields=["is_held_as_spam"])
        record_audit(
            actor=actor,
            action=AuditAction.PROPOSAL_RELEASED,
            target=event,
            summary=f"{event} proposed by {proposal.proposer_email}",
        )
    return proposal


def unpublish_trusted_proposal(
    *, proposal: EventProposal, actor: User, now: datetime
) -> EventProposal:
    """Take back what a trusted host published: the event leaves the public pages and waits in
    the queue for an ordinary decision (approve, ask for changes, or reject with a reason)."""
    with transaction.atomic():
        proposal = EventProposal.objects.select_for_update().get(pk=proposal.pk)
        if not (
            proposal.published_by_trusted_host and proposal.state == EventProposal.State.APPROVED
        ):
            raise NotAwaitingDecision(_("This proposal is not published by a trusted host."))
        event = (
            LocalEvent.objects.select_for_update(of=("self",))
            .select_related("campaign")
            .get(pk=proposal.event_id)
        )
        event.status = LocalEvent.Status.PROPOSED
        event.save(update_fields=["status", "updated_at"])
        proposal.state = EventProposal.State.PENDING
        proposal.decided_by = None
        proposal.decided_at = None
        proposal.save(update_fields=["state", "decided_by", "decided_at"])
        organizer = User.objects.filter(email__iexact=proposal.proposer_email).first()
        if organizer is not None:  # organizes again if approved after the second look
            # With the people the host made co-organizers (and theirs): the roles came
            # from the publication that is taken back.
            for person in [organizer, *_brought_in_by(event, organizer)]:
                revoke_role(actor=actor, person=person, role=Role.ORGANIZER, obj=event)
        record_audit(
            actor=actor,
            action=AuditAction.PROPOSAL_UNPUBLISHED,
            target=event,
            summary=f"{event} proposed by {proposal.proposer_email}",
        )
        proposal.event = event
        email_proposer(proposal, "unpublished", now=now)
    return proposal


def _brought_in_by(event: LocalEvent, person: User) -> list[User]:
    """Who became an organizer of `event` through an invitation `person` sent, or through
    one sent by someone they brought in, and so on."""
    inviters = {person.pk}
    brought: dict[int, User] = {}
    while True:
        emails = {
            email.casefold()
            for email in OrganizerInvitation.objects.filter(
                event=event, invited_by__in=inviters, accepted_at__isnull=False
            ).values_list("email", flat=True)
        }
        found = [
            user
            for user in event.organizers.all()
            if user.email.casefold() in emails and user.pk not in brought and user.pk != person.pk
        ]
        if not found:
            return list(brought.values())
        for user in found:
            brought[user.pk] = user
        inviters |= {user.pk for user in found}
