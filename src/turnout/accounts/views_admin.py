"""Pages for site administrators: who holds which role, and the audit log."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from turnout.web.numbers import object_id

from . import audit, roles
from .forms import AuditFilterForm, RoleForm
from .models import User
from .requests import AuthenticatedHttpRequest

AUDIT_PAGE_SIZE = 50


def administrators_only(view):
    """Visitors are sent to sign in; people without the administrator role get 403."""

    @login_required
    @wraps(view)
    def guarded(request: AuthenticatedHttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@administrators_only
def role_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = roles.find_or_create_person(
            email=form.cleaned_data["email"], name=form.cleaned_data["name"]
        )
        granted = roles.grant_role(
            actor=request.user,
            person=person,
            role=form.cleaned_data["role"],
            obj=form.role_object(),
        )
        if granted:
            messages.success(request, _("%(person)s has the role now.") % {"person": person.email})
        else:
            messages.info(
                request, _("%(person)s already had this role.") % {"person": person.email}
            )
        return redirect("accounts:roles")
    return render(request, "accounts/roles.html", {"form": form, "holdings": roles.role_holdings()})


@administrators_only
@require_POST
def role_revoke(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = get_object_or_404(User, pk=object_id(request.POST.get("person", "")))
    role_value = request.POST.get("role", "")
    if role_value not in roles.Role.values:
        messages.error(request, _("Unknown role."))
        return redirect("accounts:roles")
    role = roles.Role(role_value)
    held_on = object_id(request.POST.get("object", ""))
    try:
        obj = None
        if role != roles.Role.ADMINISTRATOR:
            if held_on is None:
                raise ObjectDoesNotExist
            obj = roles.role_object(role, held_on)
        roles.revoke_role(actor=request.user, person=person, role=role, obj=obj)
    except roles.LastAdministratorError:
        messages.error(request, _("The last administrator cannot be removed."))
    except (ObjectDoesNotExist, LookupError):
        messages.error(request, _("That role no longer exists."))
    else:
        messages.success(
            request, _("The role was taken away from %(person)s.") % {"person": person.email}
        )
    return redirect("accounts:roles")


@administrators_only
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, actions=audit.recorded_actions())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit.audit_entries(
        action=filters.get("action", ""), person=filters.get("person", "")
    )
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit_log.html",
        {
            "form": form,
            "page": page,
            "rows": audit.shown_entries(page),
            "query": query.urlencode(),
        },
    )
