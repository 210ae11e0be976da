"""A third model that damages its reading of a page, on pages in ten languages (`reader3/`).

Damage the earlier rounds lack: dates and times in other formats, cities in another language or
script, a country in another language or a wrong one, events invented from a footer, a list of
past events or a city the page only mentions, two events merged or one split per hour, links
with tracking added, of another city or of the page itself, fields swapped, JSON with comments,
NaN or a BOM, prose in the page's language, no events at all (the server's misbehaviour is in
`test_reader_damage_third_server`). For each: what is kept, what is refused, and the reason the
importer is told.

The rules' reading is fixed to "a content page" (they read these pages well; the model is asked
about the pages they could not read), and the model's answer goes through the real `PageReader`.
"""

import json
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .reader3_pages import (
    AR,
    CADIZ,
    CS,
    DE,
    FR,
    HONEST,
    JA,
    KRAKOW,
    PT,
    SEVILLA,
    SV,
    TR,
    WARSZAWA,
    anywhere_decoys,
    events,
    kept_event,
    page_decoys,
    read,
    warnings,
)
from .reader_server import answer


@pytest.mark.parametrize("name", sorted(HONEST))
def test_an_honest_answer_naming_the_city_in_another_language_or_script_is_kept_whole(name):
    given, cities = HONEST[name]
    plan = read(name, answer(*given))
    assert events(plan) == [kept_event(e, city) for e, city in zip(given, cities, strict=True)]
    assert warnings(plan) == []


# --- dates, times, places written otherwise -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "base", "written", "kept", "reason"),
    [
        ("pt-lisboa-vigilia.md", PT, "2027-W19-6", date(2027, 5, 15), None),  # ISO week date
        ("pt-lisboa-vigilia.md", PT, "15/05/2027", date(2027, 5, 15), None),
        ("pt-lisboa-vigilia.md", PT, "2027-13-05", None, "“2027-13-05” is not a date"),
        # The Saturday after the post's date (3 May), not the page's.
        (
            "pt-lisboa-vigilia.md",
            PT,
            "next Saturday",
            None,
            "2027-05-08 is not written on the page",
        ),
        ("ja-tokyo-demo.md", JA, "令和9年6月12日", date(2027, 6, 12), None),  # Reiwa 9 is 2027
        ("ja-tokyo-demo.md", JA, "令和9年6月13日", None, "2027-06-13 is not written on the page"),
        ("ar-amman-waqfa.md", AR, "1449-03-11", None, "1449-03-11 is not written on the page"),
    ],
)
def test_a_date_in_another_format_or_calendar_is_kept_only_as_a_day_the_page_writes(
    name, base, written, kept, reason
):
    plan = read(name, answer({**base, "date": written}))
    assert [e[1] for e in events(plan)] == ([kept] if kept else [])
    assert [w for w in warnings(plan) if "date" in w] == (
        [f"the model's date {reason}; left out"] if reason else []
    )


@pytest.mark.parametrize(
    ("start", "kept", "reason"),
    [
        ("18:00:00", time(18), None),
        ("18:00+01:00", time(18), None),  # Lisbon's summer offset: the page's 18:00
        ("2027-05-15T18:00:00+01:00", time(18), None),
        ("6 PM", time(18), None),
        ("17:00Z", None, "the model's time 17:00 is not written on the page; left out"),
        ("12:00 AM", None, "the model's time 00:00 is not written on the page; left out"),
        ("06:00", None, "the model's time 06:00 is not written on the page; left out"),
    ],
)
def test_a_time_with_seconds_a_zone_or_a_12_hour_clock_is_the_page_time_or_nothing(
    start, kept, reason
):
    plan = read("pt-lisboa-vigilia.md", answer({**PT, "start": start}))
    ((_city, _day, starts, ends, *_rest),) = events(plan)
    assert (starts, ends) == ((kept, time(20)) if kept else (None, None))
    assert [w for w in warnings(plan) if "the model's time" in w] == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("name", "base", "city", "kept"),
    [
        ("pt-lisboa-vigilia.md", PT, "Lisboa", "Lisbon"),
        ("pt-lisboa-vigilia.md", PT, "Almada", None),  # across the river
        ("cs-praha-shromazdeni.md", CS, "Praha", "Prague"),
        ("cs-praha-shromazdeni.md", CS, "Kladno", None),
        ("ja-tokyo-demo.md", JA, "Tokyo", "Tokyo"),
        ("ja-tokyo-demo.md", JA, "Yokohama", None),
        ("ja-tokyo-demo.md", JA, "川崎", None),
        ("de-koeln-mahnwache.md", DE, "Köln", "Cologne"),
        ("sv-goteborg-manifestation.md", SV, "Gothenburg", "Gothenburg"),
        ("sv-goteborg-manifestation.md", SV, "Mölndal", None),
        ("ar-amman-waqfa.md", AR, "Amman", "Amman"),
        ("ar-amman-waqfa.md", AR, "الزرقاء", None),
    ],
)
def test_a_city_named_another_way_is_the_same_place_and_a_neighbour_is_not(name, base, city, kept):
    plan = read(name, answer({**base, "city": city}))
    assert [e[0] for e in events(plan)] == ([kept] if kept else [])
    if kept is None:  # not in the gazetteer at all, or not on the page
        (reason,) = warnings(plan)
        assert reason.startswith(f"the model's city “{city}” is not ")


@pytest.mark.parametrize(
    ("country", "reason"),
    [
        ("Portugalia", None),  # Polish for Portugal
        ("Португалия", None),
        ("PT", None),
        ("ES", "the model's country “ES” is not the country of Lisbon; left out"),
        ("Brasil", "the model's country “Brasil” is not the country of Lisbon; left out"),
    ],
)
def test_a_country_in_another_language_is_understood_and_a_wrong_one_left_out(country, reason):
    plan = read("pt-lisboa-vigilia.md", answer({**PT, "country": country}))
    assert events(plan) == [kept_event(PT, "Lisbon")]
    assert warnings(plan) == ([reason] if reason else [])


# --- events that are not the page's -------------------------------------------------------------


def test_an_event_made_of_the_footer_is_refused_and_the_real_one_kept():
    footer = {"city": "Lisboa", "venue": "Rua da Prata 80", "date": "2027-05-03", "start": None}
    plan = read("pt-lisboa-vigilia.md", answer(PT, footer))
    assert events(plan) == [kept_event(PT, "Lisbon")]
    assert warnings(plan) == [
        "the page writes 2027-05-03 only as the day it was posted or updated; the model's "
        "event on that day is left out"
    ]


def test_a_venue_written_only_in_the_footer_is_refused():
    plan = read("pt-lisboa-vigilia.md", answer({**PT, "venue": "Rua da Prata 80"}))
    assert events(plan) == [kept_event({**PT, "venue": ""}, "Lisbon")]
    assert warnings(plan) == [
        "the model's venue “Rua da Prata 80” is written only in the page's footer; left out"
    ]


def test_an_event_on_the_day_the_page_was_updated_is_refused():
    plan = read("sv-goteborg-manifestation.md", answer({**SV, "date": "2027-09-20"}))
    assert events(plan) == []
    assert any("2027-09-20 only as the day it was posted or updated" in w for w in warnings(plan))


def test_an_event_of_the_past_events_list_is_refused():
    gdansk = {"city": "Gdańsk", "venue": "Długi Targ", "date": "2027-04-10", "start": "13:00"}
    plan = read("pl-krakow-warszawa.md", answer(KRAKOW, WARSZAWA, gdansk))
    assert [e[0] for e in events(plan)] == ["Kraków", "Warsaw"]
    assert "the page lists the event on 2027-04-10 among past events; its date is left out" in (
        warnings(plan)
    )


def test_a_city_the_page_only_mentions_gets_no_event_on_another_citys_day():
    bonn = {**DE, "city": "Bonn", "venue": None, "signup_url": None}
    plan = read("de-koeln-mahnwache.md", answer(DE, bonn))
    assert events(plan) == [kept_event(DE, "Cologne")]
    assert warnings(plan) == [
        "the page gives 2027-05-22 only to another city than Bonn; the model's event there "
        "on that day is left out"
    ]


def test_two_events_merged_into_one_keep_only_what_is_the_first_events():
    merged = {**KRAKOW, "last_date": WARSZAWA["date"]}
    plan = read("pl-krakow-warszawa.md", answer(merged))
    assert events(plan) == [kept_event(KRAKOW, "Kraków")]
    assert [
        e.last_day for e in read("pl-krakow-warszawa.md", answer(merged)).campaigns[0].events
    ] == [None]
    assert warnings(plan) == [
        "the page writes no span of days from 2027-05-15 to 2027-05-22 (two events given as "
        "one?); the last day is left out"
    ]
    both = read("pl-krakow-warszawa.md", answer({**KRAKOW, "city": "Kraków i Warszawa"}))
    assert events(both) == []
    assert "the model's city “Kraków i Warszawa” is not in the gazetteer; left out" in (
        warnings(both)
    )


def test_one_event_split_per_hour_is_one_event_again():
    hours = [{**FR, "start": f"{h}:30", "end": f"{h + 1}:30"} for h in (14, 15)]
    plan = read("fr-bruxelles-rassemblement.md", answer(*hours))
    assert events(plan) == [kept_event(FR, "Brussels")]
    assert warnings(plan) == [
        "the model gave the event in Brussels on 2027-05-16 hour by hour; read as one event"
    ]
    starts_only = [{**FR, "start": f"{h}:30", "end": None} for h in (14, 15)]
    plan = read("fr-bruxelles-rassemblement.md", answer(*starts_only))
    assert [(e[0], e[2]) for e in events(plan)] == [("Brussels", time(14, 30))]
    assert warnings(plan) == ["the model's time 15:30 is not written on the page; left out"]


# --- links and fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "base", "link", "kept", "reason"),
    [
        # The page's own signup link ("Apúntate aquí") stands in for the refused one.
        (
            "es-sevilla-concentracion.md",
            SEVILLA,
            CADIZ["signup_url"],
            SEVILLA["signup_url"],
            "the model's signup link “https://lu.ma/cadiz-pausa-abril” is written on the page for "
            "another city than Seville; left out",
        ),
        (
            "tr-istanbul-yuruyus.md",
            TR,
            TR["signup_url"] + "?utm_source=chatgpt.com&fbclid=x1",
            TR["signup_url"],
            "the model's link “https://www.eventbrite.com/e/istanbul-duraklama-yuruyusu-778899?"
            "utm_source=chatgpt.com&fbclid=x1” carries tracking parameters the page does not; the "
            "page's link https://www.eventbrite.com/e/istanbul-duraklama-yuruyusu-778899 is taken",
        ),
        (
            "tr-istanbul-yuruyus.md",
            TR,
            "https://bit.ly/3xYz9Qw",
            TR["signup_url"],  # the rules read the page's own "Kayıt için:" link instead
            "the model's link “https://bit.ly/3xYz9Qw” is not on the page; left out",
        ),
        (
            "cs-praha-shromazdeni.md",
            CS,
            "https://pauza.example.cz/akce/praha-brezen",
            CS["signup_url"],
            "the model's signup link “https://pauza.example.cz/akce/praha-brezen” is the address "
            "of the page itself; left out",
        ),
    ],  # fmt: skip
)
def test_a_link_is_kept_only_as_the_events_own_link_on_the_page(name, base, link, kept, reason):
    plan = read(name, answer({**base, "signup_url": link}))
    ((*_facts, signup),) = events(plan)
    assert signup == kept
    assert warnings(plan) == [reason]


def test_a_venue_given_as_the_city_is_read_the_other_way_round():
    plan = read(
        "sv-goteborg-manifestation.md", answer({**SV, "city": SV["venue"], "venue": "Göteborg"})
    )
    assert events(plan) == [kept_event(SV, "Gothenburg")]
    assert warnings(plan) == [
        "the model gave the venue “Gustaf Adolfs torg” as the city and the city “Göteborg” "
        "as the venue; read the other way round"
    ]


# --- answers damaged as text ------------------------------------------------------------------

TWO = answer(KRAKOW, WARSZAWA)


@pytest.mark.parametrize(
    "reply",
    [
        TWO.replace("}]", "},]").replace("false}", "false,}"),  # trailing commas
        "// events found\n"
        + TWO.replace('"title": null,', '"title": null, // none given\n').replace(
            '"cancelled": false', '"cancelled": false /* "on", says the page */'
        ),
        str(json.loads(TWO)),  # single quotes, None, False
        TWO.replace('"end": null', '"end": NaN').replace('"zone": null', '"zone": Infinity'),
        "\ufeff" + TWO,  # a byte order mark
        "Oto wydarzenia, które znalazłem na stronie:\n```json\n" + TWO + "\n```\n"
        "Daj znać, jeśli potrzebujesz czegoś jeszcze {pomocy}.",  # prose in the page's language
    ],
    ids=["trailing-commas", "comments", "single-quotes", "nan", "bom", "polish-prose"],
)
def test_json_damaged_as_text_still_gives_every_event(reply):
    plan = read("pl-krakow-warszawa.md", reply)
    assert events(plan) == [kept_event(KRAKOW, "Kraków"), kept_event(WARSZAWA, "Warsaw")]
    assert warnings(plan) == []


def test_an_answer_cut_mid_array_keeps_the_complete_events_and_says_the_rest_was_cut():
    plan = read("pl-krakow-warszawa.md", TWO[: TWO.index("Warsaw") + 3])
    assert events(plan) == [kept_event(KRAKOW, "Kraków")]
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


@pytest.mark.parametrize(
    ("name", "reply", "kept"),
    [
        (
            "ja-tokyo-demo.md",
            "ページから見つけたイベントは以下の通りです。\n"
            + answer(JA)
            + "\nご不明な点があればお知らせください。",
            kept_event(JA, "Tokyo"),
        ),
        (
            "ar-amman-waqfa.md",
            "إليك الفعاليات التي وجدتها في الصفحة:\n"
            + answer(AR)
            + "\nأتمنى أن يكون هذا مفيدًا {دائمًا}.",
            kept_event(AR, "Amman"),
        ),
        (
            "tr-istanbul-yuruyus.md",
            "Sayfada bulduğum etkinlik şu: " + answer(TR) + " Başka bir şey lazım olursa söyleyin!",
            kept_event(TR, "Istanbul"),
        ),
    ],  # fmt: skip
)
def test_an_answer_wrapped_in_prose_in_the_pages_language_is_read(name, reply, kept):
    assert events(read(name, reply)) == [kept]


def test_no_events_for_a_page_that_has_them_leaves_the_rules_reading_and_says_so():
    plan = read("es-sevilla-concentracion.md", answer())
    assert (plan.campaigns, [p.slug for p in plan.pages]) == ([], ["es-sevilla-concentracion"])
    assert warnings(plan) == [
        "the model found no events on the page; it was read by the rules alone"
    ]


# --- any mix of the damage above --------------------------------------------------------------


def _made_up_events(name: str):
    """Events whose every field is one of the page's true facts (of any of its events) or a
    decoy."""
    given_events, _cities = HONEST[name]
    pools = {
        key: sorted(
            {str(e[key]) for e in given_events if e.get(key)}
            | set(page_decoys.get(name, {}).get(key, []))
            | set(anywhere_decoys.get(key, []))
        )
        for key in ("city", "date", "start", "venue", "signup_url")
    }
    event = st.fixed_dictionaries({key: st.sampled_from(pool) for key, pool in pools.items()})
    return st.lists(event, min_size=1, max_size=4)


@hypothesis_settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(HONEST)).flatmap(lambda n: st.tuples(st.just(n), _made_up_events(n))))
def test_no_mix_of_damage_puts_a_fact_on_an_event_the_page_does_not_give_it(page_and_events):
    name, made_up = page_and_events
    given_events, cities = HONEST[name]
    truth = {
        (city, date.fromisoformat(e["date"])): e
        for e, city in zip(given_events, cities, strict=True)
    }
    plan = read(name, answer(*made_up))
    for campaign in plan.campaigns:
        for event in campaign.events:
            true = truth.get((event.city, event.day))
            assert true is not None, made_up
            if "starts" in event.from_model:
                assert event.starts == time.fromisoformat(true["start"]), made_up
            if "venue" in event.from_model:
                assert event.venue == true["venue"], made_up
            if "signup_url" in event.from_model:
                assert event.signup_url == true["signup_url"], made_up
