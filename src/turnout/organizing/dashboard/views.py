"""Dashboards: an organizer's events, a coordinator's campaign, and what each may change there."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.proposals.selectors import campaigns_to_moderate
from turnout.notifications.written_message_views import write_to_many_page

from . import exports, selectors, services
from .forms import EventEditForm, InviteForm


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    upcoming, past = selectors.organizer_events(request.user, now=timezone.now())
    return render(
        request,
        "campaigns/dashboard/home.html",
        {
            "upcoming": upcoming,
            "past": past,
            "campaigns": campaigns_to_moderate(request.user),
            "groups": selectors.led_groups(request.user),
        },
    )


@login_required
def event_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.EDIT, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    form = EventEditForm(
        request.POST or None,
        campaign=event.campaign,
        event=event,
        can_promote=can(request.user, Action.PROMOTE, event),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event_details(
                event=event,
                details=form.event_details(),
                capacity=form.cleaned_data["capacity"],
                day=form.day_details(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Saved. If the time or place changed, participants are told by email."),
            )
            return redirect("dashboard:home")
    return render(request, "campaigns/dashboard/event_edit.html", {"event": event, "form": form})


@login_required
def event_organizers(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.EDIT, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_co_organizer(
                event=event,
                actor=request.user,
                email=form.cleaned_data["email"],
                language=get_language(),
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("dashboard:event_organizers", pk=event.pk)
    return render(
        request,
        "campaigns/dashboard/event_organizers.html",
        {
            "event": event,
            "form": form,
            "organizers": event.organizers.order_by("name", "email"),
            "invitations": event.organizer_invitations.filter(accepted_at__isnull=True),
            "now": timezone.now(),
        },
    )


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation; POST accepts it (`services.accept_invitation` says for whom,
    and whether the link may sign anyone in)."""
    now = timezone.now()
    pending = services.invitation_for_token(token, now=now)
    outcome = None
    if request.method == "POST" and pending is not None:
        answer = services.accept_invitation(
            token=token, user=request.user, language=get_language(), now=now
        )
        outcome = answer.outcome
        if outcome == services.InvitationOutcome.SIGN_IN_FIRST:
            return redirect_to_login(request.path, login_url=reverse("accounts:sign_in"))
        if outcome in (services.InvitationOutcome.SIGNED_IN, services.InvitationOutcome.ACCEPTED):
            if outcome == services.InvitationOutcome.SIGNED_IN:
                login(request, answer.person, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("You now organize %(event)s.") % {"event": pending.event.title}
            )
            return redirect("dashboard:home")
        if outcome == services.InvitationOutcome.UNUSABLE:
            pending = None
    if outcome == services.InvitationOutcome.OTHER_PERSON:
        status = 403
    else:
        status = 200 if pending or outcome == services.InvitationOutcome.LINK_RESENT else 410
    return render(
        request,
        "campaigns/dashboard/invitation.html",
        {"invitation": pending, "outcome": outcome.value if outcome else ""},
        status=status,
    )


@login_required
def campaign(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_permitted_object(request.user, Action.EDIT, Campaign, slug=slug)
    overview = selectors.campaign_overview(campaign, now=timezone.now(), language=get_language())
    return render(request, "campaigns/dashboard/campaign.html", {"overview": overview})


@login_required
@require_POST
def campaign_export(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """POST, not GET: an export of organizers' addresses is an act that gets audited."""
    campaign = get_permitted_object(request.user, Action.EXPORT_EVENTS, Campaign, slug=slug)
    now = timezone.now()
    text = exports.export_events_csv(
        campaign=campaign, actor=request.user, now=now, site_url=settings.SITE_URL
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    filename = f"{campaign.slug}-events-{now:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def campaign_message(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_permitted_object(request.user, Action.MESSAGE_ORGANIZERS, Campaign, slug=slug)
    return write_to_many_page(
        request,
        about=campaign,
        send=lambda subject, body: services.message_organizers(
            campaign=campaign, actor=request.user, subject=subject, body=body, now=timezone.now()
        ),
        sent_text=lambda count: (
            ngettext(
                "Your message is on its way to %(count)d organizer.",
                "Your message is on its way to %(count)d organizers.",
                count,
            )
            % {"count": count}
        ),
        template="campaigns/dashboard/campaign_message.html",
        context={"campaign": campaign, "recipients": selectors.organizers_of(campaign)},
        back_to=reverse("dashboard:campaign_message", kwargs={"slug": campaign.slug}),
    )
