"""Covers on S3-compatible storage (MEDIA_STORAGE_URL), against moto's real S3 HTTP API: pages
link the site's own /covers/ route, never a signed bucket URL that expires while the page is
cached; the route streams the private object; a replaced image's objects are deleted."""

import pytest

from turnout.covers import services

from .images import banner

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def objects(s3) -> set[str]:
    listing = s3["client"].list_objects_v2(Bucket=s3["bucket"])
    return {item["Key"].removeprefix("media/") for item in listing.get("Contents", [])}


def test_a_cover_in_a_bucket_is_served_through_the_site(
    client, s3_media, campaign, coordinator, settings
):
    settings.SITE_URL = "https://turnout.example.org"
    cover = services.set_cover(
        subject=campaign, actor=coordinator, alt_text="Een zee van borden",
        upload=services.Upload("zee.png", banner()),
    )  # fmt: skip
    assert objects(s3_media) == set(cover.file_names())
    html = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert f"/covers/{cover.key}/960.webp 960w" in html
    assert "X-Amz-" not in html and s3_media["endpoint"] not in html
    name = cover.email_file
    response = client.get(f"/covers/{cover.key}/email.jpg")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    body = b"".join(response.streaming_content)
    assert (
        body
        == s3_media["client"]
        .get_object(Bucket=s3_media["bucket"], Key=f"media/{name}")["Body"]
        .read()
    )

    replaced = services.set_cover(
        subject=campaign, actor=coordinator, alt_text="Een zee van borden",
        upload=services.Upload("zee2.png", banner(colours=((0, 0, 0), (255, 255, 255)))),
    )  # fmt: skip
    assert objects(s3_media) == set(replaced.file_names())
