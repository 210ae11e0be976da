"""Editors and translators in the admin: preview, revisions, and the side-by-side review."""

from datetime import UTC, datetime

import pytest
from django.utils import translation as django_translation

from tests.factories import UserFactory
from turnout.content.models import Page
from turnout.translation.models import TranslatedSegment
from turnout.translation.providers import NoProvider
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import TextSource

from .factories import PageFactory

pytestmark = pytest.mark.django_db
SOURCE = "---\ntitle: Values\n---\n\n## Why\n\nBecause it matters.\n\n## How\n\n## What\n"


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_preview_renders_the_unsaved_page_and_saves_nothing(client, editor):
    response = client.post(
        "/admin/content/page/add/",
        {"slug": "values", "language": "en", "status": "draft", "source": SOURCE, "_preview": "1"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="why">Why</h2>' in text and "Nothing is saved" in text
    assert not Page.objects.exists()


def test_saving_in_the_admin_keeps_a_revision_by_its_author(client, editor):
    response = client.post(
        "/admin/content/page/add/",
        {"slug": "values", "language": "en", "status": "published", "source": SOURCE},
    )
    assert response.status_code == 302
    page = Page.objects.get()
    assert page.title == "Values"
    assert page.revisions.get().author == editor
    change = client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    assert "/admin/content/pagerevision/" in change


def test_admin_refuses_a_reserved_address(client, editor):
    response = client.post(
        "/admin/content/page/add/",
        {"slug": "campaigns", "language": "en", "status": "draft", "source": SOURCE},
    )
    assert response.status_code == 200
    assert "another part of the site" in response.content.decode()
    assert not Page.objects.exists()


def stale_translation(page, reviewer):
    translation = refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )
    paragraph = translation.segments.get(kind="paragraph")
    review_segments(
        translation=translation,
        texts={paragraph.pk: "Omdat het ertoe doet."},
        approved=set(),
        reviewer=reviewer,
        now=datetime(2030, 1, 1, tzinfo=UTC),
    )
    page.source = SOURCE.replace("Because it matters.", "Because it matters a lot.")
    page.save()
    translation.refresh_from_db()
    return translation


@pytest.mark.parametrize(("language", "stale_label"), [("en", "Stale"), ("nl", "Verouderd")])
def test_review_shows_stale_segments_first_beside_their_old_and_new_source(
    client, editor, language, stale_label
):
    page = PageFactory(slug="values", source=SOURCE)
    translation = stale_translation(page, editor)
    with django_translation.override(language):
        response = client.get(
            f"/admin/translation/translation/{translation.pk}/change/",
            HTTP_ACCEPT_LANGUAGE=language,
        )
    text = response.content.decode()
    assert response.status_code == 200
    first_row = text.split("<tbody>")[1].split("</tr>")[0]
    assert stale_label in first_row
    assert "Because it matters a lot." in first_row and "Because it matters." in first_row
    assert "Omdat het ertoe doet." in first_row


def test_reviewer_corrects_and_approves_and_the_page_shows_it(client, editor):
    page = PageFactory(slug="values", source=SOURCE)
    translation = stale_translation(page, editor)
    stale = translation.segments.get(state=TranslatedSegment.State.STALE)
    response = client.post(
        f"/admin/translation/translation/{translation.pk}/change/",
        {
            f"text-{stale.pk}": "Omdat het er\r\nveel toe doet.",
            f"source-{stale.pk}": stale.source_hash,
            "approve": [str(stale.pk)],
        },
    )
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.state == TranslatedSegment.State.REVIEWED
    assert stale.text == "Omdat het er\nveel toe doet." and stale.reviewed_by == editor
    assert "Omdat het er\nveel toe doet." in client.get("/nl/values/").content.decode()


def test_people_without_rights_cannot_review(client):
    client.force_login(UserFactory(is_staff=True))
    page = PageFactory(slug="values", source=SOURCE)
    translation = refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )
    response = client.post(f"/admin/translation/translation/{translation.pk}/change/", {})
    assert response.status_code == 403
