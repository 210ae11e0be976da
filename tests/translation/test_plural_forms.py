"""Plural entries of the interface's catalogues in languages of three forms or more (Polish,
Russian, Czech, Arabic): every form of the Plural-Forms header is asked for on its own, with
the counts it is shown for; forms copied into each other are asked for again and, if the model
insists, the draft says so; drafts of older runs with one form copied into the others are
redone."""

from datetime import UTC, datetime

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from turnout.translation.catalogs import (
    SAME_FORMS_COMMENT,
    plan_catalogues,
    plural_examples,
    translate_catalogues,
)
from turnout.translation.providers import configured_provider
from turnout.translation.spending import Budget

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)
CITIES = ("%(count)d city", "%(count)d cities")

# What a careful model answers, by language, for each form: the singular's text, then the
# plural's by the first count of the form it is asked for.
FORMS = {
    "pl": ("⟦1⟧ miasto", {2: "⟦1⟧ miasta", 5: "⟦1⟧ miast"}),
    "ru": ("⟦1⟧ город", {2: "⟦1⟧ города", 5: "⟦1⟧ городов"}),
    "cs": ("⟦1⟧ město", {2: "⟦1⟧ města", 5: "⟦1⟧ měst"}),
}
EXPECTED = {
    "pl": ("%(count)d miasto", "%(count)d miasta", "%(count)d miast"),
    "ru": ("%(count)d город", "%(count)d города", "%(count)d городов"),
    "cs": ("%(count)d město", "%(count)d města", "%(count)d měst"),
}
OTHERS = {"Local events": "…", "Sign up on ⟦1⟧⟦2⟧⟦3⟧": "…"}


def draft(language: str, chat_server, app_tree):
    [work] = translate_catalogues(
        language=language,
        provider=configured_provider(),
        budget=Budget.for_month(now=NOW),
        now=NOW,
        sleep=lambda s: None,
        root=app_tree,
    )
    with (app_tree / f"campaigns/locale/{language}/LC_MESSAGES/django.po").open("rb") as po_file:
        return work, read_po(po_file).get(CITIES)


def answers(language: str, singular: str, plural: dict) -> dict:
    return {
        language: {
            "Local events": {
                "pl": "Lokalne wydarzenia",
                "ru": "Местные акции",
                "cs": "Místní akce",
            }[language],  # fmt: skip
            "⟦1⟧ city": singular,
            "⟦1⟧ cities": plural,
        }
    }


@pytest.mark.parametrize("language", ["pl", "ru", "cs"])
def test_every_plural_form_is_asked_for_with_its_counts(chat_server, app_tree, language):
    chat_server.answers = answers(language, *FORMS[language])
    work, entry = draft(language, chat_server, app_tree)
    assert entry.string == EXPECTED[language]
    assert "fuzzy" in entry.flags and entry.user_comments == []
    assert work.same_forms == []
    prompts = [r["messages"][0]["content"] for r in chat_server.requests]
    few = "2, 3, 4, 22" if language in ("pl", "ru") else "2, 3, 4"
    assert any(f"counts such as {few}" in p and "(⟦1⟧ is the count)" in p for p in prompts)
    assert any("counts such as 5, 6, 7, 8" in p for p in prompts)


def test_a_model_that_copies_a_form_is_asked_once_more_and_corrects_itself(chat_server, app_tree):
    chat_server.answers = answers(
        "pl", "⟦1⟧ miasto", {2: "⟦1⟧ miasta", 5: ["⟦1⟧ miasta", "⟦1⟧ miast"]}
    )
    work, entry = draft("pl", chat_server, app_tree)
    assert entry.string == EXPECTED["pl"]
    assert entry.user_comments == [] and work.same_forms == []
    [retry] = [r["messages"] for r in chat_server.requests if len(r["messages"]) > 2]
    assert retry[2] == {"role": "assistant", "content": "⟦1⟧ miasta"}
    assert "Polish writes another form for counts such as 5, 6, 7, 8" in retry[3]["content"]


@pytest.mark.parametrize("language", ["pl", "ru", "cs"])
def test_forms_still_identical_are_drafted_with_a_comment_for_the_reviewer(
    chat_server, app_tree, language
):
    singular, plural = FORMS[language]
    chat_server.answers = answers(language, singular, {2: plural[2], 5: plural[2]})
    work, entry = draft(language, chat_server, app_tree)
    assert entry.string[1] == entry.string[2] == EXPECTED[language][1]
    assert "fuzzy" in entry.flags
    assert entry.user_comments == [SAME_FORMS_COMMENT.format(forms="1 and 2")]
    assert work.same_forms == ["%(count)d city"]
    # The reviewer is told; the next run does not ask again.
    assert plan_catalogues(language, root=app_tree)[0].missing == []


def test_a_draft_of_an_older_run_with_one_form_copied_into_the_others_is_redone(
    chat_server, app_tree
):
    older = Catalog(locale="pl")
    older.add(CITIES, ("%(count)d miasto", "%(count)d miast", "%(count)d miast"), flags=["fuzzy"])
    older.add("Local events", "Lokalne wydarzenia", flags=["fuzzy"])
    older.add("Sign up on <strong>%(platform)s</strong>", "Zapisz się na <strong>%(platform)s"
              "</strong>", flags=["fuzzy"])  # fmt: skip
    folder = app_tree / "campaigns/locale/pl/LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "django.po").open("wb") as po_file:
        write_po(po_file, older)
    assert plan_catalogues("pl", root=app_tree)[0].missing == ["%(count)d city"]
    chat_server.answers = answers("pl", *FORMS["pl"])
    work, entry = draft("pl", chat_server, app_tree)
    assert (work.filled, work.failed) == (1, 0)
    assert entry.string == EXPECTED["pl"]


def test_units_that_do_not_inflect_and_two_form_languages_are_not_flagged(chat_server, app_tree):
    (app_tree / "campaigns/locale/nl/LC_MESSAGES/django.po").write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "%(count)d km"\nmsgid_plural "%(count)d km"\nmsgstr[0] "%(count)d km"\n'
        'msgstr[1] "%(count)d km"\n\n'
        'msgid "%(count)d participant"\nmsgid_plural "%(count)d participants"\n'
        'msgstr[0] "%(count)d deelnemer"\nmsgstr[1] "%(count)d deelnemers"\n',
        encoding="utf-8",
    )
    chat_server.answers = {
        "pl": {"⟦1⟧ km": "⟦1⟧ km"},
        "de": {"⟦1⟧ participant": "⟦1⟧ Teilnehmer", "⟦1⟧ participants": "⟦1⟧ Teilnehmer"},
    }
    for language in ("pl", "de"):
        [work] = translate_catalogues(
            language=language,
            provider=configured_provider(),
            budget=Budget.for_month(now=NOW),
            now=NOW,
            sleep=lambda s: None,
            root=app_tree,
        )
        assert "%(count)d km" not in work.same_forms and work.failed == 0, language
        if language == "de":  # "Teilnehmer" is singular and plural alike
            assert work.same_forms == []


def test_arabic_asks_for_six_forms_and_lets_the_forms_for_11_and_100_match(chat_server, app_tree):
    """Its forms for 0, 1 and 2 say the count in words, as gettext allows."""
    singular = "⟦1⟧ مدينة"
    chat_server.answers = {
        "ar": {
            "⟦1⟧ city": {1: "مدينة واحدة", 0: "لا مدن"},
            "⟦1⟧ cities": {
                0: "لا مدن",
                2: "مدينتان",
                3: "⟦1⟧ مدن",
                100: singular,
                11: singular,
            },
        }
    }
    work, entry = draft("ar", chat_server, app_tree)
    assert len(entry.string) == 6 and all(entry.string)
    assert entry.string[:4] == ("لا مدن", "مدينة واحدة", "مدينتان", "%(count)d مدن")
    assert entry.string[4] == entry.string[5] == "%(count)d مدينة"
    assert work.same_forms == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", [[1], [2, 3, 4, 22], [5, 6, 7, 8]]),
        ("ru", [[1, 21, 31, 41], [2, 3, 4, 22], [5, 6, 7, 8]]),
        ("cs", [[1], [2, 3, 4], [5, 6, 7, 8]]),
        ("ja", [[1, 2, 3, 4]]),
    ],
)
def test_the_counts_of_each_form_come_from_the_plural_forms_header(language, expected):
    assert plural_examples(Catalog(locale=language)) == expected
