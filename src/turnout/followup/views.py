"""The survey behind the follow-up's links: a GET shows it, only a POST saves."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from turnout.accounts.permissions import Action, can
from turnout.campaigns.models import LocalEvent
from turnout.geo.next_actions import next_actions_near
from turnout.signups.models import Signup

from . import selectors, services
from .forms import SurveyForm, rating_from_link


def _signup_or_404(token: str) -> Signup:
    try:
        return selectors.signup_for_survey(token)
    except Signup.DoesNotExist:
        raise Http404 from None


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    """The two questions; a link from the email arrives with `?how=` chosen. Link scanners
    open every link in an email, so a GET never writes."""
    signup = _signup_or_404(token)
    answer = selectors.answer_of(signup)
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if form.is_valid():
            services.answer_survey(signup=signup, now=timezone.now(), **form.cleaned_data)
            return redirect("followup:thanks", token=token)
        status = 400
    else:
        initial = (
            {
                "how_was_it": answer.how_was_it,
                "would_come_again": answer.would_come_again,
                "comment": answer.comment,
            }
            if answer
            else {}
        )
        if (chosen := rating_from_link(request.GET.get("how"))) is not None:
            initial["how_was_it"] = chosen
        form = SurveyForm(initial=initial)
    return render(
        request,
        "followup/survey.html",
        {"signup": signup, "event": signup.event, "form": form, "answered": answer is not None},
        status=status,
    )


@never_cache
@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    signup = _signup_or_404(token)
    return render(
        request,
        "followup/thanks.html",
        {
            "signup": signup,
            "event": signup.event,
            "answer": selectors.answer_of(signup),
            "next_actions": next_actions_near(
                signup.event, now=timezone.now(), language=get_language()
            ),
        },
    )


@login_required
@require_GET
def event_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """An event's survey answers, comments included: its organizers and coordinators only."""
    event = get_object_or_404(LocalEvent.objects.select_related("campaign"), pk=pk)
    if not can(request.user, Action.VIEW_ATTENDEES, event):
        raise Http404  # nobody else learns even whether the event had answers
    return render(
        request,
        "followup/event_answers.html",
        {"event": event, "survey": selectors.event_survey(event)},
    )
