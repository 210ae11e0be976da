"""A sixth model that damages its reading of a page, on pages in Dutch, German, French, Spanish,
Japanese, Arabic and Russian (`reader6_damage`).

Damage the earlier rounds lack: the answer as a markdown table or CSV in the page's language,
JSON Lines with a count after, a proxy's stream of "data:" chunks passed on as the answer, a
refusal sentence before the JSON, Python's spelling with `datetime.date(...)` and a key given
twice, the prompt's shape echoed with its "...", half the object and then the whole of it,
events as lists in a list, bold "**Город:** Казань" lines; days as "sixteenth of October 2027",
"16-10-2027" or "Sun 2027-10-16", "next Saturday"; "3pm CEST" and "1700h"; a city with its
country in (full-width) brackets; a link in capitals or with tracking in <>; the event twice
under two names of its city; an answer cut mid-string by the length limit; a web page instead
of an answer. For each: what survives the check against the page, and that nothing the page
does not give is imported.
"""

import json
import os
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from turnout.importers.model_answer import read_answer

from .reader3_pages import events, warnings
from .reader6_damage import (
    CITY_WITH_COUNTRY,
    FR,
    HONEST,
    NAMES,
    NL,
    OTHER_NAMES,
    PROMPT_SHAPE,
    RU,
    SHAPES,
    ZONED_STARTS,
    damaged_answers,
    kept,
    read,
    shaped,
    written_days,
    written_links,
    wrong_weekdays,
)
from .reader_server import answer

HAGUE = "nl-den-haag-malieveld.md"
NANTES = "fr-nantes-rassemblement.md"
KAZAN = "ru-kazan-piket.md"
ECHO = (
    "the model's answer only repeats the shape it was asked for, with no events; the page was "
    "read by the rules alone"
)
TWICE = "the model's answer gives “%s” twice with different values (%s); neither is taken"


@pytest.mark.parametrize("name", NAMES)
def test_an_honest_answer_is_kept_whole_on_every_page(name):
    plan = read(name, answer(HONEST[name][0]))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# Each shape on three pages in turn, so that every page meets most shapes.
SHAPED = [(NAMES[(n + shift) % len(NAMES)], shape) for n, shape in enumerate(SHAPES)
          for shift in (0, 2, 5)]  # fmt: skip


@pytest.mark.parametrize(("name", "shape"), SHAPED)
def test_an_answer_in_another_shape_gives_the_honest_event_and_no_noise(name, shape):
    plan = read(name, shaped(name, HONEST[name][0], shape))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# --- a key given twice, in Python's spelling as in JSON's -------------------------------------


def _python(event: dict) -> str:
    return repr({"events": [event]})


# The city and the date given twice, in Python's spelling and in JSON's.
CITY_TWICE = [
    _python(FR).replace("'city': 'Nantes'", "'city': 'Nantes', 'city': 'Rennes'"),
    answer(FR).replace('"city": "Nantes"', '"city": "Nantes", "city": "Rennes"'),
]
DATE_TWICE = [
    _python(RU).replace("'date': ", "'date': '2027-11-28', 'date': "),
    answer(RU).replace('"date": ', '"date": "2027-11-28", "date": '),
]


@pytest.mark.parametrize("reply", CITY_TWICE, ids=["python", "json"])
def test_a_city_given_twice_with_two_values_is_neither_and_the_event_is_left_out(reply):
    plan = read(NANTES, reply)
    assert events(plan) == []
    assert warnings(plan) == [TWICE % ("city", "“Nantes”, “Rennes”")]


@pytest.mark.parametrize("reply", DATE_TWICE, ids=["python", "json"])
def test_a_date_given_twice_with_two_values_leaves_the_day_out_and_says_so(reply):
    plan = read(KAZAN, reply)
    assert events(plan) == []
    assert warnings(plan) == [
        TWICE % ("date", "“2027-11-28”, “2027-11-27”"),
        "the model gives no day for its event in Казань; it is left out",
    ]


def test_a_key_given_twice_in_python_with_one_value_or_a_none_is_that_value():
    reply = _python(FR).replace("'venue': ", "'venue': None, 'venue': ")
    reply = reply.replace("'start': ", "'start': '11:00', 'start': ")
    plan = read(NANTES, reply)
    assert (events(plan), warnings(plan)) == (kept(NANTES), [])


def test_python_is_read_as_data_and_never_run():
    called = "{'events': [{'city': __import__('os').getcwd(), 'date': '2027-10-30'}]}"
    assert os.getcwd() not in repr(read_answer(called).answer)  # at most the text, as written
    assert read_answer("{'events': [{'city': 'Nantes', 'date': date(2027, 10, 30)}]}").answer == {
        "events": [{"city": "Nantes", "date": "2027-10-30"}]
    }


# --- echoes, refusals and answers that are none -----------------------------------------------


def test_the_prompts_shape_alone_is_an_echo_and_no_event():
    plan = read(HAGUE, PROMPT_SHAPE)
    assert (events(plan), warnings(plan)) == ([], [ECHO])


def test_a_gateways_error_page_in_place_of_the_answer_is_said_as_such():
    page = (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>502 Bad '
        "Gateway &middot; even geduld</title></head><body><h1>502</h1><p>De server is "
        "tijdelijk niet bereikbaar.</p></body></html>"
    )
    plan = read(HAGUE, page)
    assert (events(plan), warnings(plan)) == (
        [],
        [
            "the model's answer is a web page (“502 Bad Gateway · even geduld”), not an answer;"
            " the page was read by the rules alone"
        ],
    )


def test_a_proxys_stream_whose_chunk_carries_an_error_says_the_error():
    chunks = shaped(HAGUE, NL, "a proxy's stream of chunks").split("\n\n")[:2]
    error = {"error": {"message": "upstream connect error or disconnect/reset before headers"}}
    plan = read(HAGUE, "\n\n".join([*chunks, f"data: {json.dumps(error)}", ""]))
    assert events(plan) == []
    assert warnings(plan) == [
        "the model answered with an error instead of events: “upstream connect error or "
        "disconnect/reset before headers”; the page was read by the rules alone"
    ]


def test_an_answer_cut_mid_string_by_the_length_limit_gives_nothing_of_that_event():
    whole = answer(RU)
    plan = read(KAZAN, whole[: whole.index("Свободы") + 3], finish_reason="length")
    assert events(plan) == []
    assert warnings(plan) == [
        "the model's answer breaks off before its first event is complete; the page was read "
        "by the rules alone"
    ]


def test_an_answer_cut_in_its_second_event_keeps_the_first_whole():
    second = {**NL, "city": "Rotterdam", "date": "2027-09-11", "venue": "stadhuis"}
    whole = answer(NL, second)
    plan = read(HAGUE, whole[: whole.rindex("stadhuis")], finish_reason="length")
    assert events(plan) == kept(HAGUE)
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


def test_a_table_with_a_row_the_page_never_gives_keeps_only_the_pages_row():
    rows = "\n".join(
        f"| {city} | {day} | 11h | 13h | {venue} | {link} |"
        for city, day, venue, link in [
            ("Nantes", "30/10/2027", "place Royale", FR["signup_url"]),
            ("Rennes", "30/10/2027", "place de la Mairie", "https://lu.ma/rennes-pause-octobre"),
        ]
    )
    table = (
        f"| ville | date | début | fin | lieu | inscription |\n|---|---|---|---|---|---|\n{rows}"
    )
    plan = read(NANTES, table)
    assert events(plan) == kept(NANTES)
    assert "the model's city “Rennes” is not named on the page; left out" in warnings(plan)


# --- fields written otherwise than asked ------------------------------------------------------


def _in_turn(forms, shifts=(0, 3, 5)) -> list[tuple[str, int]]:
    """Each of a page's forms of a field (by number) on a few pages in turn."""
    return [(NAMES[(n + shift) % len(NAMES)], n) for n in range(forms) for shift in shifts]


@pytest.mark.parametrize(
    ("name", "written"),
    [(name, written_days(HONEST[name][0]["date"])[n]) for name, n in _in_turn(6)],
)
def test_a_day_spelled_out_or_written_otherwise_is_the_pages_day(name, written):
    plan = read(name, answer({**HONEST[name][0], "date": written}))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize(("name", "written"), [(n, w) for n in NAMES for w in wrong_weekdays(n)])
def test_a_day_with_another_days_weekday_leaves_the_event_out_and_says_why(name, written):
    given = HONEST[name][0]
    plan = read(name, answer({**given, "date": written}))
    assert events(plan) == []
    assert warnings(plan) == [
        f"the model's date “{written}” names another weekday than the day it gives; the date "
        "is left out",
        f"the model gives no day for its event in {given['city']}; it is left out",
    ]


@pytest.mark.parametrize("written", ["next Saturday", "the sixteenth", "this weekend"])
def test_a_day_the_page_does_not_write_so_is_never_guessed(written):
    plan = read(HAGUE, answer({**NL, "date": written}))
    assert events(plan) == []
    assert any(f"the model's date “{written}”" in m or "not written on the page" in m
               or "is not a date" in m for m in warnings(plan))  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_a_start_with_the_zone_of_its_day_or_in_military_time_is_the_pages(name):
    plan = read(name, answer({**HONEST[name][0], "start": ZONED_STARTS[name[:2]]}))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize("name", NAMES)
def test_a_city_with_its_country_in_brackets_is_the_city(name):
    plan = read(name, answer({**HONEST[name][0], "city": CITY_WITH_COUNTRY[name[:2]]}))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize(
    ("name", "link"),
    [(name, written_links(HONEST[name][0]["signup_url"])[n]) for name, n in _in_turn(4)],
)
def test_a_link_in_capitals_or_with_tracking_is_the_pages_link_and_said(name, link):
    plan = read(name, answer({**HONEST[name][0], "signup_url": link}))
    assert events(plan) == kept(name)
    (message,) = warnings(plan)
    assert message.startswith(f"the model's link “{link}” ")
    assert message.endswith(f"the page's link {HONEST[name][0]['signup_url']} is taken")


# --- the same event twice, events invented ----------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_event_twice_under_two_names_of_its_city_is_one_event(name):
    given = HONEST[name][0]
    plan = read(name, answer(given, {**given, "city": OTHER_NAMES[name[:2]]}))
    assert (events(plan), warnings(plan)) == (kept(name), [])


def test_the_event_twice_with_a_start_the_page_never_gives_is_one_event_at_the_pages_time():
    plan = read(HAGUE, answer(NL, {**NL, "city": "The Hague", "start": "15:00", "end": None}))
    assert events(plan) == kept(HAGUE)
    assert warnings(plan) == ["the model's time 15:00 is not written on the page; left out"]


def test_the_city_of_a_past_action_gets_no_event_on_the_days_of_another_city():
    rotterdam = {**NL, "city": "Rotterdam", "venue": "stadhuis"}
    plan = read(HAGUE, answer(NL, rotterdam))
    assert events(plan) == kept(HAGUE)
    assert warnings(plan) == [
        "the model's date “2027-10-16” is written on the page for another city than Rotterdam;"
        " left out"
    ]


# --- whatever the mix ---------------------------------------------------------------------------


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_answers())
def test_no_mix_of_damage_imports_an_event_or_fact_the_page_does_not_give(page_and_answer):
    name, reply = page_and_answer
    plan = read(name, reply)
    ((honest_city, honest_day, start, end, venue, link),) = kept(name)
    for city, day, starts, ends, place, signup in events(plan):
        assert (city, day) == (honest_city, honest_day)
        assert isinstance(day, date) and starts in (None, start) and ends in (None, end)
        assert place in ("", venue) and signup in ("", link)
        assert starts is None or isinstance(starts, time)
    assert all(isinstance(message, str) and message for message in warnings(plan))


# Pieces of the shapes above, to be put together in any order and cut anywhere.
_PIECES = st.sampled_from(
    ["data: ", "{", "}", "[", "]", "'", '"', ":", ",", "\n", "...", "None", "null", "NaN",
     "datetime.date(2027, 10, 30)", "date(", "| ville | date |", "|---|", ";", "```csv\n",
     "- **Город:** ", "Казань", '"events": ', "'city': ", "<answer>", "</think>", "1e999",
     "<!DOCTYPE html>", "<title>", "\\", "（", "）", "sixteenth", "16-10-2027", "Sun "]
)  # fmt: skip


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_no_answer_text_crashes_the_reader(pieces):
    reply = "".join(pieces)
    plan = read(NANTES, reply)
    for city, *_rest in events(plan):
        assert city == "Nantes"
    assert all(isinstance(message, str) and message for message in warnings(plan))
