"""Who brought most people: per event for its organizers, per campaign for coordinators."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

from . import selectors


@login_required
def event_referrers(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Referrers are attendees: the same right as the attendee list.
    event = get_permitted_object(
        request.user, Action.VIEW_ATTENDEES, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    return render(
        request,
        "referrals/referrers.html",
        {
            "event": event,
            "referrers": selectors.top_referrers_of_event(event),
            "brought": selectors.total_brought(Signup.objects.filter(event=event)),
        },
    )


@login_required
def campaign_referrers(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_permitted_object(request.user, Action.VIEW_ATTENDEES, Campaign, slug=slug)
    return render(
        request,
        "referrals/referrers.html",
        {
            "campaign": campaign,
            "referrers": selectors.top_referrers_of_campaign(campaign),
            "brought": selectors.total_brought(Signup.objects.filter(event__campaign=campaign)),
        },
    )
