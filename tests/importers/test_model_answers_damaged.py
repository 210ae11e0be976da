"""A model that damages its answer about a page: the events in it are still read, and what could
not be read is said. Each answer below is a shape models produce (a bare list, the object
encoded twice, trailing commas, Python's spelling, cut off by the length limit, examples in
the chatter); the reader is asked over real HTTP at the end."""

import json
import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.importers.model_answer import read_answer
from turnout.importers.model_reader import configured_page_reader, parse_answer

UTRECHT = {"city": "Utrecht", "country": "NL", "date": "2031-05-13", "start": "14:00",
           "venue": "Domplein", "signup_url": "https://lu.ma/utrecht"}  # fmt: skip
LYON = {"city": "Lyon", "country": "FR", "date": "2031-05-13", "start": "15:00",
        "venue": "Place Bellecour", "signup_url": None}  # fmt: skip
WRAPPED = {"events": [UTRECHT, LYON], "coordination_url": "https://discord.gg/abc"}


def cities(text: str) -> list[str]:
    answer = read_answer(text).answer
    assert answer is not None
    events, _ = parse_answer(answer)
    return [event.city for event in events]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(WRAPPED),
        "Natürlich! Hier sind die Veranstaltungen:\n```json\n" + json.dumps(WRAPPED) + "\n```",
        json.dumps(json.dumps(WRAPPED)),  # the object sent as a JSON string
        json.dumps([UTRECHT, LYON]),  # the list without its wrapper
        "Voici la liste :\n" + json.dumps([UTRECHT, LYON], indent=2) + "\nBonne manif !",
        json.dumps(WRAPPED, indent=2).replace("\n  ]", ",\n  ]").replace('"\n    }', '",\n    }'),
        str(WRAPPED),  # Python's repr: single quotes, None
        "Format: {city, date}. Answer:\n" + json.dumps(WRAPPED),  # a non-JSON example first
        'Ejemplo: {"city": "X"} y la respuesta: ' + json.dumps(WRAPPED),  # an example event first
        "以下がイベントです：\n" + json.dumps(WRAPPED, ensure_ascii=False),
        json.dumps(WRAPPED) + "\n\nI hope it's helpful! Don't hesitate to ask {more}.",
    ],
    ids=[
        "clean",
        "fenced-de",
        "encoded-twice",
        "bare-list",
        "bare-list-fr",
        "trailing-commas",
        "python-repr",
        "non-json-example",
        "example-event-first",
        "japanese-preamble",
        "chatter-after",
    ],  # fmt: skip
)
def test_the_events_are_read_from_every_shape(text):
    assert cities(text) == ["Utrecht", "Lyon"]
    assert read_answer(text).notes == []


def test_an_answer_cut_off_by_the_length_limit_keeps_its_complete_events():
    text = json.dumps(WRAPPED | {"events": [UTRECHT, LYON, UTRECHT | {"city": "Zwolle"}]})
    cut = text[: text.index("Zwolle") + 3]
    read = read_answer(cut)
    assert cities(cut) == ["Utrecht", "Lyon"]
    assert read.notes == [
        "the model's answer breaks off; the complete events before the break (2) were read"
    ]


def test_an_answer_with_nothing_to_read_is_none():
    for text in ("", "Sorry, I cannot help with that.", "{not json at all}", "[1, 2, 3]", "{{{{"):
        assert read_answer(text).answer is None, text


def test_python_spelling_is_read_as_literals_never_run():
    text = "{'events': [__import__('os').system('echo pwned')]}"
    assert read_answer(text).answer is None
    assert cities("{'events': [{'city': 'Gent', 'date': '2031-05-13', 'cancelled': True}]}") == [
        "Gent"
    ]


def test_a_long_hostile_answer_is_read_in_bounded_time():
    for text in ("{" * 100_000, "[" * 50_000 + "]" * 50_000, '{"a": "' + "\\" * 100_000,
                 "{'x': '" * 20_000, "{}" * 100_000):  # fmt: skip
        started = time.process_time()
        read_answer(text)
        assert time.process_time() - started < 5, text[:20]


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=300)
    | st.builds(
        lambda noise, events, cut: (noise + json.dumps({"events": events}))[:cut],
        st.text(max_size=30),
        st.lists(st.fixed_dictionaries({"city": st.text(max_size=10)}), max_size=3),
        st.integers(min_value=0, max_value=400),
    )
)
def test_no_answer_crashes_the_reading(text):
    read = read_answer(text)
    if read.answer is not None:
        events, link = parse_answer(read.answer)
        assert isinstance(link, str) and all(isinstance(e.city, str) for e in events)


@pytest.mark.django_db
def test_the_reader_reads_a_damaged_answer_over_http_and_says_what_it_lost(model):
    text = json.dumps({"events": [UTRECHT, LYON, UTRECHT | {"city": "Zwolle"}]})
    model.answers = {"Stilte-actie": text[: text.index("Zwolle")]}
    reader = configured_page_reader(now=datetime(2031, 5, 1, tzinfo=UTC))
    page = "# Stilte-actie\n\nWe komen samen in Utrecht en Lyon op 13 mei 2031."
    reading = reader.read(page, language="nl", posted=None)
    assert [event.city for event in reading.events] == ["Utrecht", "Lyon"]
    assert any("breaks off" in problem for problem in reading.problems)


def test_quotes_in_the_chatter_do_not_hide_the_answer():
    for around in ('"', "'", "« ", "„"):
        assert cities(around + json.dumps(WRAPPED) + around) == ["Utrecht", "Lyon"]
    said = 'He said "use {braces}" and then: ' + json.dumps(WRAPPED)
    assert cities(said) == ["Utrecht", "Lyon"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        ("2026-03-14", "11:30", "14:00"),
        ("2026-3-14", "11.30", "2 PM"),
        ("14 March 2026", "11h30", "14:00:00"),
        ("Saturday, 14 March 2026", "11:30 AM", "14h"),
        ("14/03/2026", "11:30–14:00", "14.00"),
    ],
)
def test_a_day_and_times_written_otherwise_than_asked_are_still_checked_against_the_page(
    day, start, end
):
    from pathlib import Path

    from turnout.importers.document import read_document
    from turnout.importers.model_reader import ModelEvent
    from turnout.importers.page_confirmation import confirm_event
    from turnout.importers.page_evidence import PageEvidence

    text = (Path(__file__).parent / "fixtures" / "reader" / "en-leeds-clean-air.md").read_text()
    evidence = PageEvidence(text, read_document(text), language="en")
    event = ModelEvent(city="Leeds", country="GB", date=day, start=start, end=end)
    confirmed = confirm_event(event, evidence, is_only_event=True)
    assert (str(confirmed.day), str(confirmed.starts), str(confirmed.ends)) == (
        "2026-03-14", "11:30:00", "14:00:00",
    )  # fmt: skip
    assert confirmed.refused == []
    wrong = confirm_event(
        ModelEvent(city="Leeds", country="GB", date="21 March 2026", start="3 PM"),
        evidence,
        is_only_event=True,
    )
    assert (wrong.day, wrong.starts) == (None, None)
    assert "the model's date 2026-03-21 is not written on the page; left out" in wrong.refused
