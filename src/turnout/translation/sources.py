"""What gets translated: content pages, the texts of campaigns and their local events, the
descriptions and credits of their cover images, the descriptions and captions of their
published photos, and what groups say about themselves."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q

from turnout.campaigns.event_texts import public_fields_of, source_language_of
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.models import Page
from turnout.covers import cover_texts
from turnout.covers.models import CoverImage
from turnout.groups.models import Group
from turnout.media import photo_texts
from turnout.media.models import Photo
from turnout.media.selectors import public_photos

CAMPAIGN_FIELDS = ("title", "summary", "narrative", "core_messages", "demands")
# A group's name is its own; what it says about itself is read in every language.
GROUP_FIELDS = ("description",)
PAGE_FIELD = "source"


@dataclass(frozen=True)
class TextSource:
    """One translatable text: a field of a page, a campaign or an event, in its own language."""

    obj: models.Model
    field: str
    source_language: str

    @property
    def text(self) -> str:
        return getattr(self.obj, self.field) or ""

    @property
    def label(self) -> str:
        kind = self.obj._meta.model_name
        slug = getattr(self.obj, "slug", self.obj.pk)
        return f"{kind} {slug}" if self.field == PAGE_FIELD else f"{kind} {slug} · {self.field}"


def texts_of(obj: models.Model) -> list[TextSource]:
    """The translatable texts of one page, campaign, event, cover or group (empty fields left
    out; an event's meeting point only while it is public)."""
    if isinstance(obj, Page):
        return [TextSource(obj, PAGE_FIELD, obj.language)]
    if isinstance(obj, Campaign):
        return [
            TextSource(obj, name, settings.LANGUAGE_CODE)
            for name in CAMPAIGN_FIELDS
            if getattr(obj, name)
        ]
    if isinstance(obj, LocalEvent):
        return [
            TextSource(obj, name, source_language_of(obj))
            for name in public_fields_of(obj)
            if getattr(obj, name)
        ]
    if isinstance(obj, Group):
        # Written in LANGUAGE_CODE, as campaigns are: a group has no language of its own.
        return [
            TextSource(obj, name, settings.LANGUAGE_CODE)
            for name in GROUP_FIELDS
            if getattr(obj, name)
        ]
    if isinstance(obj, CoverImage):
        return [
            TextSource(obj, name, cover_texts.source_language_of(obj))
            for name in cover_texts.COVER_TEXT_FIELDS
            if getattr(obj, name)
        ]
    if isinstance(obj, Photo):
        if obj.state != Photo.State.APPROVED:  # nobody reads it yet, or any more
            return []
        return [
            TextSource(obj, name, photo_texts.source_language_of(obj))
            for name in photo_texts.PHOTO_TEXT_FIELDS
            if getattr(obj, name)
        ]
    return []


def translatable_texts() -> Iterator[TextSource]:
    """Every text visitors can read: published pages, published and archived campaigns, the
    local events their pages show, the covers and published photos of both, and the groups."""
    for page in Page.objects.filter(status=Page.Status.PUBLISHED).order_by("slug"):
        yield from texts_of(page)
    campaigns = Campaign.objects.public().order_by("slug")
    for campaign in campaigns:
        yield from texts_of(campaign)
    events = LocalEvent.objects.public().order_by("starts_at", "pk")
    for event in events:
        yield from texts_of(event)
    covers = CoverImage.objects.filter(Q(campaign__in=campaigns) | Q(event__in=events))
    for cover in covers.order_by("pk"):
        yield from texts_of(cover)
    for photo in public_photos().order_by("pk"):
        yield from texts_of(photo)
    for group in Group.objects.exclude(description="").order_by("slug"):
        yield from texts_of(group)
