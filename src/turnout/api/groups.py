"""Groups are another app's; discovery uses them when that app is installed."""

from typing import TYPE_CHECKING

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from turnout.campaigns.models import LocalEvent

if TYPE_CHECKING:
    from turnout.groups.models import Group


def group_model() -> "type[Group] | None":
    """The Group model, or None while the groups app is not installed."""
    if not apps.is_installed("turnout.groups"):
        return None
    try:
        return apps.get_model("groups", "Group")
    except LookupError:
        return None


def events_have_groups() -> bool:
    try:
        LocalEvent._meta.get_field("group")
    except FieldDoesNotExist:
        return False
    return group_model() is not None
