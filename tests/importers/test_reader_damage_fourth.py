"""A fourth model that damages its reading of a page, on pages in eight languages (`reader4/`):
the answer's text and format, its keys, its dates and times.

Damage the earlier rounds lack: JSON with unquoted keys, a reasoning block holding a draft,
several fenced blocks of which one is an example, an answer in YAML, TOML, CSV, a markdown
table or JSON-LD, keys in camel case or another language, a date with its time, as seconds
since 1970 or in the page's words, noon and Japanese hours. For each: what is kept, what is
refused, and the reason the importer is told (events that are not the page's, repeats, cut
and huge answers are in `test_reader_damage_fourth_events`; the server's misbehaviour in
`test_reader_damage_fourth_server`).
"""

import json
from datetime import date, time

import pytest

from .reader3_pages import events, warnings
from .reader4_damage import (
    AR,
    DRESDEN,
    ES,
    FR,
    HONEST,
    JA,
    LEIPZIG,
    NL,
    PL,
    PT,
    kept_event,
    read,
)
from .reader_server import answer

UTRECHT, LYON = kept_event(NL, "Utrecht"), kept_event(FR, "Lyon")
SAXONY = [kept_event(LEIPZIG, "Leipzig"), kept_event(DRESDEN, "Dresden")]
NO_JSON = "the model's answer holds no JSON object; the page was read by the rules alone"


@pytest.mark.parametrize("name", sorted(HONEST))
def test_an_honest_answer_is_kept_whole_on_every_page(name):
    given_events, cities = HONEST[name]
    plan = read(name, answer(*given_events))
    assert events(plan) == [kept_event(e, c) for e, c in zip(given_events, cities, strict=True)]
    assert warnings(plan) == []


# --- JSON damaged as text -------------------------------------------------------------------

TWO = answer(LEIPZIG, DRESDEN)
EXAMPLE = answer({"city": "Paris", "date": "2020-01-01", "start": "09:00"})


@pytest.mark.parametrize(
    "reply",
    [
        TWO.replace('"events":', "events:").replace('"city":', "city:").replace('"date":', "date:"),
        "{events: ["
        + ", ".join(
            "{{city: '{city}', date: '{date}', start: '{start}', venue: '{venue}', "
            "signup_url: '{signup_url}', end: None, cancelled: False,}}".format(**e)
            for e in (LEIPZIG, DRESDEN)
        )
        + "]}",
        "<think>Der Nutzer will JSON. Vielleicht " + EXAMPLE + "? Nein, das steht nicht da."
        "</think>\n" + TWO,
        "Hier ist die Liste:\n```json\n" + TWO + "\n```\nIch hoffe, das hilft! {Gern}",
    ],
    ids=["unquoted-keys", "javascript-object", "reasoning-with-a-draft", "german-prose"],
)
def test_json_damaged_as_text_gives_every_event_and_no_draft(reply):
    plan = read("de-leipzig-dresden-kundgebung.md", reply)
    assert events(plan) == SAXONY
    assert warnings(plan) == []


ANSWER = json.loads(TWO)


@pytest.mark.parametrize(
    "reply",
    [
        {"name": "page_events", "arguments": json.dumps(ANSWER)},  # a tool call, written out
        {"name": "page_events", "parameters": ANSWER},
        {"antwort": ANSWER, "sicherheit": 0.9},
        {"output": json.dumps(ANSWER, ensure_ascii=False)},
        {"events": json.dumps(ANSWER["events"])},
        [ANSWER],
    ],
    ids=["tool-call-arguments", "tool-call-parameters", "answer-key", "output-string",
         "events-as-string", "list-of-one-answer"],
)  # fmt: skip
def test_an_answer_wrapped_in_another_object_or_a_string_is_read_whole(reply):
    plan = read("de-leipzig-dresden-kundgebung.md", json.dumps(reply, ensure_ascii=False))
    assert events(plan) == SAXONY
    assert warnings(plan) == []


def test_an_example_block_before_the_answer_gives_no_event():
    reply = f"Format:\n```json\n{EXAMPLE}\n```\nAntwort:\n```json\n{TWO}\n```"
    plan = read("de-leipzig-dresden-kundgebung.md", reply)
    assert events(plan) == SAXONY
    assert "the model's city “Paris” is not named on the page; left out" in warnings(plan)


def test_a_reasoning_block_never_closed_is_no_answer():
    plan = read("nl-utrecht-wake.md", "<think>De pagina noemt Utrecht, dus " + answer(NL))
    assert (events(plan), warnings(plan)) == ([], [NO_JSON])


# --- an answer in another format -------------------------------------------------------------

WROCLAW_YAML = """Oto wydarzenie ze strony:
```yaml
events:
  - miasto: Wrocław
    data: 2027-06-13
    godzina: 15:00
    miejsce: Rynek
    signup_url: https://forms.example.org/wroclaw-13-czerwca
```
"""
LYON_TOML = """[[events]]
ville = "Lyon"
date = 2027-07-03
heure = 12:00:00
fin = 14:00:00
lieu = "place Bellecour"
inscription = "https://lu.ma/lyon-pause-juillet"
"""
BILBAO_CSV = (
    "Claro, en CSV:\nciudad;fecha;hora;lugar;inscripción\n"
    "Bilbao;10/07/2027;19:00;Plaza Moyúa;https://forms.example.es/bilbao-10-julio\n"
)
SAXONY_TABLE = """Hier die Termine:

| Stadt | Datum | Uhrzeit | Treffpunkt | Anmeldung |
|:------|:-----:|---------|------------|-----------|
| Leipzig | 19.06.2027 | 14:00 | Augustusplatz | https://forms.example.de/leipzig-19-juni |
| Dresden | 26.06.2027 | 11 Uhr | Theaterplatz | https://forms.example.de/dresden-26-juni |
"""
PORTO_LINES = """Encontrei um evento:

cidade: Porto
data: 17/07/2027
hora: 18:30
fim: 20:00
local: Avenida dos Aliados
inscrição: https://lu.ma/porto-vigilia-julho
"""
UTRECHT_JSON_LD = json.dumps({
    "@context": "https://schema.org", "@type": "Event", "name": "Stille wake",
    "startDate": "2027-06-12T13:00:00+02:00", "endDate": "2027-06-12T15:00:00+02:00",
    "location": {"@type": "Place", "name": "Neude",
                 "address": {"addressLocality": "Utrecht", "addressCountry": "NL"}},
    "url": "https://lu.ma/utrecht-wake-juni",
})  # fmt: skip


@pytest.mark.parametrize(
    ("name", "reply", "kept"),
    [
        ("pl-wroclaw-pikieta.md", WROCLAW_YAML, [kept_event(PL, "Wrocław")]),
        ("fr-lyon-rassemblement.md", LYON_TOML, [LYON]),
        ("es-bilbao-concentracion.md", BILBAO_CSV, [kept_event(ES, "Bilbao")]),
        ("de-leipzig-dresden-kundgebung.md", SAXONY_TABLE, SAXONY),
        ("nl-utrecht-wake.md", UTRECHT_JSON_LD, [UTRECHT]),
        ("pt-porto-vigilia.md", PORTO_LINES, [kept_event(PT, "Porto")]),
    ],
    ids=["yaml", "toml", "csv", "markdown-table", "json-ld", "one-field-a-line"],
)
def test_an_answer_in_another_format_is_read_like_json(name, reply, kept):
    plan = read(name, reply)
    assert events(plan) == kept
    assert warnings(plan) == []


@pytest.mark.parametrize(
    "names",
    [
        {
            "city": "cityName",
            "date": "startDate",
            "start": "startTime",
            "venue": "venueName",
            "signup_url": "signupUrl",
        },
        {
            "city": "ciudad",
            "date": "fecha",
            "start": "hora",
            "venue": "lugar",
            "signup_url": "inscripcion",
        },
        {
            "city": "Stadt",
            "date": "Datum",
            "start": "Uhrzeit",
            "venue": "Treffpunkt",
            "signup_url": "Anmeldung",
        },
        {"date": "when", "start": "time", "signup_url": "rsvp"},
    ],  # fmt: skip
    ids=["camel-case", "spanish", "german", "other-words"],
)
def test_keys_renamed_or_translated_are_read_as_asked(names):
    renamed = {names.get(key, key): value for key, value in ES.items()}
    plan = read("es-bilbao-concentracion.md", json.dumps({"eventos": [renamed]}))
    assert events(plan) == [kept_event(ES, "Bilbao")]


# --- dates and times written otherwise ------------------------------------------------------


def _iso_week(day: str) -> str:
    year, week, weekday = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}-{weekday}"


@pytest.mark.parametrize(
    ("name", "base", "written", "reason"),
    [
        ("nl-utrecht-wake.md", NL, _iso_week(NL["date"]), None),
        ("nl-utrecht-wake.md", NL, "zaterdag 12 juni", None),
        ("nl-utrecht-wake.md", NL, "12/06", None),  # day first, as the Dutch write it
        ("nl-utrecht-wake.md", NL, "2027/06/12", None),
        ("nl-utrecht-wake.md", NL, "20270612", None),
        ("nl-utrecht-wake.md", NL, "12-Jun-2027", None),
        (
            "nl-utrecht-wake.md",
            NL,
            "06/12/2027",
            "the model's date 2027-12-06 is not written on the page; left out",
        ),
        (
            "nl-utrecht-wake.md",
            NL,
            "1812844800",
            "the model's date “1812844800” is not a date; left out",
        ),  # seconds since 1970: which day depends on a zone it does not say
        (
            "nl-utrecht-wake.md",
            NL,
            "next Saturday",
            "the model's date 2027-05-29 is not written on the page; left out",
        ),  # the Saturday after the post, not the event's
        ("pl-wroclaw-pikieta.md", PL, "niedziela 13 czerwca 2027", None),
        ("ar-beirut-waqfa.md", AR, "السبت 24 يوليو 2027", None),
        ("ja-osaka-demo.md", JA, "6月19日", None),
    ],  # fmt: skip
)
def test_a_date_written_otherwise_is_kept_only_as_a_day_the_page_writes(
    name, base, written, reason
):
    plan = read(name, answer({**base, "date": written}))
    assert [e[1] for e in events(plan)] == ([] if reason else [date.fromisoformat(base["date"])])
    assert [w for w in warnings(plan) if "date" in w] == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("name", "base", "start", "kept", "reason"),
    [
        ("fr-lyon-rassemblement.md", FR, "midi", time(12), None),
        ("fr-lyon-rassemblement.md", FR, "noon", time(12), None),
        (
            "nl-utrecht-wake.md",
            NL,
            "noon",
            None,
            "the model's time 12:00 is not written on the page; left out",
        ),
        ("ja-osaka-demo.md", JA, "午後3時", time(15), None),
        ("ja-osaka-demo.md", JA, "15時", time(15), None),
        (
            "nl-utrecht-wake.md",
            NL,
            "11:00Z",
            None,
            "the model's time 11:00 is not written on the page; left out",
        ),
    ],  # fmt: skip
)
def test_noon_and_hours_in_words_are_the_page_time_or_nothing(name, base, start, kept, reason):
    plan = read(name, answer({**base, "start": start}))
    ((_city, _day, starts, *_rest),) = events(plan)
    assert starts == kept
    assert [w for w in warnings(plan) if "the model's time" in w] == ([reason] if reason else [])


def test_a_zone_the_page_does_not_write_is_left_out_and_the_time_kept():
    plan = read("nl-utrecht-wake.md", answer({**NL, "start": "13:00 CEST", "zone": "CEST"}))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == ["the model's time zone “CEST” is not written on the page; left out"]


def test_an_event_without_a_day_is_left_out_and_said():
    plan = read("nl-utrecht-wake.md", answer({**NL, "date": None}))
    assert events(plan) == []
    assert warnings(plan) == ["the model gives no day for its event in Utrecht; it is left out"]


def test_an_undated_repeat_of_a_dated_event_is_no_loss_to_report():
    plan = read("nl-utrecht-wake.md", answer(NL, {**NL, "date": None, "venue": None}))
    assert (events(plan), warnings(plan)) == ([UTRECHT], [])


# --- links and places written otherwise ------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        NL["signup_url"] + "/",
        NL["signup_url"].replace("https:", "http:"),
        NL["signup_url"].replace("lu.ma", "LU.MA"),
        f"<{NL['signup_url']}>",
        f"[Aanmelden]({NL['signup_url']})",
        NL["signup_url"].removeprefix("https://"),
    ],
)
def test_the_pages_link_written_otherwise_is_the_pages_link(link):
    plan = read("nl-utrecht-wake.md", answer({**NL, "signup_url": link}))
    assert events(plan) == [UTRECHT]
    assert warnings(plan) == [
        f"the model's link “{link}” is written otherwise than on the page; the page's link "
        f"{NL['signup_url']} is taken"
    ]


def test_a_coordination_link_written_otherwise_is_the_pages_link():
    group = "https://chat.whatsapp.com/PortoPausa2027"
    plan = read("pt-porto-vigilia.md", answer(PT, coordination_url=group.removeprefix("https://")))
    assert plan.campaigns[0].coordination_url == group


@pytest.mark.parametrize(
    ("city", "venue"),
    [
        ("3511 Utrecht", "Neude"),
        ("Utrecht, Nederland", "Neude, Utrecht"),
        ("Utrecht (NL)", "Neude (bij het postkantoor)"),
        ("Utrecht, NL", "Neude"),
    ],
)
def test_a_city_with_its_postcode_or_country_and_a_venue_with_an_aside_are_the_pages(city, venue):
    plan = read("nl-utrecht-wake.md", answer({**NL, "city": city, "venue": venue}))
    assert (events(plan), warnings(plan)) == ([UTRECHT], [])


def test_a_venue_with_another_citys_name_is_not_cut_down_to_the_page():
    plan = read("nl-utrecht-wake.md", answer({**NL, "venue": "Neude, Amersfoort"}))
    assert events(plan) == [(*UTRECHT[:4], "", UTRECHT[5])]
    assert warnings(plan) == [
        "the model's venue “Neude, Amersfoort” is not written on the page; left out"
    ]
