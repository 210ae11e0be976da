"""What pages, cards and emails show of a cover: addresses of its files and its sizes."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.stored_files import STORAGE_ERRORS

from .models import CoverImage

CONTENT_TYPES = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpg": "image/jpeg",
    "png": "image/png",
}
# Formats for <source>, best first: a browser takes the first it can show.
SOURCE_FORMATS = ("avif", "webp")


def cover_for(subject: Campaign | LocalEvent | None) -> CoverImage | None:
    """The subject's cover, or None; one query (the reverse one-to-one raises when missing)."""
    if subject is None or subject.pk is None:
        return None
    try:
        return subject.cover
    except CoverImage.DoesNotExist:
        return None


def event_or_campaign_cover(event: LocalEvent) -> CoverImage | None:
    """An event's own image, else its campaign's hero: what its emails show."""
    return cover_for(event) or cover_for(event.campaign if event.campaign_id else None)


def file_path(cover: CoverImage, name: str) -> str:
    """The path (no host) that serves one of the cover's stored files."""
    return reverse("cover_file", kwargs={"key": cover.key, "file": name.rsplit("/", 1)[-1]})


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def sources(cover: CoverImage) -> list[dict[str, str]]:
    """One <source> per format: its type and srcset ("…/480.avif 480w, …/960.avif 960w")."""
    result = []
    for fmt in SOURCE_FORMATS:
        sizes = sorted(
            (r for r in cover.renditions if r["format"] == fmt), key=lambda r: r["width"]
        )
        if sizes:
            srcset = ", ".join(f"{file_path(cover, r['name'])} {r['width']}w" for r in sizes)
            result.append({"type": CONTENT_TYPES[fmt], "srcset": srcset})
    return result


def fallback_path(cover: CoverImage) -> str:
    """The <img src> for browsers that read no <source>: the JPEG made for emails."""
    return file_path(cover, cover.email_file or cover.original)


def email_url(cover: CoverImage) -> str:
    return absolute(file_path(cover, cover.email_file or cover.original))


def absolute_urls(cover: CoverImage) -> list[str]:
    """Every size's address in full, largest first (JSON-LD `image`)."""
    sizes = sorted(
        (r for r in cover.renditions if r["format"] == "webp"), key=lambda r: -r["width"]
    )
    return [absolute(file_path(cover, r["name"])) for r in sizes] + [email_url(cover)]


def image_bytes(cover: CoverImage, *, at_least: int = 960) -> bytes | None:
    """A display size at least `at_least` wide (else the largest) read from storage, for
    drawing; None when the storage has lost it."""
    sizes = sorted((r for r in cover.renditions if r["format"] == "webp"), key=lambda r: r["width"])
    if not sizes:
        return None
    chosen = next((r for r in sizes if r["width"] >= at_least), sizes[-1])
    try:
        with default_storage.open(chosen["name"], "rb") as handle:
            return handle.read()
    except STORAGE_ERRORS:
        return None


def image_urls(subject: Campaign | LocalEvent) -> list[str]:
    """The subject's cover in full addresses, largest first; [] without a cover."""
    cover = cover_for(subject)
    return absolute_urls(cover) if cover is not None else []
