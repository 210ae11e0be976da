"""Proposals from "Organize in your area": proposing, confirming and revising (a
coordinator's decision: `decisions.py`)."""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.tokens import new_token, token_hash
from turnout.web.email_addresses import normalize_email
from turnout.web.text import multi_line

from ..models import Campaign, LocalEvent
from ..services import save_event_changes
from ..signals import announce_proposal_awaits_review
from . import decisions, spam, trust
from .decisions import NotAwaitingDecision
from .models import EventProposal
from .proposer_emails import TOKEN_PURPOSE, email_proposer, proposal_link


class ProposalClosed(ValidationError):
    """The campaign does not take proposals (any more)."""


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
        # Read by the coordinators, then every visitor: no override turns its words around.
        "description": multi_line(details.description).strip(),
        "attendance_mode": details.attendance_mode,
        "meeting_url": details.meeting_url.strip(),
        "capacity": details.capacity,
    }
    changed = {name for name, value in values.items() if getattr(event, name) != value}
    for name, value in values.items():
        setattr(event, name, value)
    return changed


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
            note=multi_line(note).strip(),
            is_outside_window=is_outside_window(campaign, details),
            token_hash=hashed,
            created_at=now,
        )
        proposal.full_clean()
        proposal.save()
        email_proposer(proposal, "confirm", now=now, link=proposal_link(proposal, token, "confirm"))
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
        proposal.note = multi_line(note).strip()  # no bidi override reaches coordinators
        proposal.is_outside_window = is_outside_window(event.campaign, details)
        proposal.save(update_fields=["state", "note", "is_outside_window"])
        # Scored again (the text changed), but never published on trust: a coordinator asked
        # for these changes and decides on them.
        proposal.event = event  # the revised text
        _record_spam_score(proposal, now=now)
        announce_proposal_awaits_review(proposal)
    return proposal


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
    decisions.publish(proposal, actor=None, now=now, by_trusted_host=True)
    proposal.refresh_from_db()
