"""Pages of recurring meet-ups: a group's series, one series with its dates, and the edits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.groups.models import Group

from . import selectors, services
from .forms import OccurrenceForm, SeriesForm, series_initial
from .models import MeetupSeries, SeriesOccurrence
from .recurrence import describe


def _managed_occurrence(request: AuthenticatedHttpRequest, pk: int, occurrence_pk: int):
    occurrence = get_object_or_404(
        SeriesOccurrence.objects.select_related("series__group", "event"),
        pk=occurrence_pk,
        series_id=pk,
    )
    if not can(request.user, Action.EDIT, occurrence.series.group):
        raise PermissionDenied
    return occurrence


def group_series(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(Group, slug=slug)
    language = get_language()
    series = [
        (item, describe(item.rrule, item.zone, language)) for item in selectors.group_series(group)
    ]
    return render(
        request,
        "meetups/group_series.html",
        {"group": group, "series_list": series, "can_edit": can(request.user, Action.EDIT, group)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = get_permitted_object(request.user, Action.EDIT, Group, slug=slug)
    now = timezone.now()
    initial = {"city": group.city, "country": group.country}
    form = SeriesForm(request.POST or None, initial=initial, today=now.date())
    if request.method == "POST" and form.is_valid():
        try:
            series = services.create_series(
                group=group, created_by=request.user, values=form.values(), now=now
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The recurring meet-up is saved, with its dates."))
            return redirect(series.get_absolute_url())
    return render(request, "meetups/series_form.html", {"group": group, "form": form})


def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_object_or_404(MeetupSeries.objects.select_related("group"), pk=pk)
    dates = selectors.coming_dates(series, now=timezone.now())
    return render(
        request,
        "meetups/series_detail.html",
        {
            "series": series,
            "rule_text": describe(series.rrule, series.zone, get_language()),
            "dates": dates,
            # Editing the series is editing its next date and the following ones.
            "next_date": next((o for o in dates if not o.event.is_cancelled), None),
            "continuation": selectors.continuation(series),
            "can_edit": can(request.user, Action.EDIT, series.group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_edit(request: AuthenticatedHttpRequest, pk: int, occurrence_pk: int) -> HttpResponse:
    """Only this date."""
    occurrence = _managed_occurrence(request, pk, occurrence_pk)
    now = timezone.now()
    form = OccurrenceForm(request.POST or None, event=occurrence.event, today=now.date())
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_occurrence(occurrence=occurrence, values=form.values(), now=now)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("This date is changed; its participants are told."))
            return redirect(occurrence.series.get_absolute_url())
    return render(request, "meetups/occurrence_form.html", {"occurrence": occurrence, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_following(
    request: AuthenticatedHttpRequest, pk: int, occurrence_pk: int
) -> HttpResponse:
    """This date and the following ones."""
    occurrence = _managed_occurrence(request, pk, occurrence_pk)
    series = occurrence.series
    now = timezone.now()
    first = occurrence.local_recurrence_id.date()
    form = SeriesForm(
        request.POST or None, initial=series_initial(series, first=first), today=now.date()
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = services.split_series(
                occurrence=occurrence, values=form.values(), created_by=request.user, now=now
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("This date and the following ones are changed."))
            return redirect(new.get_absolute_url())
    return render(
        request,
        "meetups/series_form.html",
        {"group": series.group, "form": form, "series": series, "occurrence": occurrence},
    )


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_cancel(
    request: AuthenticatedHttpRequest, pk: int, occurrence_pk: int
) -> HttpResponse:
    occurrence = _managed_occurrence(request, pk, occurrence_pk)
    if request.method == "POST":
        services.cancel_occurrence(occurrence=occurrence, now=timezone.now())
        messages.success(request, _("This date is cancelled; its participants are told."))
        return redirect(occurrence.series.get_absolute_url())
    return render(request, "meetups/occurrence_cancel.html", {"occurrence": occurrence})
