"""Who may do what to which object: the one permission check used by views, API and exports.

Roles are per object: the coordinators of a campaign, the organizers of an event (and, once
groups exist, the leads of a group). Site administrators (superusers) may do everything.
"""

from enum import StrEnum

from turnout.campaigns.models import Campaign, LocalEvent


class Action(StrEnum):
    VIEW_ATTENDEES = "view_attendees"
    EXPORT_ATTENDEES = "export_attendees"
    MESSAGE_ATTENDEES = "message_attendees"
    MARK_ATTENDANCE = "mark_attendance"
    EDIT = "edit"
    APPROVE = "approve"
    DELETE = "delete"
    MESSAGE_ORGANIZERS = "message_organizers"


# What an event's own organizers may do to it; coordinators of its campaign may do all of it.
ORGANIZER_ACTIONS = frozenset(
    {
        Action.VIEW_ATTENDEES,
        Action.EXPORT_ATTENDEES,
        Action.MESSAGE_ATTENDEES,
        Action.MARK_ATTENDANCE,
        Action.EDIT,
    }
)


def is_coordinator(user, campaign: Campaign | None) -> bool:
    if campaign is None or not user.is_authenticated:
        return False
    return campaign.coordinators.filter(pk=user.pk).exists()


def is_organizer(user, event: LocalEvent) -> bool:
    if not user.is_authenticated:
        return False
    return event.organizers.filter(pk=user.pk).exists()


def can(user, action: Action, obj: object) -> bool:
    """Whether `user` may perform `action` on `obj` (a campaign or a local event)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if isinstance(obj, LocalEvent):
        if is_coordinator(user, obj.campaign):
            return True
        return action in ORGANIZER_ACTIONS and is_organizer(user, obj)
    if isinstance(obj, Campaign):
        return is_coordinator(user, obj)
    return False
