"""Participants send photos through their follow-up link; every one waits for a coordinator."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import photo_with_gps, plain_image
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.followup.emails import follow_up_email
from turnout.followup.models import FollowUp
from turnout.media.models import Photo
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def signup():
    event = LocalEventFactory(title="Protest in Utrecht", city="Utrecht")
    signup = SignupFactory(event=event, state=Signup.State.ATTENDED, name="Ada Lovelace")
    FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=event.ends_at)
    return signup


def after(signup, days=1):
    return time_machine.travel(signup.event.ends_at + timedelta(days=days), tick=False)


def upload(client, signup, *files, language="en", **fields):
    data = {"faces": "none", "alt_text": "Banners on the square", **fields}
    data["photos"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(f"/{language}/follow-up/{signup.token}/photos/", data)


def test_a_participant_sends_photos_that_wait_for_review_without_their_metadata(client, signup):
    with after(signup):
        response = upload(client, signup, ("a.jpg", photo_with_gps()), ("b.png", plain_image()))
    assert response.status_code == 302
    photos = Photo.objects.filter(event=signup.event)
    assert photos.count() == 2
    for photo in photos:
        assert photo.state == Photo.State.PENDING
        assert photo.uploaded_by is None
        assert photo.credit == "Ada Lovelace"
        with default_storage.open(photo.original) as stored:
            assert "GPSInfo" not in str(Image.open(stored).getexif().get_ifd(0x8825) or "")
            stored.seek(0)
            assert not Image.open(stored).getexif()


def test_the_coordinators_queue_shows_them(client, signup):
    with after(signup):
        upload(client, signup, ("a.png", plain_image()))
    coordinator = UserFactory()
    signup.event.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    assert "Banners on the square" in client.get("/en/photos/review/").content.decode()


@pytest.mark.parametrize(
    "case", ["no follow-up", "before the event", "long after", "cancelled", "erased"]
)
def test_the_page_is_only_for_people_with_a_follow_up_around_the_event(client, signup, case):
    days = 1
    if case == "no follow-up":
        FollowUp.objects.all().delete()
    elif case == "before the event":
        days = -3
    elif case == "long after":
        days = 61
    elif case == "cancelled":
        LocalEvent.objects.filter(pk=signup.event_id).update(status=LocalEvent.Status.CANCELLED)
    elif case == "erased":
        Signup.objects.filter(pk=signup.pk).update(anonymized_at=timezone.now())
    with after(signup, days=days):
        assert client.get(f"/en/follow-up/{signup.token}/photos/").status_code == 404
        assert upload(client, signup, ("a.png", plain_image())).status_code == 404
    assert not Photo.objects.exists()


def test_bad_files_are_refused_in_words_and_nothing_is_kept(client, signup):
    with after(signup):
        response = upload(
            client, signup, ("a.png", plain_image()), ("notes.txt", b"not an image"), language="nl"
        )
    assert response.status_code == 400
    assert not Photo.objects.exists()
    assert "notes.txt" in response.content.decode()


def test_a_leaked_link_cannot_fill_the_disk(client, signup):
    with after(signup):
        for _ in range(5):
            assert upload(client, signup, ("a.png", plain_image())).status_code == 302
        response = upload(client, signup, ("a.png", plain_image()))
    assert response.status_code == 429
    assert Photo.objects.count() == 5


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Send your photos"), ("nl", "Stuur je foto")]
)
def test_the_follow_up_email_and_the_page_speak_the_language(client, signup, language, title):
    signup.language = language
    signup.save()
    email = follow_up_email(signup, kind="attended", now=datetime(2030, 5, 14, 8, tzinfo=UTC))
    assert f"/{language}/follow-up/{signup.token}/photos/" in email.text
    with after(signup):
        page = client.get(f"/{language}/follow-up/{signup.token}/photos/").content.decode()
    assert title in page
