"""A model that damages its answers in combinations nobody listed (`damage.py`): every damaged
answer is refused with a reason, and every faithful one, tricky ones included, passes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.validation import translation_problems

from .damage import HARMFUL, HARMLESS, PAIRS, Damaged, Pair, damaged_answers


def problems(pair: Pair, answer: str) -> list[str]:
    found = translation_problems(
        protected=pair.protected,
        translated=answer.strip(),
        source_language="en",
        language=pair.language,
    )
    assert all(problem.message and problem.instruction for problem in found)
    return [problem.code for problem in found]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.name}-{p.language}" for p in PAIRS])
def test_faithful_answers_pass(pair):
    assert problems(pair, pair.faithful) == []


def _assert_refused(damaged: Damaged) -> None:
    if damaged.answer.strip() == damaged.pair.faithful.strip():
        return  # the damage undid itself (a number changed and changed back)
    assert problems(damaged.pair, damaged.answer), (
        f"{damaged.applied} passed for {damaged.pair.name}/{damaged.pair.language}:\n"
        f"{damaged.answer}"
    )


@settings(max_examples=40, deadline=None)
@given(damaged_answers(most=3))
def test_any_combination_of_damage_is_refused(damaged):
    _assert_refused(damaged)


@settings(max_examples=40, deadline=None)
@given(damaged_answers(HARMFUL, most=1))
def test_each_damage_to_the_content_alone_is_refused(damaged):
    _assert_refused(damaged)


@settings(max_examples=15, deadline=None)
@given(damaged_answers(HARMLESS, most=2))
def test_what_models_write_around_a_translation_is_refused(damaged):
    _assert_refused(damaged)


@pytest.mark.parametrize("name", sorted(HARMFUL))
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_kind_of_damage_is_refused_wherever_it_can_happen(name, data):
    """Each damage on its own, over the pairs it applies to, so none hides behind others."""
    damaged = data.draw(damaged_answers({name: HARMFUL[name]}, most=1))
    _assert_refused(damaged)


# What the generated damage found, one example each: refused with its reason.
FOUND = [
    ("friends", "nl", "I'm sorry, but I can't help with that request.", "refusal"),
    ("friends", "fr", "Je suis désolé, mais je ne peux pas traduire ce texte.", "refusal"),
    ("image", "nl",
     "![Demonstranten op het Museumplein](https://example.org/img/march-2028.jpg) Vorig jaar "
     "liepen 1.200 mensen met ons mee in Den Haag. Een buskaartje kost € 12,50.",
     "numbers_added"),
    ("gather", "nl",
     "Op zaterdag 12 mei 2029 verzamelen we om 14:05 op de **Dam** in Amsterdam. Lees [ons "
     "voorstel](https://pauseai.info/proposal) voordat je komt. Vragen? Schrijf naar "
     "info@pauseai.info.", "numbers_added"),
    ("gather", "nl",
     "Lees [ons voorstel](https://pauseai.info/proposal) voordat je komt. Op zaterdag 12 mei "
     "2029 verzamelen we om 14:00 op de **Dam** in Amsterdam. Vragen? Schrijf naar "
     "info@pauseai.info.", "sentence_order"),
    ("brands", "de",
     "Die Karten stellen unsere Partner bereit, und die App erinnert dich einen Tag vorher.",
     "names"),
    ("title", "nl", "Neem twee vrienden mee en kom naar het station.", "full_stop_added"),
    ("label", "nl", "Meld je nu aan Meld je nu aan", "repeated_sentence"),
    ("label", "ru", "Записаться Записаться", "repeated_sentence"),
    ("heading", "de", "## Warum wir am 12. ## Warum wir am 12. Mai demonstrieren {#why}",
     "repeated_sentence"),
    ("gather", "nl",
     "„“Op zaterdag 12 mei 2029 verzamelen we om 14:00 op de **Dam** in Amsterdam. Lees [ons "
     "voorstel](https://pauseai.info/proposal) voordat je komt. Vragen? Schrijf naar "
     "info@pauseai.info.”“", "quoted"),
    ("image", "fr",
     "'![Manifestants sur le Museumplein](https://example.org/img/march-2028.jpg) L'an dernier, "
     "1 200 personnes nous ont rejoints à La Haye. Cette année, nous en attendons deux fois "
     "plus.'", "quoted"),
    ("share", "nl",
     "Deel de hashtag `#PauseAI` en tag ons. Ne partagez <strong>jamais</strong> le point de "
     "rendez-vous privé avec des inconnus.", "mixed_language"),
    ("gather", "nl",
     "В субботу, 12 мая 2029 года, мы собираемся в 14:00 на **площади Дам** в Амстердаме. Lees "
     "[ons voorstel](https://pauseai.info/proposal) voordat je komt. Vragen? Schrijf naar "
     "info@pauseai.info.", "mixed_language"),
    ("brands", "nl",
     "Nuestros socios de OpenStreetMap nos dan los mapas, y la app de PauseAI te envía un "
     "recordatorio un día antes.", "wrong_language"),  # all of it Spanish, not a part
    ("brands", "nl",
     "Карты предоставляют наши партнёры из OpenStreetMap, а приложение PauseAI напомнит вам о "
     "встрече за день.", "wrong_language"),
    ("training", "nl",
     "2. 2. Meld je aan voor de training op 3 juni om 19.30 uur via het "
     "[formulier](/en/training/).", "structure"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "language", "answer", "code"), FOUND)
def test_damage_the_generator_found_is_refused_with_its_reason(name, language, answer, code):
    damaged = Pair(name, pair_source(name), language, answer)
    assert code in problems(damaged, damaged.faithful)


def pair_source(name: str) -> str:
    return next(p.source for p in PAIRS if p.name == name)


@pytest.mark.parametrize(
    ("source", "answer", "language"),
    [
        # An apology the source makes itself is translated as one.
        ("Sorry, the march on 12 May is cancelled.", "Извините, марш 12 мая отменён.", "ru"),
        ("Unfortunately, we are full.", "Lo siento, estamos completos.", "es"),
        # A Dutch sentence quoting a German slogan from the source.
        ('Our banner in Berlin says "Wir sind hier, wir sind laut". Join us there.',
         'Op ons spandoek in Berlijn staat "Wir sind hier, wir sind laut". Doe daar mee.', "nl"),
        # "!" added to a call to action, a month's number for its name.
        ("Sign up now", "¡Apúntate ya!", "es"),
        ("On 12 May at 14:00.", "Am 12.05. um 14 Uhr.", "de"),
        # Two sentences with the same link order and a question kept.
        ("Questions? Write to [us](/contact/).", "Vragen? Schrijf [ons](/contact/).", "nl"),
    ],
)  # fmt: skip
def test_answers_like_the_damage_but_faithful_pass(source, answer, language):
    pair = Pair("tricky", source, language, answer)
    assert problems(pair, pair.faithful) == []
