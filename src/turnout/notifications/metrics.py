"""The outbox's backlog for /metrics (turnout.web.metrics): what waits, and for how long."""

from collections.abc import Iterable
from datetime import datetime

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from .backlog import outbox_backlog


def outbox_metrics(*, now: datetime) -> Iterable[Metric]:
    backlog = outbox_backlog(now=now)
    messages = GaugeMetricFamily(
        "turnout_outbox_messages",
        "Emails in the outbox not yet sent, by state (pending, uncertain, failed).",
        labels=["state"],
    )
    messages.add_metric(["pending"], backlog.pending)
    messages.add_metric(["uncertain"], backlog.uncertain)
    messages.add_metric(["failed"], backlog.failed)
    oldest = GaugeMetricFamily(
        "turnout_outbox_oldest_due_seconds",
        "Seconds the longest-waiting due email has waited (0 when none is due).",
        value=backlog.oldest_wait_seconds(now=now) or 0.0,
    )
    return [messages, oldest]
