"""A fifth model that damages its reading of a page (`reader5/`): the fields of its events and
events that are not the page's.

Damage the earlier rounds lack: a start and an end in the start field ("14:00-16:00", "2pm to
4pm"), a day without its year or in another language's words ("14/08", "August 14th",
"14 août"), digits of another script ("२०२७-०९-१२"), a weekday that is not the day's, a city
with its country, region or other name beside it ("Brno / Brünn"), null written as a word in
the page's language ("neuvedeno", "미정"), a value as a list of one, invisible characters
inside a value, a link in backticks or bidi marks, an event or a link invented from nothing on
the page, and a page offering a signup link for each city when the model gives one of them.
For each: what is kept, what is refused, and the reason the importer is told. Whatever mix of
it a model sends, no event and no fact the page does not give that event is imported.
"""

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from turnout.importers.model_fields import ascii_digits, clock_digits, field_text, start_and_end

from .reader3_pages import events, warnings
from .reader5_damage import (
    BUSAN,
    CITIES_WITH_MORE,
    CS,
    HI,
    HONEST,
    NULL_WORDS,
    SEOUL,
    SV,
    UK,
    WRITTEN_DAYS,
    WRONG_WEEKDAYS,
    damaged_answers,
    kept,
    read,
    start_ranges,
    with_native_digits,
    written_links,
)
from .reader_server import answer

BRNO = "cs-brno-namesti.md"
KOREA = "ko-seoul-busan-jiphoe.md"
PAGES = sorted(HONEST)


def _event_of(name: str, city: str) -> tuple[int, dict]:
    given = HONEST[name][0]
    return next((i, e) for i, e in enumerate(given) if e["city"] == city)


def _with(name: str, index: int, **fields) -> list[dict]:
    given = [dict(e) for e in HONEST[name][0]]
    given[index] |= fields
    return given


def _page_of(city: str) -> str:
    return next(n for n in PAGES if any(e["city"] == city for e in HONEST[n][0]))


@pytest.mark.parametrize(
    ("name", "index", "start"),
    [
        (name, index, start)
        for name in PAGES
        for index, e in enumerate(HONEST[name][0])
        if e.get("end")
        for start in start_ranges(e["start"], e["end"])
    ],
)
def test_a_start_and_end_in_the_start_field_are_both_kept(name, index, start):
    given = _with(name, index, start=start, end=None)
    assert events(read(name, answer(*given))) == kept(name)


@pytest.mark.parametrize(
    ("name", "index", "written"),
    [
        (name, index, written)
        for name in PAGES
        for index, e in enumerate(HONEST[name][0])
        for written in WRITTEN_DAYS[e["date"]]
    ],
)
def test_a_day_without_its_year_or_in_other_words_is_the_pages_day(name, index, written):
    plan = read(name, answer(*_with(name, index, date=written)))
    assert (events(plan), warnings(plan)) == (kept(name), [])


@pytest.mark.parametrize("zero", ["०", "٠", "০", "๐"])
def test_digits_of_another_script_are_read_as_digits(zero):
    given = {**HI, "date": with_native_digits(HI["date"], zero)}
    given |= {"start": with_native_digits(HI["start"], zero)}
    assert events(read("hi-mumbai-dharna.md", answer(given))) == kept("hi-mumbai-dharna.md")


@pytest.mark.parametrize(("name", "written"), [(n, w) for n in PAGES for w in WRONG_WEEKDAYS[n]])
def test_a_weekday_that_is_not_the_days_leaves_the_event_out_and_says_why(name, written):
    given = HONEST[name][0]
    plan = read(name, answer({**given[0], "date": written}, *given[1:]))
    assert events(plan) == kept(name)[1:]
    assert (
        f"the model's date “{written}” names another weekday than the day it gives; the date "
        "is left out"
    ) in warnings(plan)


@pytest.mark.parametrize(
    ("city", "written"), [(city, w) for city, ws in CITIES_WITH_MORE.items() for w in ws]
)
def test_a_city_with_its_country_region_or_other_name_is_the_city(city, written):
    name = _page_of(city)
    index, _event = _event_of(name, city)
    assert events(read(name, answer(*_with(name, index, city=written)))) == kept(name)


@pytest.mark.parametrize("word", NULL_WORDS)
def test_null_written_as_a_word_is_no_value(word):
    given = {**CS, "end": word, "zone": word, "last_date": word, "title": word}
    plan = read(BRNO, answer(given))
    city, day, start, _end, venue, link = kept(BRNO)[0]
    assert (events(plan), warnings(plan)) == ([(city, day, start, None, venue, link)], [])


@pytest.mark.parametrize(("mark", "closing"), [("**", "**"), ("*", "*"), ("`", "`"), ("__", "__")])
def test_markdown_around_a_value_is_not_part_of_it(mark, closing):
    given = {
        k: f"{mark}{v}{closing}" if k in ("city", "venue", "start") else v for k, v in SV.items()
    }
    name = "sv-malmo-stortorget.md"
    assert (events(read(name, answer(given))), warnings(read(name, answer(given)))) == (
        kept(name),
        [],
    )


@pytest.mark.parametrize(("start", "end"), [("1500", "1700"), (1500, 1700)])
def test_a_time_as_four_digits_is_that_time(start, end):
    assert events(read(BRNO, answer({**CS, "start": start, "end": end}))) == kept(BRNO)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize(("name", "given"), [("sv-malmo-stortorget.md", SV), (BRNO, CS)])
def test_utf8_read_as_another_encoding_is_read_again(encoding, name, given):
    mangled = {k: given[k].encode().decode(encoding) for k in ("city", "venue")}
    assert mangled["venue"] != given["venue"] or mangled["city"] != given["city"]
    assert events(read(name, answer({**given, **mangled}))) == kept(name)


def test_a_value_given_as_a_list_of_one_is_that_value():
    given = {**CS, "date": [CS["date"]], "signup_url": [CS["signup_url"]], "venue": [CS["venue"]]}
    assert events(read(BRNO, answer(given))) == kept(BRNO)


@pytest.mark.parametrize("link", written_links(SEOUL["signup_url"]))
def test_a_link_written_otherwise_is_the_pages_link(link):
    plan = read(KOREA, answer({**SEOUL, "signup_url": link}, BUSAN))
    assert events(plan) == kept(KOREA)


@pytest.mark.parametrize("mark", ["\u200b", "\u200e", "\u2066", "\u00ad", "\ufeff"])
@pytest.mark.parametrize("field", ["city", "venue", "date", "start", "signup_url"])
def test_invisible_characters_inside_a_value_are_not_part_of_it(mark, field):
    given = {**UK, field: UK[field][:2] + mark + UK[field][2:]}
    assert events(read("uk-kyiv-maidan.md", answer(given))) == kept("uk-kyiv-maidan.md")


def test_a_link_the_page_never_holds_is_refused_and_the_pages_own_taken():
    plan = read(BRNO, answer({**CS, "signup_url": "https://lu.ma/brno-pauza-srpen"}))
    assert events(plan) == kept(BRNO)
    assert warnings(plan) == [
        "the model's link “https://lu.ma/brno-pauza-srpen” is not on the page; left out"
    ]


def test_a_city_the_page_names_without_a_day_gets_no_event_on_the_other_citys_day():
    lviv = {"city": "Львів", "venue": "площа Ринок", "date": UK["date"], "start": UK["start"]}
    plan = read("uk-kyiv-maidan.md", answer(UK, lviv))
    assert events(plan) == kept("uk-kyiv-maidan.md")
    assert (
        "the page gives 2027-09-25 only to another city than Lviv; the model's event there on "
        "that day is left out"
    ) in warnings(plan)


@pytest.mark.parametrize(
    "invented",
    [
        {"city": "Θεσσαλονίκη", "venue": "Λευκός Πύργος", "date": "2027-08-14", "start": "19:00"},
        {"city": "Πάτρα", "date": "2027-08-07", "start": "18:00"},
        {"city": "Αθήνα", "venue": "πλατεία Συντάγματος", "date": "2027-08-21", "start": "18:00"},
    ],
)
def test_an_event_invented_from_nothing_on_the_page_is_not_imported(invented):
    name = "el-athina-syntagma.md"
    plan = read(name, answer(HONEST[name][0][0], invented))
    assert events(plan) == kept(name)
    assert any("left out" in message for message in warnings(plan))


@pytest.mark.parametrize("given", [SEOUL, BUSAN])
def test_one_city_of_a_page_with_a_signup_link_for_each_keeps_its_own_link(given):
    plan = read(KOREA, answer(given))
    (event,) = events(plan)
    assert event[5] == given["signup_url"]
    assert warnings(plan) == []


def test_one_city_without_a_link_on_a_page_with_a_link_for_each_takes_its_own_or_none():
    plan = read(KOREA, answer({**BUSAN, "signup_url": None}))
    (event,) = events(plan)
    assert event[5] in ("", BUSAN["signup_url"])


# What a damaged answer may bring in: each page's events and their facts, nothing else.
def _honest_facts() -> dict[str, dict]:
    facts: dict[str, dict] = {}
    for name in PAGES:
        for row in kept(name):
            city, day, start, end, venue, link = row
            facts.setdefault(name, {})[(city, day)] = (start, end, venue, link)
    return facts


HONEST_FACTS = _honest_facts()


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_answers())
def test_no_mix_of_damage_imports_an_event_or_fact_the_page_does_not_give(page_and_answer):
    name, reply = page_and_answer
    plan = read(name, reply)
    for city, day, start, end, venue, link in events(plan):
        assert isinstance(day, date) and (start is None or isinstance(start, time))
        assert (city, day) in HONEST_FACTS[name], (city, day)
        honest_start, honest_end, honest_venue, honest_link = HONEST_FACTS[name][(city, day)]
        assert start in (None, honest_start)
        assert end in (None, honest_end)
        assert venue in ("", honest_venue)
        assert link in ("", honest_link)
    assert all(isinstance(message, str) and message for message in warnings(plan))


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.lists(st.text(), max_size=2)))
def test_no_field_a_model_writes_crashes_its_reading(value):
    text = field_text(value)
    assert isinstance(text, str) and len(text) <= 500
    assert start_and_end(ascii_digits(text), "") is not None
    assert isinstance(clock_digits(ascii_digits(text)), str)


# Letters of every script but the Latin-1 supplement, whose pairs ("Ãª") are what UTF-8 read as
# Latin-1 looks like.
_LETTERS = st.text(
    alphabet=st.characters(
        whitelist_categories=["Lu", "Ll", "Lo"],
        blacklist_characters=[chr(c) for c in range(0x80, 0x100)],
    ),  # fmt: skip
    min_size=1,
    max_size=30,
)


@hypothesis_settings(max_examples=200, deadline=None)
@given(_LETTERS)
def test_a_value_in_any_script_is_kept_as_written_and_read_again_when_mangled(text):
    expected = field_text(text)
    assert expected in (text, "")
    assert field_text(text.encode().decode("latin-1")) == expected
