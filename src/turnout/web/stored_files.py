"""Writing and removing the files of an upload (photos, covers) in the default storage, which
is a local folder or an S3 bucket (settings: MEDIA_STORAGE_URL).

An upload writes several files; `save_file` records each name in `stored` as it goes, so that
a failure part-way can remove exactly what was written (nothing half-written stays behind).
"""

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


def save_file(name: str, data: bytes, stored: list[str]) -> str:
    """Write `data` under `name` (the storage may pick a free name); append and return it."""
    saved = default_storage.save(name, ContentFile(data))
    stored.append(saved)
    return saved


def delete_files(names: list[str]) -> None:
    """Remove `names`; a file that cannot be removed is logged, never raised: the caller's
    change has already happened, and an orphaned file is only wasted space."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("could not delete %s", name)
