"""A model that damages its answer about a page in combinations drawn at random: wrapped in
chatter or fences, trailing commas, cut off, events invented, dates, times, cities or venues
changed, fields swapped between events. Whatever it does, a fact the page does not say of
that event never reaches an event."""

import json
import re
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.importers.document import read_document
from turnout.importers.model_answer import read_answer
from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import ModelReading, parse_answer
from turnout.importers.page_cities import refuse_facts_of_other_cities
from turnout.importers.page_confirmation import PageEvidence, confirm_event
from turnout.importers.protest_pages import read_markdown_page

# Pages in several languages, each with its true events: (city, day, start, venue).
PAGES = {
    "nl": (
        """---
title: Pauzedag in Nederland
date: 2031-04-20
---

Op twee plekken gaan we de straat op voor een pauze in de ontwikkeling van AI.

- Utrecht: zaterdag 10 mei 2031 om 14:00 op het Domplein
- Groningen: zondag 11 mei 2031 om 13:30 op de Grote Markt

Neem een bord en een vriend mee!
""",
        [
            ("Utrecht", date(2031, 5, 10), time(14, 0), "Domplein"),
            ("Groningen", date(2031, 5, 11), time(13, 30), "Grote Markt"),
        ],
    ),
    "de": (
        """---
title: Aktionstag für eine KI-Pause
date: 2031-04-02
---

Wir demonstrieren in zwei Städten.

| Stadt | Datum | Uhrzeit | Treffpunkt |
|-------|-------|---------|------------|
| Köln | 17.05.2031 | 15:00 | Roncalliplatz |
| Leipzig | 24.05.2031 | 11:00 | Augustusplatz |
""",
        [
            ("Köln", date(2031, 5, 17), time(15, 0), "Roncalliplatz"),
            ("Leipzig", date(2031, 5, 24), time(11, 0), "Augustusplatz"),
        ],
    ),
    "fr": (
        """---
title: Marche pour une pause de l'IA
date: 2031-05-01
---

Rendez-vous à Lyon le samedi 7 juin 2031 à 14 h place Bellecour, et à Nantes le
dimanche 8 juin 2031 à 10h30 devant le château des ducs de Bretagne.
""",
        [
            ("Lyon", date(2031, 6, 7), time(14, 0), "place Bellecour"),
            ("Nantes", date(2031, 6, 8), time(10, 30), "château des ducs de Bretagne"),
        ],
    ),
    "es": (
        """---
title: Marcha por una pausa en la IA
date: 2031-03-10
---

## Valencia

El sábado 5 de abril de 2031 a las 12:00 en la Plaza del Ayuntamiento.

## Sevilla

El domingo 6 de abril de 2031 a las 18:30 en la Plaza de España.
""",
        [
            ("Valencia", date(2031, 4, 5), time(12, 0), "Plaza del Ayuntamiento"),
            ("Sevilla", date(2031, 4, 6), time(18, 30), "Plaza de España"),
        ],
    ),
}
# Cities, days, times and venues no page above writes.
INVENTED_CITIES = ["Rotterdam", "München", "Bordeaux", "Madrid", "Amsterdam"]
INVENTED_DAYS = ["2031-05-12", "2031-06-01", "2031-04-13", "2030-05-10"]
INVENTED_TIMES = ["09:15", "16:45", "20:00"]
INVENTED_VENUES = ["Museumplein", "Alexanderplatz", "Place de la République"]
PREAMBLES = ["Sure! Here are the events:\n", "Hier sind die Veranstaltungen:\n```json\n",
             "Voici la liste :\n", "```\n", "Aquí tienes el JSON:\n\n"]  # fmt: skip
CLOSINGS = ["", "\n```", "\nLet me know if you need more.", "\n\nNota: he omitido la hora."]


def faithful_events(language: str) -> list[dict]:
    return [
        {"city": city, "country": "", "date": day.isoformat(), "start": start.strftime("%H:%M"),
         "venue": venue, "signup_url": None}
        for city, day, start, venue in PAGES[language][1]
    ]  # fmt: skip


CHANGES = ["invented event", "city changed", "day changed", "time changed", "venue changed",
           "city and venue swapped", "date and time swapped", "event dropped"]  # fmt: skip
SWAPS = ["days swapped", "times swapped", "venues swapped"]
# Pages that give each city a line (or a section) of its own; the French one names both
# cities in one sentence, where a swap cannot be told without reading it.
ONE_LINE_PER_CITY = ["de", "es", "nl"]


@st.composite
def damaged_answers(draw, kinds=tuple(CHANGES), languages=tuple(PAGES), most=3, cut=True):
    """(language, the model's answer, what was done to it). Swaps are drawn without a cut:
    an answer cut after one event leaves no second city to tell the swap by."""
    language = draw(st.sampled_from(sorted(languages)))
    events = faithful_events(language)
    done = []
    for _ in range(draw(st.integers(1, most))):
        how = draw(st.sampled_from(kinds))
        index = draw(st.integers(0, len(events) - 1)) if events else 0
        if how == "invented event":
            events.append(
                {"city": draw(st.sampled_from(INVENTED_CITIES)),
                 "date": draw(st.sampled_from(INVENTED_DAYS)),
                 "start": draw(st.sampled_from(INVENTED_TIMES)),
                 "venue": draw(st.sampled_from(INVENTED_VENUES))}
            )  # fmt: skip
        elif not events:
            continue
        elif how == "city changed":
            events[index]["city"] = draw(st.sampled_from(INVENTED_CITIES))
        elif how == "day changed":
            events[index]["date"] = draw(st.sampled_from(INVENTED_DAYS))
        elif how == "time changed":
            events[index]["start"] = draw(st.sampled_from(INVENTED_TIMES))
        elif how == "venue changed":
            events[index]["venue"] = draw(st.sampled_from(INVENTED_VENUES))
        elif how.endswith("swapped") and len(events) >= 2:
            field = {"days swapped": "date", "times swapped": "start", "venues swapped": "venue"}
            other = (index + 1) % len(events)
            if how in field:
                key = field[how]
                events[index][key], events[other][key] = events[other][key], events[index][key]
            elif how == "city and venue swapped":
                event = events[index]
                event["city"], event["venue"] = event["venue"], event["city"]
            else:
                event = events[index]
                event["date"], event["start"] = event["start"], event["date"]
        elif how == "event dropped":
            del events[index]
        else:
            continue
        done.append(how)
    text = json.dumps({"events": events, "coordination_url": None}, ensure_ascii=False,
                      indent=draw(st.sampled_from([None, 2])))  # fmt: skip
    if draw(st.booleans()):
        text = re.sub(r'(["\d\]}])(\s*[}\]])', r"\1,\2", text)  # trailing commas
        done.append("trailing commas")
    if draw(st.booleans()):
        text = draw(st.sampled_from(PREAMBLES)) + text + draw(st.sampled_from(CLOSINGS))
        done.append("chatter")
    if cut and draw(st.booleans()):
        text = text[: draw(st.integers(len(text) // 3, len(text)))]  # cut off
        done.append("cut off")
    return language, text, done


# The gazetteer's names for cities the pages write in their own language.
GAZETTEER_NAMES = {"Köln": "Cologne", "Sevilla": "Seville"}


def _true_facts(language: str) -> dict[tuple[str, date], tuple[time, str]]:
    return {
        (GAZETTEER_NAMES.get(city, city), day): (start, venue)
        for city, day, start, venue in PAGES[language][1]
    }


@settings(max_examples=30, deadline=None)
@given(
    damaged_answers()
    | damaged_answers(kinds=tuple(SWAPS), languages=tuple(ONE_LINE_PER_CITY), most=1, cut=False)
)
def test_no_fact_the_page_does_not_say_of_that_event_is_confirmed(damaged):
    language, text, done = damaged
    page = PAGES[language][0]
    truth = _true_facts(language)
    evidence = PageEvidence(page, read_document(page), language=language)
    found = read_answer(text).answer
    events, _link = parse_answer(found) if found else ([], "")
    all_confirmed = [confirm_event(e, evidence, is_only_event=len(events) == 1) for e in events]
    refuse_facts_of_other_cities(all_confirmed, evidence)
    for confirmed in all_confirmed:
        if confirmed.place is None or confirmed.day is None:
            continue  # not written as an event
        key = (confirmed.place.city, confirmed.day)
        assert key in truth, (done, text)
        start, venue = truth[key]
        assert confirmed.starts in (None, start), (done, text)
        assert confirmed.venue in ("", venue), (done, text)


class _Answering:
    """A reader whose model gave `text`: the answer read as `PageReader` reads it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def read(self, text: str, *, language: str | None, posted: date | None) -> ModelReading:
        found = read_answer(self.text).answer
        events, link = parse_answer(found) if found else ([], "")
        return ModelReading(events=events, coordination_url=link)


@settings(max_examples=12, deadline=None)
@given(
    damaged_answers()
    | damaged_answers(kinds=tuple(SWAPS), languages=tuple(ONE_LINE_PER_CITY), most=1, cut=False)
)
def test_no_changed_fact_is_written_as_an_event(damaged):
    language, text, done = damaged
    page_text = PAGES[language][0]
    truth = _true_facts(language)
    plan = read_markdown_page(page_text, name="page.md", language=language)
    complete_with_model(plan, text=page_text, name="page.md", reader=_Answering(text))
    for campaign in plan.campaigns:
        for event in campaign.events:
            key = (event.city, event.day)
            assert key in truth, (done, text)
            start, venue = truth[key]
            if "starts" in event.from_model:
                assert event.starts == start, (done, text)
            if "venue" in event.from_model:
                assert event.venue == venue, (done, text)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_faithful_answer_confirms_every_event(language):
    page = PAGES[language][0]
    evidence = PageEvidence(page, read_document(page), language=language)
    events, _link = parse_answer(
        read_answer(json.dumps({"events": faithful_events(language)})).answer
    )
    confirmed = [confirm_event(e, evidence, is_only_event=False) for e in events]
    refuse_facts_of_other_cities(confirmed, evidence)
    found = {(c.place.city if c.place else None, c.day, c.starts, c.venue) for c in confirmed}
    assert found == {
        (GAZETTEER_NAMES.get(city, city), day, start, venue)
        for city, day, start, venue in PAGES[language][1]
    }


def test_days_swapped_between_cities_of_one_sentence_are_refused():
    events = faithful_events("fr")
    events[0]["date"], events[1]["date"] = events[1]["date"], events[0]["date"]
    page = PAGES["fr"][0]
    evidence = PageEvidence(page, read_document(page), language="fr")
    parsed, _link = parse_answer({"events": events})
    confirmed = [confirm_event(e, evidence, is_only_event=False) for e in parsed]
    refuse_facts_of_other_cities(confirmed, evidence)
    assert all(c.day is None for c in confirmed)


def test_a_day_swapped_between_two_rows_of_a_table_is_refused():
    events = faithful_events("de")
    events[0]["date"], events[1]["date"] = events[1]["date"], events[0]["date"]
    page = PAGES["de"][0]
    evidence = PageEvidence(page, read_document(page), language="de")
    parsed, _link = parse_answer({"events": events})
    confirmed = [confirm_event(e, evidence, is_only_event=False) for e in parsed]
    assert all(c.day is not None for c in confirmed)  # each day is on the page
    refuse_facts_of_other_cities(confirmed, evidence)
    assert [c.day for c in confirmed] == [None, None]
    assert all("another city" in " ".join(c.refused) for c in confirmed)
