"""The damage of `damage_unseen.py`, drawn at random over faithful translations into eight
languages: every damaged answer is refused with a reason, and every faithful one, tricky ones
included, passes."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from . import damage
from .damage import Pair, _Drawer
from .damage_unseen import HARMFUL, LANGUAGES, PAIRS, TRICKY
from .test_generated_damage import problems

# What models write around an answer, and the JSON they wrap it in, over the new pairs too.
WRAPPED = {
    "fence": damage.fence,
    "quoted": damage.quoted,
    "json": damage.as_json,
    "chatter before": damage.chatter_before,
}


@st.composite
def damaged(draw, damages: dict, pairs: list[Pair] = PAIRS) -> tuple[Pair, str, str] | None:
    name = draw(st.sampled_from(sorted(damages)))
    pair = draw(st.sampled_from(pairs))
    answer = damages[name](pair, _Drawer(draw))
    return None if answer is None else (pair, answer, name)


def _assert_refused(drawn) -> None:
    if drawn is None:
        return  # that damage cannot happen to that pair
    pair, answer, name = drawn
    if answer.strip() == pair.faithful.strip():
        return
    assert problems(pair, answer), f"{name} passed for {pair.name}/{pair.language}:\n{answer}"


def test_every_language_has_every_pair():
    assert {(p.name, p.language) for p in PAIRS} == {
        (p.name, language) for p in PAIRS for language in LANGUAGES
    }


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.name}-{p.language}" for p in PAIRS])
def test_faithful_answers_pass(pair):
    assert problems(pair, pair.faithful) == []


@pytest.mark.parametrize(
    ("source", "language", "answer"), TRICKY, ids=[f"{t[1]}-{t[0][:24]}" for t in TRICKY]
)
def test_faithful_answers_that_look_like_damage_pass(source, language, answer):
    pair = Pair("tricky", source, language, answer)
    assert problems(pair, pair.faithful) == []


@pytest.mark.parametrize("name", sorted(HARMFUL))
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_new_kind_of_damage_is_refused_wherever_it_can_happen(name, data):
    _assert_refused(data.draw(damaged({name: HARMFUL[name]})))


@settings(max_examples=30, deadline=None)
@given(damaged(WRAPPED))
def test_answers_wrapped_in_fences_quotes_json_or_chatter_are_refused(drawn):
    _assert_refused(drawn)


@pytest.mark.parametrize(
    ("damage_name", "language", "answer", "code"),
    [
        # The month of a numeric date, an hour read on a 24-hour clock, a swapped pair of days.
        ("evening", "de", "Einlass ist am 5.7. um 22:30 Uhr; der letzte Bus fährt um 1 Uhr "
         "nachts.", "moments"),
        ("evening", "es", "Las puertas abren el 6/5 a las 22:30; el último autobús sale a la "
         "1:00.", "moments"),
        ("evening", "it", "Le porte aprono il 5 giugno alle 10:30; l'ultimo autobus parte "
         "all'1:00.", "moments"),
        ("evening", "ja", "6月5日午前10時30分に開場し、最終バスは午前1時に出発します。", "moments"),
        ("cities", "nl", "Utrecht loopt op zaterdag 19 mei en Leiden op zondag 12 mei.",
         "swapped_figures"),
        ("title", "de", "Klima- und KI-Marsch in", "dangling"),
        # A short text in a third language: one sentence, or a whole short text, in it.
        ("title", "nl", "Marcha por el clima y la IA en Utrecht", "mixed_language|wrong_language"),
        ("cities", "it", "Utrecht manifeste le samedi 12 mai et Leiden le dimanche 19 mai.",
         "mixed_language|wrong_language"),
        ("evening", "nl", "Le porte aprono il 5 giugno alle 22:30; l'ultimo autobus parte "
         "all'1:00.", "mixed_language|wrong_language"),
        ("no_flags", "de", "Bitte bringt die Fahnen politischer Parteien mit.", "negation"),
        ("social", "fr", "Publiez vos photos avec #aisafety et identifiez votre groupe local !",
         "symbols"),
        ("two_paragraphs", "de", "Wir demonstrieren für eine Pause der mächtigsten "
         "KI-Systeme, bis ihre Sicherheit bewiesen ist.\\n\\nDanach trinken wir Kaffee in der "
         "Nähe des Bahnhofs.", "escapes"),
        ("social", "ru", "Публикуйте фото с хештегом #aisafety 📸 и отмечайте свою местную "
         "группу! Надеюсь, это поможет!", "postamble"),
    ],
)  # fmt: skip
def test_each_new_damage_is_refused_with_its_reason(damage_name, language, answer, code):
    source = next(p.source for p in PAIRS if p.name == damage_name)
    damaged = Pair(damage_name, source, language, answer)
    assert set(code.split("|")) & set(problems(damaged, damaged.faithful))


@pytest.mark.xfail(strict=True, reason="English writes 05/06 for 5 June and for 6 May alike")
def test_day_and_month_swapped_in_an_english_numeric_date_is_not_yet_refused():
    damaged = Pair("numeric", "The meeting is on 05/06.", "de", "Die Sitzung ist am 06/05.")
    assert "moments" in problems(damaged, damaged.faithful)


@pytest.mark.parametrize(
    "answer",
    [
        "Utrecht op 12 mei en Leiden op 19 mei " * 1_500,
        "10 h 30 12.05. 5/6 " * 2_500,
        "#aisafety 📸 \\n " * 5_000,
        "a" * 60_000 + " de",
        "Mai " * 10_000 + "12",
    ],
    ids=["names and days", "times and dates", "symbols", "one long word", "months"],
)
def test_large_answers_are_checked_quickly(answer):
    started = time.process_time()
    pair = Pair("large", "Utrecht marches on 12 May at 10:30 pm and Leiden on 19 May.", "nl", "")
    assert problems(pair, answer)
    assert time.process_time() - started < 5
