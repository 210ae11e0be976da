"""The door: an event's check-in page and its actions, for the event's organizers and the
campaign's coordinators (`can(user, MARK_ATTENDANCE, event)`); everyone else gets 403."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from turnout.accounts.permissions import Action
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import format_clock
from turnout.signups.models import Signup

from . import selectors, services
from .codes import display_code, normalize_code
from .forms import CodeForm, SearchForm, SheetUploadForm, WalkInForm
from .sheet_csv import SheetError, read_sheet
from .sheet_pdf import render_sign_in_sheet

# The door page may use the camera to scan codes (the site's policy switches it off elsewhere).
DOOR_PERMISSIONS_POLICY = (
    "geolocation=(), camera=(self), microphone=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)


def _event(request: AuthenticatedHttpRequest, pk: int) -> LocalEvent:
    return get_permitted_object(
        request.user, Action.MARK_ATTENDANCE, LocalEvent.objects.select_related("campaign"), pk=pk
    )


def _back_to_door(event: LocalEvent, query: str = "", anchor: str = "") -> HttpResponseRedirect:
    url = reverse("checkin:door", kwargs={"pk": event.pk})
    if query:
        url += "?" + urlencode({"q": query})
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""), status=303)


def _arrival_message(request, event: LocalEvent, arrival: services.Arrival) -> None:
    name = arrival.signup.name or _("(no name)")
    if arrival.is_new:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})
    else:
        attended_at = arrival.signup.attended_at or timezone.now()
        messages.info(
            request,
            _("%(name)s was already checked in at %(time)s.")
            % {"name": name, "time": format_clock(attended_at.astimezone(event.zone))},
        )


def _door_context(event: LocalEvent, *, query: str, now) -> dict:
    people = selectors.search_people(event, query) if query else selectors.people_at_the_door(event)
    shown = list(people[: selectors.LIST_LIMIT + 1])
    return {
        "event": event,
        "counts": selectors.door_counts(event),
        "search_form": SearchForm(initial={"q": query}),
        "query": query,
        "people": shown[: selectors.LIST_LIMIT],
        "more_people": len(shown) > selectors.LIST_LIMIT,
        "code_form": CodeForm(),
        "walk_in_form": WalkInForm(),
        "doors_open": services.doors_are_open(event, now=now),
        "State": Signup.State,
    }


@login_required
@require_GET
def door(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context = _door_context(event, query=query, now=timezone.now())
    response = render(request, "checkin/door.html", context)
    response["Permissions-Policy"] = DOOR_PERMISSIONS_POLICY
    return response


@login_required
@require_GET
def counts(request: AuthenticatedHttpRequest, pk: int) -> JsonResponse:
    """Arrived and expected, for the door page to refresh itself every few seconds."""
    door_counts = selectors.door_counts(_event(request, pk))
    response = JsonResponse(
        {
            "arrived": door_counts.arrived,
            "expected": door_counts.expected,
            "walk_ins": door_counts.walk_ins,
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def check_in(request: AuthenticatedHttpRequest, pk: int, signup_pk: int) -> HttpResponse:
    event = _event(request, pk)
    try:
        arrival = services.check_in(
            event=event, signup_id=signup_pk, by=request.user, now=timezone.now()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _arrival_message(request, event, arrival)
    return _back_to_door(event, _query(request), f"person-{signup_pk}")


@login_required
@require_POST
def undo(request: AuthenticatedHttpRequest, pk: int, signup_pk: int) -> HttpResponse:
    event = _event(request, pk)
    try:
        signup = services.undo_check_in(
            event=event, signup_id=signup_pk, by=request.user, now=timezone.now()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(request, _("%(name)s is no longer checked in.") % {"name": signup.name})
    return _back_to_door(event, _query(request), f"person-{signup_pk}")


def _query(request) -> str:
    search = SearchForm({"q": request.POST.get("q", "")})
    return search.cleaned_data["q"] if search.is_valid() else ""


@login_required
@require_POST
def check_in_by_code(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A code typed at the door, or scanned (the page's script submits this same form)."""
    event = _event(request, pk)
    form = CodeForm(request.POST)
    code = normalize_code(form.cleaned_data["code"]) if form.is_valid() else ""
    found = selectors.find_by_code(event, code)
    if not code:
        messages.error(request, _("Type the code from the person's email or signup page."))
    elif not found:
        messages.error(
            request,
            _(
                "No one at this event has the code %(code)s. "
                "Check the letters, or find them by name."
            )
            % {"code": code},
        )
    elif len(found) > 1:
        messages.error(
            request, _("This code belongs to more than one person: find them by name instead.")
        )
    else:
        try:
            arrival = services.check_in(
                event=event, signup_id=found[0].pk, by=request.user, now=timezone.now()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            _arrival_message(request, event, arrival)
            # The person just checked in, with their Undo button, in case of a wrong code.
            return _back_to_door(event, arrival.signup.name, f"person-{arrival.signup.pk}")
    return _back_to_door(event)


@login_required
@require_GET
def code_landing(request: AuthenticatedHttpRequest, pk: int, code: str) -> HttpResponse:
    """Where a QR code leads when scanned with the phone's own camera app: one button."""
    event = _event(request, pk)
    code = normalize_code(code)
    found = selectors.find_by_code(event, code)
    return render(
        request,
        "checkin/code.html",
        {
            "event": event,
            "code": code,
            "shown_code": display_code(code) if code else "",
            "person": found[0] if len(found) == 1 else None,
            "ambiguous": len(found) > 1,
            "State": Signup.State,
            "doors_open": services.doors_are_open(event, now=timezone.now()),
        },
    )


@login_required
def walk_in(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            arrival = services.add_walk_in(
                event=event,
                walk_in=services.WalkIn(
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    may_contact=form.cleaned_data["may_contact"],
                    form_key=form.cleaned_data["form_key"],
                ),
                by=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if arrival.signup.source == Signup.Source.WALK_IN and arrival.is_new:
                messages.success(
                    request, _("%(name)s is added and checked in.") % {"name": arrival.signup.name}
                )
            else:
                _arrival_message(request, event, arrival)
            return _back_to_door(event, arrival.signup.name, f"person-{arrival.signup.pk}")
    status = 400 if request.method == "POST" else 200
    return render(request, "checkin/walk_in.html", {"event": event, "form": form}, status=status)


@login_required
@require_GET
def sign_in_sheet(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    people = [
        signup
        for signup in selectors.people_at_the_door(event)
        if signup.source != Signup.Source.WALK_IN
    ]
    response = HttpResponse(render_sign_in_sheet(event, people), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sign-in-sheet-{event.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def upload_sheet(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_sheet(form.cleaned_data["sheet"].read())
            result = services.import_sign_in_sheet(
                event=event, rows=rows, by=request.user, now=timezone.now()
            )
        except SheetError as error:
            errors = error.messages
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                _(
                    "Sheet read: %(checked_in)d checked in, %(walk_ins)d walk-ins added, "
                    "%(already)d were already checked in."
                )
                % {
                    "checked_in": result.checked_in,
                    "walk_ins": result.walk_ins,
                    "already": result.already,
                },
            )
            return _back_to_door(event)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "checkin/upload.html",
        {"event": event, "form": form, "errors": errors},
        status=status,
    )
