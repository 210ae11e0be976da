"""The alerts' emails: what each says, in the recipient's language, with its "change or stop" link.

Each function composes for a `Recipient` (a stand-in, see `letters`), so that one composition
serves everyone the same alert goes to.
"""

from dataclasses import dataclass
from datetime import datetime

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.composition import Email, absolute_url, compose

from .letters import Recipient

NAMES_SHOWN = 50  # per event in a digest; the attendee page has them all


def _footer(recipient: Recipient, language: str) -> dict:
    return {
        "recipient": recipient,
        "manage_url": absolute_url("alerts:manage", language=language, token=recipient.token),
        "settings_url": absolute_url("alerts:settings", language=language),
    }


def proposal_waiting(proposal: EventProposal, *, recipient: Recipient, language: str) -> Email:
    """A coordinator's alert that one proposal waits for their decision."""
    event = proposal.event
    campaign = event.campaign
    assert campaign is not None  # proposals are always for a campaign
    return compose(
        kind="alert_proposal",
        template="alerts/email/proposal_waiting",
        to="",
        language=language,
        context={
            "proposal": proposal,
            "event": event,
            "campaign": campaign,
            "queue_url": _queue_url(campaign, language),
            **_footer(recipient, language),
        },
    )


@dataclass(frozen=True)
class ProposalDigest:
    campaign: Campaign
    proposals: list[EventProposal]  # new in the window and still waiting, oldest first
    waiting: int  # everything in the queue now


def proposal_digest(digest: ProposalDigest, *, recipient: Recipient, language: str) -> Email:
    """A coordinator's daily list of the proposals that came in and still wait."""
    return compose(
        kind="alert_proposal_digest",
        template="alerts/email/proposal_digest",
        to="",
        language=language,
        context={
            "digest": digest,
            "campaign": digest.campaign,
            "queue_url": _queue_url(digest.campaign, language),
            **_footer(recipient, language),
        },
    )


def _queue_url(campaign: Campaign, language: str) -> str:
    return absolute_url("proposals:moderation_queue", language=language, slug=campaign.slug)


@dataclass(frozen=True)
class EventSignups:
    """One event's part of a signup digest. Names only: contact details stay behind sign-in."""

    event: LocalEvent
    names: list[str]  # the first NAMES_SHOWN, oldest first; "" for a person who gave none
    total: int
    waitlisted: int  # how many of them are on the waitlist
    places_left: int | None  # None: no limit

    @property
    def more(self) -> int:
        return self.total - len(self.names)


@dataclass(frozen=True)
class SignupDigest:
    since: datetime
    until: datetime
    events: list[EventSignups]

    @property
    def total(self) -> int:
        return sum(part.total for part in self.events)


def signup_digest(digest: SignupDigest, *, recipient: Recipient, language: str) -> Email:
    """An organizer's hourly or daily list of new signups, per event."""
    parts = [
        (part, absolute_url("signups:attendee_list", language=language, pk=part.event.pk))
        for part in digest.events
    ]
    return compose(
        kind="alert_signup_digest",
        template="alerts/email/signup_digest",
        to="",
        language=language,
        context={"digest": digest, "parts": parts, **_footer(recipient, language)},
    )


def nearly_full(
    event: LocalEvent, *, places_left: int, recipient: Recipient, language: str
) -> Email:
    """An organizer's note that their event has few places left, with where to add more."""
    return compose(
        kind="alert_nearly_full",
        template="alerts/email/nearly_full",
        to="",
        language=language,
        context={
            "event": event,
            "places_left": places_left,
            "edit_url": absolute_url("dashboard:event_edit", language=language, pk=event.pk),
            "attendees_url": absolute_url("signups:attendee_list", language=language, pk=event.pk),
            **_footer(recipient, language),
        },
    )
