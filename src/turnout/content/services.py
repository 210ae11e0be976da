"""State changes of content pages: saving with a revision, restoring a revision."""

from datetime import datetime

from django.db import transaction

from turnout.accounts.models import User

from .models import Page, PageRevision


def save_page(*, page: Page, author: User | None, now: datetime, note: str = "") -> Page:
    """Validate and save `page`, keeping a revision whenever its markdown changed."""
    page.full_clean()
    page.take_front_matter()
    with transaction.atomic():
        page.save()
        latest = page.revisions.order_by("-created_at", "-pk").first()
        if latest is None or latest.source != page.source:
            PageRevision.objects.create(
                page=page,
                source=page.source,
                author=author if author is not None and author.is_authenticated else None,
                note=note,
                created_at=now,
            )
    return page


def restore_revision(*, revision: PageRevision, author: User | None, now: datetime) -> Page:
    """Make an earlier revision the page's current text (itself a new revision)."""
    page = Page.objects.get(pk=revision.page_id)
    page.source = revision.source
    stamp = revision.created_at.strftime("%Y-%m-%d %H:%M")
    return save_page(page=page, author=author, now=now, note=f"restored {stamp}")
