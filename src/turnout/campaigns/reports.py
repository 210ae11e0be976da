"""The report a campaign's page shows once its window has passed, built by a higher layer.

The report counts signups and lists press and photos, which build on campaigns, so campaigns
may not import it: the back office (`turnout.organizing`) registers the builder from its
`AppConfig.ready()`, as `web.health.register_readiness_check()` is filled by the apps above.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .models import Campaign

ReportBuilder = Callable[..., Any]

_builder: ReportBuilder | None = None


def register_report_builder(builder: ReportBuilder) -> None:
    """Make `builder(campaign, *, today)` the one that assembles a campaign's report."""
    global _builder
    _builder = builder


def campaign_report(campaign: Campaign, *, today: date) -> Any:
    """The report of `campaign` as it stands on `today`, from the registered builder."""
    if _builder is None:
        raise ImproperlyConfigured("No campaign report builder: is turnout.organizing installed?")
    return _builder(campaign, today=today)
