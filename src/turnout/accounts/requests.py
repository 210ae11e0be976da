"""What views behind `login_required` need: the signed-in request type, and the object the
person asks to act on, found (or 404) and allowed (or 403) in one step."""

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import User
from .permissions import Action, can

M = TypeVar("M", bound=Model)


class AuthenticatedHttpRequest(HttpRequest):
    """Only a type: annotate such views with it so `request.user` reads as a `User`.

    Django never builds one; `login_required` is what makes the annotation true.
    """

    user: User


def get_permitted_object(
    user: User, action: Action, queryset: type[M] | QuerySet[M], **lookup: object
) -> M:
    """The object `lookup` finds in `queryset` (Http404 if none), if `user` may do `action`
    to it (PermissionDenied if not), as `can(user, action, obj)` decides."""
    obj = get_object_or_404(queryset, **lookup)
    if not can(user, action, obj):
        raise PermissionDenied
    return obj
