"""Setting, replacing and removing a cover: all of it or nothing, old files gone after commit.

The file passes the photo pipeline (`turnout.web.images`: checked, upright, without metadata,
AVIF and WebP sizes) and lands in Django's default storage (local folder or S3 bucket).
"""

import io
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from turnout.accounts.permissions import Action, can
from turnout.accounts.services import record_audit
from turnout.campaigns import page_cache
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.images import CleanPhoto, PhotoRejected, prepare_photo
from turnout.web.stored_files import STORAGE_ERRORS, delete_files, save_file
from turnout.web.text import single_line

from .models import ALT_TEXT_MAX_LENGTH as ALT_TEXT_MAX
from .models import CREDIT_MAX_LENGTH as CREDIT_MAX
from .models import CoverImage

logger = logging.getLogger(__name__)

EMAIL_WIDTH = 1200  # shown 600 px wide in an email, sharp on dense screens
EMAIL_QUALITY = 82

Subject = Campaign | LocalEvent


class CoverStorageFailed(Exception):
    """The files could not be written; nothing was kept, the old cover stays."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def may_set_cover(user, subject: Subject) -> bool:
    """A campaign's hero: its coordinators. An event's image: its organizers and the
    coordinators of its campaign (the rule for editing each)."""
    return can(user, Action.EDIT, subject)


def cover_of(subject: Subject) -> CoverImage | None:
    field = "campaign" if isinstance(subject, Campaign) else "event"
    return CoverImage.objects.filter(**{field: subject}).first()


def set_cover(
    *, subject: Subject, actor, alt_text: str, credit: str = "",
    upload: Upload | None = None,
) -> CoverImage:  # fmt: skip
    """Give `subject` a new image (with `upload`), or new texts for the one it has.

    Raises PermissionDenied, ValidationError (keyed by "image", "alt_text" or "credit") with a
    message for the uploader, or CoverStorageFailed. A replaced image's files are deleted once
    the change is committed; when anything fails, the files just written are deleted.
    """
    if not may_set_cover(actor, subject):
        raise PermissionDenied
    alt_text, credit = _checked_texts(alt_text, credit)
    existing = cover_of(subject)
    if upload is None:
        if existing is None:
            raise ValidationError({"image": _("Choose an image.")})
        with transaction.atomic():
            cover = CoverImage.objects.select_for_update().get(pk=existing.pk)
            cover.alt_text, cover.credit = alt_text, credit
            cover.save(update_fields=["alt_text", "credit", "updated_at"])
            _changed(subject)
            record_audit(actor=actor, action="cover.describe", target=subject, summary=alt_text)
        return cover
    try:
        clean = prepare_photo(upload.data, name=single_line(upload.name) or _("The file"))
    except PhotoRejected as error:
        raise ValidationError({"image": str(error)}) from None

    cover = existing or CoverImage(
        campaign=subject if isinstance(subject, Campaign) else None,
        event=subject if isinstance(subject, LocalEvent) else None,
    )
    old_files = existing.file_names() if existing is not None else []
    stored: list[str] = []
    try:
        with transaction.atomic():
            if existing is not None:  # one change at a time per cover
                CoverImage.objects.select_for_update().filter(pk=existing.pk).first()
            cover.key = _new_key()
            _store_files(cover, clean, stored)
            cover.original_name = single_line(upload.name, max_length=300)
            cover.alt_text, cover.credit, cover.uploaded_by = alt_text, credit, actor
            cover.full_clean(exclude=["campaign", "event"])
            cover.save()
            _changed(subject)
            record_audit(actor=actor, action="cover.set", target=subject, summary=alt_text)
            transaction.on_commit(lambda: delete_files(old_files))
    except STORAGE_ERRORS as error:
        delete_files(stored)
        logger.error("storing a cover failed: %s", error)
        raise CoverStorageFailed(
            _(
                "The server could not store the image (its disk may be full, or its file "
                "store does not answer). Nothing was changed; please try again later or tell the "
                "site's administrators."
            )
        ) from error
    except BaseException:
        delete_files(stored)
        raise
    return cover


def remove_cover(*, subject: Subject, actor) -> bool:
    """Take the subject's image away (its files go after the commit); False if it had none."""
    if not may_set_cover(actor, subject):
        raise PermissionDenied
    with transaction.atomic():
        cover = cover_of(subject)
        if cover is None:
            return False
        cover.delete()  # the receiver deletes the files once this commits
        _changed(subject)
        record_audit(actor=actor, action="cover.remove", target=subject, summary=cover.alt_text)
    return True


def _checked_texts(alt_text: str, credit: str) -> tuple[str, str]:
    alt_text, credit = single_line(alt_text or ""), single_line(credit or "")
    errors = {}
    if not alt_text:
        errors["alt_text"] = _(
            "Describe the image for people who cannot see it (alt text): it is required."
        )
    elif len(alt_text) > ALT_TEXT_MAX:
        errors["alt_text"] = _("Keep the description under %(limit)d characters.") % {
            "limit": ALT_TEXT_MAX
        }
    if len(credit) > CREDIT_MAX:
        errors["credit"] = _("Keep the credit under %(limit)d characters.") % {"limit": CREDIT_MAX}
    if errors:
        raise ValidationError(errors)
    return alt_text, credit


def _new_key():
    return CoverImage._meta.get_field("key").get_default()


def _store_files(cover: CoverImage, clean: CleanPhoto, stored: list[str]) -> None:
    folder = f"covers/{cover.key}"
    cover.original = save_file(f"{folder}/original.{clean.extension}", clean.original, stored)
    cover.width, cover.height = clean.width, clean.height
    cover.renditions = [
        {
            "width": item.width,
            "height": item.height,
            "format": item.format,
            "name": save_file(f"{folder}/{item.width}.{item.format}", item.data, stored),
        }
        for item in clean.renditions
    ]
    cover.email_file = save_file(f"{folder}/email.jpg", _email_jpeg(clean.original), stored)


def _email_jpeg(original: bytes) -> bytes:
    """A JPEG at most EMAIL_WIDTH wide, on white where the image was transparent."""
    image: Image.Image = Image.open(io.BytesIO(original))
    image.load()
    if image.mode != "RGB":
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A") if "A" in image.getbands() else None)
        image = flat
    if image.width > EMAIL_WIDTH:
        height = max(1, round(image.height * EMAIL_WIDTH / image.width))
        image = image.resize((EMAIL_WIDTH, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=EMAIL_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def _changed(subject: Subject) -> None:
    """The page, its cached event list and its share card show the new image: the subject's
    `updated_at` moves (without a save, which would wake unrelated receivers), and the page
    cache's counters are bumped now and after the commit."""
    now = timezone.now()
    type(subject).objects.filter(pk=subject.pk).update(updated_at=now)
    subject.updated_at = now
    campaign_id = subject.pk if isinstance(subject, Campaign) else subject.campaign_id
    page_cache.bump_version(campaign_id)
    transaction.on_commit(lambda: page_cache.bump_version(campaign_id))
