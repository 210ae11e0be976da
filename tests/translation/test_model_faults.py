"""A realistic page translated into Dutch, German and French by a chat-completions server on
loopback that damages its answers the way real models do: every damaged answer is refused and
the segment stays in English, listed for a translator; the retry names what was wrong, and an
answer fixed on the second request is published; faithful answers are published whole."""

import pytest

from turnout.content.frontmatter import split_front_matter
from turnout.translation.models import TranslatedSegment
from turnout.translation.placeholders import protect

from .faults import FAULTS, named_problem
from .pages import LANGUAGES, TRANSLATIONS, segment_pairs, translate_page

pytestmark = pytest.mark.django_db
State = TranslatedSegment.State


def requests_for(server, text: str) -> list[dict]:
    return [r for r in server.requests if r["messages"][1]["content"] == text]


def body(text: str) -> str:
    return split_front_matter(text)[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_faithful_translations_are_published_whole(model, language):
    translation = translate_page(language)
    assert translation.flagged_count == 0
    assert translation.machine_count == translation.segment_count == len(segment_pairs(language))
    assert body(translation.text) == body(TRANSLATIONS[language])
    assert len(model.requests) == len({protect(s).text for s, _ in segment_pairs(language)})
    assert all(len(r["messages"]) == 2 for r in model.requests)  # nothing was retried


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_damaged_answer_is_refused_and_its_segment_stays_in_english(model, language, fault):
    model.mode = fault
    translation = translate_page(language)
    assert model.damaged, f"{fault} damaged nothing on the page"
    honest = dict(segment_pairs(language))
    for row in translation.segments.all():
        text = protect(row.source_text).text
        if text in model.damaged:
            assert row.state == State.FLAGGED, (fault, row.source_text)
            assert row.problems and row.text == ""
            assert row.source_text in translation.text  # the page shows the English
            requests = requests_for(model, text)
            assert len(requests) == 3  # TRANSLATION_MAX_ATTEMPTS, then a person
            for later in requests[1:]:
                correction = later["messages"][-1]["content"]
                assert any(words in correction for words in named_problem(fault)), correction
        else:
            assert row.state == State.MACHINE, (fault, row.source_text, row.problems)
            assert row.text == honest[row.source_text]
    assert translation.flagged_count == len(
        {row.pk for row in translation.segments.all() if row.state == State.FLAGGED}
    )


# Each fault in one language, taking the three in turn (test_checks.py checks every pair).
@pytest.mark.parametrize(
    ("fault", "language"),
    [(fault, LANGUAGES[n % len(LANGUAGES)]) for n, fault in enumerate(FAULTS)],
)
def test_an_answer_corrected_after_the_named_problem_is_published(model, language, fault):
    model.mode, model.faulty_attempts = fault, 1
    translation = translate_page(language)
    assert translation.flagged_count == 0
    assert body(translation.text) == body(TRANSLATIONS[language])
    assert model.damaged
    for text in model.damaged:
        first, second = requests_for(model, text)
        assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "user"]
        damaged_answer = second["messages"][2]["content"]
        assert damaged_answer != model.answers[language][text]
        assert first["messages"] == second["messages"][:2]  # the same text, not a new request
        correction = second["messages"][3]["content"]
        assert any(words in correction for words in named_problem(fault)), correction
