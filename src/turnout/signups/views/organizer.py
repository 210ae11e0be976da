"""The organizers' attendee pages: list, CSV export, message, attendance. Per-event rights."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import LocalEvent
from turnout.notifications.written_messages import deliveries
from turnout.web.numbers import object_id

from .. import selectors
from ..forms import AttendeeMessageForm
from ..models import Signup
from ..services import attendees as attendee_services


@login_required
def attendee_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.VIEW_ATTENDEES, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    state = request.GET.get("state", "")
    if state not in Signup.State.values:
        state = ""
    counts = selectors.count_signups_by_event([event.pk])[event.pk]
    return render(
        request,
        "signups/attendee_list.html",
        {
            "event": event,
            "signups": selectors.attendees(event, state=state or None),
            "state": state,
            "states": [(value, label, counts[value]) for value, label in Signup.State.choices],
            "total": sum(counts.values()),
            "places_left": selectors.places_left(event),
            "can_export": can(request.user, Action.EXPORT_ATTENDEES, event),
            "can_message": can(request.user, Action.MESSAGE_ATTENDEES, event),
            "can_mark": can(request.user, Action.MARK_ATTENDANCE, event)
            and event.starts_at <= timezone.now(),
        },
    )


@login_required
def attendee_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.EXPORT_ATTENDEES, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    content = attendee_services.export_attendees_csv(
        event=event, actor=request.user, now=timezone.now()
    )
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signups-event-{event.pk}.csv"'
    return response


@login_required
def attendee_message(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.MESSAGE_ATTENDEES, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    form = AttendeeMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            written = attendee_services.message_attendees(
                event=event,
                actor=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = written.copies.count()
            messages.success(
                request,
                ngettext(
                    "Your message is on its way to %(count)d attendee.",
                    "Your message is on its way to %(count)d attendees.",
                    count,
                )
                % {"count": count},
            )
            # Back to this page, where each message sent shows how far it got.
            return redirect("signups:attendee_message", pk=event.pk)
    recipients = selectors.confirmed_attendees(event).count()
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "signups/attendee_message.html",
        {
            "event": event,
            "form": form,
            "recipients": recipients,
            "deliveries": deliveries(about=event),
        },
        status=status,
    )


@login_required
def attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_permitted_object(
        request.user, Action.MARK_ATTENDANCE, LocalEvent.objects.select_related("campaign"), pk=pk
    )
    now = timezone.now()
    if request.method == "POST":
        ids = (object_id(value) for value in request.POST.getlist("attended"))
        attended_ids = {pk for pk in ids if pk is not None}  # no row has another id
        try:
            count = attendee_services.mark_attendance(
                event=event, actor=request.user, attended_ids=attended_ids, now=now
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d person marked as attended.",
                    "%(count)d people marked as attended.",
                    count,
                )
                % {"count": count},
            )
            return redirect("signups:attendee_list", pk=event.pk)
    return render(
        request,
        "signups/attendance.html",
        {
            "event": event,
            "signups": selectors.confirmed_attendees(event),
            "has_started": event.starts_at <= now,
        },
    )
