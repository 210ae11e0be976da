"""The twelfth round of damage (`damage_twelfth.py`) over a whole page translated into
Portuguese, Polish and Turkish: every damaged answer is refused with the reason that names
it, every faithful one passes, and so do unusual faithful ones (a link's words left in
English or the link over more words, the front matter's title quoted);
the front matter's keys translated or dropped, and an HTML comment dropped, are refused; a
footnote's text is translated, Turkish "on iki" is twelve and "değiliz" says "not"; and no
answer, however odd, crashes the checks or takes long."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.markdown_shape import front_matter_keys
from turnout.translation.placeholders import protect

from .damage import Pair
from .damage_rounds import (
    DamageRound,
    DamageRoundTests,
    assert_checked_in_linear_time,
    assert_checks_hold,
)
from .damage_twelfth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)
_pair = ROUND.pair


class TestTwelfthRound(DamageRoundTests):
    ROUND = ROUND


# ---------------------------------------------------------------------------------------------
# Damage of this round, one by one, with the reason it must be given.


@pytest.mark.parametrize(
    ("language", "damage", "code"),
    [
        ("pt", lambda t: t.replace("## O que trazer", "### O que trazer"), "structure"),
        ("pl", lambda t: t.replace("- Przyjaciela\n", ""), "structure"),
        ("tr", lambda t: t.replace("| 15:30 | Bakanlığa yürüyüş |\n", ""), "structure"),
        ("pt", lambda t: t.replace("title:", "título:"), "front_matter"),
        ("tr", lambda t: t.split("---\n", 2)[2].lstrip("\n"), "front_matter"),
        ("pl", lambda t: t.replace("draft: false", "draft: fałsz"), "front_matter"),
        ("pl", lambda t: t.replace("⟦2⟧\n\n", ""), "missing"),
        ("pt", lambda t: t.replace("⟦8⟧", "```\npip instalar cartazes\n```"), "missing"),
        ("tr", lambda t: t.replace("⟦7⟧", "{{< video dQw4w9WgXcQ >}}"), "added"),
        ("pl", lambda t: t.replace("[naszą propozycję]⟦3⟧", "naszą propozycję"), "missing"),
        ("pt", lambda t: t.replace("⟦4⟧", "(/imagens/lisboa-2029.jpg)"), "added"),
        ("tr", lambda t: t + "\n\n" + t, "repeated"),
    ],
)  # fmt: skip
def test_each_damage_is_refused_with_its_reason(language, damage, code):
    pair = _pair("page", language)
    assert code in problems(pair, damage(pair.faithful))


# ---------------------------------------------------------------------------------------------
# Faithful answers that look like damage.


@pytest.mark.parametrize(
    ("language", "change"),
    [
        # The link's words left in English, or the link over more words than the source's.
        ("pt", lambda t: t.replace("[a nossa proposta]", "[our proposal]")),
        ("pl", lambda t: t.replace("przeczytaj [naszą", "[przeczytaj naszą")),
        # Front matter's value quoted, as YAML allows.
        ("pt", lambda t: t.replace("title: Protesto da PauseAI em Lisboa",
                                   'title: "Protesto da PauseAI em Lisboa"')),
    ],
)  # fmt: skip
def test_unusual_faithful_pages_pass(language, change):
    pair = _pair("page", language)
    assert problems(pair, change(pair.faithful)) == []


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("---\ntitle: A\ndate: 2029-05-13\ntags:\n  - pause\n---\n\nText", ["title", "date", "tags"]),  # noqa: E501
        ("---\ntítulo: A\n---\n", ["título"]),
        ("Some text\n---\ntitle: not front matter\n---", []),
        ("---\nNo closing line", []),
        ("## A heading\n\ntitle: words", []),
    ],
)  # fmt: skip
def test_front_matter_keys_are_read_only_at_the_start(text, keys):
    assert front_matter_keys(text) == keys


def test_a_footnotes_text_is_translated_and_its_marker_kept():
    protected = protect("Read the statement[^1].\n\n[^1]: Published on 1 May 2029.")
    assert protected.originals == ("[^1]", "[^1]")
    assert "Published on 1 May" in protected.text


def test_a_reference_links_definition_is_kept_whole():
    assert protect("[photos]: https://pauseai.info/press/photos").originals == (
        "[photos]: https://pauseai.info/press/photos",
    )


@pytest.mark.parametrize(
    ("source", "answer", "refused"),
    [
        ("We are not against technology.", "Teknolojiye karşı değiliz.", False),
        ("We are not against technology.", "Teknolojiye karşıyız.", True),
        ("Nobody can win this race.", "Kimsenin kazanamayacağı bir yarış bu.", False),
    ],
)
def test_turkish_says_not_with_degil_and_a_verbs_ending(source, answer, refused):
    pair = Pair("turkish", source, "tr", answer)
    assert ("negation" in problems(pair, pair.faithful)) is refused


@pytest.mark.parametrize(
    ("language", "answer", "refused"),
    [
        ("tr", "**On iki şehirde** protesto yapıyoruz.", False),
        ("tr", "**On şehirde** protesto yapıyoruz.", True),
        ("pl", "Protestujemy w **dwunastu miastach**.", False),
    ],
)
def test_a_count_of_tens_and_units_is_read_whole(language, answer, refused):
    pair = Pair("count", "We protest in **twelve cities**.", language, answer)
    assert ("numbers" in problems(pair, pair.faithful)) is refused


def test_an_html_comment_is_kept_from_the_model():
    protected = protect("Our summary ends here.<!-- more -->\n\nThe rest <!--\nnote\n--> follows.")
    assert protected.originals == ("<!-- more -->", "<!--\nnote\n-->")


# ---------------------------------------------------------------------------------------------
# Any answer, damaged or not.

_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("ab1:-|#!*[]()<>\n ") + ["⟦1⟧", "⟦2⟧", "⟦9⟧", "---\n", "title:", "título:", "<!--",
         "-->", "<!--more-->", "{{< youtube x >}}", "```", "13 maja", "14:00", "20 maja", "doki",
         "доки", "не", "## ", "- ", "| 14:00 | x |", "![a](/b.jpg)", "این", "آنا"]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    source=_ANSWER_TEXT,
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "uk", "fa", "ro", "en", ""]),
)
def test_no_answer_crashes_the_checks(source, answer, language):
    assert_checks_hold(source, answer, language)


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("<!-- a - b " * 20_000, "pt"),
        ("---\n" + "title: x\n" * 20_000, "pl"),
        ("доки вони не " * 20_000, "uk"),
        ("13 maja 14:00 20 maja " * 10_000, "pl"),
    ],
    ids=["unclosed comments", "front matter", "until clauses", "dates and times"],
)
def test_large_answers_are_checked_in_linear_time(answer, language):
    pair = _pair("page", "pl")
    assert_checked_in_linear_time(answer, language, protect(answer), pair.protected)
