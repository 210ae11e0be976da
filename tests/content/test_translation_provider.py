"""Content shows translations through the provider the translation app registers, never by
importing it: with the provider a page is read in Dutch and its admin lists its translations;
without one, pages show their source and the admin says there is nothing to list."""

from datetime import UTC, datetime

import pytest

from tests.factories import UserFactory
from turnout.content import translations
from turnout.translation import selectors
from turnout.translation.providers import NoProvider
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import TextSource

from .factories import PageFactory

pytestmark = pytest.mark.django_db
SOURCE = "---\ntitle: Values\n---\n\nBecause it matters.\n"


@pytest.fixture
def translated_page():
    page = PageFactory(slug="values", source=SOURCE)
    translation = refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )
    paragraph = translation.segments.get(kind="paragraph")
    review_segments(
        translation=translation,
        texts={paragraph.pk: "Omdat het ertoe doet."},
        approved={paragraph.pk},
        reviewer=UserFactory(),
        now=datetime(2030, 1, 1, tzinfo=UTC),
    )
    return page, translation


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))


def test_the_translation_app_is_the_registered_provider():
    assert translations._provider is not None
    assert translations._provider.text_in_language is selectors.text_in_language
    assert translations._provider.translations_of is selectors.translations_of


def test_a_page_is_read_in_dutch_and_listed_in_its_admin(client, editor, translated_page):
    page, translation = translated_page
    assert "Omdat het ertoe doet." in client.get("/nl/values/").content.decode()
    admin_page = client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    assert f'href="/admin/translation/translation/{translation.pk}/change/"' in admin_page
    assert "nl: " in admin_page


def test_an_untranslated_page_says_so_in_its_admin(client, editor):
    page = PageFactory(slug="values", source=SOURCE)
    admin_page = client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    assert "None yet" in admin_page


def test_without_a_provider_pages_show_their_source(client, editor, translated_page, monkeypatch):
    page, translation = translated_page
    monkeypatch.setattr(translations, "_provider", None)
    text = client.get("/nl/values/").content.decode()
    assert "Because it matters." in text and "Omdat het ertoe doet." not in text
    admin_page = client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    assert f"/admin/translation/translation/{translation.pk}/" not in admin_page
    assert "None yet" not in admin_page
