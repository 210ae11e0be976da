"""Segments, placeholders and the checks a machine translation must pass."""

import pytest

from tests.content.corpus import corpus_page
from turnout.content.frontmatter import split_front_matter
from turnout.translation.placeholders import protect
from turnout.translation.segments import Kind, split_text
from turnout.translation.validation import translation_problems


@pytest.mark.parametrize("name", ["values", "proposal", "code-of-conduct", "2024-may"])
def test_corpus_page_splits_and_reassembles_with_explicit_anchors_only_added(name):
    source = corpus_page(name)
    split = split_text(source)
    rebuilt = split.assemble([segment.text for segment in split.segments])
    without_ids = "\n".join(
        line.split(" {#")[0] if line.startswith("#") else line
        for line in split_front_matter(rebuilt)[1].splitlines()
    )
    original = "\n".join(
        line.split(" {#")[0] if line.startswith("#") else line
        for line in split_front_matter(source)[1].splitlines()
    )
    assert without_ids == original


def test_blocks_become_segments_of_their_kind_and_code_and_embeds_stay_out():
    split = split_text(
        "---\ntitle: Values\ndate: 2024-05-13\n---\n\n## Why\n\nBecause.\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| c | d |\n\n> quoted\n\n```\ncode\n```\n\n"
        "https://youtu.be/PWyQRFlZa9c\n\n---\n"
    )
    assert [(s.kind, s.text) for s in split.segments] == [
        (Kind.FRONT_MATTER, "Values"),
        (Kind.HEADING, "## Why {#why}"),
        (Kind.PARAGRAPH, "Because."),
        (Kind.LIST_ITEM, "- one"),
        (Kind.LIST_ITEM, "- two"),
        (Kind.TABLE_ROW, "| a | b |"),
        (Kind.TABLE_ROW, "| c | d |"),
        (Kind.QUOTE, "> quoted"),
    ]
    assert "date: 2024-05-13" in split.assemble([s.text for s in split.segments])


def test_identical_text_has_the_same_hash_and_an_edit_changes_it():
    first, second, _other = split_text("Same words.\n\nSame words.\n\nOther words.\n").segments
    assert first.hash == second.hash != split_text("Same words!\n").segments[0].hash


def test_links_urls_code_ids_and_tags_are_protected_and_restored():
    text = "## See [our proposal](/proposal) {#see} `x = 1` <Embed/> https://a.org/b mail a@b.org"
    protected = protect(text)
    assert protected.text == "## See [our proposal]⟦1⟧ ⟦2⟧ ⟦3⟧ ⟦4⟧ ⟦5⟧ mail ⟦6⟧"
    assert protected.restore(protected.text) == text


def check(source: str, translated_with: str, finish_reason: str = "stop") -> list[str]:
    protected = protect(source)
    problems = translation_problems(
        protected=protected, translated=translated_with, finish_reason=finish_reason
    )
    return [problem.message for problem in problems]


def test_a_faithful_translation_passes():
    assert check("- Read [the plan](/plan) now.", "- Lees [het plan]⟦1⟧ nu.") == []


@pytest.mark.parametrize(
    ("translated", "finish", "problem"),
    [
        ("- Lees het plan nu.", "stop", "missing"),
        ("- Lees [het plan]⟦1⟧ ⟦1⟧ nu.", "stop", "more than once"),
        ("- Lees [het plan]⟦1⟧ ⟦2⟧ nu.", "stop", "invents"),
        ("Lees [het plan]⟦1⟧ nu.", "stop", "structure"),
        ("- Lees [het plan]⟦1⟧ nu.", "length", "stopped early"),
        ("", "stop", "empty"),
    ],
)
def test_broken_translations_are_caught(translated, finish, problem):
    assert any(problem in p for p in check("- Read [the plan](/plan) now.", translated, finish))


def test_a_suspiciously_short_translation_is_caught():
    source = "This long paragraph explains in detail why a pause on the largest systems matters."
    assert any("length" in p for p in check(source, "Deze lange"))


def test_a_changed_heading_level_is_caught():
    assert any("structure" in p for p in check("## Why {#why}", "### Waarom ⟦1⟧"))
