"""Content pages in both languages, their rules and revisions, and consent to embeds."""

import re
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CampaignFactory, UserFactory
from turnout.content.consent import COOKIE_NAME
from turnout.content.models import Page
from turnout.content.services import restore_revision, save_page
from turnout.translation.models import Translation
from turnout.translation.providers import NoProvider
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import TextSource

from .corpus import corpus_page
from .factories import PageFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def anchors(response) -> list[str]:
    return re.findall(r'<h[23] id="([^"]+)"', response.content.decode())


def dutch_values(page: Page) -> Translation:
    """A person translates the values page into Dutch (no machine involved)."""
    translation = refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )
    texts = {}
    for segment in translation.segments.all():
        texts[segment.pk] = (
            segment.source_text.replace("What do we want?", "Wat willen we?")
            .replace("What are our values?", "Wat zijn onze waarden?")
            .replace("PauseAI Values", "Waarden van PauseAI")
        )
    return review_segments(
        translation=translation,
        texts=texts,
        approved=set(texts),
        reviewer=UserFactory(),
        now=NOW,
    )


def test_values_page_has_the_same_anchors_in_english_and_dutch(client):
    page = PageFactory(slug="values", source=corpus_page("values"))
    dutch_values(page)
    english = client.get("/en/values/")
    dutch = client.get("/nl/values/")
    assert english.status_code == dutch.status_code == 200
    assert anchors(english)[:2] == ["what-do-we-want", "what-are-our-values"]
    assert [a for a in anchors(dutch) if a != "page-contents-heading"] == [
        a for a in anchors(english) if a != "page-contents-heading"
    ]
    text = dutch.content.decode()
    assert "Wat willen we?</h2>" in text and "<h1>Waarden van PauseAI</h1>" in text
    assert "translated by machine" not in text and "vertaald" not in text.split("<article")[0]


def test_untranslated_page_says_so_and_marks_its_language(client):
    PageFactory(slug="values", source=corpus_page("values"))
    response = client.get("/nl/values/")
    text = response.content.decode()
    assert response.status_code == 200
    assert 'lang="en"' in text
    assert "nog niet vertaald" in text
    assert "What do we want?" in text


def test_path_without_slash_reaches_the_page(client):
    PageFactory(slug="values")
    response = client.get("/nl/values", follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == "/nl/values/"


def test_drafts_are_hidden_from_visitors_and_shown_to_staff(client):
    PageFactory(slug="draft", status=Page.Status.DRAFT)
    assert client.get("/en/draft/").status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert "only editors" in client.get("/en/draft/").content.decode()


def test_contents_are_listed_for_a_long_page(client):
    PageFactory(slug="code-of-conduct", source=corpus_page("code-of-conduct"))
    text = client.get("/en/code-of-conduct/").content.decode()
    assert 'href="#encouraged-behaviours"' in text and "On this page" in text


@pytest.mark.parametrize(
    "slug", ["campaigns", "events", "archive", "groups", "api", "admin", "consent", "signups"]
)
def test_reserved_slugs_are_refused(slug):
    page = Page(slug=slug, source="---\ntitle: X\n---\n")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "another part of the site" in str(error.value)


def test_page_needs_a_title_and_valid_front_matter():
    with pytest.raises(ValidationError, match="title"):
        Page(slug="x", source="Just text").full_clean()
    with pytest.raises(ValidationError, match="front matter is not valid"):
        Page(slug="x", source="---\ntitle: [oops\n---\n").full_clean()


def test_every_save_keeps_a_revision_and_a_revision_can_be_restored():
    editor = UserFactory()
    page = save_page(
        page=Page(slug="values", source="---\ntitle: One\n---\nFirst."), author=editor, now=NOW
    )
    page.source = "---\ntitle: Two\n---\nSecond."
    save_page(page=page, author=editor, now=NOW.replace(hour=13))
    save_page(page=page, author=editor, now=NOW.replace(hour=14))  # unchanged: no revision
    assert page.revisions.count() == 2 and page.title == "Two"
    first = page.revisions.order_by("created_at").first()
    restore_revision(revision=first, author=editor, now=NOW.replace(hour=15))
    page.refresh_from_db()
    assert page.title == "One" and page.source.endswith("First.")
    assert page.revisions.count() == 3 and page.revisions.first().note.startswith("restored")


def test_campaign_page_shows_the_translated_narrative_in_dutch(client):
    campaign = CampaignFactory(slug="may", narrative="We act **now**.", core_messages="- Pause now")
    translation = refresh_translation(
        source=TextSource(campaign, "narrative", "en"), language="nl", provider=NoProvider()
    )
    segment = translation.segments.get()
    review_segments(
        translation=translation,
        texts={segment.pk: "We komen **nu** in actie."},
        approved=set(),
        reviewer=UserFactory(),
        now=NOW,
    )
    dutch = client.get("/nl/campaigns/may/").content.decode()
    english = client.get("/en/campaigns/may/").content.decode()
    assert "We komen <strong>nu</strong> in actie." in dutch
    assert "We act <strong>now</strong>." in english
    assert "Pause now" in dutch  # not translated yet: the original


def test_consent_form_sets_the_cookie_and_returns_to_the_post(client):
    response = client.post(
        "/en/consent/",
        {"provider": "youtube", "decision": "allow", "anchor": "embed-youtube-abc"},
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER="http://testserver/en/values/",
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/values/#embed-youtube-abc"  # the Referer's path
    assert response.cookies[COOKIE_NAME].value == "youtube"
    assert response.cookies[COOKIE_NAME]["samesite"] == "Lax"


def test_consent_is_kept_per_provider_and_withdrawn_from_the_footer(client):
    client.cookies[COOKIE_NAME] = "youtube"
    client.post(
        "/en/consent/",
        {"provider": "twitter", "decision": "allow"},
        HTTP_ORIGIN="http://testserver",
    )
    assert client.cookies[COOKIE_NAME].value == "twitter.youtube"
    footer = client.get("/en/consent/").content.decode()
    assert "You allowed embedded posts from X (Twitter), YouTube." in footer
    client.post(
        "/en/consent/", {"provider": "all", "decision": "withdraw"}, HTTP_ORIGIN="http://testserver"
    )
    assert client.cookies[COOKIE_NAME].value == ""
    assert "You allowed" not in client.get("/en/consent/").content.decode()


def test_consent_from_another_site_is_refused(client):
    response = client.post(
        "/en/consent/",
        {"provider": "youtube", "decision": "allow"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies


def test_consent_with_an_unknown_provider_says_what_is_wrong(client):
    response = client.post(
        "/nl/consent/", {"provider": "tiktok", "decision": "allow"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 400
    assert "Kies" in response.content.decode()


def test_consent_page_lists_every_provider_in_dutch(client):
    text = client.get("/nl/consent/").content.decode()
    for name in ["X (Twitter)", "Bluesky", "Mastodon", "Instagram", "YouTube"]:
        assert name in text
    assert "Ingesloten berichten" in text
