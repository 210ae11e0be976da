"""schema.org events a page embeds (JSON-LD, microdata) read into its campaign's events.

The pages in `fixtures/structured/` are written as each platform or theme writes its event
pages: lu.ma, Eventbrite, Meetup, Mobilizon, Squarespace, Wix, The Events Calendar, Action
Network, a Hugo theme and a hand-written page with microdata.
"""

import json
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.page_structured_data import MAX_EVENTS, structured_event_nodes
from turnout.importers.protest_pages import read_markdown_page

PAGES = Path(__file__).parent / "fixtures" / "structured"


def events_of(name: str) -> list:
    plan = read_markdown_page((PAGES / name).read_text(encoding="utf-8"), name=name)
    assert len(plan.campaigns) == 1, plan.to_json()
    return plan.campaigns[0].events


def read(text: str):
    return read_markdown_page(text, name="page.md")


def only(events: list, city: str):
    (event,) = [e for e in events if e.city == city]
    return event


def test_a_luma_page_gives_its_event_in_its_place_and_hours():
    (event,) = events_of("luma_amsterdam.html")
    assert (event.city, event.country, event.timezone) == ("Amsterdam", "NL", "Europe/Amsterdam")
    assert (event.day, event.starts, event.ends) == (date(2027, 4, 17), time(13), time(16, 30))
    assert event.signup_url == "https://lu.ma/klimaatmars-ams"
    assert event.platform == "luma"
    assert event.venue == "Museumplein"
    assert not event.is_to_be_announced


def test_an_eventbrite_time_in_utc_is_read_on_the_citys_clock():
    (event,) = events_of("eventbrite_berlin.html")
    assert (event.city, event.country) == ("Berlin", "DE")
    assert (event.starts, event.ends) == (time(14), time(16))  # 12:00Z in May is 14:00 in Berlin
    assert event.signup_url.startswith("https://www.eventbrite.de/e/")
    assert "Brandenburger Tor" in event.venue


def test_a_meetup_page_of_an_online_meeting_is_an_online_event():
    (event,) = events_of("meetup_online_fr.md")
    assert event.is_online and not event.city
    assert event.day == date(2027, 2, 11)
    assert (event.starts, event.timezone) == (time(18, 30), "UTC")  # 19:30+01:00
    assert event.signup_url == "https://www.meetup.com/greve-climat-france/events/301234567/"


def test_a_cancelled_mobilizon_event_is_imported_as_cancelled():
    (event,) = events_of("mobilizon_madrid_cancelled.html")
    assert (event.city, event.country, event.starts) == ("Madrid", "ES", time(18))
    assert event.is_cancelled


def test_squarespace_graph_events_fill_in_the_texts_cities_and_add_the_one_it_missed():
    events = events_of("squarespace_polska.md")
    assert sorted(e.city for e in events) == ["Gdańsk", "Kraków", "Warsaw"]
    warsaw, krakow = only(events, "Warsaw"), only(events, "Kraków")
    assert (warsaw.starts, warsaw.ends) == (time(12), time(15))
    assert krakow.signup_url == "https://www.klimatmarsz.pl/krakow"  # from its offer
    assert only(events, "Gdańsk").starts == time(11)


def test_a_wix_block_in_cdata_with_trailing_commas_and_a_local_time_is_read():
    (event,) = events_of("wix_lisboa.html")
    assert (event.city, event.country, event.timezone) == ("Lisbon", "PT", "Europe/Lisbon")
    assert (event.day, event.starts, event.ends) == (date(2027, 6, 5), time(15), time(18))
    assert event.venue == "Praça do Comércio"


def test_the_events_calendar_list_gives_the_time_the_text_left_out_and_no_second_event():
    events = events_of("events_calendar_turkiye.md")
    assert sorted(e.city for e in events) == ["Ankara", "Istanbul"]
    istanbul, ankara = only(events, "Istanbul"), only(events, "Ankara")
    assert (istanbul.starts, istanbul.ends) == (time(17), time(19))
    assert istanbul.signup_url == "https://iklimgrevi.org/etkinlik/istanbul/"
    assert (ankara.starts, ankara.ends) == (time(14), time(16))


def test_an_action_network_item_list_gives_a_tokyo_march_and_an_online_call():
    events = events_of("action_network_tokyo.html")
    tokyo = only(events, "Tokyo")
    assert (tokyo.day, tokyo.starts, tokyo.timezone) == (date(2027, 3, 20), time(14), "Asia/Tokyo")
    (call,) = [e for e in events if e.is_online]
    assert call.meeting_url == "https://us02web.zoom.us/j/81234567890"
    assert call.signup_url == "https://actionnetwork.org/events/online-setsumeikai-2027"
    assert (call.day, call.starts, call.timezone) == (date(2027, 3, 13), time(20), "Asia/Tokyo")


def test_a_hugo_series_gives_one_event_a_sub_event_and_says_which_is_postponed():
    plan = read_markdown_page((PAGES / "hugo_klimawoche.md").read_text(), name="klimawoche.md")
    events = plan.campaigns[0].events
    assert sorted(e.city for e in events) == ["Cologne", "Hamburg", "Munich"]
    assert only(events, "Hamburg").starts == time(17)  # the text's, not duplicated
    assert only(events, "Munich").starts == time(18)
    cologne = only(events, "Cologne")
    assert cologne.day == date(2027, 9, 24) and not cologne.is_time_known
    assert any("Klimawoche Köln" in str(w) and "postponed" in str(w) for w in plan.warnings)


def test_microdata_of_a_hand_written_page_is_read_as_json_ld_is():
    (event,) = events_of("microdata_sevilla.md")
    assert (event.city, event.country, event.day) == ("Seville", "ES", date(2027, 11, 6))
    assert (event.starts, event.ends) == (time(11), time(13))
    assert event.signup_url == "https://rioguadalquivir.example.org/cadena"


def _page(json_ld: str, text: str = "") -> str:
    return f'{text}\n\n<script type="application/ld+json">{json_ld}</script>\n'


def _event(**fields) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Vigil",
        "startDate": "2027-05-01T18:00:00+02:00",
        "location": {
            "@type": "Place",
            "name": "Dam",
            "address": {"addressLocality": "Amsterdam", "addressCountry": "NL"},
        },
        **fields,
    }


def test_the_same_event_in_json_ld_and_microdata_is_one_event():
    microdata = (
        '<div itemscope itemtype="http://schema.org/Event"><span itemprop="name">Vigil</span>'
        '<meta itemprop="startDate" content="2027-05-01T18:00:00+02:00">'
        '<div itemprop="location" itemscope itemtype="http://schema.org/Place">'
        '<span itemprop="address">Dam, Amsterdam, Netherlands</span></div></div>'
    )
    plan = read(_page(json.dumps(_event()), microdata))
    (event,) = plan.campaigns[0].events
    assert (event.city, event.starts) == ("Amsterdam", time(18))


def test_several_script_blocks_each_give_their_event():
    text = _page(json.dumps(_event())) + _page(
        json.dumps(
            _event(
                startDate="2027-05-02",
                location={"@type": "Place", "address": "Grote Markt, Groningen, Nederland"},
            )
        )
    )
    events = read(text).campaigns[0].events
    assert sorted((e.city, e.day) for e in events) == [
        ("Amsterdam", date(2027, 5, 1)),
        ("Groningen", date(2027, 5, 2)),
    ]


@pytest.mark.parametrize(
    "json_ld",
    [
        "{not json",
        "[1, 2, 3]",
        '"Event"',
        '{"@type": "Event"}',
        '{"@type": "Event", "startDate": "next Saturday", "location": "Dam, Amsterdam"}',
        '{"@type": "Event", "startDate": "2027-13-45", "location": {"address": 7}}',
        '{"@type": "Event", "startDate": "0001-01-01T00:00:00+14:00", "location": "Tokyo, JP"}',
        '{"@type": "Event", "startDate": ["2027-05-01"], "location": [[["Berlin"]]]}',
        '{"@type": 5, "@graph": "nothing", "subEvent": "x"}',
        '{"@type": "Event", "startDate": "2027-05-01", "offers": "free", "url": {"@id": 3}}',
        "[" * 5000 + "]" * 5000,
        '{"@type": "Event", "startDate": "2027-05-01", "location": "Berlin, Germany", "x": '
        + "[" * 900
        + "]" * 900
        + "}",
        '{"@graph": ' + '{"@graph": ' * 3000 + "{}" + "}" * 3001,
    ],
)
def test_hostile_json_ld_never_stops_the_page(json_ld):
    plan = read(_page(json_ld, "# Vigil\n\nWe meet on 1 May 2027 in Utrecht, Netherlands."))
    assert plan.to_json()


def test_a_page_of_ten_thousand_events_is_read_up_to_the_bound():
    events = [
        _event(name=f"Vigil {n}", startDate=f"2027-05-{n % 28 + 1:02d}T18:00:00+02:00")
        for n in range(10_000)
    ]
    nodes = structured_event_nodes(_page(json.dumps(events)))
    assert len(nodes) == MAX_EVENTS
    plan = read(_page(json.dumps(events)))
    assert len(plan.campaigns[0].events) == 28  # one a day in Amsterdam


def test_a_sub_event_takes_its_place_from_the_series():
    series = _event(
        subEvent=[{"@type": "Event", "startDate": f"2027-06-0{d}T10:00:00+02:00"} for d in (1, 2)]
    )
    events = read(_page(json.dumps(series))).campaigns[0].events
    assert [(e.city, e.day) for e in events] == [
        ("Amsterdam", date(2027, 6, 1)),
        ("Amsterdam", date(2027, 6, 2)),
    ]


_KEYS = st.sampled_from(
    ["@type", "name", "startDate", "endDate", "location", "address", "url", "offers"]
    + ["subEvent", "@graph", "@id", "eventStatus", "addressLocality", "itemListElement"]
)


def _containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    _containers,
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    replacement=_JSON,
    path=st.lists(st.sampled_from(["location", "address", "offers", "@graph", 0]), max_size=3),
    cut=st.integers(min_value=0, max_value=400),
)
def test_no_mutation_of_a_json_ld_block_stops_the_page(replacement, path, cut):
    node: dict = _event(offers=[{"url": "https://lu.ma/x"}], **{"@graph": [_event()]})
    target: object = node
    for step in path:
        if isinstance(target, dict) and isinstance(step, str) and step in target:
            target = target[step]
        elif isinstance(target, list) and isinstance(step, int) and target:
            target = target[step]
    if isinstance(target, dict):
        target["location" if "location" in target else "name"] = replacement
    written = json.dumps(node)
    for text in (written, written[:cut], written.replace('"', "", 1)):
        plan = read(_page(text, "# Vigil\n\nIn Utrecht, Netherlands, on 1 May 2027."))
        assert plan.to_json()


def test_a_saved_event_page_is_titled_by_its_own_heading():
    plan = read_markdown_page((PAGES / "luma_amsterdam.html").read_text(), name="luma.html")
    assert plan.campaigns[0].title == "Klimaatmars Amsterdam"


def test_a_saved_page_without_a_heading_is_titled_by_its_title_without_the_sites_name():
    from turnout.importers.document import html_title

    page = "<html><head><title>Marcha por el clima &amp; la vida | Eventbrite</title></head>"
    assert html_title(page + "<body><p>sábado</p></body></html>") == "Marcha por el clima & la vida"
    assert html_title("<h1 class=x>Demo <b>Berlin</b></h1><title>t · Site</title>") == "Demo Berlin"
    assert html_title("<title></title>") == "" and html_title("no html") == ""
