"""Covers in the admin: added, refused with the form's errors, described, deleted with files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from turnout.accounts.models import AuditEntry
from turnout.covers.models import CoverImage

from .images import banner

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def stored(settings) -> set[str]:
    return {str(p.relative_to(settings.MEDIA_ROOT)) for p in settings.MEDIA_ROOT.rglob("*.*")}


def add(admin_client, **fields):
    return admin_client.post("/admin/covers/coverimage/add/", fields)


def test_an_administrator_adds_describes_and_deletes_a_cover(admin_client, event, settings):
    image = SimpleUploadedFile("plein.png", banner(), content_type="image/png")
    response = add(admin_client, event=event.pk, image=image, alt_text="Een vol plein", credit="")
    assert response.status_code == 302, response.content.decode()[:2000]
    cover = CoverImage.objects.get(event=event)
    assert stored(settings) == set(cover.file_names())
    assert AuditEntry.objects.filter(action="cover.set").count() == 1

    change = f"/admin/covers/coverimage/{cover.pk}/change/"
    page = admin_client.get(change).content.decode()
    assert f'src="/covers/{cover.key}/email.jpg"' in page
    response = admin_client.post(change, {"alt_text": "Een plein vol mensen", "credit": "Ilse"})
    assert response.status_code == 302
    cover.refresh_from_db()
    assert (cover.alt_text, cover.credit) == ("Een plein vol mensen", "Ilse")

    response = admin_client.post(f"/admin/covers/coverimage/{cover.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not CoverImage.objects.exists() and stored(settings) == set()


def test_the_admin_form_shows_the_refusals(admin_client, campaign, event, settings):
    bad = SimpleUploadedFile("script.svg", b"<svg><script>alert(1)</script></svg>")
    page = add(admin_client, campaign=campaign.pk, image=bad, alt_text="Logo")
    assert page.status_code == 200 and "not an image we can read" in page.content.decode()
    good = SimpleUploadedFile("b.png", banner())
    page = add(admin_client, campaign=campaign.pk, image=good, alt_text="")
    assert page.status_code == 200 and "This field is required." in page.content.decode()
    good = SimpleUploadedFile("b.png", banner())
    page = add(admin_client, campaign=campaign.pk, event=event.pk, image=good, alt_text="Both")
    assert "A cover belongs to one campaign or one event." in page.content.decode()
    assert not CoverImage.objects.exists() and stored(settings) == set()
