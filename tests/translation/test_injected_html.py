"""HTML that runs script never reaches a page through a translation: a model that adds it to
its answers is refused (the page shows the source's text), and what a reviewer pastes is
sanitized when the page renders, as everything an author writes is."""

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from tests.content.factories import PageFactory
from tests.factories import UserFactory
from turnout.translation.models import TranslatedSegment
from turnout.translation.providers import NoProvider
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import TextSource

from .pages import honest_answers, translate_page

pytestmark = pytest.mark.django_db

_INJECTED = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">hier</a>',
    "<iframe src=https://example.org/></iframe>",
)


class _ScriptFinder(HTMLParser):
    """Elements of a page that run script: <script>, <iframe>, on* handlers, javascript: links.
    Text that merely reads "<script>" (escaped) runs nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"iframe", "object"}:  # (the page's own <Embed> is a component)
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and "alert(1)" in data:
            self.found.append("script")


def _runs_script(html: str) -> list[str]:
    finder = _ScriptFinder()
    finder.feed(html)
    return finder.found


@pytest.mark.parametrize("html", _INJECTED)
def test_a_model_adding_html_is_refused_and_the_page_keeps_its_source(client, model, html):
    model.answers["nl"] = {
        text: f"{answer} {html}" for text, answer in honest_answers("nl").items()
    }
    translation = translate_page("nl")
    assert translation.machine_count == 0
    assert translation.segments.filter(state=TranslatedSegment.State.FLAGGED).exists()
    assert not _runs_script(translation.text)
    page = client.get("/nl/pause-day/")
    assert page.status_code == 200
    assert not _runs_script(page.content.decode())


@pytest.mark.parametrize("html", _INJECTED)
def test_html_a_reviewer_pastes_is_sanitized_on_the_page(client, html):
    page = PageFactory(slug="values", source="---\ntitle: Values\n---\n\nBecause it matters.\n")
    translation = refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )
    paragraph = translation.segments.get(kind="paragraph")
    review_segments(
        translation=translation,
        texts={paragraph.pk: f"Omdat het ertoe doet. {html}"},
        approved={paragraph.pk},
        reviewer=UserFactory(),
        now=datetime(2030, 1, 1, tzinfo=UTC),
    )
    shown = client.get("/nl/values/").content.decode()
    assert "Omdat het ertoe doet." in shown
    assert not _runs_script(shown)
