"""Read-only queries for content pages."""

from django.db.models import QuerySet

from .models import Page


def published_pages() -> QuerySet[Page]:
    return Page.objects.filter(status=Page.Status.PUBLISHED)


def page_for_visitor(*, slug: str, can_preview: bool = False) -> Page:
    """The page behind a public URL; drafts only for people who may preview them."""
    pages = Page.objects.all() if can_preview else published_pages()
    return pages.get(slug=slug)
