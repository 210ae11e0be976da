"""The moderation queue of a campaign's proposed events and the coordinators' decisions on them.

The proposals, their rules and their emails stay in `campaigns.proposals`; this is the
back-office page that calls them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign
from turnout.campaigns.proposals import selectors, services
from turnout.campaigns.proposals.forms import DecisionForm
from turnout.campaigns.proposals.models import EventProposal
from turnout.web.numbers import object_id


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
