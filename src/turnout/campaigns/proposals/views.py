"""Proposing a local event, confirming it by email and revising it.

The moderation queue is back-office work: `turnout.organizing.moderation`.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.web import rate_limits
from turnout.web.inboxes import inbox_key
from turnout.web.rate_limits import Limit

from .. import selectors as campaign_selectors
from ..models import Campaign
from . import services
from .forms import ProposalForm, initial_place
from .models import EventProposal


def _campaign_taking_proposals(slug: str) -> Campaign:
    try:
        campaign = campaign_selectors.campaign_for_visitor(slug=slug)
    except Campaign.DoesNotExist:
        raise Http404 from None
    return campaign


def propose(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign_taking_proposals(slug)
    is_open = campaign.is_open_for_proposals and not campaign.has_ended(today=timezone.now().date())
    # A link may fill in the city: "Host one here" after a nearby search that found nothing.
    form = ProposalForm(request.POST or None, campaign=campaign, initial=initial_place(request.GET))
    if is_open and request.method == "POST" and form.is_valid():
        # Each proposal stores an event and emails the address typed in: without a limit the
        # form fills the moderation queue and mails anyone as often as a script likes.
        limited = rate_limits.hit(
            Limit(
                "proposal-ip", rate_limits.client_subscriber(request), settings.PROPOSALS_PER_HOUR
            ),
            Limit(
                "proposal-email",
                inbox_key(form.proposer().email),
                settings.PROPOSALS_PER_HOUR_PER_EMAIL,
            ),
            now=timezone.now(),
        )
        if limited:
            form.add_error(
                None,
                _("Too many proposals in a short time. Please try again in %(minutes)d minutes.")
                % {"minutes": limited.minutes},
            )
            response = render(
                request,
                "campaigns/proposals/propose.html",
                {"campaign": campaign, "form": form, "is_open": is_open},
                status=429,
            )
            response["Retry-After"] = str(limited.retry_after)
            return response
        try:
            proposal = services.propose_event(
                campaign=campaign,
                details=form.event_details(),
                proposer=form.proposer(),
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "campaigns/proposals/proposal_sent.html", {"proposal": proposal})
    return render(
        request,
        "campaigns/proposals/propose.html",
        {"campaign": campaign, "form": form, "is_open": is_open},
        status=200 if is_open else 410,
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what is being confirmed; POST confirms (link scanners confirm nothing)."""
    proposal = services.proposal_for_token(token)
    if proposal is None:
        raise Http404
    if request.method == "POST":
        proposal = services.confirm_proposal_email(token=token, now=timezone.now())
    return render(request, "campaigns/proposals/confirm.html", {"proposal": proposal})


def revise(request: HttpRequest, token: str) -> HttpResponse:
    proposal = services.proposal_for_token(token)
    if proposal is None:
        raise Http404
    event = proposal.event
    can_revise = proposal.state == EventProposal.State.CHANGES_REQUESTED
    form = ProposalForm(
        request.POST or None, campaign=event.campaign, event=event, with_proposer=False
    )
    if can_revise and request.method == "POST" and form.is_valid():
        try:
            services.revise_proposal(
                token=token,
                details=form.event_details(),
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your proposal is back with the coordinators."))
            return redirect("proposals:revise", token=token)
    return render(
        request,
        "campaigns/proposals/revise.html",
        {"proposal": proposal, "event": event, "form": form, "can_revise": can_revise},
    )
