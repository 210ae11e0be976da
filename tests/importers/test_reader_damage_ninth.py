"""A ninth model that damages its reading of a page, on pages in Finnish, Hebrew, Tagalog,
Bengali, Greek, Korean, Ukrainian and Catalan (`reader9_damage`).

Damage the earlier rounds lack, to the answer's shape: YAML (bare or in a fence), JSON Lines,
JSON with comments and trailing commas, keys in the page's language ("kaupunki", "עיר",
"শহর"), a year shown with a thousands separator ("2,027"), a day as an ISO week date, clocks
as "14h30", "2.30pm" or with the page's word for the part of the day ("2:00 μ.μ."), the answer
twice in one message, a reasoning block before it, the city and country in English ("Lvov" for
Львів), invisible direction marks around every value; an answer cut off inside a string by the
length limit, and a refusal. Each keeps the page's honest event whole, or imports nothing and
says why; and no mix of them imports a fact the page does not give (the facts are in
`test_reader_damage_ninth_facts`, the server in `test_reader_damage_ninth_server`).
"""

import json

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from turnout.importers.model_answer import read_answer

from .reader3_pages import events, warnings
from .reader9_damage import (
    CA,
    EL,
    FI,
    HONEST,
    KO,
    NAMES,
    REFUSALS,
    SHAPES,
    UK,
    as_json_lines,
    as_yaml,
    damaged_answers,
    in_page_keys,
    kept,
    read,
    shaped,
    with_grouped_year,
)
from .reader_server import answer

TAMPERE = "fi-tampere-mielenosoitus.md"
HAIFA = "he-haifa-hafgana.md"
CEBU = "tl-cebu-protesta.md"
CHATTOGRAM = "bn-chattogram-samabesh.md"
THESSALONIKI = "el-thessaloniki-diamartyria.md"
BUSAN = "ko-busan-jiphoe.md"
LVIV = "uk-lviv-aktsiia.md"
GIRONA = "ca-girona-concentracio.md"
CUT_OFF = (
    "the model's answer breaks off at its length limit; its last event, whose last value may "
    "be cut short, is left out"
)
CUT_BEFORE_FIRST = (
    "the model's answer breaks off before its first event is complete; the page was read by "
    "the rules alone"
)


@pytest.mark.parametrize("name", NAMES)
def test_an_honest_answer_is_kept_whole_on_every_page(name):
    plan = read(name, answer(HONEST[name][0]))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# Each shape on two pages in turn, so that every page meets most shapes.
SHAPED = [(NAMES[(n + shift) % len(NAMES)], shape) for n, shape in enumerate(SHAPES)
          for shift in (0, 4)]  # fmt: skip


@pytest.mark.parametrize(("name", "shape"), SHAPED)
def test_an_answer_in_another_shape_gives_the_honest_event_and_no_noise(name, shape):
    plan = read(name, shaped(name, HONEST[name][0], shape))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# --- keys and numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_keys_in_the_pages_language_are_read_as_the_asked_ones(name):
    found = read_answer(in_page_keys(name[:2], HONEST[name][0])).answer
    assert found is not None
    assert found["events"] == [HONEST[name][0]]


@pytest.mark.parametrize("name", NAMES)
def test_one_event_in_the_pages_language_without_a_wrapper_is_the_event(name):
    keys = json.loads(in_page_keys(name[:2], HONEST[name][0]))
    (inner,) = next(iter(keys.values()))
    plan = read(name, json.dumps(inner, ensure_ascii=False))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize("separator", [",", ".", " ", "\u00a0", "\u202f", "'"])
def test_a_year_shown_with_a_thousands_separator_is_the_year(separator):
    plan = read(TAMPERE, with_grouped_year(FI, separator))
    assert (events(plan), warnings(plan)) == (kept(TAMPERE), [])


@pytest.mark.parametrize("year", ["20,27", "2,0277", "2,028", "2.029"])
def test_a_year_grouped_otherwise_or_another_year_is_no_day_of_the_page(year):
    given = {k: v for k, v in FI.items() if k != "date"}
    plan = read(TAMPERE, json.dumps({"events": [{**given, "year": year, "month": "10",
                                                 "day": "23"}]}))  # fmt: skip
    assert events(plan) == []
    assert warnings(plan)


def test_a_day_as_seconds_grouped_in_thousands_is_no_date():
    plan = read(TAMPERE, answer({**FI, "date": "1,824,365,600"}))
    assert events(plan) == []
    assert warnings(plan) == ["the model's date “1,824,365,600” is not a date; left out"]


# --- values written otherwise ----------------------------------------------------------------


@pytest.mark.parametrize("name", [TAMPERE, HAIFA, CHATTOGRAM, GIRONA])
def test_each_value_with_its_confidence_and_source_beside_it_is_the_value(name):
    given = HONEST[name][0]
    beside = {k: {"value": v, "confidence": 0.93, "source": "the page"} for k, v in given.items()}
    plan = read(name, json.dumps({"events": [beside]}, ensure_ascii=False))
    assert (events(plan), warnings(plan)) == (kept(name), [])


def test_an_object_with_a_value_and_a_city_is_a_place_not_a_value():
    place = {"value": "Keskustori", "city": "Tampere"}
    found = read_answer(json.dumps({"events": [{**FI, "venue": place}]})).answer
    assert found is not None
    (event,) = found["events"]
    assert (event["city"], "venue" in event) == ("Tampere", False)


@pytest.mark.parametrize("wrapped", [False, True])
@pytest.mark.parametrize("name", [TAMPERE, BUSAN, LVIV])
def test_a_table_written_as_jsons_lists_gives_an_event_a_row(name, wrapped):
    given = HONEST[name][0]
    table = [list(given), list(given.values())]
    plan = read(name, json.dumps({"events": table} if wrapped else table, ensure_ascii=False))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize(
    "table", [[["a", "b"], ["Tampere", "2027-10-23"]], [["city"], ["Tampere"]], [[1, 2], [3, 4]]]
)
def test_lists_of_lists_without_a_header_of_fields_are_no_table(table):
    assert read_answer(json.dumps({"events": table})).answer["events"] != [
        {"city": "Tampere", "date": "2027-10-23"}
    ]
    plan = read(TAMPERE, json.dumps({"events": table}))
    assert events(plan) == []


@pytest.mark.parametrize(
    ("written", "venue"),
    [("Pla&ccedil;a del Vi", "Plaça del Vi"), ("Pla&#231;a del Vi", "Plaça del Vi"),
     ("Pla&#xE7;a del Vi", "Plaça del Vi")],
)  # fmt: skip
def test_a_letter_written_as_an_html_entity_is_the_letter(written, venue):
    plan = read(GIRONA, answer({**CA, "venue": written}))
    assert (events(plan), warnings(plan)) == (kept(GIRONA, venue=venue), [])


def test_full_width_figures_of_a_korean_keyboard_are_the_day_and_time():
    plan = read(BUSAN, answer({**KO, "date": "２０２７－１１－２７", "start": "１４：３０"}))
    assert (events(plan), warnings(plan)) == (kept(BUSAN), [])


# --- words in place of an answer -------------------------------------------------------------


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_refusal_imports_nothing_and_says_the_models_words(refusal):
    plan = read(HAIFA, refusal)
    assert events(plan) == []
    assert warnings(plan) == [
        f"the model's answer holds no JSON object, only words: “{refusal}”; the page was read "
        "by the rules alone"
    ]


def test_a_reasoning_block_never_closed_is_no_answer_though_it_holds_json():
    plan = read(LVIV, "<think>Let me see. Maybe: " + answer({**UK, "date": "2027-10-02"}))
    assert events(plan) == []
    assert warnings(plan) == [
        "the model's answer holds no JSON object; the page was read by the rules alone"
    ]


def test_a_reasoning_blocks_drafts_are_not_events_beside_the_answer():
    draft = answer({**KO, "city": "서울", "date": "2027-11-20"})
    plan = read(BUSAN, f"<think>{draft}</think>\n{answer(KO)}")
    assert (events(plan), warnings(plan)) == (kept(BUSAN), [])


# --- an answer cut off by the length limit ---------------------------------------------------


@pytest.mark.parametrize("inside", ["venue", "signup_url", "city"])
def test_json_cut_inside_the_only_events_string_imports_nothing(inside):
    text = answer(UK)
    cut = text[: text.index(UK[inside]) + 5]
    plan = read(LVIV, cut, finish_reason="length")
    assert events(plan) == []
    assert warnings(plan) == [CUT_BEFORE_FIRST]


def test_json_cut_inside_the_second_event_keeps_the_first_whole():
    text = answer(UK, {**UK, "city": "Київ", "date": "2027-10-02"})
    plan = read(LVIV, text[: text.index("Київ") + 2], finish_reason="length")
    assert events(plan) == kept(LVIV)
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


@pytest.mark.parametrize(
    "shape",
    ["yaml", "field lines"],
)
def test_another_format_cut_inside_the_venue_never_imports_a_shortened_venue(shape):
    """ "площа" of "площа Ринок" is a word the page writes: cut off there, the last event is
    left out rather than taken with a venue the model never meant."""
    order = ("city", "date", "start", "end", "signup_url", "venue")
    if shape == "yaml":
        text = as_yaml({k: UK[k] for k in order})
    else:
        text = "".join(f"- **{k}:** {UK[k]}\n" for k in order)
    plan = read(LVIV, text[: text.index("Ринок")].rstrip(), finish_reason="length")
    assert events(plan) == []
    assert warnings(plan) == [CUT_OFF]


def test_yaml_cut_in_its_second_event_keeps_the_first():
    text = as_yaml(EL, {**EL, "venue": "Πλατεία Αριστοτέλους"})
    plan = read(THESSALONIKI, text[: text.rindex("Αριστοτέλους")], finish_reason="length")
    assert events(plan) == kept(THESSALONIKI)
    assert warnings(plan) == [CUT_OFF]


def test_yaml_that_ended_of_itself_is_read_whole():
    plan = read(GIRONA, as_yaml(CA), finish_reason="stop")
    assert (events(plan), warnings(plan)) == (kept(GIRONA), [])


def test_json_lines_cut_in_the_second_line_keep_the_first():
    text = as_json_lines(CA, {**CA, "venue": "Plaça de la Independència"})
    plan = read(GIRONA, text[: text.rindex("Independència")], finish_reason="length")
    assert events(plan) == kept(GIRONA)


# --- whatever the mix -------------------------------------------------------------------------


@hypothesis_settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_answers(), st.sampled_from(["stop", "length"]))
def test_no_mix_of_damage_imports_an_event_or_fact_the_page_does_not_give(page_and_answer, end):
    name, reply = page_and_answer
    plan = read(name, reply, finish_reason=end)
    ((honest_city, honest_day, start, end_time, venue, link),) = kept(name)
    for city, day, starts, ends, place, signup in events(plan):
        assert (city, day) == (honest_city, honest_day)
        assert starts in (None, start) and ends in (None, end_time)
        assert place in ("", venue) and signup in ("", link)
    assert len(events(plan)) <= 1
    for message in warnings(plan):
        assert isinstance(message, str) and message
        message.encode("utf-8")


# Pieces of the shapes above, to be put together in any order and cut anywhere.
_PIECES = st.sampled_from(
    ["{", "}", "[", "]", '"', ":", ",", "\n", "- ", "  ", "events:", "city: ", "---", "```yaml",
     "```", "// ", "/*", "*/", "<think>", "</think>", "Λευκός Πύργος", "Θεσσαλονίκη", "πόλη",
     "2027-11-20", "2027-W46-6", "2,027", "2:00 μ.μ.", "14h30", "2.30pm", "\u200f", "Online",
     "https://meet.jit.si/pause-cebu-nobyembre", "I can't help with that.", "null", "true"]
)  # fmt: skip


@hypothesis_settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=10)), max_size=40), st.booleans())
def test_no_answer_text_crashes_the_reader(pieces, is_cut_off):
    plan = read(THESSALONIKI, "".join(pieces), finish_reason="length" if is_cut_off else "stop")
    for city, *_rest in events(plan):
        assert city == "Thessaloniki"
    for message in warnings(plan):
        message.encode("utf-8")
