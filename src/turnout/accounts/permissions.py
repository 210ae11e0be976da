"""Who may do what to which object: the one permission check used by views, API and exports.

Roles are per object: the coordinators of a campaign, the organizers of an event, the leads
of a group (a national group's leads also look after its local groups). Site administrators
(superusers) may do everything.

`accounts` sits below the apps whose objects it judges, so it holds the entry point (`can()`)
and a registry; each app registers the rule for its own models from its `rules` module,
loaded in its `AppConfig.ready()` (as Django's admin registry is filled), never the reverse.
"""

from collections.abc import Callable
from enum import StrEnum


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
    # Showing an event to people far beyond its town (a national march): the campaign's call,
    # since it puts the event before everyone else's nearby ones.
    PROMOTE = "promote"


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

# A rule answers for one model, for an active, signed-in user who is not an administrator
# (can() has settled those cases before it asks).
Rule = Callable[[object, Action, object], bool]
ReviewerCheck = Callable[[object], bool]

_rules: dict[type, Rule] = {}
_reviewer_checks: list[ReviewerCheck] = []


def register_rule(model: type, rule: Rule) -> None:
    """Let `rule(user, action, obj)` decide for objects of `model`; one rule per model."""
    existing = _rules.get(model)
    if existing is not None and existing is not rule:
        raise ValueError(f"a permission rule for {model.__name__} is already registered")
    _rules[model] = rule


def register_reviewer_check(check: ReviewerCheck) -> None:
    """Add `check(user)`: whether `user` holds a role that gives them something to review."""
    if check not in _reviewer_checks:
        _reviewer_checks.append(check)


def _is_active_person(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def has_review_queue(user) -> bool:
    """Whether `user` reviews anything at all (press, photos): a coordinator or an administrator.

    Review pages ask this before they read a row, so that people without the role learn
    nothing, not even whether an id exists.
    """
    if not _is_active_person(user):
        return False
    return user.is_superuser or any(check(user) for check in _reviewer_checks)


def can(user, action: Action, obj: object) -> bool:
    """Whether `user` may perform `action` on `obj` (a campaign, a local event or a group).

    An object no app has registered a rule for is refused to everyone but administrators.
    """
    if not _is_active_person(user):
        return False
    if user.is_superuser:
        return True
    for model in type(obj).__mro__:
        rule = _rules.get(model)
        if rule is not None:
            return rule(user, action, obj)
    return False
