"""State changes of photos: uploading several at once, describing, reviewing, deleting."""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from turnout.accounts.permissions import Action, can
from turnout.accounts.services import record_audit
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.stored_files import STORAGE_ERRORS, delete_files, save_file

from .models import Photo
from .processing import CleanPhoto, PhotoRejected, prepare_photo

logger = logging.getLogger(__name__)


class PhotoStorageFailed(Exception):
    """The files could not be written (a full disk, a storage outage); nothing was kept."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def upload_photos(
    *,
    uploads: list[Upload],
    uploaded_by,
    now: datetime,
    event: LocalEvent | None = None,
    campaign: Campaign | None = None,
    credit: str = "",
    faces: str = Photo.Faces.NONE,
    alt_text: str = "",
    caption: str = "",
) -> list[Photo]:
    """Check, clean and store photos of an event (or a campaign): all of them or none.

    Raises ValidationError naming every refused file, PhotoStorageFailed if storing failed.
    Photos wait for a coordinator unless the uploader may approve them; either way they need
    a description (alt text) before they are shown.
    """
    subject = event if event is not None else campaign
    if subject is None:
        raise ValueError("a photo belongs to an event or a campaign")
    if not can(uploaded_by, Action.ADD_PHOTOS, subject):
        raise PermissionDenied
    approved = can(uploaded_by, Action.APPROVE_MEDIA, subject) and bool(alt_text.strip())
    return _upload(
        uploads=uploads,
        uploaded_by=uploaded_by,
        approved=approved,
        now=now,
        event=event,
        campaign=campaign,
        credit=credit,
        faces=faces,
        alt_text=alt_text,
        caption=caption,
    )


def upload_participant_photos(
    *,
    uploads: list[Upload],
    event: LocalEvent,
    now: datetime,
    credit: str = "",
    faces: str = Photo.Faces.NONE,
    alt_text: str = "",
) -> list[Photo]:
    """Photos a participant sends after the event through their own private link (the
    follow-up): the link is their right to send, and every photo waits for a coordinator."""
    return _upload(
        uploads=uploads,
        uploaded_by=None,
        approved=False,
        now=now,
        event=event,
        campaign=None,
        credit=credit,
        faces=faces,
        alt_text=alt_text,
        caption="",
    )


def _upload(
    *,
    uploads: list[Upload],
    uploaded_by,
    approved: bool,
    now: datetime,
    event: LocalEvent | None,
    campaign: Campaign | None,
    credit: str,
    faces: str,
    alt_text: str,
    caption: str,
) -> list[Photo]:
    subject = event if event is not None else campaign
    if faces not in Photo.Faces.values:
        raise ValidationError({"faces": _("Say whether people can be recognized.")})
    if not uploads:
        raise ValidationError(_("Choose at least one photo."))
    cleaned, errors = [], []
    for upload in uploads:
        try:
            cleaned.append(prepare_photo(upload.data, name=upload.name))
        except PhotoRejected as error:
            errors.append(str(error))
    if errors:
        raise ValidationError(errors)

    photos = [
        Photo(
            event=event,
            campaign=event.campaign if event is not None else campaign,
            uploaded_by=uploaded_by,
            credit=credit.strip(),
            faces=faces,
            alt_text=alt_text.strip(),
            caption=caption.strip(),
            state=Photo.State.APPROVED if approved else Photo.State.PENDING,
            reviewed_by=uploaded_by if approved else None,
            reviewed_at=now if approved else None,
        )
        for _photo in cleaned
    ]
    stored: list[str] = []
    try:
        for photo, clean in zip(photos, cleaned, strict=True):
            _store_files(photo, clean, stored)
        with transaction.atomic():
            for photo in photos:
                photo.full_clean()
                photo.save()
                record_audit(
                    actor=uploaded_by, action="photo.upload", target=photo, summary=str(subject)
                )
    except STORAGE_ERRORS as error:
        delete_files(stored)
        logger.error("storing photos failed: %s", error)
        raise PhotoStorageFailed(
            _(
                "The server could not store the photos (its disk may be full, or its file "
                "store does not answer). Nothing was saved; please try again later or tell the "
                "site's administrators."
            )
        ) from error
    except BaseException:
        delete_files(stored)
        raise
    return photos


def _store_files(photo: Photo, clean: CleanPhoto, stored: list[str]) -> None:
    folder = f"photos/{photo.key}"
    photo.original = save_file(f"{folder}/original.{clean.extension}", clean.original, stored)
    photo.width, photo.height, photo.sha256 = clean.width, clean.height, clean.sha256
    photo.renditions = [
        {
            "width": item.width,
            "height": item.height,
            "format": item.format,
            "name": save_file(f"{folder}/{item.width}.{item.format}", item.data, stored),
        }
        for item in clean.renditions
    ]


def describe_photo(
    *, photo: Photo, actor, alt_text: str, caption: str, credit: str, faces: str
) -> Photo:
    """Change a photo's texts; a change by someone who cannot approve sends it back to review."""
    with transaction.atomic():
        photo = Photo.objects.select_for_update().get(pk=photo.pk)
        if not can(actor, Action.ADD_PHOTOS, photo.subject):
            raise PermissionDenied
        photo.alt_text, photo.caption = alt_text.strip(), caption.strip()
        photo.credit, photo.faces = credit.strip(), faces
        if photo.is_public and not can(actor, Action.APPROVE_MEDIA, photo.subject):
            photo.state = Photo.State.PENDING
        photo.full_clean()
        photo.save()
    return photo


def review_photo(*, photo: Photo, actor, approve: bool, now: datetime) -> Photo:
    """Publish or reject a photo; publishing needs its description (alt text)."""
    with transaction.atomic():
        photo = Photo.objects.select_for_update().get(pk=photo.pk)
        if not can(actor, Action.APPROVE_MEDIA, photo.subject):
            raise PermissionDenied
        if approve and not photo.alt_text.strip():
            raise ValidationError(_("Add a description (alt text) before publishing the photo."))
        photo.record_review(approve=approve, by=actor, now=now)
        photo.save(update_fields=["state", "reviewed_by", "reviewed_at", "updated_at"])
        record_audit(
            actor=actor,
            action="photo.approve" if approve else "photo.reject",
            target=photo,
            summary=photo.alt_text,
        )
    return photo


def delete_photo(*, photo: Photo, actor) -> None:
    """Delete a photo and, once the deletion is committed, its files."""
    with transaction.atomic():
        photo = Photo.objects.select_for_update().get(pk=photo.pk)
        if not can(actor, Action.ADD_PHOTOS, photo.subject):
            raise PermissionDenied
        names = photo.file_names()
        record_audit(actor=actor, action="photo.delete", target=photo, summary=photo.alt_text)
        photo.delete()
        transaction.on_commit(lambda: delete_files(names))


def record_known_photo(
    *,
    data: bytes,
    name: str,
    alt_text: str,
    event: LocalEvent | None = None,
    campaign: Campaign | None = None,
    caption: str = "",
    credit: str = "",
    faces: str = Photo.Faces.NONE,
) -> Photo:
    """Store a published photo from a trusted source (demo data, importers); never twice."""
    clean = prepare_photo(data, name=name)
    same_subject = {"event": event} if event is not None else {"campaign": campaign}
    if photo := Photo.objects.filter(sha256=clean.sha256, **same_subject).first():
        return photo
    photo = Photo(
        event=event,
        campaign=event.campaign if event is not None else campaign,
        alt_text=alt_text,
        caption=caption,
        credit=credit,
        faces=faces,
        state=Photo.State.APPROVED,
    )
    stored: list[str] = []
    try:
        _store_files(photo, clean, stored)
        with transaction.atomic():
            photo.full_clean()
            photo.save()
    except BaseException:
        delete_files(stored)
        raise
    return photo
