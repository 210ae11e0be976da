"""Data the site keeps for itself rather than for a domain concept: rate-limit counters and
the task workers' heartbeats."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """Attempts counted for one key (an address, an email) in one scope and fixed window.

    Counters live in the database so that every application process and server shares them;
    a per-process cache would let each gunicorn worker grant the whole limit again. The key is
    stored only as a digest: an hour's counters must not become a list of who tried what.
    On PostgreSQL the table is UNLOGGED (migration 0003): a count need not reach the disk
    before the request goes on, and a crash only starts the limits afresh.
    """

    scope = models.CharField(_("scope"), max_length=40)
    key_digest = models.CharField(_("key digest"), max_length=64)
    window_start = models.BigIntegerField(_("window start (Unix time)"))
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key_digest", "window_start"], name="web_ratecounter_once"
            )
        ]
        indexes = [models.Index(fields=["window_start"], name="web_ratecounter_window_idx")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key_digest[:8]}… {self.attempts}"


class WorkerHeartbeat(models.Model):
    """A running `turnout worker` says it is alive: one row per worker, rewritten every few
    seconds (`web/heartbeat.py`). /readyz and the admin read the newest; rows of workers gone
    for a day are deleted."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} {self.last_seen:%Y-%m-%d %H:%M:%S}"
