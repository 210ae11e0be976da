"""Properties of the model reader under a second generator of damage (`reader_damage_more`):
a damaged answer loses only what is wrong, and a faithful answer in any shape loses nothing."""

import json
import time as clock
from datetime import date, time

import pytest
from hypothesis import given, settings

from turnout.importers.document import read_document
from turnout.importers.model_answer import read_answer
from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import MAX_EVENTS, parse_answer
from turnout.importers.page_cities import (
    joined_events,
    leading_cities,
    refuse_facts_of_other_cities,
)
from turnout.importers.page_confirmation import (
    ConfirmedEvent,
    PageEvidence,
    confirm_event,
)
from turnout.importers.places import resolve_city
from turnout.importers.protest_pages import read_markdown_page

from .reader_damage_more import (
    PAGES,
    TrueEvent,
    damaged_answers,
    faithful_answers,
    huge_answer,
    true_answer_events,
)
from .test_generated_reader_damage import _Answering


def _confirmed(language: str, text: str) -> list[ConfirmedEvent]:
    page = PAGES[language][0]
    evidence = PageEvidence(page, read_document(page), language=language)
    found = read_answer(text).answer
    events, _link = parse_answer(found) if found else ([], "")
    confirmed = [confirm_event(e, evidence, is_only_event=len(events) == 1) for e in events]
    refuse_facts_of_other_cities(confirmed, evidence)
    return confirmed


def _truth(language: str) -> dict[tuple[str, date], TrueEvent]:
    return {(e.gazetteer_city, e.day): e for e in PAGES[language][1]}


@settings(max_examples=40, deadline=None)
@given(damaged_answers())
def test_no_fact_the_page_does_not_say_of_that_event_is_confirmed(damaged):
    language, text, done = damaged
    truth = _truth(language)
    for confirmed in _confirmed(language, text):
        if confirmed.place is None or confirmed.day is None:
            continue  # not an event
        key = (confirmed.place.city, confirmed.day)
        assert key in truth, (done, text)
        event = truth[key]
        assert confirmed.starts in (None, event.start), (done, text)
        assert confirmed.venue in ("", event.venue), (done, text)
        assert confirmed.signup_url in ("", event.signup_url), (done, text)
        assert confirmed.is_cancelled == event.cancelled, (done, text)


@settings(max_examples=40, deadline=None)
@given(faithful_answers())
def test_a_faithful_answer_in_any_shape_confirms_every_fact(faithful):
    language, text, shapes = faithful
    found = {
        (c.place.city if c.place else None, c.day, c.starts, c.venue, c.signup_url,
         c.is_cancelled)
        for c in _confirmed(language, text)
    }  # fmt: skip
    assert found == {
        (e.gazetteer_city, e.day, e.start, e.venue, e.signup_url, e.cancelled)
        for e in PAGES[language][1]
    }, (shapes, text)


@settings(max_examples=15, deadline=None)
@given(damaged_answers())
def test_no_damaged_fact_reaches_an_imported_event(damaged):
    language, text, done = damaged
    page = PAGES[language][0]
    truth = _truth(language)
    plan = read_markdown_page(page, name="page.md", language=language)
    complete_with_model(plan, text=page, name="page.md", reader=_Answering(text))
    for campaign in plan.campaigns:
        for event in campaign.events:
            true = truth.get((event.city, event.day))
            assert true is not None, (done, text)
            if "starts" in event.from_model:
                assert event.starts == true.start, (done, text)
            if "venue" in event.from_model:
                assert event.venue == true.venue, (done, text)
            if "signup_url" in event.from_model:
                assert event.signup_url == true.signup_url, (done, text)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_days_swapped_between_two_cities_are_refused(language):
    events = true_answer_events(language)
    events[0]["date"], events[1]["date"] = events[1]["date"], events[0]["date"]
    confirmed = _confirmed(language, json.dumps({"events": events}, ensure_ascii=False))
    assert [c.day for c in confirmed[:2]] == [None, None]


def test_a_huge_answer_is_read_in_bounded_time_and_capped():
    started = clock.monotonic()
    found = read_answer(huge_answer()).answer
    events, _link = parse_answer(found) if found else ([], "")
    assert clock.monotonic() - started < 3
    assert 0 < len(events) <= MAX_EVENTS


def test_an_answer_cut_mid_string_keeps_its_whole_events():
    text = json.dumps({"events": true_answer_events("de")}, ensure_ascii=False)
    cut = text[: text.index("Neumarkt") + 3]
    confirmed = _confirmed("de", cut)
    assert [(c.place.city if c.place else None, c.day) for c in confirmed] == [
        ("Hamburg", date(2031, 6, 14))
    ]


def _joined(page: str, language: str, events: list[dict]) -> list[ConfirmedEvent]:
    evidence = PageEvidence(page, read_document(page), language=language)
    parsed, _link = parse_answer({"events": events})
    confirmed = [confirm_event(e, evidence, is_only_event=False) for e in parsed]
    refuse_facts_of_other_cities(confirmed, evidence)
    return joined_events(confirmed, evidence)


CAMP_PAGE = """---
title: Acampada por una pausa en la IA
date: 2031-08-20
---

Acampamos en Valencia del 12 al 14 de septiembre de 2031 en la Plaza de la Virgen, desde
las 10:00. Trae tu tienda.
"""


def test_an_event_given_once_for_each_day_of_a_span_is_one_event_of_those_days():
    events = [
        {"city": "Valencia", "date": f"2031-09-{day}", "start": "10:00",
         "venue": "Plaza de la Virgen"}
        for day in (12, 13, 14, 13)
    ]  # fmt: skip
    joined = _joined(CAMP_PAGE, "es", events)
    assert [(c.day, c.last_day, c.starts) for c in joined] == [
        (date(2031, 9, 12), date(2031, 9, 14), time(10))
    ]


VIGIL_PAGE = """---
title: AIの一時停止を求めるスタンディング
date: 2031-06-20
---

- 東京: 2031年7月5日 18:00 新宿駅東口
- 東京: 2031年7月12日 18:00 新宿駅東口
"""


def test_events_of_separate_days_stay_apart_and_a_repeat_is_dropped():
    events = [
        {"city": "東京", "date": day, "start": "18:00", "venue": "新宿駅東口"}
        for day in ("2031-07-05", "2031-07-12", "2031-07-05")
    ]
    joined = _joined(VIGIL_PAGE, "ja", events)
    assert [(c.place.city if c.place else None, c.day, c.last_day) for c in joined] == [
        ("Tokyo", date(2031, 7, 5), None),
        ("Tokyo", date(2031, 7, 12), None),
    ]


def test_an_event_the_page_lists_as_past_or_called_off_is_not_given_as_on():
    events = true_answer_events("en")
    events[2]["cancelled"] = False  # Bristol, which the page calls off
    events.append({"city": "York", "date": "2031-04-12", "start": "12:00"})  # a past walk
    confirmed = _confirmed("en", json.dumps({"events": events}))
    assert [(c.place.city if c.place else None, c.day, c.is_cancelled) for c in confirmed] == [
        ("Leeds", date(2031, 5, 17), False),
        ("Sheffield", date(2031, 5, 18), False),
        ("Bristol", date(2031, 5, 24), True),
        ("York", None, False),
    ]
    assert "past events" in " ".join(confirmed[3].refused)


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_links_swapped_between_two_cities_are_refused(language):
    events = [e for e in true_answer_events(language) if e["signup_url"]]
    events[0]["signup_url"], events[1]["signup_url"] = (
        events[1]["signup_url"],
        events[0]["signup_url"],
    )
    confirmed = _confirmed(language, json.dumps({"events": events}))
    assert [c.signup_url for c in confirmed] == ["", ""]
    assert all(c.day is not None for c in confirmed)  # the rest of each event stays


ONE_SENTENCE_PAGES = {
    "en": ("We march in Amsterdam on Saturday 3 May 2031 and in Utrecht on Sunday 4 May 2031.",
           "Amsterdam", "Utrecht"),
    "es": ("Marchamos en Madrid el sábado 3 de mayo de 2031 y en Sevilla el domingo 4 de mayo "
           "de 2031.", "Madrid", "Sevilla"),
    "de": ("Wir sind am Samstag, 3. Mai 2031, in Bremen und am Sonntag, 4. Mai 2031, in Kiel.",
           "Bremen", "Kiel"),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(ONE_SENTENCE_PAGES))
@pytest.mark.parametrize("swapped", [False, True])
def test_days_of_two_cities_of_one_sentence_are_kept_and_a_swap_refused(language, swapped):
    sentence, first, second = ONE_SENTENCE_PAGES[language]
    page = f"---\ntitle: Pause AI\ndate: 2031-04-20\n---\n\n{sentence}\n"
    days = ["2031-05-03", "2031-05-04"]
    if swapped:
        days.reverse()
    events = [{"city": first, "date": days[0]}, {"city": second, "date": days[1]}]
    found = [c.day for c in _joined(page, language, events)]
    assert found == ([None, None] if swapped else [date(2031, 5, 3), date(2031, 5, 4)])


def test_a_large_city_named_by_a_capital_counts_except_where_the_capital_opens_a_sentence():
    page = (
        "# Walks on 14 June 2031\n\n"
        "Reading the news is not enough. Nice weather is forecast.\n"
        "We walk in Reading at 10:00, and our friends in Nice at 15:00.\n"
        "- Split: the harbour, 11:00\n"
    )
    evidence = PageEvidence(page, read_document(page), language="en")
    names = {resolve_city(name).geonames_id: name for name in ("Reading", "Nice", "Split")}
    found = set(leading_cities(evidence))
    # Mid-sentence, and as a list item's label, they are the cities...
    assert set(names) <= found
    opening_only = "Reading the news is not enough. Nice weather is forecast.\n"
    evidence = PageEvidence(opening_only, read_document(opening_only), language="en")
    # ...opening a sentence, common words.
    assert not set(names) & set(leading_cities(evidence))
