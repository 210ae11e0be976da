"""Photo pages and stored files through the test client, in English and Dutch."""

import re
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import LocalEventFactory, UserFactory
from turnout.media import services
from turnout.media.models import Photo

from .images import photo_with_gps, plain_image

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)


@pytest.fixture
def event():
    return LocalEventFactory(city="Utrecht")


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


def add_photo(event, person, *, alt_text="People with a banner", colour=(0, 128, 0), **fields):
    [photo] = services.upload_photos(
        uploads=[services.Upload("p.png", plain_image(size=(600, 400), colour=colour))],
        uploaded_by=person,
        now=NOW,
        event=event,
        alt_text=alt_text,
        **fields,
    )
    return photo


def test_an_organizer_uploads_several_photos_through_the_form(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        f"/en/photos/event/{event.pk}/",
        {
            "photos": [
                SimpleUploadedFile("one.jpg", photo_with_gps(), content_type="image/jpeg"),
                SimpleUploadedFile("two.png", plain_image(), content_type="image/png"),
            ],
            "faces": "consented",
            "credit": "Sam",
        },
        follow=True,
    )
    assert "2 photos uploaded." in response.content.decode()
    assert Photo.objects.filter(event=event, credit="Sam", faces="consented").count() == 2


def test_a_refused_file_is_explained_on_the_form_in_dutch(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        f"/nl/photos/event/{event.pk}/",
        {
            "photos": [SimpleUploadedFile("notes.jpg", b"not a photo", content_type="image/jpeg")],
            "faces": "none",
        },
    )
    assert response.status_code == 400
    assert "notes.jpg is geen afbeelding die we kunnen lezen" in response.content.decode()
    assert not Photo.objects.exists()


def test_a_file_over_the_size_limit_is_refused_before_reading(client, event, organizer, settings):
    settings.PHOTO_MAX_BYTES = 2 * 1024 * 1024
    client.force_login(organizer)
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (3 * 1024 * 1024))
    response = client.post(f"/en/photos/event/{event.pk}/", {"photos": [big], "faces": "none"})
    assert response.status_code == 400
    assert "big.jpg is larger than 2 MB." in response.content.decode()


def test_a_full_disk_is_reported_on_the_form(client, event, organizer, monkeypatch):
    from django.core.files.storage import default_storage

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(default_storage, "save", full)
    client.force_login(organizer)
    response = client.post(
        f"/en/photos/event/{event.pk}/",
        {"photos": [SimpleUploadedFile("a.png", plain_image())], "faces": "none"},
    )
    assert response.status_code == 507
    assert "could not store the photos" in response.content.decode()
    assert not Photo.objects.exists()


def test_the_photo_pages_are_for_the_events_organizers_and_coordinators(client, event):
    assert client.get(f"/en/photos/event/{event.pk}/").status_code == 302  # sign in first
    client.force_login(UserFactory())
    assert client.get(f"/en/photos/event/{event.pk}/").status_code == 403


def test_the_event_gallery_shows_approved_photos_only_lazily_with_alt_text(
    client, event, organizer, coordinator
):
    pending = add_photo(event, organizer, alt_text="Still waiting")
    published = add_photo(
        event,
        coordinator,
        alt_text="Banner on the Neude",
        colour=(10, 20, 30),
        caption="The start",
        credit="Kim",
        faces="consented",
    )
    text = client.get(f"/en/events/{event.pk}/").content.decode()
    assert 'alt="Banner on the Neude"' in text and "Still waiting" not in text
    assert 'loading="lazy"' in text
    assert 'type="image/avif"' in text
    assert "Photo: Kim" in text and "Faces shown with consent" in text
    assert published.renditions[0]["name"] in text
    assert pending.renditions[0]["name"] not in text
    dutch = client.get(f"/nl/events/{event.pk}/").content.decode()
    assert "Foto: Kim" in dutch and "Gezichten getoond met toestemming" in dutch


def test_stored_files_of_unpublished_photos_are_not_served_to_the_public(
    client, event, organizer, coordinator
):
    pending = add_photo(event, organizer)
    published = add_photo(event, coordinator, colour=(1, 1, 1))
    public_file = published.renditions[0]["name"]
    response = client.get(f"/media/{public_file}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert response["Cache-Control"] == "public, max-age=300, s-maxage=60"
    assert client.get(f"/media/{pending.original}").status_code == 404
    client.force_login(organizer)
    response = client.get(f"/media/{pending.original}")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "path",
    ["photos/../../settings.py", "secret_key", "photos/not-a-uuid/original.png", "photos/x"],
)
def test_nothing_but_a_photos_own_files_is_served(client, path):
    assert client.get(f"/media/{path}").status_code == 404


def test_a_coordinator_describes_and_publishes_from_the_review_queue(
    client, event, organizer, coordinator
):
    photo = add_photo(event, organizer, alt_text="")
    client.force_login(coordinator)
    text = client.get("/en/photos/review/").content.decode()
    assert f'action="/en/photos/{photo.pk}/describe/"' in text
    prefix = f"p{photo.pk}"
    client.post(
        f"/en/photos/{photo.pk}/describe/",
        {
            f"{prefix}-alt_text": "Protesters on the Neude",
            f"{prefix}-caption": "",
            f"{prefix}-credit": "",
            f"{prefix}-faces": "none",
            "decision": "approve",
            "next": "/en/photos/review/",
        },
    )
    photo.refresh_from_db()
    assert (photo.state, photo.alt_text) == ("approved", "Protesters on the Neude")
    assert 'alt="Protesters on the Neude"' in client.get(f"/en/events/{event.pk}/").content.decode()


def test_an_organizer_cannot_publish(client, event, organizer):
    photo = add_photo(event, organizer)
    client.force_login(organizer)
    response = client.post(f"/en/photos/{photo.pk}/review/", {"decision": "approve"})
    assert response.status_code == 403
    assert Photo.objects.get().state == "pending"


def test_the_event_page_invites_its_organizers_to_add_photos(client, event, organizer):
    assert "Add or manage photos" not in client.get(f"/en/events/{event.pk}/").content.decode()
    client.force_login(organizer)
    text = client.get(f"/en/events/{event.pk}/").content.decode()
    assert re.search(rf'href="/en/photos/event/{event.pk}/"', text)


def test_deleting_a_photo_in_the_back_office_removes_it_and_its_files(
    admin_client, event, organizer, settings, django_capture_on_commit_callbacks
):
    photo = add_photo(event, organizer)
    assert admin_client.get("/admin/turnout_media/photo/").status_code == 200
    assert admin_client.get(f"/admin/turnout_media/photo/{photo.pk}/change/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/turnout_media/photo/{photo.pk}/delete/", {"post": "yes"})
    assert not Photo.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
