"""Read-only queries about photos: galleries, what awaits review, who may see a stored file."""

import uuid
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import Q, QuerySet
from django.urls import reverse

from turnout.campaigns.models import Campaign, LocalEvent

from .models import Photo
from .photo_texts import PhotoText, shown_photo_texts


@dataclass(frozen=True)
class Source:
    url: str
    width: int


@dataclass(frozen=True)
class DisplayPhoto:
    """What a gallery needs: a source set per format, a fallback image, its texts in the
    page's language."""

    photo: Photo
    srcsets: dict[str, str]  # format -> "url 480w, url 960w"
    fallback: Source  # the largest WebP
    width: int
    height: int
    alt_text: PhotoText
    caption: PhotoText


def public_photos() -> QuerySet[Photo]:
    """Approved photos of campaigns and events a visitor may see."""
    return (
        Photo.objects.filter(state=Photo.State.APPROVED)
        .filter(Q(campaign__isnull=True) | Campaign.public_condition("campaign__"))
        .filter(Q(event__isnull=True) | LocalEvent.public_condition("event__"))
        .select_related("event", "campaign")
        .order_by("created_at", "pk")
    )


def campaign_gallery(campaign: Campaign) -> list[DisplayPhoto]:
    """Public photos of a campaign and of its local events."""
    return displayed(public_photos().filter(campaign=campaign))


def event_gallery(event: LocalEvent) -> list[DisplayPhoto]:
    return displayed(public_photos().filter(event=event))


def displayed(photos) -> list[DisplayPhoto]:
    """`photos` as a gallery shows them, their texts in the active language."""
    photos = list(photos)
    texts = shown_photo_texts(photos)
    return [display(photo, texts=texts[photo.pk]) for photo in photos]


def file_url(name: str) -> str:
    """Where a page links a photo's stored file.

    A bucket's signed URL expires within minutes (MEDIA_URL_EXPIRE_SECONDS), while pages are
    cached and stay open longer than that, and galleries load lazily as people scroll: with
    such a storage a page links the application's route instead, which checks the photo may
    be seen and redirects to a freshly signed URL (`views.stored_file`)."""
    if signs_its_urls():
        return reverse("media_file", kwargs={"name": name})
    return default_storage.url(name)


def signs_its_urls() -> bool:
    return bool(getattr(default_storage, "querystring_auth", False))


def display(photo: Photo, *, texts: dict[str, PhotoText] | None = None) -> DisplayPhoto:
    """A photo's URLs, size and texts (`texts`: as `shown_photo_texts` gives them; by default
    of this photo alone) for a gallery."""
    texts = texts or shown_photo_texts([photo])[photo.pk]
    by_format: dict[str, list[Source]] = {}
    for item in sorted(photo.renditions, key=lambda r: r["width"]):
        by_format.setdefault(item["format"], []).append(
            Source(url=file_url(item["name"]), width=item["width"])
        )
    srcsets = {
        fmt: ", ".join(f"{s.url} {s.width}w" for s in sources) for fmt, sources in by_format.items()
    }
    fallback = by_format["webp"][-1]
    return DisplayPhoto(
        photo=photo,
        srcsets=srcsets,
        fallback=fallback,
        width=fallback.width,
        height=round(photo.height * fallback.width / photo.width),
        alt_text=texts["alt_text"],
        caption=texts["caption"],
    )


def event_photos_for_organizers(event: LocalEvent) -> QuerySet[Photo]:
    """Every photo of an event, in every state, for the people who look after it."""
    return Photo.objects.filter(event=event).order_by("-created_at", "-pk")


def photos_awaiting_review(user) -> QuerySet[Photo]:
    """Pending photos of campaigns `user` coordinates (all of them for an administrator)."""
    pending = Photo.objects.filter(state=Photo.State.PENDING).select_related("event", "campaign")
    if not user.is_superuser:
        pending = pending.filter(campaign__coordinators=user)
    return pending.order_by("created_at", "pk")


def photo_for_file(name: str) -> Photo | None:
    """The photo a stored file belongs to, if `name` is exactly one of its files."""
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != "photos":
        return None
    key = _uuid(parts[1])
    if key is None:
        return None
    photo = Photo.objects.select_related("event", "campaign").filter(key=key).first()
    if photo is None or name not in photo.file_names():
        return None
    return photo


def is_shown_to_everyone(photo: Photo) -> bool:
    """Approved, and of a campaign or event on the public site: what a shared cache may keep
    (an approved photo of a draft or a proposed event is not)."""
    return public_photos().filter(pk=photo.pk).exists()


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
