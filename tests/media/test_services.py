"""Uploading, describing, reviewing and deleting photos, with real rows and stored files."""

import errno
import io
from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import LocalEventFactory, UserFactory
from turnout.accounts.models import AuditEntry
from turnout.media import services
from turnout.media.models import Photo

from .images import GPS_IFD, photo_with_gps, plain_image
from .test_processing import assert_no_metadata

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)


@pytest.fixture
def event():
    return LocalEventFactory()


@pytest.fixture
def organizer(event):
    person = UserFactory()
    event.organizers.add(person)
    return person


@pytest.fixture
def coordinator(event):
    person = UserFactory()
    event.campaign.coordinators.add(person)
    return person


def upload(event, person, *files, **fields):
    return services.upload_photos(
        uploads=[services.Upload(name, data) for name, data in files],
        uploaded_by=person,
        now=NOW,
        event=event,
        **fields,
    )


def stored_files(settings) -> set[str]:
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_stored_copies_of_a_gps_tagged_upload_carry_no_gps(event, organizer, settings):
    gps_photo = photo_with_gps(size=(1400, 1000))
    assert dict(Image.open(io.BytesIO(gps_photo)).getexif().get_ifd(GPS_IFD))  # it had GPS
    [photo] = upload(event, organizer, ("holiday.jpg", gps_photo), credit="Anna")
    names = photo.file_names()
    assert len(names) == 5  # the original, and 480 and 960 wide in AVIF and WebP
    assert set(names) == stored_files(settings)
    for name in names:
        with default_storage.open(name) as handle:
            assert_no_metadata(handle.read())
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (1000, 1400)  # turned upright
    assert (photo.state, photo.event, photo.campaign) == ("pending", event, event.campaign)


def test_several_photos_are_uploaded_at_once(event, organizer):
    photos = upload(
        event, organizer, ("a.png", plain_image(colour=(1, 2, 3))), ("b.jpg", photo_with_gps())
    )
    assert Photo.objects.filter(event=event).count() == 2 == len(photos)
    assert AuditEntry.objects.filter(action="photo.upload").count() == 2


def test_one_bad_file_refuses_the_whole_upload_and_names_it(event, organizer, settings):
    with pytest.raises(ValidationError) as error:
        upload(event, organizer, ("good.png", plain_image()), ("notes.jpg", b"hello"))
    assert error.value.messages == [
        "notes.jpg is not an image we can read. Send a JPEG, PNG, WebP or AVIF photo."
    ]
    assert not Photo.objects.exists()
    assert stored_files(settings) == set()


def test_a_full_disk_gives_a_clear_error_and_keeps_nothing(event, organizer, settings, monkeypatch):
    real_save = default_storage.save
    calls = []

    def save_until_full(name, content, *args, **kwargs):
        calls.append(name)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(name, content, *args, **kwargs)

    monkeypatch.setattr(default_storage, "save", save_until_full)
    with pytest.raises(services.PhotoStorageFailed, match="could not store the photos"):
        upload(event, organizer, ("a.png", plain_image()), ("b.png", plain_image(colour=(9, 9, 9))))
    assert not Photo.objects.exists()
    assert stored_files(settings) == set()  # the files written before the failure are gone


def test_only_the_events_organizers_and_coordinators_may_upload(event):
    other_organizer = UserFactory()
    LocalEventFactory(campaign=event.campaign).organizers.add(other_organizer)
    with pytest.raises(PermissionDenied):
        upload(event, other_organizer, ("a.png", plain_image()))
    with pytest.raises(PermissionDenied):
        upload(event, None, ("a.png", plain_image()))
    assert not Photo.objects.exists()


def test_a_photo_is_public_only_after_a_coordinator_approves_it(event, organizer, coordinator):
    [photo] = upload(event, organizer, ("a.png", plain_image()), alt_text="Banner at the square")
    assert photo.state == Photo.State.PENDING
    with pytest.raises(PermissionDenied):
        services.review_photo(photo=photo, actor=organizer, approve=True, now=NOW)
    services.review_photo(photo=photo, actor=coordinator, approve=True, now=NOW)
    photo.refresh_from_db()
    assert (photo.state, photo.reviewed_by, photo.reviewed_at) == ("approved", coordinator, NOW)


def test_a_photo_without_a_description_cannot_be_published(event, organizer, coordinator):
    [photo] = upload(event, organizer, ("a.png", plain_image()))
    with pytest.raises(ValidationError, match="description"):
        services.review_photo(photo=photo, actor=coordinator, approve=True, now=NOW)
    services.describe_photo(
        photo=photo,
        actor=organizer,
        alt_text="Two people with a banner",
        caption="",
        credit="",
        faces=Photo.Faces.CONSENTED,
    )
    services.review_photo(photo=photo, actor=coordinator, approve=True, now=NOW)
    assert Photo.objects.get().is_public


def test_a_coordinators_described_upload_is_published_at_once(event, coordinator):
    [photo] = upload(event, coordinator, ("a.png", plain_image()), alt_text="A crowd")
    assert photo.state == Photo.State.APPROVED


def test_an_organizers_edit_of_a_published_photo_sends_it_back_to_review(
    event, organizer, coordinator
):
    [photo] = upload(event, coordinator, ("a.png", plain_image()), alt_text="A crowd")
    services.describe_photo(
        photo=photo, actor=organizer, alt_text="Changed", caption="", credit="", faces="none"
    )
    assert Photo.objects.get().state == Photo.State.PENDING


def test_deleting_a_photo_removes_its_files(
    event, organizer, settings, django_capture_on_commit_callbacks
):
    [photo] = upload(event, organizer, ("a.png", plain_image()))
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_photo(photo=photo, actor=organizer)
    assert not Photo.objects.exists()
    assert stored_files(settings) == set()
