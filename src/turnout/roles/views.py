"""Role pages: the organizers' page of an event's roles, and the participant's answers from
their manage page (volunteer, accept, step down)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.web import rate_limits
from turnout.web.numbers import object_id
from turnout.web.rate_limits import Limit

from . import selectors, services
from .forms import AskForm, RoleChangeForm, RoleForm
from .models import EventRole

EVENTS = LocalEvent.objects.select_related("campaign")


def _page(
    request: AuthenticatedHttpRequest,
    event: LocalEvent,
    *,
    add_form=None,
    ask_form=None,
    status: int = 200,
) -> HttpResponse:
    coverage = selectors.role_coverage(event)
    attendees = selectors.assignable_attendees(event)
    can_change = can(request.user, Action.EDIT, event)
    return render(
        request,
        "roles/event_roles.html",
        {
            "event": event,
            "coverage": coverage,
            "holders": selectors.role_holders(event),
            "can_change": can_change,
            "add_form": add_form or RoleForm(initial={"capacity": 2}),
            "ask_form": ask_form or _ask_form(event),
            "can_ask": can_change
            and any(not line.is_full for line in coverage)
            and attendees.exists(),
        },
        status=status,
    )


def _ask_form(event: LocalEvent, data=None) -> AskForm:
    """Whom to ask for which role: roles with a free place, attendees without a role."""
    open_ids = [line.role.pk for line in selectors.open_roles(event)]
    return AskForm(
        data,
        roles=EventRole.objects.filter(pk__in=open_ids).order_by("created_at", "id"),
        attendees=selectors.assignable_attendees(event),
    )


@login_required
def event_roles(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The event's roles with their coverage ("Marshal: 2 of 4"), who holds them, and forms."""
    event = get_permitted_object(request.user, Action.VIEW_ATTENDEES, EVENTS, pk=pk)
    return _page(request, event)


@login_required
@require_POST
def add_role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(request.user, Action.EDIT, EVENTS, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            role = services.add_role(event=event, now=timezone.now(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Role added: %(role)s.") % {"role": role.name})
            return redirect("roles:event_roles", pk=event.pk)
    return _page(request, event, add_form=form, status=400)


def _permitted_role(request: AuthenticatedHttpRequest, pk: int, role_pk: int) -> EventRole:
    event = get_permitted_object(request.user, Action.EDIT, EVENTS, pk=pk)
    return get_object_or_404(EventRole.objects.select_related("event"), pk=role_pk, event=event)


@login_required
def change_role(request: AuthenticatedHttpRequest, pk: int, role_pk: int) -> HttpResponse:
    role = _permitted_role(request, pk, role_pk)
    initial = {
        "custom_name": role.custom_name,
        "capacity": role.capacity,
        "briefing": role.briefing,
        "is_required": role.is_required,
    }
    form = RoleChangeForm(request.POST or None, initial=initial)
    if role.kind != EventRole.Kind.OTHER:
        del form.fields["custom_name"]
    if request.method == "POST" and form.is_valid():
        try:
            services.change_role(role=role, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("roles:event_roles", pk=role.event_id)
    return render(
        request,
        "roles/role_change.html",
        {"event": role.event, "role": role, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def remove_role(request: AuthenticatedHttpRequest, pk: int, role_pk: int) -> HttpResponse:
    role = _permitted_role(request, pk, role_pk)
    services.remove_role(role=role, now=timezone.now())
    messages.success(request, _("Role removed: %(role)s.") % {"role": role.name})
    return redirect("roles:event_roles", pk=role.event_id)


@login_required
@require_POST
def ask_attendee(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(request.user, Action.EDIT, EVENTS, pk=pk)
    form = _ask_form(event, request.POST)
    if form.is_valid() and (limited := _ask_limited(form.cleaned_data["signup"])):
        form.add_error(
            None,
            _("Too many role requests to this person in a short time. Please try again in "
              "%(minutes)d minutes.") % {"minutes": limited.minutes},
        )  # fmt: skip
    if form.is_valid():
        try:
            assignment = services.ask_attendee(
                role=form.cleaned_data["role"],
                signup_id=form.cleaned_data["signup"].pk,
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("We've asked %(name)s by email to take the role “%(role)s”.")
                % {"name": assignment.signup.name, "role": assignment.role.name},
            )
            return redirect("roles:event_roles", pk=event.pk)
    return _page(request, event, ask_form=form, status=400)


@login_required
@require_POST
def remove_from_role(
    request: AuthenticatedHttpRequest, pk: int, assignment_pk: int
) -> HttpResponse:
    event = get_permitted_object(request.user, Action.EDIT, EVENTS, pk=pk)
    if not services.remove_from_role(event=event, assignment_id=assignment_pk, now=timezone.now()):
        raise Http404
    messages.success(
        request,
        _("Removed from the role. They keep their place at the event and are told by email."),
    )
    return redirect("roles:event_roles", pk=event.pk)


# Asking sends the attendee an email, and removing them from the role another: an organizer
# asking and removing in a loop would mail-bomb one attendee from the site's address, as the
# participant's own loop would (VOLUNTEERING_PER_HOUR). A few asks an hour are plenty.
ASKS_PER_HOUR_TO_ONE_ATTENDEE = 4


def _ask_limited(signup: Signup) -> rate_limits.Limited | None:
    return rate_limits.hit(
        Limit("role-ask", str(signup.pk), ASKS_PER_HOUR_TO_ONE_ATTENDEE), now=timezone.now()
    )


# The participant's answers, from the forms on their manage page (signups' sections carry the
# page's CSRF token); the secret token in the URL is what says who they are.
def _signup_or_404(token: str) -> Signup:
    signup = Signup.objects.filter(token=token).first() if token else None
    if signup is None:
        raise Http404
    return signup


# Volunteering sends the role's briefing by email: taking and leaving a role in a loop would
# send one each time, to the participant's address from the site's. A person changes their mind
# a few times; more within the hour is refused, with the reason.
VOLUNTEERING_PER_HOUR = 6


@require_POST
def volunteer(request: HttpRequest, token: str) -> HttpResponse:
    signup = _signup_or_404(token)
    limited = rate_limits.hit(
        Limit("role-volunteer", str(signup.pk), VOLUNTEERING_PER_HOUR), now=timezone.now()
    )
    if limited:
        messages.error(
            request,
            _("Too many role changes in a short time. Please try again in %(minutes)d minutes.")
            % {"minutes": limited.minutes},
        )
        return redirect("signups:manage", token=token)
    role_id = object_id(request.POST.get("role", ""))
    if (
        role_id is None
        or not EventRole.objects.filter(pk=role_id, event_id=signup.event_id).exists()
    ):
        messages.error(request, _("This role is no longer offered."))
        return redirect("signups:manage", token=token)
    try:
        assignment = services.volunteer(token=token, role_id=role_id, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Thank you! Your role: %(role)s. Your briefing is below and on its way by email.")
            % {"role": assignment.role.name},
        )
    return redirect("signups:manage", token=token)


@require_POST
def accept(request: HttpRequest, token: str) -> HttpResponse:
    _signup_or_404(token)
    assignment = services.accept_role(token=token, now=timezone.now())
    if assignment is not None:
        messages.success(
            request, _("Thank you! Your role: %(role)s.") % {"role": assignment.role.name}
        )
    return redirect("signups:manage", token=token)


@require_POST
def step_down(request: HttpRequest, token: str) -> HttpResponse:
    _signup_or_404(token)
    if services.step_down(token=token):
        messages.success(request, _("You have left the role. You keep your place at the event."))
    return redirect("signups:manage", token=token)
