"""What a group's leads may do to it: the rule `accounts.permissions.can()` asks for a group.

Registered from `GroupsConfig.ready()`, so that `accounts` never imports these models.
"""

from django.utils.translation import gettext_lazy as _

from turnout.accounts.permissions import LEAD_ACTIONS, Action, register_rule
from turnout.accounts.roles import Role, RoleObject, register_role_object

from .models import Group


def is_lead(user, group: Group) -> bool:
    """A group's own leads, and the leads of the national group it belongs to."""
    if not user.is_authenticated:
        return False
    return Group.objects.filter(
        pk__in=[group.pk, group.parent_id] if group.parent_id else [group.pk], leads=user
    ).exists()


def group_rule(user, action: Action, group: object) -> bool:
    assert isinstance(group, Group)
    return action in LEAD_ACTIONS and is_lead(user, group)


def register() -> None:
    register_rule(Group, group_rule)
    register_role_object(
        Role.LEAD,
        RoleObject(
            model=Group,
            people_field="leads",
            form_field="group",
            label=_("Group"),
            choices=lambda: Group.objects.order_by("name"),
        ),
    )
