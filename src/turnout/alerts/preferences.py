"""Choosing how often an alert comes, and finding each recipient's choice (defaults included)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign

from .models import FREQUENCIES, AlertKind, AlertPreference, Frequency


def _scope(kind: str, campaign: Campaign | None) -> dict:
    if (kind == AlertKind.PROPOSALS) != (campaign is not None):
        raise ValueError("proposal alerts are chosen per campaign, the others once per person")
    return {"kind": kind, "campaign": campaign}


def preference_of(user: User, *, kind: str, campaign: Campaign | None = None) -> AlertPreference:
    """The person's choice; an unsaved row with the default when they never chose."""
    scope = _scope(kind, campaign)
    found = AlertPreference.objects.filter(user=user, **scope).first()
    return found or AlertPreference(user=user, **scope)


def preferences_with_tokens(
    users: Iterable[User], *, kind: str, campaign: Campaign | None = None
) -> dict[int, AlertPreference]:
    """Each person's row, made where missing (an email's link needs its token); by user id."""
    scope = _scope(kind, campaign)
    ids = {user.pk for user in users}
    rows = {row.user_id: row for row in AlertPreference.objects.filter(user_id__in=ids, **scope)}
    if missing := ids - rows.keys():
        # The jobs run every few minutes: they write only for people new to them.
        AlertPreference.objects.bulk_create(
            [AlertPreference(user_id=pk, **scope) for pk in missing], ignore_conflicts=True
        )
        made = AlertPreference.objects.filter(user_id__in=missing, **scope)
        rows.update({row.user_id: row for row in made})
    return rows


def choose_frequency(
    *, user: User, kind: str, campaign: Campaign | None = None, frequency: str
) -> AlertPreference:
    """Set how often `user` gets alerts of `kind` (for `campaign`); "off" stops them."""
    if frequency not in FREQUENCIES[kind]:
        raise ValidationError(_("That choice is not offered for these emails."))
    with transaction.atomic():
        preferences_with_tokens([user], kind=kind, campaign=campaign)
        row = AlertPreference.objects.select_for_update().get(user=user, **_scope(kind, campaign))
        return _set(row, frequency)


def choose_by_token(*, token: str, frequency: str) -> AlertPreference:
    """The one-click page's change: the token is the email's link. Raises DoesNotExist."""
    with transaction.atomic():
        row = AlertPreference.objects.select_for_update().get(token=token)
        if frequency not in FREQUENCIES[row.kind]:
            raise ValidationError(_("That choice is not offered for these emails."))
        return _set(row, frequency)


def _set(row: AlertPreference, frequency: str) -> AlertPreference:
    row.frequency = frequency
    if frequency == Frequency.OFF:
        # Switched on again later, the digest starts afresh rather than with all it skipped.
        row.digest_sent_up_to = None
    row.save(update_fields=["frequency", "digest_sent_up_to", "updated_at"])
    return row


def choosing(
    users: Iterable[User], *, kind: str, frequency: str, campaign: Campaign | None = None
) -> list[tuple[User, AlertPreference]]:
    """Those of `users` whose choice (or the default) for `kind` is `frequency`, each with
    their row (made where missing: the email's link needs its token)."""
    users = [user for user in users if user.is_active]
    scope = _scope(kind, campaign)
    chosen = {
        row.user_id: row.effective_frequency
        for row in AlertPreference.objects.filter(user__in=users, **scope)
    }
    default = FREQUENCIES[kind][0]
    wanted = [user for user in users if chosen.get(user.pk, default) == frequency]
    rows = preferences_with_tokens(wanted, kind=kind, campaign=campaign)
    return [(user, rows[user.pk]) for user in wanted]
