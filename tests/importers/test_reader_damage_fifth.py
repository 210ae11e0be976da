"""A fifth model that damages its reading of a page, on pages in eight more languages
(`reader5/`: Greek, Czech, Swedish, Korean, Hindi, Indonesian, Ukrainian, Turkish): the
answer's text.

Damage the earlier rounds lack: `#` comments, -Infinity, a key given twice (once null, or with
two values), "events" given twice, the schema or the prompt's shape echoed before the answer,
the events nested under "items", "output", "records", "data"/"results", events[0]["events"] or
keyed by number, one JSON object a line, invisible characters between the tokens, typographic
quotes, the whole answer escaped once more (as a JSON string's inside, or as HTML), full-width
colons and commas, keys in the page's language, an error object or a refusal instead of events.
For each: what is kept, what is refused, and the reason the importer is told (the fields are in
`test_reader_damage_fifth_fields`, the server in `test_reader_damage_fifth_server`).
"""

import json

import pytest

from turnout.importers.model_answer import read_answer

from .reader3_pages import events, warnings
from .reader5_damage import (
    CS,
    HONEST,
    SCHEMA_ECHO,
    TEMPLATE_ECHO,
    TEXT_DAMAGES,
    damaged_text,
    kept,
    read,
)
from .reader_server import answer

NO_EVENTS = "the model found no events on the page; it was read by the rules alone"
ECHO = (
    "the model's answer only repeats the shape it was asked for, with no events; the page was "
    "read by the rules alone"
)
BRNO = "cs-brno-namesti.md"
PAGES = sorted(HONEST)


@pytest.mark.parametrize("name", PAGES)
def test_an_honest_answer_is_kept_whole_on_every_page(name):
    plan = read(name, answer(*HONEST[name][0]))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# Each damage on two pages in turn, one of them the page of two cities.
CASES = [
    (PAGES[(number + shift) % len(PAGES)], damage)
    for number, damage in enumerate(TEXT_DAMAGES)
    for shift in (0, 3)
]


@pytest.mark.parametrize(("name", "damage"), CASES)
def test_an_answer_whose_text_is_damaged_gives_the_honest_events(name, damage):
    plan = read(name, damaged_text(name, HONEST[name][0], damage))
    assert events(plan) == kept(name)


@pytest.mark.parametrize("damage", TEXT_DAMAGES)
def test_no_text_damage_adds_a_warning_to_an_honest_answer(damage):
    plan = read(BRNO, damaged_text(BRNO, [CS], damage))
    assert warnings(plan) == []


def test_a_key_given_twice_with_two_values_takes_neither_and_says_so():
    reply = answer(CS).replace('"date": ', '"date": "2027-08-15", "date": ')
    plan = read(BRNO, reply)
    assert events(plan) == []
    assert warnings(plan) == [
        "the model's answer gives “date” twice with different values (“2027-08-15”, "
        "“2027-08-14”); neither is taken",
        "the model gives no day for its event in Brno; it is left out",
    ]


def test_a_key_given_twice_with_the_same_value_is_that_value():
    reply = answer(CS).replace('"start": ', '"start": "15:00", "start": ')
    assert events(read(BRNO, reply)) == kept(BRNO)


def test_the_echoed_schema_and_shape_alone_are_no_events_and_no_noise():
    for reply in (SCHEMA_ECHO, TEMPLATE_ECHO, f"{SCHEMA_ECHO}\n{TEMPLATE_ECHO}"):
        plan = read(BRNO, reply)
        assert (events(plan), warnings(plan)) == ([], [ECHO])


def test_an_echoed_example_with_real_values_is_still_checked_against_the_page():
    example = answer({"city": "Ostrava", "date": "2027-01-01", "start": "10:00"})
    plan = read(BRNO, f"Example:\n{example}\nAnswer:\n{answer(CS)}")
    assert events(plan) == kept(BRNO)
    assert "the model's date 2027-01-01 is not written on the page; left out" in warnings(plan)


@pytest.mark.parametrize(
    ("reply", "quoted"),
    [
        (
            "I'm sorry, but I can't help with extracting events from this page.",
            "I'm sorry, but I can't help with extracting events from this page.",
        ),
        ("Omlouvám se, ale na stránce nevidím žádnou akci.", None),
        ("이 페이지에서는 행사를 찾을 수 없습니다. " * 20, None),
    ],
)
def test_a_refusal_or_words_alone_are_quoted_to_the_importer(reply, quoted):
    plan = read(BRNO, reply)
    assert events(plan) == []
    (message,) = warnings(plan)
    shown = quoted or " ".join(reply.split())[:159] + "…" if len(reply) > 160 else reply
    assert message == (
        f"the model's answer holds no JSON object, only words: “{shown}”; the page was read "
        "by the rules alone"
    )


@pytest.mark.parametrize(
    "body",
    [
        {"error": {"message": "context length exceeded", "code": 400}},
        {"error": "context length exceeded"},
        {"refusal": "context length exceeded"},
        {"events": [], "error": "context length exceeded"},
        {"errors": [{"message": "context length exceeded"}]},
    ],
)
def test_an_error_object_in_place_of_events_is_said_in_its_own_words(body):
    plan = read(BRNO, json.dumps(body))
    assert (events(plan), warnings(plan)) == (
        [],
        [
            "the model answered with an error instead of events: “context length exceeded”; "
            "the page was read by the rules alone"
        ],
    )


def test_an_answer_with_no_events_and_no_error_still_says_none_were_found():
    plan = read(BRNO, answer())
    assert warnings(plan) == [NO_EVENTS]


def test_a_value_in_typographic_quotes_of_its_own_is_kept_as_written():
    reply = answer({**CS, "title": "„Zastavme závod“"}).replace("}]", "},]")
    assert read_answer(reply).answer["events"][0]["title"] == "„Zastavme závod“"


def test_a_url_fragment_is_no_comment():
    reply = "# events\n" + answer(
        CS, coordination_url="https://signal.group/#brno-pauza-organizace"
    )
    assert read_answer(reply).answer["coordination_url"] == (
        "https://signal.group/#brno-pauza-organizace"
    )
