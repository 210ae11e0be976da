"""The organizers' attendee pages: list, CSV export, message, attendance. Per-event rights.

Back-office pages over signups: the rules they call stay in `signups.services.attendees` and
`signups.selectors`; the URL names (`signups:attendee_list`, ...) and template names
(`signups/attendee_list.html`, ...) stay those of signups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import LocalEvent
from turnout.notifications.written_message_views import write_to_many_page
from turnout.signups import selectors
from turnout.signups.models import Signup
from turnout.signups.services import attendees as attendee_services
from turnout.web.numbers import object_id


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
    return write_to_many_page(
        request,
        about=event,
        send=lambda subject, body: attendee_services.message_attendees(
            event=event, actor=request.user, subject=subject, body=body, now=timezone.now()
        ),
        sent_text=lambda count: (
            ngettext(
                "Your message is on its way to %(count)d attendee.",
                "Your message is on its way to %(count)d attendees.",
                count,
            )
            % {"count": count}
        ),
        template="signups/attendee_message.html",
        context={"event": event, "recipients": selectors.messageable_attendees(event).count()},
        back_to=reverse("signups:attendee_message", kwargs={"pk": event.pk}),
        body_help_text=_(
            "Plain text. Every confirmed attendee receives it by email, except walk-ins who"
            " asked not to be contacted."
        ),
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
            "State": Signup.State,
        },
    )
