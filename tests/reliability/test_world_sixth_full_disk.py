"""The media disk fills up while a photo or a cover is written: really full (a 64 KiB tmpfs,
where the machine lets the test mount one) or a file-size limit (RLIMIT_FSIZE, which any user
may set: Python ignores SIGXFSZ, so the write fails with EFBIG as a full disk fails with
ENOSPC). Either way the write stops part-way through a file.

What a person sees: the upload's clear "could not store" answer (507). What is stored:
no row, and no file either, not even the one begun when the disk filled.
"""

import io
import os
import resource
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import LocalEventFactory, UserFactory
from turnout.covers import services as covers
from turnout.covers.models import CoverImage
from turnout.media.models import Photo

pytestmark = pytest.mark.django_db

ROOM = 64 * 1024


def noisy_jpeg(width: int = 900, height: int = 700) -> bytes:
    """A photo whose JPEG is a few hundred KiB (noise does not compress)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(
        buffer, format="JPEG", quality=90
    )
    return buffer.getvalue()


@contextmanager
def tiny_tmpfs(folder: Path):
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={ROOM}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): the file-size limit covers it")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def file_size_limit(folder: Path):
    folder.mkdir()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (ROOM, hard))
    try:
        yield folder
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


LIMITS = {"a full tmpfs": tiny_tmpfs, "a file-size limit": file_size_limit}


@pytest.fixture(params=LIMITS)
def small_media(request, tmp_path, settings):
    with LIMITS[request.param](tmp_path / "media") as folder:
        settings.MEDIA_ROOT = str(folder)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(folder)},
            },
        }
        yield folder


def files_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def organizer():
    return UserFactory(name="Noor Haddad")


@pytest.fixture
def event(organizer):
    event = LocalEventFactory(title="Klimaatmars Rotterdam", city="Rotterdam")
    event.organizers.add(organizer)
    event.campaign.coordinators.add(organizer)
    return event


def test_a_photo_upload_on_a_full_disk_says_so_and_leaves_no_row_and_no_file(
    small_media, client, event, organizer
):
    client.force_login(organizer)
    photo = SimpleUploadedFile("erasmusbrug.jpg", noisy_jpeg())
    response = client.post(f"/en/photos/event/{event.pk}/", {"photos": [photo], "faces": "none"})
    assert response.status_code == 507
    assert "could not store the photos" in response.content.decode()
    assert not Photo.objects.exists()
    assert files_in(small_media) == []
    assert client.get(f"/en/photos/event/{event.pk}/").status_code == 200


def test_a_cover_on_a_full_disk_says_so_and_leaves_no_row_and_no_file(
    small_media, event, organizer
):
    with pytest.raises(covers.CoverStorageFailed, match="could not store"):
        covers.set_cover(
            subject=event.campaign, actor=organizer, alt_text="Mensen op de Coolsingel",
            upload=covers.Upload("coolsingel.jpg", noisy_jpeg(1600, 900)),
        )  # fmt: skip
    assert not CoverImage.objects.exists()
    assert files_in(small_media) == []
