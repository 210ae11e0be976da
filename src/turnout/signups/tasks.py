"""Background tasks of signups: the retention sweep."""

from django.utils import timezone
from django_tasks import task

from .services import privacy


@task()
def anonymize_expired_signups() -> int:
    """Anonymize signups of events that ended longer ago than SIGNUP_RETENTION_DAYS."""
    return privacy.anonymize_expired_signups(now=timezone.now())
