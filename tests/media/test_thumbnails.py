"""Thumbnails on the upload page and in the review queue keep each photo's aspect ratio."""

import re
from datetime import UTC, datetime

import pytest

from tests.factories import LocalEventFactory, UserFactory
from turnout.media import services

from .images import plain_image

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)


def thumbnails(html: str) -> list[tuple[int, int]]:
    tags = re.findall(r'<li class="photo-admin">\s*<img [^>]*>', html)
    return [
        (int(re.search(r'width="(\d+)"', tag)[1]), int(re.search(r'height="(\d+)"', tag)[1]))
        for tag in tags
    ]


@pytest.mark.parametrize("size", [(600, 400), (400, 600), (1200, 300)])
def test_review_queue_and_upload_page_give_thumbnails_the_photos_ratio(client, size):
    event = LocalEventFactory(city="Utrecht")
    organizer, coordinator = UserFactory(), UserFactory()
    event.organizers.add(organizer)
    event.campaign.coordinators.add(coordinator)
    [photo] = services.upload_photos(
        uploads=[services.Upload("p.png", plain_image(size=size))],
        uploaded_by=organizer,
        now=NOW,
        event=event,
        alt_text="",
    )
    assert (photo.width, photo.height) == size
    client.force_login(coordinator)
    for url in ["/en/photos/review/", f"/en/photos/event/{event.pk}/"]:
        [(width, height)] = thumbnails(client.get(url).content.decode())
        assert abs(width / height - size[0] / size[1]) < 0.01, url
