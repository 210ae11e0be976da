"""The participant's pages: the signup form's answer, the private manage link, the invite."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from turnout.campaigns.models import LocalEvent
from turnout.web import rate_limits
from turnout.web.inboxes import inbox_key
from turnout.web.rate_limits import Limit

from .. import abuse, selectors
from ..forms import SignupForm
from ..invites import invite_ics
from ..models import Signup
from ..services import registration


def _public_event_for_signup(pk: int) -> LocalEvent:
    """The event by primary key alone, with its campaign's status; 404 unless public.

    `LocalEvent.objects.public()` would ask the same with an OR across a join, for a row
    the primary key already finds; `is_public_with` is the same rule, checked here. Only the
    columns signing up reads: the form composes no email (owed_letters.py), and a refused
    form loads the whole event for its page."""
    found = selectors.event_for_signup(pk)
    if found is None or not found[0].is_public_with(found[1]):
        raise Http404
    return found[0]


def _event_page(request: HttpRequest, event, form: SignupForm, *, status: int) -> HttpResponse:
    # The page shows every column: load them all (only refused forms come here).
    event = get_object_or_404(LocalEvent.objects.public(), pk=event.pk)
    data = QueryDict(mutable=True)
    data.update(form.data)
    data["stamp"] = abuse.issue_form_stamp(now=timezone.now())
    form.data = data
    return render(
        request, "campaigns/event_detail.html", {"event": event, "signup_form": form}, status=status
    )


@require_POST
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    """Take the form from the event page; on any problem show the page again with the reason."""
    event = _public_event_for_signup(pk)
    now = timezone.now()
    form = SignupForm(request.POST)
    if form.is_honeypot_filled():
        # Answer a bot as if it had succeeded, so it learns nothing.
        return redirect("signups:check_inbox", pk=event.pk)
    try:
        abuse.check_form_stamp(request.POST.get("stamp", ""), now=now)
    except abuse.FormTooQuick:
        form.add_error(None, gettext("That was quick! Please check the form and send it again."))
        return _event_page(request, event, form, status=400)
    except abuse.FormStale:
        form.add_error(None, gettext("This form has expired. Please send it again."))
        return _event_page(request, event, form, status=400)
    if not form.is_valid():
        return _event_page(request, event, form, status=400)

    # Checked first: nothing that only reads waits among the writes.
    new: Signup | None = None
    refused: ValidationError | None = None
    try:
        new = registration.new_signup(
            event=event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            language=get_language(),
            accepted_code_of_conduct=form.cleaned_data["accepted_code_of_conduct"],
            wants_updates=form.cleaned_data["wants_updates"],
            via=form.cleaned_data["via"],
            now=now,
        )
    except ValidationError as error:
        refused = error  # nothing written; the attempt still counts
    # The attempt is counted first, on its own: one statement that commits at once, so the
    # counter rows (one per client address, shared by every request from it) are locked for
    # that statement only. A request over a limit writes nothing else; a refused one (closed
    # event, code of conduct) still counts.
    limited = rate_limits.hit(
        Limit("signup-ip", rate_limits.client_subscriber(request), settings.SIGNUP_RATE_PER_IP),
        Limit(
            "signup-email",
            inbox_key(form.cleaned_data["email"]),
            settings.SIGNUP_RATE_PER_EMAIL,
        ),
        now=now,
    )
    if limited:
        form.add_error(
            None,
            gettext("Too many signups in a short time. Please try again in %(minutes)d minutes.")
            % {"minutes": limited.minutes},
        )
        response = _event_page(request, event, form, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    if new is None:
        for message in refused.messages if refused else ():
            form.add_error(None, message)
        return _event_page(request, event, form, status=400)
    registration.record_signup(new, now=now)
    # The same answer for a new and a repeated signup: the page must not reveal who signed up.
    # The email to the address says which it was.
    return redirect("signups:check_inbox", pk=event.pk)


def check_inbox(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(LocalEvent.objects.public(), pk=pk)
    return render(request, "signups/check_inbox.html", {"event": event})


def _signup_or_404(token: str) -> Signup:
    try:
        return selectors.signup_by_token(token)
    except Signup.DoesNotExist:
        raise Http404 from None


def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The private page behind the link in every email: details, invite, confirm, cancel."""
    signup = _signup_or_404(token)
    now = timezone.now()
    return render(
        request,
        "signups/manage.html",
        {
            "signup": signup,
            "event": signup.event,
            "can_confirm": signup.state == Signup.State.AWAITING_CONFIRMATION
            and signup.event.takes_signups_here(now=now),
            "can_cancel": registration.can_cancel(signup, now=now),
            "State": Signup.State,
        },
    )


@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        signup = registration.confirm_signup(token=token, now=timezone.now())
    except Signup.DoesNotExist:
        raise Http404 from None
    except registration.SignupClosed as error:
        messages.error(request, " ".join(error.messages))
        return redirect("signups:manage", token=token)
    if signup.state == Signup.State.CONFIRMED:
        messages.success(request, gettext("You're in! We've emailed you the calendar invite."))
    elif signup.state == Signup.State.WAITLISTED:
        messages.info(
            request,
            gettext(
                "The event is full, so you are on the waitlist. "
                "We'll email you if a place opens up."
            ),
        )
    return redirect("signups:manage", token=token)


@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    _signup_or_404(token)
    try:
        registration.cancel_signup(token=token, now=timezone.now())
    except registration.CancellingClosed as error:
        messages.error(request, " ".join(error.messages))
        return redirect("signups:manage", token=token)
    messages.success(request, gettext("Your signup is cancelled. Thank you for letting us know."))
    return redirect("signups:manage", token=token)


def invite(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar file again, for people who lost the email or use another device."""
    signup = _signup_or_404(token)
    if not signup.holds_place:
        raise Http404
    response = HttpResponse(
        invite_ics(signup, now=timezone.now(), method="PUBLISH"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="invite.ics"'
    return response
