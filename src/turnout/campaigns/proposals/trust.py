"""Trusted hosts: proposers whose later proposals publish without review.

A campaign's coordinators trust a host for their campaign; only an administrator (or staff
given the "add trusted host" permission) trusts one in every campaign. Every proposal published
this way is listed in the queue for a look afterwards, and can be taken back.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from turnout.accounts.models import AuditAction, User
from turnout.accounts.permissions import Action, can
from turnout.accounts.services import record_audit
from turnout.web.email_addresses import normalize_email

from ..models import Campaign
from .models import TrustedHost


def can_trust_everywhere(user) -> bool:
    """Trust in every campaign is an administrator's call."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("campaigns.add_trustedhost")
    )


def can_trust_in(user, campaign: Campaign | None) -> bool:
    """A campaign's coordinators trust for it; whoever may trust everywhere, anywhere."""
    if can_trust_everywhere(user):
        return True
    return campaign is not None and can(user, Action.APPROVE, campaign)


def can_revoke(user, trusted: TrustedHost) -> bool:
    if (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("campaigns.delete_trustedhost")
    ):
        return True
    return trusted.campaign is not None and can(user, Action.APPROVE, trusted.campaign)


def trusted_hosts_for(email: str, campaign: Campaign | None) -> QuerySet[TrustedHost]:
    """The trust that covers `email` in `campaign`: its own, or one for every campaign."""
    scope = Q(campaign__isnull=True)
    if campaign is not None:
        scope |= Q(campaign=campaign)
    return TrustedHost.objects.filter(scope, email=normalize_email(email))


def is_trusted_host(email: str, campaign: Campaign | None) -> bool:
    return trusted_hosts_for(email, campaign).exists()


def hosts_trusted_in(campaign: Campaign) -> list[TrustedHost]:
    """Who publishes without review in `campaign`: its own trusted hosts, then the global ones."""
    return list(
        TrustedHost.objects.filter(Q(campaign=campaign) | Q(campaign__isnull=True))
        .select_related("trusted_by", "campaign")
        .order_by("campaign", "email")
    )


def _describe(trusted: TrustedHost) -> str:
    scope = trusted.campaign.title if trusted.campaign else "every campaign"
    return f"{trusted.email} in {scope}"


def trust_host(
    *, email: str, campaign: Campaign | None, actor: User | None, now: datetime
) -> TrustedHost:
    """Trust a host in `campaign` (None: every campaign). Trusting twice changes nothing."""
    if actor is not None and not can_trust_in(actor, campaign):
        raise PermissionDenied
    email = normalize_email(email)
    with transaction.atomic():
        existing = TrustedHost.objects.filter(email=email, campaign=campaign).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                trusted = TrustedHost.objects.create(
                    email=email, campaign=campaign, trusted_by=actor, created_at=now
                )
        except IntegrityError:  # trusted at the same moment in another request
            return TrustedHost.objects.get(email=email, campaign=campaign)
        record_audit(
            actor=actor, action=AuditAction.HOST_TRUSTED, target=trusted, summary=_describe(trusted)
        )
    return trusted


def untrust_host(*, trusted: TrustedHost, actor: User | None) -> None:
    """Stop trusting a host; their next proposals wait for a coordinator again."""
    if actor is not None and not can_revoke(actor, trusted):
        raise PermissionDenied
    with transaction.atomic():
        summary = _describe(trusted)
        deleted, _ = TrustedHost.objects.filter(pk=trusted.pk).delete()
        if deleted:
            record_audit(actor=actor, action=AuditAction.HOST_UNTRUSTED, summary=summary)
