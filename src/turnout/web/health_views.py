"""/healthz and /readyz for load balancers and monitors: JSON, no language prefix, no
session or cookie, never cached. The checks are in `health`."""

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import health


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. No database, so an outage restarts nothing."""
    return JsonResponse({"status": "alive"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when every check passes, 503 naming those that fail."""
    report = health.readiness(now=timezone.now())
    return JsonResponse(report.as_json(), status=200 if report.ok else 503)
