"""Prometheus metrics at /metrics: requests by view and status, their latency, and gauges the
apps compute from the database when scraped (the outbox's backlog, tasks, signups, proposals).

Two kinds, kept apart on purpose:
- Request counters and latency histograms are counted by a middleware in each process. Under
  `turnout serve` several gunicorn workers answer, so each writes its counts to files in
  PROMETHEUS_MULTIPROC_DIR (prometheus_client's multiprocess mode, which `turnout serve` sets
  up) and a scrape sums the files of every worker, living or gone; otherwise (runserver, tests)
  they live in this process.
- Everything about the data is read from the database at scrape time, so every server answers
  the same and nothing is lost with a process. Apps above `web` add their gauges from their
  AppConfig.ready() with `register_metric_source()`, as they add readiness checks, so this
  module imports none of them. Results are kept for METRICS_CACHE_SECONDS per process, so a
  scrape storm is a few cheap COUNT queries every few seconds at most.

Labels are bounded: the view's name as the URL resolver knows it (never the raw path, which a
client chooses: unbounded label values would exhaust memory), the method among the usual ones,
and the status class (2xx, 3xx, ...).
"""

import hmac
import ipaddress
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
    values,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from .proxies import FORWARDED_FOR, PEER_KEY, parse_address

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
logger = logging.getLogger(__name__)

# A source returns metric families (GaugeMetricFamily and the like) computed at scrape time;
# it is given `now` so an age is measured against one clock for the whole scrape.
MetricSource = Callable[..., Iterable[Metric]]
_sources: dict[str, MetricSource] = {}


def register_metric_source(name: str, source: MetricSource) -> None:
    """Add `source(now=...)` to every scrape of /metrics (by name: registering twice replaces)."""
    _sources[name] = source


# --- multiprocess mode (turnout serve) ----------------------------------------------------------


def use_multiprocess_directory(path: Path) -> None:
    """Count requests in files under `path`, shared by every process forked from this one.

    Called by `turnout serve` before gunicorn forks its workers. The counts an earlier run
    left there are removed first (its *.db files, nothing else: the operator may have named
    a folder that holds more), or they would add to this run's. prometheus_client
    chooses where values live when it is imported (by then Django has loaded this module), so
    the choice is made again here, before any request metric exists.
    """
    path.mkdir(parents=True, exist_ok=True)
    for leftover in path.glob("*.db"):
        leftover.unlink(missing_ok=True)
    os.environ[MULTIPROC_ENV] = str(path)
    values.ValueClass = values.get_value_class()
    _request_metrics.cache_clear()


def mark_process_dead(pid: int) -> None:
    """For gunicorn's `child_exit`: a dead worker's counts still count; its live gauges not."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid)


def _in_multiprocess_mode() -> bool:
    return bool(os.environ.get(MULTIPROC_ENV))


# --- requests -----------------------------------------------------------------------------------

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Seconds: from a cached page (a few ms) to the 30 s gunicorn gives a request.
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Requests no URL pattern matched (a 404 before any view, a malformed request).
UNRESOLVED = "<unresolved>"

# This process's request metrics when not in multiprocess mode (then files hold them).
_local_registry = CollectorRegistry(auto_describe=True)


class _RequestMetrics:
    def __init__(self, registry: CollectorRegistry | None) -> None:
        self.requests = Counter(
            "turnout_http_requests",
            "HTTP requests answered, by view name, method and status class.",
            ["view", "method", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "turnout_http_request_duration_seconds",
            "Time to answer an HTTP request, by view name.",
            ["view"],
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )


def _make_request_metrics() -> _RequestMetrics:
    # In multiprocess mode the values live in files; a registry would only collect this
    # process's share, so none is used.
    return _RequestMetrics(None if _in_multiprocess_mode() else _local_registry)


class _Once:
    """The request metrics, made on first use in a process (after `turnout serve` has chosen
    the mode) and made again after the mode changes."""

    def __init__(self) -> None:
        self.value: _RequestMetrics | None = None
        self.lock = threading.Lock()

    def __call__(self) -> _RequestMetrics:
        if self.value is None:
            with self.lock:
                if self.value is None:
                    self.value = _make_request_metrics()
        return self.value

    def cache_clear(self) -> None:
        with self.lock:
            if self.value is not None and not _in_multiprocess_mode():
                return  # the local registry keeps its metrics; names may not register twice
            self.value = None


_request_metrics = _Once()


def view_label(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return UNRESOLVED
    return match.view_name or match._func_path or UNRESOLVED


class RequestMetricsMiddleware:
    """Counts and times every request, by the name of the view that answered it. Placed right
    after TrustedProxiesMiddleware, so the time covers every other middleware too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        view = view_label(request)
        method = request.method if request.method in _METHODS else "other"
        metrics = _request_metrics()
        metrics.requests.labels(view, method, f"{response.status_code // 100}xx").inc()
        metrics.latency.labels(view).observe(elapsed)
        return response


# --- the scrape ---------------------------------------------------------------------------------


class _SourcesCollector:
    """The registered sources, computed at most once every METRICS_CACHE_SECONDS. A source
    whose database query fails is left out and reported as down, so a database outage still
    leaves the request metrics to see it by."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.computed_at = float("-inf")
        self.families: list[Metric] = []

    def collect(self) -> Iterable[Metric]:
        with self.lock:
            if time.monotonic() - self.computed_at >= settings.METRICS_CACHE_SECONDS:
                self.families = _compute_sources(now=timezone.now())
                self.computed_at = time.monotonic()
            return list(self.families)

    def forget(self) -> None:
        with self.lock:
            self.computed_at = float("-inf")


def _compute_sources(*, now) -> list[Metric]:
    families: list[Metric] = []
    up = GaugeMetricFamily(
        "turnout_metrics_source_up",
        "1 if the source's numbers could be read from the database at the last scrape.",
        labels=["source"],
    )
    for name, source in _sources.items():
        try:
            families.extend(source(now=now))
        except DatabaseError:
            logger.warning("Metrics: the source %r could not be read", name, exc_info=True)
            up.add_metric([name], 0)
        else:
            up.add_metric([name], 1)
    return [*families, up]


_sources_collector = _SourcesCollector()


def forget_cached_sources() -> None:
    """Compute the sources again at the next scrape (tests change rows between scrapes)."""
    _sources_collector.forget()


class _LocalRequestsCollector:
    def collect(self) -> Iterable[Metric]:
        return _local_registry.collect()


def exposition() -> bytes:
    """Every metric in Prometheus' text format."""
    registry = CollectorRegistry(auto_describe=False)
    if _in_multiprocess_mode():
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_LocalRequestsCollector())
    registry.register(_sources_collector)
    return generate_latest(registry)


# --- who may read it ----------------------------------------------------------------------------


def allowed_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for entry in settings.METRICS_ALLOWED_NETWORKS:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"METRICS_ALLOWED_NETWORKS: {entry!r} is not an IP address or network; give "
                "addresses or networks separated by commas, for example 127.0.0.1/32,10.0.0.0/8"
            ) from None
    return tuple(networks)


def _has_token(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if not token:
        return False
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


def _from_allowed_network(request: HttpRequest) -> bool:
    # A request a proxy forwarded that TrustedProxiesMiddleware did not believe comes from
    # anyone: REMOTE_ADDR is then the proxy's own (often 127.0.0.1), not the client's.
    if request.META.get(FORWARDED_FOR, "").strip() and PEER_KEY not in request.META:
        return False
    address = parse_address(request.META.get("REMOTE_ADDR", ""))
    return address is not None and any(address in net for net in allowed_networks())


def may_read_metrics(request: HttpRequest) -> bool:
    return _has_token(request) or _from_allowed_network(request)


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not may_read_metrics(request):
        raise Http404  # say nothing of what is here
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


# --- what web itself knows: the task queue --------------------------------------------------------


def task_states(*, now) -> Iterable[Metric]:
    """Tasks in the database queue by status; nothing when another backend runs them (its own
    exporter, rq's for example, knows its queue)."""
    if settings.TASKS_BACKEND != "database":
        return []
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    family = GaugeMetricFamily(
        "turnout_tasks", "Tasks in the database queue, by status.", labels=["status"]
    )
    counts = dict(DBTaskResult.objects.values_list("status").annotate(count=Count("id")).order_by())
    for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
        family.add_metric([status.lower()], counts.pop(status, 0))
    for status, count in counts.items():
        family.add_metric([str(status).lower()], count)
    return [family]


def counts_by(name: str, documentation: str, label: str, counts: dict, known: Iterable[str]):
    """A gauge family of counts by one label, with 0 for each known value that has no rows
    (a series that appears and disappears breaks rate() and alerts)."""
    family = GaugeMetricFamily(name, documentation, labels=[label])
    counts = dict(counts)
    for value in known:
        family.add_metric([str(value)], counts.pop(value, 0))
    for value, count in counts.items():
        family.add_metric([str(value)], count)
    return family


register_metric_source("tasks", task_states)
