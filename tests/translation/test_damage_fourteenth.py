"""The fourteenth round of damage (`damage_fourteenth.py`) over a walk page translated into
Serbian (Latin), Nynorsk, Brazilian Portuguese, Traditional Chinese, Spanish, Czech, Russian,
Indonesian and Dutch: every damaged answer is refused with the reason that names it and every
faithful one passes. The page in a close neighbour of the language asked for is refused where
a reader of that language would not publish it (another language, another written standard,
another script) and passes where it cannot be told apart or is no damage (European for
Brazilian Portuguese); so do the model's chattering shapes (notes, JSON, fences, "Sure!",
the prompt repeated, an answer stopped short, entities), while straight quotes for curly ones
pass; and no answer, however odd, crashes the checks or takes long."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.serbian_script import expected_script

from .damage import Pair
from .damage_fourteenth import HARMFUL, LANGUAGES, PAIRS, REASONS, in_cyrillic, in_neighbour
from .damage_fourteenth_pairs import NEIGHBOURS, SOURCE, TRANSLATIONS
from .damage_rounds import (
    DamageRound,
    DamageRoundTests,
    assert_checked_in_linear_time,
    assert_checks_hold,
)
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)
_pair = ROUND.pair


class TestFourteenthRound(DamageRoundTests):
    ROUND = ROUND


def _changed(language: str, change) -> list[str]:
    pair = _pair("walk", language)
    answer = change(pair.faithful)
    assert answer != pair.faithful, "the change did not apply"
    return problems(pair, answer)


def _asked(language: str, translation: str) -> list[str]:
    """The problems of a page written as `translation`, asked for in `language`."""
    pair = Pair("walk", SOURCE, language, translation)
    return problems(pair, pair.faithful)


# ---------------------------------------------------------------------------------------------
# The page in a close neighbour of the language asked for.


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("nn", "wrong_language"),  # Bokmål: the other written standard, "fra", "vann", "timer"
        ("zh-Hant", "chinese_script"),  # Simplified: readable in Taiwan only with effort
        ("es", "wrong_language"),  # Catalan: another language
        ("cs", "wrong_language"),  # Slovak: another language, however close
        ("ru", "wrong_language"),  # Ukrainian: another language
        ("id", "wrong_language"),  # Malay: "stesen", "kasut", "Ahad" are not Indonesian
        ("nl", "wrong_language"),  # Afrikaans: another language
    ],
)
def test_the_page_in_a_neighbouring_language_is_refused(language, code):
    assert code in _asked(language, NEIGHBOURS[language][1])


@pytest.mark.parametrize(
    ("asked", "written"),
    [("nb", "nn"), ("nb-NO", "nn"), ("zh-Hans", "zh-Hant"), ("ca", "es"), ("sk", "cs"),
     ("uk", "ru"), ("ms", "id"), ("af", "nl")],
)  # fmt: skip
def test_the_other_way_round_it_is_refused_too(asked, written):
    assert {"wrong_language", "chinese_script"} & set(_asked(asked, TRANSLATIONS[written]))


@pytest.mark.parametrize(
    ("language", "written"),
    [("nb", "nn"), ("zh-Hans", "zh-Hant"), ("ca", "es"), ("sk", "cs"), ("uk", "ru"),
     ("ms", "id"), ("af", "nl")],
)  # fmt: skip
def test_each_neighbours_own_page_passes(language, written):
    assert _asked(language, NEIGHBOURS[written][1]) == []


@pytest.mark.parametrize("written", [TRANSLATIONS["nn"], NEIGHBOURS["nn"][1]])
def test_norwegian_asked_for_as_such_may_be_either_standard(written):
    """ "no" names the language, not a written standard: Bokmål and Nynorsk are both
    Norwegian."""
    assert _asked("no", written) == []


@pytest.mark.parametrize("asked", ["pt-BR", "pt-PT", "pt"])
@pytest.mark.parametrize("written", ["pt-BR", "pt-PT"])
def test_european_and_brazilian_portuguese_both_pass(asked, written):
    """One written language since the 1990 spelling agreement: "connosco", "câmara municipal"
    and "passeio" are words a Brazilian reader knows and would not call wrong, only less
    usual; the checks cannot and need not tell the variants apart."""
    text = TRANSLATIONS["pt-BR"] if written == "pt-BR" else NEIGHBOURS["pt-BR"][1]
    assert _asked(asked, text) == []


def test_the_neighbour_only_in_the_paragraphs_is_refused():
    """A model that drifted into Ukrainian for the paragraphs and kept the Russian list:
    each paragraph is in another language, though the page as a whole has both alphabets."""
    pair = _pair("walk", "ru")
    own, theirs = pair.faithful.split("\n\n"), in_neighbour(pair).split("\n\n")
    answer = "\n\n".join([own[0], theirs[1], own[2], theirs[3]])
    assert {"wrong_language", "mixed_language"} & set(problems(pair, answer))


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # Words Bokmål and Nynorsk write alike, Indonesian and Malay alike: nothing tells.
        ("nn", "Skriv til oss før fredag."),
        ("nb", "Skriv til oss før fredag."),
        ("id", "Berkumpul di pintu masuk utama."),
        ("ms", "Berkumpul di pintu masuk utama."),
    ],
)
def test_a_sentence_both_neighbours_write_alike_passes(language, sentence):
    pair = Pair("short", "Write to us before Friday.", language, sentence)
    assert problems(pair, pair.faithful) == []


# ---------------------------------------------------------------------------------------------
# Serbian in the script asked for.


@pytest.mark.parametrize(
    ("language", "script"),
    [("sr", ""), ("sr-Latn", "latin"), ("sr_latn", "latin"), ("sr-Cyrl-RS", "cyrillic"),
     ("sr-RS", ""), ("hr", None), ("ru", None)],
)  # fmt: skip
def test_the_script_each_serbian_code_asks_for(language, script):
    assert expected_script(language) == script


@pytest.mark.parametrize(
    ("language", "script", "refused"),
    [
        ("sr-Latn", "cyrillic", True),
        ("sr-Cyrl", "latin", True),
        ("sr-Latn", "latin", False),
        ("sr-Cyrl", "cyrillic", False),
        # "sr" alone: both scripts are Serbian in everyday use, one throughout.
        ("sr", "latin", False),
        ("sr", "cyrillic", False),
        ("sr", "mixed", True),
    ],
)
def test_serbian_is_refused_only_in_the_other_script(language, script, refused):
    latin = _pair("walk", "sr-Latn").faithful
    cyrillic = in_cyrillic(latin)
    mixed = "\n\n".join(
        a if i % 2 else b
        for i, (a, b) in enumerate(zip(latin.split("\n\n"), cyrillic.split("\n\n"), strict=True))
    )
    answer = {"latin": latin, "cyrillic": cyrillic, "mixed": mixed}[script]
    pair = Pair("walk", SOURCE, language, TRANSLATIONS["sr-Latn"])
    assert ("serbian_script" in problems(pair, answer)) is refused


def test_a_latin_brand_on_a_cyrillic_serbian_page_passes():
    pair = Pair("brand", "Follow us on Instagram and Mastodon.", "sr-Cyrl",
                "Пратите нас на Instagram-у и Mastodon-у.")  # fmt: skip
    assert problems(pair, pair.faithful) == []


# ---------------------------------------------------------------------------------------------
# Chattering shapes, one by one, with the reason each must be given.


@pytest.mark.parametrize(
    ("language", "change", "code"),
    [
        # Transliterated: Chinese in pinyin, not characters.
        ("zh-Hant", lambda t: t.replace("2031年9月14日星期日，我們從中央車站步行到市政廳。",
         "2031 nián 9 yuè 14 rì xīngqírì, wǒmen cóng zhōngyāng chēzhàn bùxíng dào "
         "shìzhèngtīng."), "mixed_language"),
        # A translator's note in round brackets, or in square ones after a list item.
        ("cs", lambda t: t.replace("do pátku.", "do pátku. (Pozn. překl.: transparenty jsou "
         "nápisy na látce.)"), "aside"),
        ("cs", lambda t: t.replace("na chodníku", "na chodníku [Poznámka: chodník je pro "
         "chodce]"), "aside"),
        # A footnote on the heading, with its note at the end.
        ("ru", lambda t: t.replace("сентября {", "сентября[^1] {") + "\n\n[^1]: Примечание "
         "переводчика: дата по новому стилю.", "postamble"),
        # The prompt's correction repeated after the answer, in English or in the target.
        ("es", lambda t: t + "\n\nTranslate the text of my first message again, following "
         "the rules.", "postamble"),
        ("es", lambda t: "Traduce un bloque de una página web en Markdown del inglés al "
         "español. Responde solo con la traducción.\n\n" + t, "preamble"),
        # "Sure!" on the first line, in Chinese, in Russian.
        ("zh-Hant", lambda t: "當然！以下是翻譯：\n" + t, "preamble"),
        ("ru", lambda t: "Конечно!\n\n" + t, "preamble"),
        # A code fence of another language, around a part of the answer only.
        ("ru", lambda t: "```python\n" + t + "\n```", "fence"),
        ("nl", lambda t: t.replace("- Verzamel", "```\n- Verzamel").replace("stoep\n",
         "stoep\n```\n"), "fence"),
        # JSON: a list of one string, a string alone in quotes.
        ("nl", lambda t: '["' + t.replace("\n", "\\n") + '"]', "json"),
        ("nl", lambda t: '"' + t.replace("\n", "\\n") + '"', "quoted"),
        # Stopped in the middle of a word.
        ("nl", lambda t: t[: t.index("voor vrijdag")] + "voor vrij", "cut_off"),
        # An accented letter as a named entity.
        ("es", lambda t: t.replace("Reúnete", "Re&uacute;nete"), "entities"),
        ("cs", lambda t: t.replace("Zůstaňte", "Z&#367;sta&#328;te"), "entities"),
    ],
)  # fmt: skip
def test_each_chattering_shape_is_refused_with_its_reason(language, change, code):
    assert code in _changed(language, change)


@pytest.mark.parametrize(
    "change",
    [
        # The emphasis shown as asterisks.
        lambda t: t.replace("**Trae agua**", "\\*\\*Trae agua\\*\\*"),
        # A list item shown as text.
        lambda t: t.replace("- Sigue", "\\- Sigue"),
        # Escapes that render as the mark itself still show in every place the Markdown is
        # read as it is stored: a reviewer's diff, the page's summary, a feed.
        lambda t: t.replace("2031 caminamos", "2031 \\(domingo\\) caminamos"),
    ],
    ids=["emphasis", "list item", "brackets"],
)
def test_markdown_marks_escaped_with_a_backslash_are_refused(change):
    assert "escaped_markdown" in _changed("es", change)


def test_a_mark_the_source_escapes_may_stay_escaped():
    pair = Pair(
        "escaped", "Tickets cost 5 \\* 2 euros.", "es", "Las entradas cuestan 5 \\* 2 euros."
    )
    assert problems(pair, pair.faithful) == []


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        # Curly quotes typed straight: the same quotation, as many people type it.
        ("Our banner says “Pause AI now”.", "es", 'Nuestra pancarta dice "Pausa a la IA ya".'),
        ("Our banner says “Pause AI now”.", "cs", 'Na našem transparentu stojí "Pauza pro AI".'),
        # Straight quotes in the source, the language's own in the answer.
        ('Our banner says "Pause AI now".', "ru", "На нашем плакате написано «Пауза для ИИ»."),
        ("Our banner says 'Pause AI now'.", "nl", "Op ons spandoek staat ‘Pauzeer AI nu’."),
        # An entity the source has kept as it was.
        ("Walk&nbsp;with us on Sunday.", "es", "Camina&nbsp;con nosotros el domingo."),
    ],
)
def test_quotation_marks_and_kept_entities_pass(source, language, answer):
    pair = Pair("quote", source, language, answer)
    assert problems(pair, pair.faithful) == []


# ---------------------------------------------------------------------------------------------
# Any answer, damaged or not.

_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("ab1:-|#!*[]()\\&;\n ") + ["⟦1⟧", "⟦2⟧", "```json\n", "```\n", '{"text": "', '"}',
         "[Note: ", "[^1]", "[^1]: ", "&eacute;", "&#367;", "Sure! Here is the translation:",
         "當然！", "Конечно!", "ikkje", "ikke", "frå", "fra", "sä", "Шетамо", "Šetamo", "ї", "ы",
         "stesen", "stasiun", "\\*", "“", '"']
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    source=_ANSWER_TEXT,
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "sr", "sr-Cyrl", "nb", "uk", "ms", "af", "en", ""]),
)
def test_no_answer_crashes_the_checks(source, answer, language):
    assert_checks_hold(source, answer, language)


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("Šetamo od stanice. Шетамо од станице. " * 1_000, "sr-Latn"),
        ("Vi går fra stasjonen. Vi går frå stasjonen. " * 1_000, "nn"),
        ("Ми пройдемо від вокзалу. Мы пройдём от вокзала. " * 1_000, "ru"),
        ("[Nota: acera] **Trae agua** &eacute; \\* " * 1_000, "es"),
    ],
    ids=["serbian scripts", "norwegian standards", "russian and ukrainian", "notes and entities"],
)
def test_large_answers_are_checked_in_linear_time(answer, language):
    source = "We walk from the station. " * 1_000
    assert_checked_in_linear_time(answer, language, protect(source), _pair("walk", "nl").protected)
