"""Sending digests: each person's window, one composition per identical digest, and the
"sent up to" mark written with the emails.

A worker that stops halfway leaves either both the emails and the mark or neither, so the next
run sends each digest once; the outbox's dedupe key (person, window end) guards it as well.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any

from django.db import transaction

from turnout.accounts.models import User
from turnout.notifications import outbox
from turnout.notifications.composition import Email

from .letters import personalized, recipient_language
from .models import AlertPreference
from .windows import Window, due_window


def send_digests(
    recipients: list[tuple[User, AlertPreference]],
    *,
    frequency: str,
    now: datetime,
    content: Callable[[User, Window], tuple[Hashable, Any] | None],
    compose: Callable[..., Email],
) -> int:
    """Write each recipient's due digest to the outbox; return how many were written.

    `content(user, window)` is what the digest says, as `(key, digest)`, or None when there is
    nothing new; people whose digests have the same key get one composition of it.
    """
    groups: dict[tuple, list[tuple[User, AlertPreference]]] = defaultdict(list)
    digests: dict[tuple, Any] = {}
    quiet: list[tuple[AlertPreference, Window]] = []
    for user, preference in recipients:
        window = due_window(frequency, now=now, sent_up_to=preference.digest_sent_up_to)
        if window is None:
            continue
        found = content(user, window)
        if found is None:
            quiet.append((preference, window))
            continue
        key, digest = found
        group = (key, window, recipient_language(user))
        groups[group].append((user, preference))
        digests[group] = digest
    written = 0
    for group, members in groups.items():
        written += _send_group(
            members, window=group[1], digest=digests[group], compose=compose, now=now
        )
    for preference, window in quiet:
        # Nothing new in it: the window is done all the same, so the next one starts after it.
        _mark(preference, window)
    return written


def _send_group(
    members: list[tuple[User, AlertPreference]],
    *,
    window: Window,
    digest: Any,
    compose: Callable[..., Email],
    now: datetime,
) -> int:
    with transaction.atomic():
        locked = AlertPreference.objects.select_for_update().in_bulk([p.pk for _u, p in members])
        # Another worker may have sent some of them since they were read.
        still_due = [
            (user, locked[preference.pk])
            for user, preference in members
            if preference.pk in locked
            and locked[preference.pk].digest_sent_up_to == preference.digest_sent_up_to
        ]
        emails = personalized(
            still_due,
            lambda recipient, language: compose(digest, recipient=recipient, language=language),
            dedupe_key=lambda preference: (
                f"alert:{preference.kind}:{preference.pk}:{window.until:%Y%m%dT%H%M%SZ}"
            ),
        )
        written = outbox.enqueue_many(emails, now=now)
        for _user, preference in still_due:
            _mark(preference, window)
    return written


def _mark(preference: AlertPreference, window: Window) -> None:
    """Record the window as sent, unless another worker moved the mark meanwhile (the filter
    on the old value; `=None` is IS NULL)."""
    AlertPreference.objects.filter(
        pk=preference.pk, digest_sent_up_to=preference.digest_sent_up_to
    ).update(digest_sent_up_to=window.until)
