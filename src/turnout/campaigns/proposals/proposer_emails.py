"""The emails to a proposer and the private links in them (confirm, revise)."""

from datetime import datetime

from turnout.notifications import outbox
from turnout.notifications.composition import absolute_url, compose

from .models import EventProposal

TOKEN_PURPOSE = "proposal"


def proposal_link(proposal: EventProposal, token: str, name: str) -> str:
    return absolute_url(f"proposals:{name}", language=proposal.language, token=token)


def email_proposer(proposal: EventProposal, kind: str, *, now: datetime, **context) -> None:
    email = compose(
        kind=f"proposal_{kind}",
        template=f"campaigns/email/proposal_{kind}",
        to=proposal.proposer_email,
        language=proposal.language,
        context={"proposal": proposal, "event": proposal.event, **context},
    )
    outbox.enqueue(email, now=now)
