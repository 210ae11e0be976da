"""The object store (MEDIA_STORAGE_URL) down or hanging: an upload answers within seconds,
says so, and keeps nothing; a page that shows a stored image still answers.

Two stand-ins for a store in trouble, both real sockets on loopback: a port nobody listens on
(refused at once), and a server that accepts the connection and never answers (a store under
load, or a firewall eating packets), which boto's defaults would wait on for minutes.
"""

import socket
import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import plain_image
from tests.scale.conftest import free_port
from turnout.media import services
from turnout.media.models import Photo
from turnout.web.stored_files import delete_files

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
TIMEOUT = 1.0  # MEDIA_STORAGE_TIMEOUT for these tests: each step's wait, tried twice


class HangingServer:
    """Accepts every connection and never answers a byte, until closed."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture(params=["refused", "hanging"])
def troubled_store(request, settings, monkeypatch):
    from turnout.settings import _object_storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "turnout-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "turnout-test-secret")
    monkeypatch.setenv("MEDIA_STORAGE_TIMEOUT", str(TIMEOUT))
    server = HangingServer() if request.param == "hanging" else None
    port = server.port if server else free_port()
    storage, _ = _object_storage(
        f"s3://turnout-down/media?endpoint_url=http://127.0.0.1:{port}"
        "&region=eu-west-1&addressing_style=path"
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    yield request.param
    if server:
        server.close()


@pytest.fixture
def organizer():
    return UserFactory()


@pytest.fixture
def event(organizer):
    event = LocalEventFactory(title="Vigil at the Neude")
    event.organizers.add(organizer)
    return event


def test_an_upload_to_a_store_in_trouble_answers_soon_says_so_and_keeps_nothing(
    troubled_store, client, event, organizer
):
    client.force_login(organizer)
    photo = SimpleUploadedFile("neude.jpg", plain_image(size=(800, 600), fmt="JPEG"))
    started = time.monotonic()
    response = client.post(f"/en/photos/event/{event.pk}/", {"photos": [photo], "faces": "none"})
    # Two tries of at most TIMEOUT to connect and TIMEOUT per read, with boto's short backoff.
    assert time.monotonic() - started < 8 * TIMEOUT + 2
    assert response.status_code == 507
    assert "could not store the photos" in response.content.decode()
    assert not Photo.objects.exists()


def test_the_service_raises_its_own_error_for_a_store_in_trouble(troubled_store, event, organizer):
    with pytest.raises(services.PhotoStorageFailed):
        services.upload_photos(
            uploads=[services.Upload("neude.jpg", plain_image(size=(640, 480), fmt="JPEG"))],
            uploaded_by=organizer,
            now=event.starts_at,
            event=event,
            alt_text="A vigil",
        )
    assert not Photo.objects.exists()


def test_removing_files_from_a_store_in_trouble_is_logged_not_raised(troubled_store, caplog):
    delete_files(["photos/gone/original.jpg"])
    assert "could not delete photos/gone/original.jpg" in caplog.text
