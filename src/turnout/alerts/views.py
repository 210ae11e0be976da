"""A signed-in person's alert choices, and the one-click page behind every alert's link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from turnout.accounts.requests import AuthenticatedHttpRequest
from turnout.web.numbers import object_id

from . import preferences, selectors
from .forms import FrequencyForm
from .models import AlertKind, AlertPreference, Frequency


def _form(preference: AlertPreference, data=None) -> FrequencyForm:
    return FrequencyForm(
        data,
        kind=preference.kind,
        initial_frequency=preference.effective_frequency,
        prefix=f"{preference.kind}-{preference.campaign_id or 0}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def alert_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if kind not in AlertKind.values:
            raise Http404
        campaign = None
        if kind == AlertKind.PROPOSALS:
            # Only a campaign this person coordinates; any other id is not found.
            campaign_id = object_id(request.POST.get("campaign", ""))
            if campaign_id is None:
                raise Http404
            campaign = get_object_or_404(selectors.coordinated_campaigns(user), pk=campaign_id)
        form = _form(preferences.preference_of(user, kind=kind, campaign=campaign), request.POST)
        if form.is_valid():
            preferences.choose_frequency(
                user=user, kind=kind, campaign=campaign, frequency=form.cleaned_data["frequency"]
            )
            messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Choose one of the options."))
        return redirect("alerts:settings")
    campaigns = [
        (campaign, preference, _form(preference))
        for campaign, preference in selectors.campaign_choices(user)
    ]
    events = list(selectors.organized_events(user, now=timezone.now()))
    organizer_forms = [
        (preference, _form(preference)) for preference in selectors.organizer_choices(user)
    ]
    return render(
        request,
        "alerts/settings.html",
        {"campaigns": campaigns, "events": events, "organizer_forms": organizer_forms},
    )


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every alert. Looking changes nothing (mail scanners open links); stopping
    or changing takes a click on a button, no sign-in."""
    preference = get_object_or_404(
        AlertPreference.objects.select_related("campaign", "user"), token=token
    )
    form = _form(preference)
    if request.method == "POST":
        frequency: str
        if "stop" in request.POST:
            frequency = Frequency.OFF
        else:
            form = _form(preference, request.POST)
            frequency = form.cleaned_data["frequency"] if form.is_valid() else ""
        if frequency:  # the form offers only what the kind allows
            preferences.choose_by_token(token=token, frequency=frequency)
            if frequency == Frequency.OFF:
                messages.success(request, _("Stopped. You will not get these emails any more."))
            else:
                messages.success(request, _("Saved."))
            return redirect("alerts:manage", token=token)
    return render(request, "alerts/manage.html", {"preference": preference, "form": form})


# The mail program's "Unsubscribe" button (List-Unsubscribe-Post, RFC 8058) posts here from
# its own servers, with no cookie and no CSRF token: the secret token in the URL is the proof.
# Only that exact POST stops anything; a scanner following the link with GET changes nothing.
@csrf_exempt
@require_POST
def one_click_stop(request: HttpRequest, token: str) -> HttpResponse:
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return redirect("alerts:manage", token=token)
    try:
        preferences.choose_by_token(token=token, frequency=Frequency.OFF)
    except AlertPreference.DoesNotExist:
        raise Http404 from None
    return HttpResponse(
        _("Stopped. You will not get these emails any more."),
        content_type="text/plain; charset=utf-8",
    )
