"""Who may do what to a campaign or a local event (the rules `accounts.permissions.can()` asks),
and which roles are held on them (for `accounts.roles`).

Registered from `CampaignsConfig.ready()`, so that `accounts` never imports these models.
"""

from django.utils.translation import gettext_lazy as _

from turnout.accounts.permissions import (
    ORGANIZER_ACTIONS,
    Action,
    register_reviewer_check,
    register_rule,
)
from turnout.accounts.roles import Role, RoleObject, register_role_object

from .models import Campaign, LocalEvent


def is_coordinator(user, campaign: Campaign | None) -> bool:
    if campaign is None or not user.is_authenticated:
        return False
    return campaign.coordinators.filter(pk=user.pk).exists()


def is_organizer(user, event: LocalEvent) -> bool:
    if not user.is_authenticated:
        return False
    return event.organizers.filter(pk=user.pk).exists()


def coordinates_any_campaign(user) -> bool:
    """Coordinators review the press and photos of their campaigns."""
    return Campaign.objects.filter(coordinators=user).exists()


def campaign_rule(user, action: Action, campaign: object) -> bool:
    assert isinstance(campaign, Campaign)
    return is_coordinator(user, campaign)


def event_rule(user, action: Action, event: object) -> bool:
    """Coordinators of the event's campaign may do everything; its organizers, their share."""
    assert isinstance(event, LocalEvent)
    if is_coordinator(user, event.campaign):
        return True
    return action in ORGANIZER_ACTIONS and is_organizer(user, event)


def register() -> None:
    register_rule(Campaign, campaign_rule)
    register_rule(LocalEvent, event_rule)
    register_reviewer_check(coordinates_any_campaign)
    register_role_object(
        Role.COORDINATOR,
        RoleObject(
            model=Campaign,
            people_field="coordinators",
            form_field="campaign",
            label=_("Campaign"),
            choices=lambda: Campaign.objects.order_by("-starts_on"),
        ),
    )
    register_role_object(
        Role.ORGANIZER,
        RoleObject(
            model=LocalEvent,
            people_field="organizers",
            form_field="event",
            label=_("Event"),
            choices=lambda: LocalEvent.objects.select_related("campaign").order_by("-starts_at"),
        ),
    )
