"""Event proposals by state for /metrics (turnout.web.metrics), counted at scrape time."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from turnout.web.metrics import counts_by

from .proposals.models import EventProposal


def proposal_metrics(*, now: datetime) -> Iterable[Metric]:
    counts = EventProposal.objects.values_list("state").annotate(count=Count("id")).order_by()
    held = EventProposal.objects.filter(is_held_as_spam=True).count()
    return [
        counts_by(
            "turnout_event_proposals",
            "Proposed local events by state (awaiting_email, pending, approved, ...).",
            "state",
            dict(counts),
            EventProposal.State.values,
        ),
        GaugeMetricFamily(
            "turnout_event_proposals_held_as_spam",
            "Proposals held for a person because they look like spam.",
            value=held,
        ),
    ]
