"""Background work of imports: syncing registered calendar feeds when they are due."""

from django.utils import timezone
from django_tasks import task

from .calendar_feeds import feeds_due, sync_feed


@task()
def sync_due_feeds() -> int:
    """Sync every active feed whose interval has passed; returns how many were synced."""
    now = timezone.now()
    feeds = feeds_due(now=now)
    for feed in feeds:
        sync_feed(feed=feed, now=now)
    return len(feeds)
