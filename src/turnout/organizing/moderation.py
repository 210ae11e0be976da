"""The moderation queue of a campaign's proposed events and the coordinators' decisions on them.

The proposals, their rules and their emails stay in `campaigns.proposals`; this is the
back-office page that calls them. It has three parts: proposals held as possible spam (with
their reasons), proposals waiting for a decision, and what trusted hosts published lately.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign
from turnout.campaigns.proposals import decisions, selectors, trust
from turnout.campaigns.proposals.forms import DecisionForm
from turnout.campaigns.proposals.models import EventProposal, TrustedHost
from turnout.web.numbers import object_id

# The buttons of the "published by trusted hosts" part: not decisions on a waiting proposal.
UNPUBLISH = "unpublish"
UNTRUST = "untrust"


@login_required
def moderation_queue(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_permitted_object(request.user, Action.APPROVE, Campaign, slug=slug)
    failed: dict[int, DecisionForm] = {}
    if request.method == "POST":
        after_look = request.POST.get("after_look", "")
        if after_look in (UNPUBLISH, UNTRUST):
            _look_afterwards(request, campaign, after_look)
            return redirect("proposals:moderation_queue", slug=campaign.slug)
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
    hosts = trust.hosts_trusted_in(campaign)
    return render(
        request,
        "campaigns/proposals/moderation_queue.html",
        {
            "campaign": campaign,
            "items": items,
            "held_items": [pair for pair in items if pair[0].proposal.is_held_as_spam],
            "waiting_items": [pair for pair in items if not pair[0].proposal.is_held_as_spam],
            "trusted_items": selectors.published_by_trusted_hosts(campaign, now=timezone.now()),
            "trusted_hosts": [(host, trust.can_revoke(request.user, host)) for host in hosts],
            "trusted_emails": {host.email for host in hosts},
            "can_trust_everywhere": trust.can_trust_everywhere(request.user),
        },
    )


def _decide(request: AuthenticatedHttpRequest, proposal: EventProposal, form: DecisionForm) -> None:
    """Carry out a valid decision and tell the coordinator how it went."""
    decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
    now, actor = timezone.now(), request.user
    Decision = DecisionForm.Decision
    try:
        if decision == Decision.APPROVE:
            decisions.approve_proposal(proposal=proposal, actor=actor, now=now)
            text = _("Approved: %(event)s. The proposer now organizes it.")
        elif decision in (Decision.APPROVE_AND_TRUST, Decision.APPROVE_AND_TRUST_EVERYWHERE):
            everywhere = decision == Decision.APPROVE_AND_TRUST_EVERYWHERE
            decisions.approve_and_trust(
                proposal=proposal, actor=actor, everywhere=everywhere, now=now
            )
            text = (
                _(
                    "Approved: %(event)s. Its host is trusted in every campaign: their next "
                    "proposals publish without review."
                )
                if everywhere
                else _(
                    "Approved: %(event)s. Its host is trusted in this campaign: their next "
                    "proposals publish without review."
                )
            )
        elif decision == Decision.RELEASE:
            decisions.release_from_spam_hold(proposal=proposal, actor=actor, now=now)
            text = _("Not spam: %(event)s waits with the other proposals.")
        elif decision == Decision.REJECT:
            decisions.reject_proposal(proposal=proposal, actor=actor, reason=message, now=now)
            text = _("Rejected: %(event)s. The proposer has been told why.")
        else:
            decisions.request_changes(proposal=proposal, actor=actor, message=message, now=now)
            text = _("Changes asked: %(event)s. It returns to the queue once revised.")
    except PermissionDenied:
        messages.error(request, _("Only an administrator can trust a host in every campaign."))
    except ValidationError as error:  # decided meanwhile, by someone else or in another tab
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, text % {"event": proposal.event})


def _look_afterwards(request: AuthenticatedHttpRequest, campaign: Campaign, action: str) -> None:
    """Take back what a trusted host published, or stop trusting a host."""
    actor, now = request.user, timezone.now()
    if action == UNPUBLISH:
        proposal = get_object_or_404(
            EventProposal, pk=object_id(request.POST.get("proposal", "")), event__campaign=campaign
        )
        try:
            decisions.unpublish_trusted_proposal(proposal=proposal, actor=actor, now=now)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Taken back: %(event)s is no longer public and waits for your decision.")
                % {"event": proposal.event},
            )
        return
    # Only a trust that covers this campaign can be revoked from its queue.
    trusted = get_object_or_404(
        TrustedHost.objects.filter(pk__in=[host.pk for host in trust.hosts_trusted_in(campaign)]),
        pk=object_id(request.POST.get("host", "")),
    )
    if not trust.can_revoke(actor, trusted):
        raise PermissionDenied
    trust.untrust_host(trusted=trusted, actor=actor)
    messages.success(
        request,
        _("%(email)s is no longer trusted: their next proposals wait for a coordinator.")
        % {"email": trusted.email},
    )
