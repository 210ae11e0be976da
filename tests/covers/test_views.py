"""The cover pages through the test client: who may open them, the form's refusals, the file
route's answers."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.factories import LocalEventFactory, UserFactory
from turnout.covers import services
from turnout.covers.models import CoverImage

from .images import banner

pytestmark = pytest.mark.django_db


def upload(name="banner.png", data=None):
    return SimpleUploadedFile(name, banner() if data is None else data, content_type="image/png")


def post_cover(client, path, **fields):
    data = {"alt_text": "Zes mensen met een spandoek op de Neude", "credit": "Sanne", **fields}
    return client.post(path, data)


def test_a_coordinator_sets_the_hero_through_the_form(client, campaign, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/en/covers/campaign/{campaign.slug}/")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    response = post_cover(client, f"/en/covers/campaign/{campaign.slug}/", image=upload())
    assert response.status_code == 302
    cover = CoverImage.objects.get(campaign=campaign)
    assert cover.alt_text == "Zes mensen met een spandoek op de Neude"
    assert "The image is saved." in client.get(response.url).content.decode()


def test_an_organizer_sets_and_removes_the_event_image(client, event, organizer):
    client.force_login(organizer)
    path = f"/en/covers/event/{event.pk}/"
    assert post_cover(client, path, image=upload()).status_code == 302
    assert CoverImage.objects.filter(event=event).exists()
    edit_page = client.get(f"/en/dashboard/events/{event.pk}/edit/").content.decode()
    assert f'href="{path}"' in edit_page and "Change the event's image" in edit_page
    response = client.post(f"/en/covers/event/{event.pk}/remove/")
    assert response.status_code == 302 and response.url == path
    assert not CoverImage.objects.exists()


def test_the_coordinators_dashboard_links_to_the_hero(client, campaign, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/en/dashboard/campaigns/{campaign.slug}/").content.decode()
    assert f'href="/en/covers/campaign/{campaign.slug}/"' in page and "Add a hero image" in page


def test_missing_alt_text_is_a_clear_error_and_stores_nothing(client, event, organizer, settings):
    client.force_login(organizer)
    response = post_cover(client, f"/en/covers/event/{event.pk}/", image=upload(), alt_text="")
    assert response.status_code == 400
    assert "alt text" in response.content.decode() and "it is required" in response.content.decode()
    assert not CoverImage.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_the_first_save_needs_a_file(client, event, organizer):
    client.force_login(organizer)
    response = post_cover(client, f"/en/covers/event/{event.pk}/")
    assert response.status_code == 400 and "Choose an image." in response.content.decode()


def test_an_svg_with_a_script_is_refused_in_dutch(client, event, organizer):
    client.force_login(organizer)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>x()</script></svg>'
    response = post_cover(client, f"/nl/covers/event/{event.pk}/", image=upload("affiche.svg", svg))
    assert response.status_code == 400
    assert "affiche.svg is geen afbeelding die we kunnen lezen" in response.content.decode()
    assert not CoverImage.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_strangers_are_refused(client, campaign, event, method):
    other_organizer = UserFactory()
    LocalEventFactory(campaign=campaign).organizers.add(other_organizer)
    for person in (other_organizer, UserFactory()):  # another event's organizer, a participant
        client.force_login(person)
        for path in (f"/en/covers/event/{event.pk}/", f"/en/covers/campaign/{campaign.slug}/"):
            response = getattr(client, method)(path, {"alt_text": "x"})
            assert response.status_code == 403
        assert client.post(f"/en/covers/event/{event.pk}/remove/").status_code == 403
    assert not CoverImage.objects.exists()


def test_an_organizer_may_not_set_the_campaigns_hero(client, campaign, organizer):
    client.force_login(organizer)
    assert client.get(f"/en/covers/campaign/{campaign.slug}/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, campaign, event):
    for path in (f"/en/covers/event/{event.pk}/", f"/en/covers/campaign/{campaign.slug}/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/sign-in/" in response.url


def test_unknown_subjects_are_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/en/covers/event/999999/").status_code == 404
    assert client.get("/en/covers/campaign/no-such-campaign/").status_code == 404


def test_the_file_route_serves_each_file_with_its_type_and_a_brief_cache(client, event, organizer):
    cover = services.set_cover(
        subject=event, actor=organizer, alt_text="Banner",
        upload=services.Upload("b.png", banner()),
    )  # fmt: skip
    expected = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
    formats = {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG", "png": "PNG"}
    for name in cover.file_names():
        file = name.rsplit("/", 1)[-1]
        response = client.get(f"/covers/{cover.key}/{file}")
        assert response.status_code == 200, name
        assert response["Content-Type"] == expected[file.rsplit(".", 1)[-1]]
        assert response["Cache-Control"] == "public, max-age=300, s-maxage=60"
        body = b"".join(response.streaming_content)
        assert Image.open(io.BytesIO(body)).format == formats[file.rsplit(".", 1)[-1]]


def test_the_file_route_knows_only_the_covers_own_files(client, event, organizer, settings):
    cover = services.set_cover(
        subject=event, actor=organizer, alt_text="Banner",
        upload=services.Upload("b.png", banner()),
    )  # fmt: skip
    (settings.MEDIA_ROOT / "covers" / str(cover.key) / "secret.txt").write_text("no")
    for path in (
        f"/covers/{cover.key}/secret.txt",
        "/covers/00000000-0000-0000-0000-000000000000/960.webp",
        f"/covers/{cover.key}/..%2F..%2Fsecret_key",
        "/covers/not-a-uuid/960.webp",
    ):
        assert client.get(path).status_code == 404, path
    old_file = cover.renditions[0]["name"].rsplit("/", 1)[-1]
    old_key = cover.key
    services.set_cover(
        subject=event, actor=organizer, alt_text="Banner",
        upload=services.Upload("c.png", banner(colours=((0, 0, 0), (9, 9, 9)))),
    )  # fmt: skip
    assert client.get(f"/covers/{old_key}/{old_file}").status_code == 404  # replaced: gone


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=4096), name=st.text(max_size=60))
def test_any_bytes_uploaded_give_an_answer_never_a_crash(client, event, organizer, data, name):
    client.force_login(organizer)
    name = re.sub(r"[\x00/\\]", "", name)
    # "." and ".." are names Django refuses to make a file of (the browser never sends them).
    file = SimpleUploadedFile(name if name not in ("", ".", "..") else "x", data)
    response = client.post(f"/en/covers/event/{event.pk}/", {"alt_text": "Banner", "image": file})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert 'class="errorlist' in response.content.decode()
