"""Proposals from "Organize in your area": proposing, confirming, and a coordinator's decision."""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import AuditAction, User
from turnout.accounts.roles import Role, find_or_create_person, grant_role, revoke_role
from turnout.accounts.services import record_audit
from turnout.accounts.tokens import new_token, token_hash
from turnout.notifications import outbox
from turnout.notifications.composition import absolute_url, compose
from turnout.web.email_addresses import normalize_email

from ..models import Campaign, LocalEvent
from ..services import save_event_changes
from ..signals import announce_proposal_awaits_review
from . import spam, trust
from .models import EventProposal
from .selectors import details_are_announced

TOKEN_PURPOSE = "proposal"


class ProposalClosed(ValidationError):
    """The campaign does not take proposals (any more)."""


class NotAwaitingDecision(ValidationError):
    """The proposal has been decided already, or its email is not confirmed yet."""


@dataclass(frozen=True)
class EventDetails:
    """What a proposer or an organizer says about an event: place, time, signup.

    City, country, coordinates and time zone come from the gazetteer (see the proposal form).
    """

    title: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    venue: str
    address: str
    timezone: str
    starts_at: datetime
    ends_at: datetime
    signup_url: str
    description: str
    # An online event has no city, country, venue or coordinates; only its participants who
    # confirmed their place ever see the meeting link.
    attendance_mode: str = LocalEvent.AttendanceMode.IN_PERSON
    meeting_url: str = ""
    capacity: int | None = None  # places; None: no limit


@dataclass(frozen=True)
class Proposer:
    name: str
    email: str
    phone: str
    language: str


def is_outside_window(campaign: Campaign | None, details: EventDetails) -> bool:
    """Whether the event's local date falls outside the campaign's first and last day."""
    if campaign is None:
        return False  # an event of its own has no window to fall outside
    day = details.starts_at.astimezone(ZoneInfo(details.timezone)).date()
    return not campaign.starts_on <= day <= campaign.ends_on


def default_title(event: LocalEvent, city: str) -> str:
    place = city or str(_("Online"))  # an online event has no city to be named after
    if event.campaign is None:
        return place
    title = event.campaign.title
    # "Protest in Utrecht" for Utrecht, not "Protest in Utrecht · Utrecht"
    if city and re.search(rf"(?<!\w){re.escape(city)}(?!\w)", title, re.IGNORECASE):
        return title
    return f"{title} · {place}"


def apply_details(event: LocalEvent, details: EventDetails) -> set[str]:
    """Copy the details onto the event; return the names of the fields that changed."""
    values = {
        "title": details.title.strip() or default_title(event, details.city.strip()),
        "city": details.city.strip(),
        "country": details.country.upper(),
        "latitude": details.latitude,
        "longitude": details.longitude,
        "venue": details.venue.strip(),
        "address": details.address.strip(),
        "timezone": details.timezone,
        "starts_at": details.starts_at,
        "ends_at": details.ends_at,
        "signup_url": details.signup_url.strip(),
        "description": details.description.strip(),
        "attendance_mode": details.attendance_mode,
        "meeting_url": details.meeting_url.strip(),
        "capacity": details.capacity,
    }
    changed = {name for name, value in values.items() if getattr(event, name) != value}
    for name, value in values.items():
        setattr(event, name, value)
    return changed


def _proposal_link(proposal: EventProposal, token: str, name: str) -> str:
    return absolute_url(f"proposals:{name}", language=proposal.language, token=token)


def _email_proposer(proposal: EventProposal, kind: str, *, now: datetime, **context) -> None:
    email = compose(
        kind=f"proposal_{kind}",
        template=f"campaigns/email/proposal_{kind}",
        to=proposal.proposer_email,
        language=proposal.language,
        context={"proposal": proposal, "event": proposal.event, **context},
    )
    outbox.enqueue(email, now=now)


def propose_event(
    *, campaign: Campaign, details: EventDetails, proposer: Proposer, note: str, now: datetime
) -> EventProposal:
    """Record a proposed event and email the proposer a link to confirm their address."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not (
            campaign.is_open_for_proposals
            and campaign.is_published
            and not campaign.has_ended(today=now.date())
        ):
            raise ProposalClosed(_("This campaign does not take proposals at the moment."))
        event = LocalEvent(campaign=campaign, status=LocalEvent.Status.PROPOSED)
        apply_details(event, details)
        save_event_changes(event=event, changed_fields=[])
        token, hashed = new_token(purpose=TOKEN_PURPOSE)
        proposal = EventProposal(
            event=event,
            proposer_name=proposer.name.strip(),
            proposer_email=normalize_email(proposer.email),
            proposer_phone=proposer.phone.strip(),
            language=proposer.language,
            note=note.strip(),
            is_outside_window=is_outside_window(campaign, details),
            token_hash=hashed,
            created_at=now,
        )
        proposal.full_clean()
        proposal.save()
        _email_proposer(
            proposal, "confirm", now=now, link=_proposal_link(proposal, token, "confirm")
        )
    return proposal


def proposal_for_token(token: str) -> EventProposal | None:
    return (
        EventProposal.objects.select_related("event__campaign")
        .filter(token_hash=token_hash(token, purpose=TOKEN_PURPOSE))
        .first()
    )


def confirm_proposal_email(*, token: str, now: datetime) -> EventProposal | None:
    """Confirm the proposer's address, which puts the proposal in the coordinators' queue.

    Confirming twice is harmless; an unknown token confirms nothing.
    """
    with transaction.atomic():
        proposal = (
            EventProposal.objects.select_for_update()
            .filter(token_hash=token_hash(token, purpose=TOKEN_PURPOSE))
            .first()
        )
        if proposal is None:
            return None
        if proposal.state == EventProposal.State.AWAITING_EMAIL:
            proposal.state = EventProposal.State.PENDING
            proposal.email_confirmed_at = now
            proposal.save(update_fields=["state", "email_confirmed_at"])
            _hold_or_publish_for_trusted_host(proposal, now=now)
            announce_proposal_awaits_review(proposal)
    return proposal


def revise_proposal(
    *, token: str, details: EventDetails, note: str, now: datetime
) -> EventProposal:
    """The proposer's answer to "please change": new details, back in the queue."""
    with transaction.atomic():
        proposal = (
            EventProposal.objects.select_for_update(of=("self",))
            .select_related("event__campaign")
            .get(token_hash=token_hash(token, purpose=TOKEN_PURPOSE))
        )
        if proposal.state != EventProposal.State.CHANGES_REQUESTED:
            raise NotAwaitingDecision(_("This proposal cannot be changed any more."))
        event = LocalEvent.objects.select_for_update().get(pk=proposal.event_id)
        changed = apply_details(event, details)
        save_event_changes(event=event, changed_fields=changed)
        proposal.state = EventProposal.State.PENDING
        proposal.note = note.strip()
        proposal.is_outside_window = is_outside_window(event.campaign, details)
        proposal.save(update_fields=["state", "note", "is_outside_window"])
        # Scored again (the text changed), but never published on trust: a coordinator asked
        # for these changes and decides on them.
        proposal.event = event  # the revised text
        _record_spam_score(proposal, now=now)
        announce_proposal_awaits_review(proposal)
    return proposal


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


def _record_spam_score(proposal: EventProposal, *, now: datetime) -> spam.SpamVerdict:
    """Score a proposal entering the queue; a high score holds it for a person, never drops it."""
    verdict = spam.score_proposal(proposal, now=now)
    proposal.spam_score = verdict.score
    proposal.spam_reasons = verdict.reasons_as_json()
    proposal.is_held_as_spam = verdict.is_held
    proposal.save(update_fields=["spam_score", "spam_reasons", "is_held_as_spam"])
    return verdict


def _hold_or_publish_for_trusted_host(proposal: EventProposal, *, now: datetime) -> None:
    """Just confirmed: hold it as possible spam, or publish it at once for a trusted host.

    Spam signals win over trust: a trusted address that suddenly sends link spam waits.
    """
    verdict = _record_spam_score(proposal, now=now)
    event = proposal.event
    if verdict.is_held or not trust.is_trusted_host(proposal.proposer_email, event.campaign):
        return
    _publish(proposal, actor=None, now=now, by_trusted_host=True)
    proposal.refresh_from_db()


def approve_proposal(*, proposal: EventProposal, actor: User, now: datetime) -> EventProposal:
    """Publish the event (details to be announced without a venue); the proposer organizes it."""
    return _publish(proposal, actor=actor, now=now)


def _publish(
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
        _email_proposer(proposal, "approved", now=now, dashboard=dashboard, event_url=event_url)
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
        _email_proposer(proposal, "rejected", now=now, reason=reason.strip())
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
        _email_proposer(
            proposal,
            "changes",
            now=now,
            message=message.strip(),
            link=_proposal_link(proposal, token, "revise"),
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
            revoke_role(actor=actor, person=organizer, role=Role.ORGANIZER, obj=event)
        record_audit(
            actor=actor,
            action=AuditAction.PROPOSAL_UNPUBLISHED,
            target=event,
            summary=f"{event} proposed by {proposal.proposer_email}",
        )
        proposal.event = event
        _email_proposer(proposal, "unpublished", now=now)
    return proposal
