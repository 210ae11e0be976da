"""Writing and removing the files of an upload (photos, covers) in the default storage, which
is a local folder or an S3 bucket (settings: MEDIA_STORAGE_URL).

An upload writes several files; `save_file` records each name in `stored` as it goes, so that
a failure part-way can remove exactly what was written (nothing half-written stays behind).
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _storage_errors() -> tuple[type[Exception], ...]:
    """A local folder fails with OSError; an S3 bucket also with botocore's own errors (a
    refused connection, an error answer), boto3's for a failed upload and s3transfer's for a
    download whose body kept arriving cut short, none of which are OSErrors."""
    try:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError
        from s3transfer.exceptions import RetriesExceededError
    except ImportError:  # pragma: no cover - django-storages' S3 backend needs boto3
        return (OSError,)
    return (OSError, BotoCoreError, ClientError, Boto3Error, RetriesExceededError)


# What reading or writing the default storage raises when the storage is in trouble.
STORAGE_ERRORS = _storage_errors()

# A stored file never changes under its name (a new upload gets a new name), but it may be
# taken down: removed, rejected, its campaign or event no longer public. So a shared cache (a
# CDN, nginx's proxy cache) keeps it a minute and a browser five, then both ask again with its
# ETag, answered by a 304 without the file while it is public and by a 404 once it is not.
PUBLIC_FILE_CACHE_CONTROL = "public, max-age=300, s-maxage=60"
# Not public yet: only the browser of someone allowed sees it, and keeps nothing.
PRIVATE_FILE_CACHE_CONTROL = "private, no-store"
# A store in trouble is asked again after this long (a file is an image: no page to show).
STORE_RETRY_AFTER_SECONDS = 30


def save_file(name: str, data: bytes, stored: list[str]) -> str:
    """Write `data` under `name` (the storage may pick a free name); append and return it.

    A local disk that fills up (or a file-size limit) stops the write part-way, and Django's
    FileSystemStorage leaves the file begun under its name: that part is removed here. (An
    object store writes a file whole or not at all.)"""
    is_new = isinstance(default_storage, FileSystemStorage) and not default_storage.exists(name)
    try:
        saved = default_storage.save(name, ContentFile(data))
    except STORAGE_ERRORS:
        if is_new:
            delete_files([name])
        raise
    stored.append(saved)
    return saved


def delete_files(names: list[str]) -> None:
    """Remove `names`; a file that cannot be removed is logged, never raised: the caller's
    change has already happened, and an orphaned file is only wasted space."""
    for name in names:
        try:
            default_storage.delete(name)
        except STORAGE_ERRORS:
            logger.warning("could not delete %s", name)


def store_unavailable() -> HttpResponse:
    """The answer for a file the storage cannot give now (down, slow, a broken answer)."""
    response = HttpResponse(
        _("The file store does not answer at the moment. Please try again shortly."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(STORE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def stored_file_response(
    request: HttpRequest, name: str, *, content_type: str, is_public: bool
) -> HttpResponseBase:
    """Stream the stored file `name` (already allowed for this request) with the cache rules
    above; Http404 when the storage has lost it, a 503 when it cannot be read now."""
    if is_public:
        etag = f'"{hashlib.sha256(name.encode()).hexdigest()[:32]}"'
        if (not_modified := get_conditional_response(request, etag=etag)) is not None:
            not_modified["Cache-Control"] = PUBLIC_FILE_CACHE_CONTROL
            return not_modified
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    except STORAGE_ERRORS as error:  # the store in trouble, not the file gone: come back
        logger.warning("could not read %s: %s", name, error)
        return store_unavailable()
    response = FileResponse(handle, content_type=content_type)
    if is_public:
        response["ETag"] = etag
        response["Cache-Control"] = PUBLIC_FILE_CACHE_CONTROL
    else:
        response["Cache-Control"] = PRIVATE_FILE_CACHE_CONTROL
        patch_vary_headers(response, ("Cookie",))
    return response
