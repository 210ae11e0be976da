"""The attacker's eighth round against uploaded images: a strip of pixels, far taller than it
is wide, whose display sizes no encoder of the web's formats can write (WebP holds at most
16383 pixels a side, AVIF 65536). Within the pixel limit and a few kilobytes on the wire, it
must be refused in words, store nothing and never be a server error: for the organizer's
photos, the participant's photos after the event and a cover, and also when the file is
stored lying down with its orientation tag saying "stand me up"."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import ORIENTATION, plain_image
from tests.signups.factories import SignupFactory
from turnout.covers.models import CoverImage
from turnout.followup.models import FollowUp
from turnout.media.models import Photo
from turnout.signups.models import Signup
from turnout.web.images import PhotoRejected, prepare_photo

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 13, 18, 0, tzinfo=UTC)


def _strip(width: int, height: int, fmt: str = "PNG", *, orientation: int = 1) -> bytes:
    """A plain image of `width`×`height` as stored; `orientation` 6 turns it upright."""
    buffer = io.BytesIO()
    options = {}
    if orientation != 1:
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        options["exif"] = exif.tobytes()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format=fmt, **options)
    return buffer.getvalue()


# (stored width, stored height, format, orientation): each upright far taller than wide.
STRIPS = [
    (32, 70000, "PNG", 1),  # too tall for AVIF and WebP at its own width
    (33, 65500, "JPEG", 1),  # JPEG's own limit is 65535: too tall for WebP only
    (40, 20000, "PNG", 1),  # just past WebP's 16383
    (1000, 30000, "PNG", 1),  # shown at 480 and 960 wide: the second is too tall
    (65000, 32, "JPEG", 6),  # lying down; the tag stands it up as 32×65000
]


@pytest.mark.parametrize(("width", "height", "fmt", "orientation"), STRIPS)
def test_a_strip_too_tall_to_show_is_refused_in_words(width, height, fmt, orientation):
    with pytest.raises(PhotoRejected, match="strip.jpg"):
        prepare_photo(_strip(width, height, fmt, orientation=orientation), name="strip.jpg")


@pytest.mark.parametrize(
    ("width", "height"), [(70000, 32), (16000, 480), (480, 7000), (32, 16383), (1600, 16000)]
)
def test_a_panorama_or_a_tall_photo_that_can_be_shown_is_still_taken(width, height):
    """Wide panoramas are made smaller by width, so their display sizes stay low; a tall
    photo is taken as long as each display size fits the formats."""
    clean = prepare_photo(_strip(width, height), name="plein.png")
    assert {rendition.format for rendition in clean.renditions} == {"avif", "webp"}
    assert all(max(r.width, r.height) <= 16383 for r in clean.renditions)


def _stored_files() -> set[str]:
    found: set[str] = set()
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            directories, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        found |= {f"{folder}/{name}".lstrip("/") for name in files}
        folders += [f"{folder}/{name}".lstrip("/") for name in directories]
    return found


def test_no_upload_form_answers_a_strip_with_a_server_error_or_keeps_any_of_it():
    organizer = UserFactory(email="organisator@example.nl")
    event = LocalEventFactory(
        city="Leeuwarden", starts_at=NOW - timedelta(hours=4), ends_at=NOW - timedelta(hours=2)
    )
    event.organizers.add(organizer)
    participant = SignupFactory(event=event, email="sjoerd@example.nl", state=Signup.State.ATTENDED)
    FollowUp.objects.create(signup=participant, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
    signed_in = Client(raise_request_exception=False)
    before = _stored_files()
    for width, height, fmt, orientation in STRIPS:
        data = _strip(width, height, fmt, orientation=orientation)
        # Alongside a good photo: a refusal is of the whole upload, not the photos before it.
        with time_machine.travel(NOW, tick=False):
            signed_in.force_login(organizer)
            answers = [
                signed_in.post(
                    f"/en/photos/event/{event.pk}/",
                    {
                        "photos": [
                            SimpleUploadedFile("plein.png", plain_image(), "image/png"),
                            SimpleUploadedFile("strook.png", data, "image/png"),
                        ],
                        "faces": "none",
                        "alt_text": "Mensen op het plein",
                    },
                ),
                Client(raise_request_exception=False).post(
                    f"/en/follow-up/{participant.token}/photos/",
                    {
                        "photos": [SimpleUploadedFile("strook.png", data, "image/png")],
                        "faces": "none",
                        "alt_text": "Het spandoek",
                    },
                ),
                signed_in.post(
                    f"/en/covers/event/{event.pk}/",
                    {
                        "image": SimpleUploadedFile("strook.png", data, "image/png"),
                        "alt_text": "Een spandoek over het plein",
                    },
                ),
            ]
        for answer in answers:
            assert answer.status_code == 400, (width, height, answer.status_code)
            assert "strook.png" in answer.content.decode()
    assert not Photo.objects.exists()
    assert not CoverImage.objects.exists()
    assert _stored_files() == before
