"""Who brought most people: per event for its organizers, per campaign for coordinators; and a
participant asking for their share link."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup
from turnout.signups.selectors import signup_by_token

from . import selectors, services


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


@require_POST
def give_share_code(request: HttpRequest, token: str) -> HttpResponse:
    """The button on the manage page of a signup that has no share code yet (older ones): the
    page itself only reads, so the code is written here."""
    try:
        signup = signup_by_token(token)
    except Signup.DoesNotExist:
        raise Http404 from None
    if services.may_share(signup, now=timezone.now()):
        services.ensure_share_code(signup)
    return redirect(reverse("signups:manage", kwargs={"token": signup.token}) + "#share-heading")
