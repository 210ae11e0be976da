"""The checks of a machine translation, as plain functions: every damage a model does is
refused, in every language, and faithful translations pass, including those that are much
longer or shorter than their source, or open with a colon the source also has."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.validation import translation_problems

from .faults import FAULTS, named_problem
from .pages import LANGUAGES, protected_pair, segment_pairs


def problems(source: str, translated: str, language: str) -> list[str]:
    """What is wrong with `translated` (a translation written with the source's links, code
    and anchors, as a person would) for the source `source`."""
    protected_text, answer = protected_pair(source, translated)
    found = translation_problems(
        protected=protect(source), translated=answer, source_language="en", language=language
    )
    return [problem.message for problem in found]


def answer_problems(source: str, answer: str, language: str) -> list[str]:
    """What is wrong with a model's `answer` (with ⟦n⟧ tokens) for the source `source`."""
    found = translation_problems(
        protected=protect(source), translated=answer, source_language="en", language=language
    )
    return [problem.message for problem in found]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_segment_of_the_faithful_page_passes(language):
    for source, translated in segment_pairs(language):
        assert problems(source, translated, language) == [], source


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_damage_to_every_segment_is_refused_and_named(language, fault):
    damaged_any = False
    for source, translated in segment_pairs(language):
        protected = protect(source)
        _, answer = protected_pair(source, translated)
        damaged = FAULTS[fault](protected.text, answer, language, protected.originals)
        if damaged is None or damaged == answer:
            continue
        damaged_any = True
        found = translation_problems(
            protected=protected, translated=damaged, source_language="en", language=language
        )
        instructions = " ".join(problem.instruction for problem in found)
        assert any(words in instructions for words in named_problem(fault)), (damaged, found)
    assert damaged_any


@pytest.mark.parametrize(
    ("source", "translated", "language"),
    [
        # German a third longer than English.
        (
            "We ask our government to support an international pause on the most powerful AI "
            "systems.",
            "Wir fordern unsere Regierung nachdrücklich dazu auf, eine internationale Pause für "
            "die leistungsfähigsten KI-Systeme zu unterstützen.",
            "de",
        ),
        # Short headings rephrased: much longer, or shorter.
        ("## Why {#why}", "## Warum wir auf die Straße gehen {#why}", "de"),
        ("## Get involved {#get-involved}", "## Doe mee {#get-involved}", "nl"),
        ("## FAQ {#faq}", "## Questions fréquentes {#faq}", "fr"),
        ("## Take action now {#act}", "## Actie! {#act}", "nl"),
        # A colon in the first line, as in the source.
        (
            "Here is what we ask: a pause on the largest systems, now.",
            "Dit is wat we vragen: een pauze op de grootste systemen, nu.",
            "nl",
        ),
        (
            "Where: Dam Square, Amsterdam. When: 14:00.",
            "Wo: Dam, Amsterdam. Wann: 14:00 Uhr.",
            "de",
        ),
        ("Note: bring water and a sign.", "Remarque : apportez de l'eau et une pancarte.", "fr"),
        ("This is our plan:", "Hier ist unser Plan:", "de"),
        (
            "- Join the [chat](https://t.me/pause):",
            "- Rejoignez le [chat](https://t.me/pause) :",
            "fr",
        ),
        # Words that open preambles, used in earnest.
        ("Of course! We will be there.", "Natuurlijk! We zijn er.", "nl"),
        (
            "Sure, we will be there. Will you?",
            "Natürlich sind wir dabei. Und du?",
            "de",
        ),
        (
            "We translate every page into twelve languages. Volunteers check each one.",
            "Wir übersetzen jede Seite in zwölf Sprachen. Freiwillige prüfen jede davon.",
            "de",
        ),
        (
            "Our Dutch group meets on Fridays. Let us know if you want to join.",
            "Notre groupe néerlandais se réunit le vendredi. Dites-nous si vous voulez venir.",
            "fr",
        ),
        (
            "Let me know if you can come. I will save you a seat.",
            "Laat me weten of je kunt komen. Ik houd een plek voor je vrij.",
            "nl",
        ),
        # Sentences counted alike whatever the language's punctuation and abbreviations.
        ("On 13 May we march. Join us!", "Am 13. Mai gehen wir auf die Straße. Mach mit!", "de"),
        ("We start at 2 p.m. Bring water.", "Wir beginnen um 14 Uhr. Bring Wasser mit.", "de"),
        (
            "It gets cold. In the evening we light a fire.",
            "Het wordt koud. 's Avonds maken we een vuur.",
            "nl",
        ),
        ("Questions? Ask a steward.", "Des questions ? Demandez à un bénévole.", "fr"),
        (
            'She said: "We are not against technology." Then she left.',
            "Elle a dit : « Nous ne sommes pas contre la technologie. » Puis elle est partie.",
            "fr",
        ),
        (
            "See e.g. the report by Dr. Smith. It is clear.",
            "Siehe z. B. den Bericht von Dr. Smith. Er ist eindeutig.",
            "de",
        ),
        # Far shorter in characters.
        (
            "We march on 13 May in Amsterdam and The Hague. Everyone is welcome.",
            "我们将于5月13日在阿姆斯特丹和海牙游行。欢迎所有人参加。",
            "zh",
        ),
        (
            "We march on 13 May in Amsterdam and The Hague. Everyone is welcome.",
            "5月13日にアムステルダムとハーグでデモ行進をします。どなたでも歓迎します。",
            "ja",
        ),
    ],
)
def test_faithful_translations_pass(source, translated, language):
    assert problems(source, translated, language) == []


SENTENCE = "We want a pause on the most powerful systems."


@pytest.mark.parametrize(
    ("answer", "language", "problem"),
    [
        (
            "Aquí tienes la traducción:\n\nQueremos una pausa en los sistemas más potentes.",
            "es",
            "began with",
        ),
        ("Ecco la traduzione: Vogliamo una pausa sui sistemi più potenti.", "it", "began with"),
        (
            "Claro! Aqui está a tradução:\nQueremos uma pausa nos sistemas mais poderosos.",
            "pt",
            "began with",
        ),
        (
            "Här är översättningen:\n\nVi vill ha en paus för de mest kraftfulla systemen.",
            "sv",
            "began with",
        ),
        (
            "Aquí teniu la traducció: Volem una pausa en els sistemes més potents.",
            "ca",
            "began with",
        ),
        (
            "Traduction :\nNous voulons une pause pour les systèmes les plus puissants.",
            "fr",
            "began",
        ),
        ("Nederlands:\nWe willen een pauze voor de krachtigste systemen.", "nl", "began with"),
        ("Gerne!\n\nWir wollen eine Pause für die leistungsstärksten Systeme.", "de", "began with"),
        (
            "Queremos una pausa en los sistemas más potentes.\n\nEspero que te sirva.",
            "es",
            "ended with",
        ),
        (
            "Vogliamo una pausa sui sistemi più potenti. Fammi sapere se vuoi modifiche.",
            "it",
            "ended with",
        ),
        (
            "Vi vill ha en paus för de mest kraftfulla systemen. Jag hoppas att detta hjälper!",
            "sv",
            "ended with",
        ),
        (
            "Wir wollen eine Pause für die leistungsstärksten Systeme.\n\n"
            "*Hinweis: Die Platzhalter wurden beibehalten.*",
            "de",
            "ended with",
        ),
        (
            "We willen een pauze voor de krachtigste systemen.\n(Vertaald uit het Engels.)",
            "nl",
            "ended with",
        ),
        ("```md\nWe willen een pauze voor de krachtigste systemen.\n```", "nl", "code block"),
        ("`We willen een pauze voor de krachtigste systemen.`", "nl", "code markup"),
        ("We willen een pauze.", "nl", "of the source's length"),
        ("We willen een pauze voor de krachtigste", "nl", "final punctuation"),
        (
            "We willen een pauze voor de krachtigste systemen. Nu meteen, en voor altijd.",
            "nl",
            "sentences",
        ),
    ],
)
def test_damaged_answers_in_more_languages_are_refused(answer, language, problem):
    assert any(problem in p for p in answer_problems(SENTENCE, answer, language))


def test_an_anchor_moved_to_the_start_of_its_heading_is_named():
    found = answer_problems("## Why we march {#why}", "## ⟦1⟧ Waarom we demonstreren", "nl")
    assert found == ["The heading's anchor {#why} is no longer at the end of the heading."]


def test_two_swapped_link_targets_are_named_with_the_order_found():
    source = "Read [the plan](/plan) and [the FAQ](/faq)."
    found = answer_problems(source, "Lees [het plan]⟦2⟧ en [de FAQ]⟦1⟧.", "nl")
    assert found == [
        "The links point to the right pages but in another order, so a link's words lead to "
        "another link's page: /faq · /plan."
    ]


def test_links_reordered_with_their_words_are_also_refused_for_a_person_to_check():
    # A translation may put the links in another order with their words; the check cannot
    # tell this from swapped targets, so a person decides.
    source = "Read [the plan](/plan) and [the FAQ](/faq)."
    found = answer_problems(source, "Lees [de FAQ]⟦2⟧ en [het plan]⟦1⟧.", "nl")
    assert any("another order" in p for p in found)


FRAGMENTS = [
    "a",
    "Wort",
    " ",
    "\n",
    "\n\n",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "| ",
    " |",
    ".",
    "!",
    "?",
    ":",
    " :",
    "…",
    "。",
    "`",
    "```",
    "~~~",
    "[",
    "]",
    "(",
    ")",
    "⟦",
    "⟧",
    "⟦1⟧",
    "⟦2⟧",
    "⟦99⟧",
    "{#id}",
    "](/x)",
    "<Embed url='x' />",
    "Here is the translation:",
    "Voici la traduction :",
    "Sure!",
    "Let me know",
    "(Note: x)",
    "e.g.",
    "13.",
    "'s ",
    "«",
    "»",
    "„",
    "“",
]
markdownish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=markdownish,
    translated=markdownish,
    language=st.sampled_from(["nl", "de", "fr", "zh", "pt-br", "xx", ""]),
    finish_reason=st.sampled_from(["stop", "length", ""]),
)
def test_checks_never_crash_on_any_text(source, translated, language, finish_reason):
    found = translation_problems(
        protected=protect(source),
        translated=translated,
        finish_reason=finish_reason,
        source_language="en",
        language=language,
    )
    assert all(problem.message and problem.instruction for problem in found)


@settings(max_examples=200, deadline=None)
@given(source=st.text(), translated=st.text())
def test_checks_never_crash_on_arbitrary_unicode(source, translated):
    translation_problems(protected=protect(source), translated=translated, language="de")
