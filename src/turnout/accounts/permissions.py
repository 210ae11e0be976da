"""Who may do what to which object: the one permission check used by views, API and exports.

Roles are per object: the coordinators of a campaign, the organizers of an event, the leads
of a group (a national group's leads also look after its local groups). Site administrators
(superusers) may do everything.
"""

from enum import StrEnum

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.groups.models import Group


class Action(StrEnum):
    VIEW_ATTENDEES = "view_attendees"
    EXPORT_ATTENDEES = "export_attendees"
    MESSAGE_ATTENDEES = "message_attendees"
    MARK_ATTENDANCE = "mark_attendance"
    EDIT = "edit"
    APPROVE = "approve"
    DELETE = "delete"
    MESSAGE_ORGANIZERS = "message_organizers"
    EXPORT_EVENTS = "export_events"
    ADD_PRESS = "add_press"
    ADD_PHOTOS = "add_photos"
    APPROVE_MEDIA = "approve_media"


# What an event's own organizers may do to it; coordinators of its campaign may do all of it.
ORGANIZER_ACTIONS = frozenset(
    {
        Action.VIEW_ATTENDEES,
        Action.EXPORT_ATTENDEES,
        Action.MESSAGE_ATTENDEES,
        Action.MARK_ATTENDANCE,
        Action.EDIT,
        Action.ADD_PRESS,
        Action.ADD_PHOTOS,
    }
)

# What a group's leads may do to it: keep its page and channels current.
LEAD_ACTIONS = frozenset({Action.EDIT})


def is_coordinator(user, campaign: Campaign | None) -> bool:
    if campaign is None or not user.is_authenticated:
        return False
    return campaign.coordinators.filter(pk=user.pk).exists()


def is_organizer(user, event: LocalEvent) -> bool:
    if not user.is_authenticated:
        return False
    return event.organizers.filter(pk=user.pk).exists()


def is_lead(user, group: Group) -> bool:
    if not user.is_authenticated:
        return False
    return Group.objects.filter(
        pk__in=[group.pk, group.parent_id] if group.parent_id else [group.pk], leads=user
    ).exists()


def has_review_queue(user) -> bool:
    """Whether `user` reviews anything at all (press, photos): a coordinator or an administrator.

    Review pages ask this before they read a row, so that people without the role learn
    nothing, not even whether an id exists.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or Campaign.objects.filter(coordinators=user).exists()


def can(user, action: Action, obj: object) -> bool:
    """Whether `user` may perform `action` on `obj` (a campaign, a local event or a group)."""
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
    if isinstance(obj, Group):
        return action in LEAD_ACTIONS and is_lead(user, obj)
    return False
