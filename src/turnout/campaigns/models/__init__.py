"""Campaigns (an international action day or window) and their local events."""

from .campaign import Campaign, CampaignQuerySet, default_reminder_hours
from .local_event import (
    MAX_CAPACITY,
    MAX_DESCRIPTION_LENGTH,
    MAX_PROMOTION_RADIUS_KM,
    LatitudeBand,
    LocalEvent,
    LocalEventQuerySet,
)
from .safety import AuthorityNotice, SafetyDefaults

__all__ = [
    "MAX_CAPACITY",
    "MAX_DESCRIPTION_LENGTH",
    "MAX_PROMOTION_RADIUS_KM",
    "AuthorityNotice",
    "Campaign",
    "CampaignQuerySet",
    "LatitudeBand",
    "LocalEvent",
    "LocalEventQuerySet",
    "SafetyDefaults",
    "default_reminder_hours",
]


# Proposals and organizer invitations live in their own module; importing it here registers them.
from ..proposals import models as proposal_models  # noqa: E402, F401
