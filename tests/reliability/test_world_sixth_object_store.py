"""The object store (MEDIA_STORAGE_URL) misbehaving in ways the outage tests do not try:
answering a byte at a time (boto's per-read time-out never fires), answering 503 or 500 to
everything, cutting a file's body short, and finishing a write after its caller gave up.

What a person sees: an upload answers within seconds with the "could not store" page (507)
and keeps no row and no object; a stored cover that cannot be read now is a 503 with
Retry-After, not a 500 and not a "gone" 404; the pages around it still answer.
"""

import threading
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from storages.backends.s3 import S3Storage

from tests.covers.images import banner
from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import plain_image
from tests.reliability.served import wait_until
from tests.scale.conftest import moto_server, s3_media  # noqa: F401  (fixtures)
from tests.web.trickle import read_http_request, serving, trickling_http
from turnout.covers import services as covers
from turnout.media.models import Photo
from turnout.web.object_storage import StorageDeadlineExceeded

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

STEP = 0.5  # MEDIA_STORAGE_TIMEOUT here: each connect and each read
DEADLINE = 2 * (STEP + STEP) + 1  # two attempts of a connect and a read, and boto's pause


def use_store(settings, monkeypatch, endpoint: str) -> None:
    """Make the store at `endpoint` the default storage, as MEDIA_STORAGE_URL would."""
    from turnout.settings import _object_storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "turnout-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "turnout-test-secret")
    monkeypatch.setenv("MEDIA_STORAGE_TIMEOUT", str(STEP))
    storage, _ = _object_storage(
        f"s3://turnout-world/media?endpoint_url={endpoint}&region=eu-west-1&addressing_style=path"
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}


def answering(status: bytes, body: bytes = b""):
    """A store that answers every request at once with `status` (S3's XML error as body)."""

    def handle(connection, stop):
        read_http_request(connection)
        connection.sendall(answering_head(status, body))

    return handle


def answering_head(status: bytes, body: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\nContent-Type: application/xml\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
    ) + body


def s3_error(code: str) -> bytes:
    return f"<Error><Code>{code}</Code><Message>try later</Message></Error>".encode()


@pytest.fixture
def organizer():
    return UserFactory(name="Sanne Bakker")


@pytest.fixture
def event(organizer):
    event = LocalEventFactory(title="Fietsdemonstratie Amsterdam", city="Amsterdam")
    event.organizers.add(organizer)
    return event


def upload(client, event) -> tuple[int, str, float]:
    photo = SimpleUploadedFile("dam.jpg", plain_image(size=(900, 600), fmt="JPEG"))
    started = time.monotonic()
    response = client.post(f"/en/photos/event/{event.pk}/", {"photos": [photo], "faces": "none"})
    return response.status_code, response.content.decode(), time.monotonic() - started


def refusing_writes(connection, stop):
    """A store that finds no file under any name (so the name is free) but answers every
    write with 503: the upload itself fails, in boto3's own error, not botocore's."""
    request = b""
    while b"\r\n\r\n" not in request:  # the head only: boto waits for "100 Continue"
        request += connection.recv(65536) or b"\r\n\r\n"
    if request.startswith((b"HEAD", b"GET")):
        connection.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
    else:
        connection.sendall(answering_head(b"503 Slow Down", s3_error("SlowDown")))


STORES_IN_TROUBLE = {
    # Every byte of every answer 0.2 s apart: no read waits STEP, so only a deadline ends it.
    "a byte at a time": trickling_http(
        content_type=b"application/xml", body=b"", interval=0.2, trickle_head=True
    ),
    "503 Slow Down": answering(b"503 Slow Down", s3_error("SlowDown")),
    "500 Internal Error": answering(b"500 Internal Server Error", s3_error("InternalError")),
    "writes refused": refusing_writes,
}


@pytest.mark.parametrize("trouble", STORES_IN_TROUBLE)
def test_an_upload_to_a_misbehaving_store_answers_within_the_deadline_and_keeps_nothing(
    trouble, client, event, organizer, settings, monkeypatch
):
    client.force_login(organizer)
    with serving(STORES_IN_TROUBLE[trouble]) as store:
        use_store(settings, monkeypatch, store.url)
        status, page, seconds = upload(client, event)
        assert status == 507, page[:500]
        assert "could not store the photos" in page
        # At most one call to the store runs out its deadline, and the upload stops there
        # (the rest is making the photo's sizes, slower on a busy machine).
        assert seconds < DEADLINE + 5, seconds
        assert store.connections, "the store was never asked"
    assert not Photo.objects.exists()
    # The organizer's page, which lists the event's photos, answers as before.
    assert client.get(f"/en/photos/event/{event.pk}/").status_code == 200


@pytest.fixture
def quick_s3(request, settings, monkeypatch):
    """moto's bucket as the default storage, with this file's short time-outs."""
    monkeypatch.setenv("MEDIA_STORAGE_TIMEOUT", str(STEP))
    return request.getfixturevalue("s3_media")


def keys(s3) -> set[str]:
    listing = s3["client"].list_objects_v2(Bucket=s3["bucket"])
    return {item["Key"] for item in listing.get("Contents", [])}


def test_a_write_that_finishes_after_its_deadline_is_removed_again(quick_s3, monkeypatch):
    """The caller was told that nothing was stored, so nothing may stay stored."""
    written = threading.Event()
    honest_save = S3Storage._save

    def late_save(storage, name, content):
        time.sleep(DEADLINE + 0.5)
        saved = honest_save(storage, name, content)
        written.set()
        return saved

    monkeypatch.setattr(S3Storage, "_save", late_save)
    started = time.monotonic()
    with pytest.raises(StorageDeadlineExceeded, match="took longer than"):
        default_storage.save("photos/late/original.jpg", ContentFile(b"\xff\xd8 a late photo"))
    assert time.monotonic() - started < DEADLINE + 5
    assert written.wait(10), "the late write never finished"
    wait_until(
        lambda: "media/photos/late/original.jpg" not in keys(quick_s3),
        timeout=10,
        message="the file written after its deadline is removed",
    )


def cover_in_bucket(event, organizer):
    campaign = event.campaign
    campaign.coordinators.add(organizer)
    return covers.set_cover(
        subject=campaign, actor=organizer, alt_text="Fietsers op de Dam",
        upload=covers.Upload("dam.png", banner()),
    )  # fmt: skip


def truncating_object(connection, stop):
    """HEAD says the object has 5000 bytes; GET sends 300 of them and hangs up."""
    request = read_http_request(connection)
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n"
        b'ETag: "0123456789abcdef0123456789abcdef"\r\n'
        b"Last-Modified: Sun, 06 Dec 2026 10:00:00 GMT\r\nConnection: close\r\n\r\n"
    )
    connection.sendall(head if request.startswith(b"HEAD") else head + b"\xff" * 300)


@pytest.mark.parametrize(
    "trouble",
    {
        "a byte at a time": STORES_IN_TROUBLE["a byte at a time"],
        "503 Slow Down": STORES_IN_TROUBLE["503 Slow Down"],
        "a body cut short": truncating_object,
    },
)
def test_a_cover_the_store_cannot_give_now_is_a_503_and_the_campaign_page_answers(
    trouble, quick_s3, client, event, organizer, settings, monkeypatch
):
    cover = cover_in_bucket(event, organizer)
    path = f"/covers/{cover.key}/email.jpg"
    assert client.get(path).status_code == 200
    with serving({**STORES_IN_TROUBLE, "a body cut short": truncating_object}[trouble]) as store:
        use_store(settings, monkeypatch, store.url)
        started = time.monotonic()
        response = client.get(path)
        seconds = time.monotonic() - started
        assert response.status_code == 503, response.content[:300]
        assert response["Retry-After"] and response["Cache-Control"] == "no-store"
        assert "try again shortly" in response.content.decode()
        assert seconds < DEADLINE + 5, seconds
        page = client.get(f"/en/campaigns/{event.campaign.slug}/")
        assert page.status_code == 200
    # A file the store has truly lost is still "not found".
    settings.STORAGES = {**settings.STORAGES, "default": quick_s3["storage"]}
    quick_s3["client"].delete_object(Bucket=quick_s3["bucket"], Key=f"media/{cover.email_file}")
    assert client.get(path).status_code == 404
