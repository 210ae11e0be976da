"""Group pages: the directory by country, one group's page, and its leads' edit page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object

from . import selectors, services
from .forms import ChannelFormSet, GroupPageForm, channel_initial
from .models import Group


def group_directory(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "groups/group_directory.html",
        {"countries": selectors.groups_by_country(language=get_language())},
    )


def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(selectors.groups_with_channels().select_related("parent"), slug=slug)
    return render(
        request,
        "groups/group_detail.html",
        {
            "group": group,
            "events": selectors.group_events(group, now=timezone.now()),
            "local_groups": group.local_groups.order_by("city", "name"),
            "can_edit": can(request.user, Action.EDIT, group),
        },
    )


@login_required
def group_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = get_permitted_object(request.user, Action.EDIT, Group, slug=slug)
    form = GroupPageForm(request.POST or None, instance=group)
    channels = ChannelFormSet(
        request.POST or None, initial=None if request.POST else channel_initial(group),
        prefix="channels",
    )  # fmt: skip
    if request.method == "POST" and form.is_valid() and channels.is_valid():
        try:
            services.update_group_page(
                group=group,
                name=form.cleaned_data["name"],
                city=form.cleaned_data["city"],
                description=form.cleaned_data["description"],
                is_active=form.cleaned_data["is_active"],
                channels=[entry for f in channels.forms if (entry := f.entry())],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group page is up to date."))
            return redirect(group.get_absolute_url())
    return render(
        request, "groups/group_edit.html", {"group": group, "form": form, "channels": channels}
    )
