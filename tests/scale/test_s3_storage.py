"""Photos on S3-compatible storage (MEDIA_STORAGE_URL), against moto's real S3 HTTP API.

What must hold when a movement outgrows one machine: a photo uploaded through one server can be
read by another, every object is private, a bare object address answers 403, pages link photos
through the site's route, which redirects to a URL signed afresh for five minutes (so a cached
page or an open gallery never holds an expired link), and a photo not yet published has no
address on any public page.
"""

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import time_machine
from storages.backends.s3 import S3Storage

from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import plain_image
from turnout.media import services
from turnout.media.models import Photo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)
PUBLIC_GROUPS = ("AllUsers", "AuthenticatedUsers")


@pytest.fixture
def event():
    return LocalEventFactory(title="Vigil at the Neude")


@pytest.fixture
def coordinator(event):
    person = UserFactory()
    event.campaign.coordinators.add(person)
    return person


def upload(event, person, *, alt_text: str, colour=(0, 128, 0)) -> Photo:
    (photo,) = services.upload_photos(
        uploads=[
            services.Upload("neude.jpg", plain_image(size=(800, 600), fmt="JPEG", colour=colour))
        ],
        uploaded_by=person,
        now=NOW,
        event=event,
        alt_text=alt_text,
    )
    return photo


def image_urls(html: str) -> list[str]:
    """Every address an <img> or <source> of the page asks the browser to load."""
    urls = re.findall(r'<img[^>]*\ssrc="([^"]+)"', html)
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        urls += [entry.strip().split(" ")[0] for entry in srcset.split(",")]
    return [url.replace("&amp;", "&") for url in urls]


def test_an_upload_is_stored_privately_and_readable_from_another_server(
    s3_media, event, coordinator
):
    photo = upload(event, coordinator, alt_text="Candles on the square")
    client, bucket = s3_media["client"], s3_media["bucket"]
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert keys == {f"media/{name}" for name in photo.file_names()}
    assert len(keys) >= 3  # the original and its AVIF and WebP sizes

    # "Another server": a storage built from the same settings, sharing nothing in memory.
    elsewhere = S3Storage(**s3_media["storage"]["OPTIONS"])
    for name in photo.file_names():
        with elsewhere.open(name, "rb") as handle:
            stored = handle.read()
        assert stored == client.get_object(Bucket=bucket, Key=f"media/{name}")["Body"].read()
        assert stored  # a real file, not an empty placeholder

    for key in keys:
        grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        grantees = [grant["Grantee"].get("URI", "") for grant in grants]
        assert not [uri for uri in grantees if uri.endswith(PUBLIC_GROUPS)], (key, grants)
        bare = httpx.get(f"{s3_media['endpoint']}/{bucket}/{key}")
        assert bare.status_code == 403, key


def test_a_published_photo_is_linked_through_the_site_which_redirects_to_a_fresh_signed_url(
    s3_media, event, coordinator, client
):
    """A signed URL lives five minutes, a cached page or an open gallery longer: pages link
    the site's own route, which signs afresh on every visit."""
    photo = upload(event, coordinator, alt_text="Candles on the square")
    assert photo.state == Photo.State.APPROVED  # a coordinator's upload with a description
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    ours = [url for url in image_urls(html) if str(photo.key) in url]
    assert ours, image_urls(html)
    for url in ours:
        assert url.startswith(f"/media/photos/{photo.key}/"), url  # no expiring link in the page
        answer = client.get(url)
        assert answer.status_code == 302
        assert answer["Cache-Control"] == "public, max-age=60"
        signed = answer["Location"]
        assert signed.startswith(f"{s3_media['endpoint']}/{s3_media['bucket']}/media/photos/")
        query = parse_qs(urlsplit(signed).query)
        assert query["X-Amz-Signature"]
        assert int(query["X-Amz-Expires"][0]) <= 300
        fetched = httpx.get(signed)
        assert fetched.status_code == 200, fetched.text[:300]
        assert fetched.content[:4] == b"RIFF" or b"ftyp" in fetched.content[:16]  # WebP or AVIF
    first = client.get(ours[0])["Location"]
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=10)):
        later = client.get(ours[0])["Location"]
    assert later != first  # signed again, not a stale link


def test_a_photo_awaiting_review_has_no_address_on_public_pages(s3_media, event, client):
    organizer = UserFactory()
    event.organizers.add(organizer)
    pending = upload(event, organizer, alt_text="Not yet reviewed", colour=(200, 0, 0))
    assert pending.state == Photo.State.PENDING
    for path in (f"/en/events/{event.pk}/", f"/en/campaigns/{event.campaign.slug}/"):
        response = client.get(path)
        assert response.status_code == 200
        assert str(pending.key) not in response.content.decode()
    # Nor through the application's own route, for a visitor.
    assert client.get(f"/media/{pending.original}").status_code == 404
    # Its organizer sees it, read from the bucket by the application.
    client.force_login(organizer)
    served = client.get(f"/media/{pending.original}")
    assert served.status_code == 200
    assert served["Cache-Control"] == "private, no-store"
    assert b"".join(served.streaming_content)[:2] == b"\xff\xd8"  # the JPEG original
