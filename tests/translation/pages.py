"""A realistic protest page in English (`pause_day/en.md`) and faithful translations of it into
Dutch, German and French, written by hand the way a careful translator (or a well-behaved model)
would: German runs about a third longer, headings are rephrased rather than translated word for
word, a first line may end in a colon where the source's does.

The translated pages repeat the source's heading anchors explicitly, so that segment i of a
translation is the translation of segment i of the source.
"""

from datetime import UTC, datetime
from pathlib import Path

from tests.content.factories import PageFactory
from turnout.translation.models import Translation
from turnout.translation.placeholders import PLACEHOLDER, protect
from turnout.translation.providers import configured_provider
from turnout.translation.run import translate_all
from turnout.translation.segments import split_text
from turnout.translation.services import translation_for
from turnout.translation.sources import TextSource

FOLDER = Path(__file__).parent / "pause_day"
SOURCE = (FOLDER / "en.md").read_text(encoding="utf-8")
LANGUAGES = ("nl", "de", "fr")
TRANSLATIONS = {
    language: (FOLDER / f"{language}.md").read_text(encoding="utf-8") for language in LANGUAGES
}


def segment_pairs(language: str) -> list[tuple[str, str]]:
    """(source segment, its faithful translation), in page order."""
    source, translated = split_text(SOURCE).segments, split_text(TRANSLATIONS[language]).segments
    assert [s.kind for s in source] == [t.kind for t in translated]
    return [(s.text, t.text) for s, t in zip(source, translated, strict=True)]


def protected_pair(source: str, translated: str) -> tuple[str, str]:
    """The segment as the model receives it, and the faithful answer with the same tokens."""
    protected = protect(source)
    number = {original: n for n, original in enumerate(protected.originals, start=1)}
    answer = protect(translated)
    return protected.text, PLACEHOLDER.sub(
        lambda m: f"⟦{number[answer.originals[int(m.group(1)) - 1]]}⟧", answer.text
    )


def honest_answers(language: str) -> dict[str, str]:
    """What a faithful model answers for each protected segment of the page."""
    return dict(protected_pair(s, t) for s, t in segment_pairs(language))


def translate_page(language: str) -> Translation:
    """Publish the page and run `turnout translate` into `language`; its translation."""
    page = PageFactory(slug="pause-day", source=SOURCE)
    translate_all(
        languages=[language],
        provider=configured_provider(),
        now=datetime(2030, 5, 1, 12, tzinfo=UTC),
        sleep=lambda s: None,
    )
    translation = translation_for(TextSource(page, "source", "en"), language)
    assert translation is not None
    return translation
