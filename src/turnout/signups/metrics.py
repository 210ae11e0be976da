"""Signups by state for /metrics (turnout.web.metrics), counted at scrape time."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count
from prometheus_client.metrics_core import Metric

from turnout.web.metrics import counts_by

from .models import Signup


def signup_metrics(*, now: datetime) -> Iterable[Metric]:
    counts = Signup.objects.values_list("state").annotate(count=Count("id")).order_by()
    owed = (
        Signup.objects.exclude(letter_due="")
        .values_list("letter_due")
        .annotate(count=Count("id"))
        .order_by()
    )
    return [
        counts_by(
            "turnout_signups",
            "Signups by state (awaiting_confirmation, confirmed, waitlisted, ...).",
            "state",
            dict(counts),
            Signup.State.values,
        ),
        # Part of the email backlog: letters owed are written to the outbox by the next
        # delivery run (owed_letters.py).
        counts_by(
            "turnout_signup_letters_owed",
            "Signup emails owed and not yet written to the outbox, by letter.",
            "letter",
            dict(owed),
            Signup.Letter.values,
        ),
    ]
