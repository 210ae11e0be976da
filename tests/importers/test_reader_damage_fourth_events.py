"""A fourth model that damages its reading of a page (`reader4/`): events, links and countries
that are not the page's, repeats that differ a little or take the end for the start, answers cut
off, of the wrong shape, of 1 MB or recursion bombs, and any mix of the fourth round's damage
(`reader4_damage`). For each: what is kept, what is refused, and the reason the importer is
told."""

import json
import time as clock
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from turnout.importers.model_answer import model_clock

from .reader3_pages import events, warnings
from .reader4_damage import (
    DRESDEN,
    FR,
    HONEST,
    LEIPZIG,
    NL,
    OTHER_LINKS,
    PT,
    damaged_answers,
    kept_event,
    read,
)
from .reader_server import answer

UTRECHT, LYON = kept_event(NL, "Utrecht"), kept_event(FR, "Lyon")
SAXONY = [kept_event(LEIPZIG, "Leipzig"), kept_event(DRESDEN, "Dresden")]
NO_JSON = "the model's answer holds no JSON object; the page was read by the rules alone"
TWO = answer(LEIPZIG, DRESDEN)


# --- events and links that are not the page's ----------------------------------------------


def test_an_invented_event_is_refused_and_the_real_one_kept():
    invented = {"city": "Amsterdam", "date": "2027-06-19", "start": "14:00", "venue": "Dam"}
    plan = read("nl-utrecht-wake.md", answer(NL, invented))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == [
        "the model's city “Amsterdam” is not named on the page; left out",
        "the model's date 2027-06-19 is not written on the page; left out",
        "the model's time 14:00 is not written on the page; left out",
        "the model's venue “Dam” is not written on the page; left out",
    ]


@pytest.mark.parametrize("country", ["Belgium", "BE", "Chile", "日本"])
def test_a_city_moved_to_another_country_stays_where_the_page_puts_it(country):
    plan = read("nl-utrecht-wake.md", answer({**NL, "country": country}))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == [
        f"the model's country “{country}” is not the country of Utrecht; left out"
    ]


def test_another_link_of_the_page_is_not_taken_for_the_signup_link():
    link = OTHER_LINKS["nl-utrecht-wake.md"]
    plan = read("nl-utrecht-wake.md", answer({**NL, "signup_url": link}))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == [
        f"the model's signup link “{link}” is not the one the page asks to sign up with; the "
        f"page's link {NL['signup_url']} is taken"
    ]


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        (
            DRESDEN["signup_url"],
            "the model's signup link “https://forms.example.de/dresden-26-"
            "juni” is written on the page for another city than Leipzig; left out",
        ),
        (
            "https://forms.example.de/leipzig-20-juni",
            "the model's link “https://forms.example."
            "de/leipzig-20-juni” is not on the page; left out",
        ),
    ],  # fmt: skip
)
def test_a_link_of_another_event_or_an_invented_one_is_refused(link, reason):
    plan = read(
        "de-leipzig-dresden-kundgebung.md", answer({**LEIPZIG, "signup_url": link}, DRESDEN)
    )
    assert events(plan) == [(*SAXONY[0][:5], ""), SAXONY[1]]
    assert warnings(plan) == [reason]


def test_an_invented_coordination_link_is_refused():
    link = "https://chat.whatsapp.com/PortoPausa2028"
    plan = read("pt-porto-vigilia.md", answer(PT, coordination_url=link))
    assert events(plan) == [kept_event(PT, "Porto")]
    assert warnings(plan) == [f"the model's link “{link}” is not on the page; left out"]
    assert plan.campaigns[0].coordination_url != link


# --- repeats ----------------------------------------------------------------------------------


def test_repeats_that_differ_a_little_are_one_event_each():
    plan = read(
        "de-leipzig-dresden-kundgebung.md",
        answer(
            LEIPZIG,
            {**LEIPZIG, "venue": "Augustusplatz vor der Oper", "start": "14:00:00"},
            DRESDEN,
            {**DRESDEN, "city": "DRESDEN", "signup_url": None, "country": "DE"},
        ),
    )
    assert events(plan) == SAXONY
    assert warnings(plan) == []


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize("first_date", [NL["date"], None, "next Saturday"])
def test_a_repeat_that_takes_the_end_for_its_start_is_the_same_event(order, first_date):
    repeat = {**NL, "start": NL["end"], "end": None}
    plan = read("nl-utrecht-wake.md", answer(*[{**NL, "date": first_date}, repeat][::order]))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == [
        "the model gave the event in Utrecht a second time, starting at its end (15:00); read "
        "as one event"
    ]


def test_a_chat_group_the_page_offers_to_organize_in_is_no_signup_link_of_the_model():
    link = OTHER_LINKS["pt-porto-vigilia.md"]
    plan = read("pt-porto-vigilia.md", answer({**PT, "signup_url": link}))
    ((event,),) = [campaign.events for campaign in plan.campaigns]
    assert "signup_url" not in event.from_model
    assert warnings(plan) == [
        f"the page offers the chat “{link}” as a place to talk, not to sign up for the event; "
        "the model's signup link is left out"
    ]


# --- answers cut off, of the wrong shape, huge or bombs ------------------------------------


def test_an_answer_cut_mid_object_at_the_token_limit_keeps_the_complete_events():
    plan = read("de-leipzig-dresden-kundgebung.md", TWO[: TWO.index("Theaterplatz")], "length")
    assert events(plan) == SAXONY[:1]
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


def test_an_answer_cut_before_its_first_event_is_complete_says_so():
    plan = read("de-leipzig-dresden-kundgebung.md", TWO[: TWO.index("Augustusplatz")], "length")
    assert (plan.campaigns, warnings(plan)) == (
        [],
        ["the model's answer breaks off before its first event is complete; the page was read "
         "by the rules alone"],
    )  # fmt: skip


@pytest.mark.parametrize(
    "reply",
    ['"Utrecht, 12 juni 2027, 13:00"', "3", "true", "null", '["Utrecht", "2027-06-12"]', "[]"],
)
def test_valid_json_of_the_wrong_shape_is_refused_in_plain_words(reply):
    plan = read("nl-utrecht-wake.md", reply)
    assert plan.campaigns == []
    assert warnings(plan) in (
        [NO_JSON],
        ["the model found no events on the page; it was read by the rules alone"],
    )


def test_a_dict_of_cities_is_read_as_their_events():
    by_city = {e["city"]: {k: v for k, v in e.items() if k != "city"} for e in (LEIPZIG, DRESDEN)}
    assert events(read("de-leipzig-dresden-kundgebung.md", json.dumps(by_city))) == SAXONY


# Nine lists of nine aliases of the one before: a few lines that unfold into 9**8 values.
YAML_ALIASES = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
)
BOMBS = {
    "nested-lists": "[" * 200_000 + "]" * 200_000,
    "nested-objects": '{"events": ' * 100_000 + "[]" + "}" * 100_000,
    "yaml-aliases": YAML_ALIASES,
    "yaml-deep": "".join("  " * i + "- \n" for i in range(5_000)),
    "one-megabyte": "Voilà :\n" + answer(FR) + " " * 1_000_000 + answer({**FR, "city": "Paris"}),
    "one-megabyte-of-events": answer(*[FR] * 5_000),
}


@pytest.mark.parametrize("reply", BOMBS.values(), ids=BOMBS.keys())
def test_a_huge_or_bombing_answer_is_read_in_bounded_time_and_never_crashes(reply):
    started = clock.monotonic()
    plan = read("fr-lyon-rassemblement.md", reply)
    assert clock.monotonic() - started < 20  # generous: a loaded machine, a second when idle
    assert events(plan) in ([], [LYON])


# --- any mix of the damage above --------------------------------------------------------------


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_answers())
def test_no_mix_of_damage_imports_a_fact_the_page_does_not_give_the_event(page_and_answer):
    name, reply = page_and_answer
    given_events, cities = HONEST[name]
    truth = {(city, date.fromisoformat(e["date"])): e
             for e, city in zip(given_events, cities, strict=True)}  # fmt: skip
    plan = read(name, reply)
    for campaign in plan.campaigns:
        for event in campaign.events:
            true = truth.get((event.city, event.day))
            assert true is not None, reply
            if "starts" in event.from_model:
                assert event.starts == time.fromisoformat(true["start"]), reply
            if "ends" in event.from_model:
                assert event.ends == time.fromisoformat(true["end"]), reply
            if "venue" in event.from_model:
                assert true["venue"].casefold() in event.venue.casefold(), reply
            if "signup_url" in event.from_model:
                assert event.signup_url == true["signup_url"], reply


# --- gaps the rules filled (signup words, noon words) ---------------------------------------


def test_a_refused_link_leaves_the_pages_own_signup_link_not_its_chat_group():
    plan = read("pt-porto-vigilia.md", answer({**PT, "signup_url": "https://lu.ma/porto-x"}))
    assert events(plan)[0][5] == PT["signup_url"]


@pytest.mark.parametrize("word", ["Mittag", "w południe", "ab Mittag"])
def test_noon_in_german_and_polish_is_twelve_oclock(word):
    assert model_clock(word) == time(12)
