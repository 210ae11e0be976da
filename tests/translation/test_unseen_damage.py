"""Damage the other tests do not write: answers in the wrong language or copied untranslated,
invisible control characters, emphasis turned into quotation marks, an answer in quotation
marks or in JSON, stray HTML, a provider that stops for another reason than the end, in Dutch,
German, French, Spanish, Polish and Japanese. Each is refused and named; faithful answers with
the same shapes pass."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.validation import translation_problems

TREATY = "We want an *international treaty* that pauses the training of the most powerful AI."
MEET = "We meet at **Dam Square** on %(date)s at noon. Bring a sign and a friend!"
GREETING = "Welcome back, {{ user.first_name }}! Your event in {city} starts soon."
ITEM = "- Bring water, sunscreen and a **charged phone**."
ROW = "| City | Date | Meeting point |"
ROUTE = "The organizers will announce the route a week before. Keep an eye on this page."
TITLE = "Pause Day in Amsterdam and Rotterdam"

# Faithful answers (with the source's tokens), which every check must let through.
FAITHFUL = [
    (TREATY, "nl",
     "We willen een *internationaal verdrag* dat de training van de krachtigste AI pauzeert."),
    (TREATY, "de",
     "Wir wollen einen *internationalen Vertrag*, der das Training der mächtigsten KI pausiert."),
    (TREATY, "fr",
     "Nous voulons un *traité international* qui suspende l'entraînement des IA les plus "
     "puissantes."),
    (TREATY, "es",
     "Queremos un *tratado internacional* que pause el entrenamiento de la IA más potente."),
    (TREATY, "pl",
     "Chcemy *traktatu międzynarodowego*, który wstrzyma trenowanie najpotężniejszej AI."),
    (TREATY, "ja", "私たちは、最も強力なAIの訓練を一時停止する*国際条約*を求めます。"),
    (MEET, "de",
     "Wir treffen uns am ⟦1⟧ um zwölf Uhr auf dem **Dam-Platz**. Bringt ein Schild und einen "
     "Freund mit!"),
    (MEET, "ja", "⟦1⟧の正午に**ダム広場**に集合します。プラカードと友達を連れてきてください！"),
    (GREETING, "pl", "Witaj ponownie, ⟦1⟧! Twoje wydarzenie w ⟦2⟧ wkrótce się zaczyna."),
    (GREETING, "es", "¡Bienvenido de nuevo, ⟦1⟧! Tu evento en ⟦2⟧ empieza pronto."),
    (ITEM, "fr", "- Apportez de l'eau, de la crème solaire et un **téléphone chargé**."),
    (ROW, "nl", "| Stad | Datum | Verzamelpunt |"),
    (ROUTE, "es",
     "Los organizadores anunciarán la ruta una semana antes. Estad atentos a esta página."),
    (TITLE, "nl", "Pauzedag in Amsterdam en Rotterdam"),
    # Short labels that grow, as they do in German.
    ("Sign up", "de", "Jetzt anmelden"),
    ("## Donate {#donate}", "nl", "## Doneer aan de beweging ⟦1⟧"),
    # Words that stay as they are: a name, a city, a quotation in the source's language.
    ("PauseAI Amsterdam", "nl", "PauseAI Amsterdam"),
    ('Our motto: "Pause the training of the most powerful AI".', "nl",
     'Ons motto: "Pause the training of the most powerful AI".'),
]  # fmt: skip

# (what the model did, source, target language, damaged answer, finish reason, problem code)
DAMAGED = [
    ("copied the source (Dutch)", TREATY, "nl", TREATY, "stop", "untranslated"),
    ("copied the source (Spanish)", ROUTE, "es", ROUTE, "stop", "untranslated"),
    ("copied the title (Polish)", TITLE, "pl", TITLE, "stop", "untranslated"),
    ("German for Dutch", TREATY, "nl",
     "Wir wollen einen *internationalen Vertrag*, der das Training der mächtigsten KI pausiert.",
     "stop", "wrong_language"),
    ("Spanish for French", ROUTE, "fr",
     "Los organizadores anunciarán la ruta una semana antes y la publicarán aquí. Así que "
     "estad muy atentos a esta página.",
     "stop", "wrong_language"),
    ("English for Japanese, reworded", TREATY, "ja",
     "We want an *international treaty* that will pause training of the most powerful AI.",
     "stop", "wrong_language"),
    ("bold in smart quotes (German)", ITEM, "de",
     "- Bringt Wasser, Sonnencreme und ein „geladenes Handy“ mit.", "stop", "emphasis"),
    ("bold lost (Dutch)", ITEM, "nl",
     "- Neem water, zonnebrandcrème en een opgeladen telefoon mee.", "stop", "emphasis"),
    ("italics as quotes (Spanish)", TREATY, "es",
     "Queremos un «tratado internacional» que pause el entrenamiento de la IA más potente.",
     "stop", "emphasis"),
    ("bidi override (Dutch)", TREATY, "nl",
     "We willen een *internationaal verdrag* dat de training van de krachtigste \u202eAI\u202c "
     "pauzeert.", "stop", "invisible"),
    ("zero-width space and bell (Polish)", TREATY, "pl",
     "Chcemy *traktatu\u200b międzynarodowego*, który wstrzyma\u0007 trenowanie "
     "najpotężniejszej AI.", "stop", "invisible"),
    ("answer in quotation marks (French)", TREATY, "fr",
     "« Nous voulons un *traité international* qui suspende l'entraînement des IA les plus "
     "puissantes. »".replace("« ", "«").replace(" »", "»"), "stop", "quoted"),
    ("answer in Japanese brackets", TREATY, "ja",
     "「私たちは、最も強力なAIの訓練を一時停止する*国際条約*を求めます。」", "stop", "quoted"),
    ("JSON when text was asked (German)", TREATY, "de",
     '{"translation": "Wir wollen einen *internationalen Vertrag*, der das Training der '
     'mächtigsten KI pausiert."}', "stop", "json"),
    ("broken JSON (Spanish)", TREATY, "es",
     '{"text": "Queremos un *tratado internacional* que pause el entrenamiento de la IA',
     "stop", "json"),
    ("unclosed img onerror (Dutch)", TREATY, "nl",
     "We willen een *internationaal verdrag* dat de training <img src=x onerror=alert(1) van "
     "de krachtigste AI pauzeert.", "stop", "markup"),
    ("script tag (French)", TREATY, "fr",
     "Nous voulons un *traité international*<script>alert(1)</script> qui suspende "
     "l'entraînement des IA les plus puissantes.", "stop", "markup"),
    ("HTML comment (German)", TREATY, "de",
     "Wir wollen einen *internationalen Vertrag*, der das Training der mächtigsten KI "
     "pausiert. <!-- maschinell übersetzt -->", "stop", "markup"),
    ("stopped by the content filter (Dutch)", TREATY, "nl",
     "We willen een *internationaal verdrag* dat de training van de krachtigste AI pauzeert.",
     "content_filter", "finish"),
    ("cut by max tokens (Polish)", ROUTE, "pl",
     "Organizatorzy ogłoszą trasę tydzień wcześniej. Śledźcie tę", "length", "length_limit"),
    ("full-width placeholder (Japanese)", MEET, "ja",
     "％(date)sの正午に**ダム広場**に集合します。プラカードと友達を連れてきてください！",
     "stop", "missing"),
    ("template variable translated (Dutch)", GREETING, "nl",
     "Welkom terug, {{ gebruiker.voornaam }}! Je evenement in ⟦2⟧ begint binnenkort.",
     "stop", "missing"),
    ("ICU placeholder translated (Polish)", GREETING, "pl",
     "Witaj ponownie, ⟦1⟧! Twoje wydarzenie w {miasto} wkrótce się zaczyna.", "stop",
     "missing"),
    ("placeholders swapped for each other (German)", "Between {start} and {end}.", "de",
     "Zwischen ⟦1⟧ und ⟦1⟧.", "stop", "repeated"),
    ("table row with a missing cell (Dutch)", ROW, "nl", "| Stad | Datum |", "stop",
     "structure"),
    ("only whitespace (Spanish)", ROUTE, "es", " \n\u00a0\t ", "stop", "empty"),
    ("ten times longer (German)", TREATY, "de",
     "Wir wollen einen *internationalen Vertrag*, der das Training der mächtigsten KI pausiert"
     + ", und das ist für alle Menschen auf der ganzen Welt sehr wichtig" * 9 + ".",
     "stop", "long"),
    ("a paragraph for a heading of one word (Dutch)", "## Donate {#donate}", "nl",
     "## Doneer nu en steun onze beweging voor een veilige toekomst met AI voor iedereen ⟦1⟧",
     "stop", "long"),
    ("an explanation for a button label (Japanese)", "Sign up", "ja",
     "登録する（このボタンを押すと、イベントに参加するための登録フォームが開きます。）",
     "stop", "long"),
    ("a paragraph in a loop (French)", ROUTE, "fr",
     "Les organisateurs annonceront le parcours une semaine avant. " * 6, "stop", "sentences"),
    ("truncated mid-sentence (German)", ROUTE, "de",
     "Die Organisatoren geben die Route eine Woche vorher bekannt. Behaltet diese Seite im",
     "stop", "cut_off"),
    ("chatter in Spanish", TREATY, "es",
     "¡Claro! Aquí tienes la traducción:\n\nQueremos un *tratado internacional* que pause el "
     "entrenamiento de la IA más potente.", "stop", "preamble"),
    ("chatter in Japanese", TREATY, "ja",
     "以下が翻訳です：\n\n私たちは、最も強力なAIの訓練を一時停止する*国際条約*を求めます。",
     "stop", "preamble"),
    ("one paragraph split in two (German)", ROUTE, "de",
     "Die Organisatoren geben die Route eine Woche vorher bekannt.\n\nBehaltet diese Seite im "
     "Auge.", "stop", "split"),
    ("numbered item renumbered (Polish)", "2. Share the hashtag with everyone.", "pl",
     "1. Udostępnij hashtag wszystkim.", "stop", "structure"),
    ("link brackets as smart quotes (French)", "Read [our proposal](/proposal) first.", "fr",
     "Lisez d'abord “notre proposition”⟦1⟧.", "stop", "links"),
    ("a link of its own (Polish)", TREATY, "pl",
     "Chcemy *traktatu międzynarodowego*, który wstrzyma trenowanie [najpotężniejszej]"
     "(https://evil.example) AI.", "stop", "added"),
    ("two segments merged (Dutch)", TREATY, "nl",
     "We willen een *internationaal verdrag* dat de training van de krachtigste AI pauzeert."
     "\n\nDe organisatoren maken de route een week van tevoren bekend.", "stop", "paragraphs"),
]  # fmt: skip


def codes(source: str, answer: str, language: str, finish_reason: str = "stop") -> list[str]:
    found = translation_problems(
        protected=protect(source),
        translated=answer.strip(),
        finish_reason=finish_reason,
        source_language="en",
        language=language,
    )
    assert all(problem.message and problem.instruction for problem in found)
    return [problem.code for problem in found]


@pytest.mark.parametrize(("source", "language", "answer"), FAITHFUL)
def test_faithful_answers_pass(source, language, answer):
    assert codes(source, answer, language) == []


@pytest.mark.parametrize(
    ("source", "language", "answer", "finish_reason", "code"),
    [case[1:] for case in DAMAGED],
    ids=[case[0] for case in DAMAGED],
)
def test_damaged_answers_are_refused_with_their_reason(
    source, language, answer, finish_reason, code
):
    assert code in codes(source, answer, language, finish_reason)


def test_a_text_already_in_the_target_language_is_not_untranslated():
    assert codes(TREATY, TREATY, "en-gb") == []


_PIECES = st.sampled_from(
    [*"ab #*-_|>`[](){}⟦⟧09:.!?\n\"'“”«»「」<>/%％\u202e\u200b\u0007", "⟦1⟧", "⟦0⟧", "⟦2⟧",
     "⟦99999999999999999999⟧", "{#x}", "```", "## ", "1. ", "| a | b |", "\n\n", "{\"", "[{",
     "de het een", "the and of", "der und", "日本語", "<img onerror=x>", "**", "~~"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    source=_TEXTS,
    answer=_TEXTS,
    language=st.sampled_from(["nl", "de", "fr", "es", "pl", "ja", "xx", ""]),
    finish_reason=st.sampled_from(["stop", "length", "content_filter", ""]),
)
def test_no_answer_crashes_the_checks_and_no_hostile_tag_passes(
    source, answer, language, finish_reason
):
    found = translation_problems(
        protected=protect(source),
        translated=answer,
        finish_reason=finish_reason,
        source_language="en",
        language=language,
    )
    if "<img" in answer and "<img" not in source:
        assert found


@pytest.mark.parametrize(
    "answer",
    ["!" * 30_000, "_a" * 30_000, "私たちは" * 10_000, "Wir gehen. " * 6_000, "A. " * 20_000],
    ids=["exclamation marks", "underscores", "japanese without spaces", "a loop", "initials"],
)
def test_a_model_stuck_in_a_loop_is_checked_quickly(answer):
    """Answers cut by max tokens after looping on one character: the checks stay linear (they
    took a minute on the first two)."""
    started = time.process_time()
    assert codes(TREATY, answer, "ja" if "私" in answer else "de")
    assert time.process_time() - started < 5
