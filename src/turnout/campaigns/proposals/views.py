"""Proposing a local event, confirming it by email, revising it, and the moderation queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.web.numbers import object_id

from .. import selectors as campaign_selectors
from ..models import Campaign
from . import selectors, services
from .forms import DecisionForm, ProposalForm
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
    form = ProposalForm(request.POST or None, campaign=campaign)
    if is_open and request.method == "POST" and form.is_valid():
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


@login_required
def moderation_queue(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_permitted_object(request.user, Action.APPROVE, Campaign, slug=slug)
    failed: dict[int, DecisionForm] = {}
    if request.method == "POST":
        proposal = get_object_or_404(
            EventProposal, pk=object_id(request.POST.get("proposal", "")), event__campaign=campaign
        )
        form = DecisionForm(request.POST, prefix=f"p{proposal.pk}")
        if form.is_valid():
            _decide(request, proposal, form)
            return redirect("proposals:moderation_queue", slug=campaign.slug)
        failed[proposal.pk] = form
    queue = selectors.moderation_queue(campaign)
    items = [
        (item, failed.get(item.proposal.pk) or DecisionForm(prefix=f"p{item.proposal.pk}"))
        for item in queue
    ]
    return render(
        request, "campaigns/proposals/moderation_queue.html", {"campaign": campaign, "items": items}
    )


def _decide(request: AuthenticatedHttpRequest, proposal: EventProposal, form: DecisionForm) -> None:
    """Carry out a valid decision and tell the coordinator how it went."""
    decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
    now, actor = timezone.now(), request.user
    try:
        if decision == DecisionForm.Decision.APPROVE:
            services.approve_proposal(proposal=proposal, actor=actor, now=now)
            text = _("Approved: %(event)s. The proposer now organizes it.")
        elif decision == DecisionForm.Decision.REJECT:
            services.reject_proposal(proposal=proposal, actor=actor, reason=message, now=now)
            text = _("Rejected: %(event)s. The proposer has been told why.")
        else:
            services.request_changes(proposal=proposal, actor=actor, message=message, now=now)
            text = _("Changes asked: %(event)s. It returns to the queue once revised.")
    except ValidationError as error:  # decided meanwhile, by someone else or in another tab
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, text % {"event": proposal.event})
