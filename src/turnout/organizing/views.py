"""Back-office pages that read several apps at once: the printable report of a campaign."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from turnout.accounts.permissions import Action, can
from turnout.campaigns import selectors
from turnout.campaigns.models import Campaign

from .report import campaign_report


def campaign_report_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable report of a campaign whose window has passed."""
    try:
        campaign = selectors.campaign_for_visitor(
            slug=slug, can_preview=selectors.may_preview(request.user, Campaign)
        )
    except Campaign.DoesNotExist:
        raise Http404 from None
    today = timezone.now().date()
    if not campaign.has_ended(today=today):
        raise Http404
    # Survey answers are attendee data: the coordinators' copy has them, the public one not.
    with_survey = can(request.user, Action.VIEW_ATTENDEES, campaign)
    return render(
        request,
        "campaigns/campaign_report.html",
        {
            "campaign": campaign,
            "report": campaign_report(campaign, today=today, with_survey=with_survey),
        },
    )
