"""Protest pages of fictional movements in shapes the other tests do not hold, event by event.

`fixtures/unseen/` holds pages written for these tests: a markdown table of cities, bullets
under country headings (with flags, in the countries' own languages), one heading per city
with "When:/Where:" lines in German, French, Spanish, Portuguese, Italian and Polish, WordPress
and Notion exports (HTML lists, anchors, `<br>`, non-breaking and zero-width spaces, a city
listed twice), times in another zone ("All times CET", "Alle Zeiten in MEZ" in summer), ranges
across midnight, "12 noon", month-first and ambiguous slash dates, cancelled and postponed
cities, "TBA" in several languages, online events, and prose or lines that place two cities.
Each test lists every event a reader of the page would expect, or checks that the importer
reports what it cannot read rather than guessing.
"""

from datetime import date, time
from pathlib import Path

import pytest

from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord, MarkdownPlan

PAGES = Path(__file__).parent / "fixtures" / "unseen"


def read(name: str) -> MarkdownPlan:
    return read_markdown_page((PAGES / name).read_text(encoding="utf-8"), name=name)


def facts(event: EventRecord) -> tuple:
    """(city, country, day, start, end, zone, venue, signup, to be announced, cancelled)."""
    return (
        event.city,
        event.country,
        event.day,
        event.starts,
        event.ends,
        event.timezone,
        event.venue,
        event.signup_url,
        event.is_to_be_announced,
        event.is_cancelled,
    )


def events_of(name: str) -> list[tuple]:
    plan = read(name)
    (campaign,) = plan.campaigns
    return [facts(event) for event in campaign.events]


def warnings_of(name: str) -> list[str]:
    return [notice.message for notice in read(name).warnings]


LONDON, DUBLIN = "Europe/London", "Europe/Dublin"
T = time


def test_a_table_of_cities_with_a_time_column_first_and_bare_links():
    day = date(2025, 4, 12)
    assert events_of("en-uk-table-climate.md") == [
        ("Brighton", "GB", day, T(11), T(13), LONDON, "Palace Pier",
         "https://www.eventbrite.co.uk/e/rising-tide-brighton-1001", False, False),
        ("Bristol", "GB", day, T(14), None, LONDON, "College Green",
         "https://lu.ma/risingtide-bristol", False, False),
        ("Cork", "IE", day, T(14), None, DUBLIN, "Grand Parade",
         "https://www.facebook.com/events/900100200300/", False, False),
        ("Aberdeen", "GB", day, None, None, LONDON, "", "", True, False),
    ]  # fmt: skip


def test_one_heading_per_city_with_german_wann_wo_lines():
    day = date(2025, 5, 17)
    assert events_of("de-wann-wo-tierschutz.md") == [
        ("Kassel", "DE", day, T(14), T(16), "Europe/Berlin", "Königsplatz",
         "https://www.meetup.com/tierschutz-kassel/events/310000/", False, False),
        ("Linz", "AT", day, T(11), None, "Europe/Vienna", "Hauptplatz",
         "https://chat.whatsapp.com/AbCdEfGhIjK123", False, False),
        # Basel gives no link: it does not borrow Kassel's or Linz's.
        ("Basel", "CH", day, T(15, 30), T(17), "Europe/Zurich", "Barfüsserplatz", "", True, False),
    ]  # fmt: skip


def test_one_heading_per_city_in_french_with_an_html_anchor_and_a_date_to_confirm():
    day = date(2025, 11, 8)
    assert events_of("fr-quand-ou-paix.md") == [
        ("Rennes", "FR", day, T(14), T(16), "Europe/Paris", "Place de la Mairie",
         "https://lu.ma/paix-rennes", False, False),
        ("Liège", "BE", day, T(15), None, "Europe/Brussels", "Place Saint-Lambert",
         "https://www.facebook.com/events/777888999000/", False, False),
        ("Geneva", "CH", day, None, None, "Europe/Zurich", "", "", True, False),
    ]  # fmt: skip


def test_one_heading_per_city_in_spanish_across_two_continents():
    day = date(2025, 4, 5)
    assert events_of("es-cuando-donde-vivienda.md") == [
        ("Valencia", "ES", day, T(18), T(20), "Europe/Madrid", "Plaza del Ayuntamiento",
         "https://partiful.com/e/viviendaVLC", False, False),
        ("Seville", "ES", day, T(12), None, "Europe/Madrid", "Plaza Nueva", "", True, False),
        ("Mexico City", "MX", day, T(11), None, "America/Mexico_City", "Zócalo",
         "https://www.meetup.com/vivienda-cdmx/events/555/", False, False),
    ]  # fmt: skip


def test_one_heading_per_city_in_polish():
    day = date(2025, 5, 10)
    assert events_of("pl-kiedy-gdzie.md") == [
        ("Gdańsk", "PL", day, T(12), None, "Europe/Warsaw", "Długi Targ", "", True, False),
        ("Wrocław", "PL", day, T(14), None, "Europe/Warsaw", "Rynek", "", True, False),
    ]


def test_a_notion_export_with_br_tags_flags_in_headings_and_a_cancelled_city():
    day = date(2025, 4, 12)
    assert events_of("notion-export-fr.md") == [
        ("Toulouse", "FR", day, T(14, 30), T(17), "Europe/Paris", "Place du Capitole",
         "https://lu.ma/animaux-toulouse", False, False),
        ("Namur", "BE", day, T(10), None, "Europe/Brussels", "Place d’Armes",
         "https://www.facebook.com/events/313131313131/", False, False),
        ("Lausanne", "CH", day, None, None, "Europe/Zurich", "Place de la Riponne", "", True, True),
    ]  # fmt: skip


def test_bullets_under_dutch_country_headings_with_a_called_off_city():
    day = date(2025, 6, 14)
    assert events_of("nl-landen-boeren.md") == [
        ("Zwolle", "NL", day, T(13), None, "Europe/Amsterdam", "Grote Markt",
         "https://lu.ma/boeren-zwolle", False, False),
        ("Leeuwarden", "NL", day, T(14), None, "Europe/Amsterdam", "Oldehoofsterkerkhof", "",
         True, False),
        ("Groningen", "NL", day, None, None, "Europe/Amsterdam", "", "", True, False),
        ("Ghent", "BE", day, T(14), None, "Europe/Brussels", "Sint-Pietersplein",
         "https://www.facebook.com/events/123123123123/", False, False),
        # "afgelast" calls off Leuven, not the whole day, and is no venue.
        ("Leuven", "BE", day, None, None, "Europe/Brussels", "", "", True, True),
    ]  # fmt: skip


def test_bullets_under_german_country_headings_with_flags():
    day = date(2025, 4, 12)
    assert events_of("de-bullets-laender.md") == [
        ("Münster", "DE", day, T(14), None, "Europe/Berlin", "Prinzipalmarkt",
         "https://www.meetup.com/klima-muenster/events/1/", False, False),
        ("Erfurt", "DE", day, T(11), None, "Europe/Berlin", "Domplatz", "", True, False),
        ("Rostock", "DE", day, None, None, "Europe/Berlin", "", "", True, False),
        ("Munich", "DE", day, T(11), T(13), "Europe/Berlin", "Odeonsplatz", "", True, False),
        ("Cologne", "DE", day, T(14), T(16), "Europe/Berlin", "Roncalliplatz", "", True, False),
        ("Graz", "AT", day, T(15), T(17), "Europe/Vienna", "Hauptplatz",
         "https://www.facebook.com/events/707070707070/", False, False),
    ]  # fmt: skip


def test_country_headings_in_their_own_languages_on_an_italian_page():
    day = date(2025, 9, 20)
    assert events_of("it-pl-pt-bullets.md") == [
        ("Bologna", "IT", day, T(15), None, "Europe/Rome", "Piazza Maggiore",
         "https://www.eventbrite.it/e/pace-bologna-42", False, False),
        ("Naples", "IT", day, None, None, "Europe/Rome", "", "", True, False),
        ("Kraków", "PL", day, T(16), None, "Europe/Warsaw", "Rynek Główny",
         "https://www.facebook.com/events/515151515151/", False, False),
        ("Lisbon", "PT", day, T(15), None, "Europe/Lisbon", "Praça do Comércio",
         "https://chat.whatsapp.com/PazLisboa2025", False, False),
    ]  # fmt: skip


def test_us_bullets_with_state_letters_bare_links_and_a_postponed_city():
    day = date(2025, 10, 4)
    pacific = "America/Los_Angeles"
    assert events_of("en-us-state-bullets.md") == [
        ("San Francisco", "US", day, T(12), T(14), pacific, "outside City Hall",
         "https://lu.ma/pausefrontier-sf", False, False),
        ("Seattle", "US", day, T(13), T(15), pacific, "Westlake Park",
         "https://partiful.com/e/pf-seattle", False, False),
        # Austin's "postponed" concerns Austin alone.
        ("Austin", "US", day, None, None, "America/Chicago", "", "", True, True),
        # The livestream is an online event at 7 PM Eastern time, its link still to come.
        ("", "", day, T(19), None, "America/New_York", "", "", True, False),
    ]  # fmt: skip


def test_a_wordpress_export_with_anchors_nbsp_zero_width_spaces_and_a_city_listed_twice():
    day = date(2025, 6, 7)
    assert events_of("en-export-wordpress.md") == [
        ("Manchester", "GB", day, T(12), None, LONDON, "Piccadilly Gardens",
         "https://www.eventbrite.co.uk/e/homes-not-hotels-mcr-77", False, False),
        ("Glasgow", "GB", day, T(13), None, LONDON, "George Square",
         "https://www.facebook.com/events/456456456456/", False, False),
        ("Cardiff", "GB", day, T(11), T(13), LONDON, "Queen Street", "https://lu.ma/hnh-cardiff",
         False, False),
        ("Leeds", "GB", day, T(14), None, LONDON, "Briggate", "https://lu.ma/hnh-leeds",
         False, False),
    ]  # fmt: skip
    (twice,) = [w for w in warnings_of("en-export-wordpress.md") if "twice" in w]
    assert "Manchester" in twice and "https://partiful.com/e/hnh-mcr" in twice


def test_times_given_in_central_european_time_are_moved_to_each_city():
    day = date(2026, 3, 21)
    assert events_of("en-timezones-online.md") == [
        ("Lisbon", "PT", day, T(17), T(19), "Europe/Lisbon", "",
         "https://www.facebook.com/events/300300300300/", False, False),
        ("Helsinki", "FI", day, T(20), None, "Europe/Helsinki", "", "https://lu.ma/ocean-helsinki",
         False, False),
        # Online, on the Central European clock the page writes; the Zoom call is kept for
        # participants, not published as a signup link.
        ("", "", day, T(20), None, "Europe/Berlin", "", "", False, False),
        ("Reykjavík", "IS", day, T(21), T(0), "Atlantic/Reykjavik", "",
         "https://www.facebook.com/events/300300300301/", False, False),
    ]  # fmt: skip


def test_a_night_vigil_across_midnight_with_zero_width_and_non_breaking_spaces():
    day = date(2025, 9, 19)
    assert events_of("en-uk-midnight-zerowidth.md") == [
        ("Edinburgh", "GB", day, T(22), T(1), LONDON, "The Mound",
         "https://www.facebook.com/events/919191919191/", False, False),
        ("Dublin", "IE", day, T(22), T(1), DUBLIN, "Spire", "https://lu.ma/vigil-dublin",
         False, False),
        ("Belfast", "GB", day, None, None, LONDON, "", "", True, False),
    ]  # fmt: skip


def test_a_spanish_list_with_a_portuguese_city_and_one_to_confirm():
    day = date(2025, 4, 26)
    assert events_of("es-prosa-pt.md") == [
        ("Bilbao", "ES", day, T(12), None, "Europe/Madrid", "Plaza Moyúa",
         "https://www.eventbrite.es/e/clima-bilbao-9", False, False),
        ("Porto", "PT", day, T(15), None, "Europe/Lisbon", "Avenida dos Aliados",
         "https://www.facebook.com/events/626262626262/", False, False),
        ("Zaragoza", "ES", day, None, None, "Europe/Madrid", "", "", True, False),
    ]  # fmt: skip


def test_dated_headings_in_us_order_are_read_month_first_throughout_the_page():
    assert events_of("en-dated-headings-us.md") == [
        ("Denver", "US", date(2025, 4, 12), T(13), T(15), "America/Denver", "Civic Center Park",
         "https://www.mobilize.us/housingtour/event/11/", False, False),
        ("Phoenix", "US", date(2025, 4, 19), T(10), T(12), "America/Phoenix",
         "Cesar Chavez Plaza", "", True, False),
    ]  # fmt: skip


def test_a_slash_date_that_may_be_either_order_is_flagged():
    (event,) = events_of("en-ambiguous-slash.md")
    assert event[0] == "Kingston upon Hull"
    assert any("day/month or month/day" in w for w in warnings_of("en-ambiguous-slash.md"))


@pytest.mark.parametrize(
    "name, cities",
    [
        # "04/13" can only be month first, so "04/12" is 12 April; "13/04" only day first.
        ("en-us-numeric-dates.md", ["Fresno", "Salinas"]),
        ("en-uk-numeric-dates.md", ["Exeter", "Norwich"]),
    ],
)
def test_slash_days_without_a_year_take_the_title_s_year_in_the_page_s_order(name, cities):
    assert [(e[0], e[2]) for e in events_of(name)] == [
        (cities[0], date(2025, 4, 12)),
        (cities[1], date(2025, 4, 13)),
    ]
    assert not any("day/month" in w for w in warnings_of(name))


def test_prose_that_places_two_cities_invents_no_single_event():
    plan = read("en-prose-cities.md")
    events = [event for campaign in plan.campaigns for event in campaign.events]
    # Never Leeds at Bristol's 2pm: the sentences tell two events, the importer reads none.
    assert events == []
    assert any("no local events" in w.message for w in plan.warnings)


def test_city_subsections_under_a_locations_heading_are_one_event_each():
    # "Saturday 12th April" takes its year from the front matter's date.
    day = date(2025, 4, 12)
    assert events_of("en-locations-subsections.md") == [
        ("Taunton", "GB", day, T(11), T(13), LONDON, "Castle Green",
         "https://www.eventbrite.co.uk/e/cull-taunton-8", False, False),
        ("Shrewsbury", "GB", day, T(14), T(16), LONDON, "The Square", "", True, False),
        ("Swansea", "GB", day, None, None, LONDON, "", "", True, False),
    ]  # fmt: skip


def test_portuguese_and_italian_city_headings_on_one_page():
    day = date(2026, 4, 22)
    assert events_of("pt-it-quando-onde.md") == [
        ("Coimbra", "PT", day, T(17), None, "Europe/Lisbon", "Praça 8 de Maio",
         "https://lu.ma/terra-coimbra", False, False),
        ("Turin", "IT", day, T(18), None, "Europe/Rome", "Piazza Castello",
         "https://www.eventbrite.it/e/terra-torino-2", False, False),
    ]  # fmt: skip


def test_central_european_time_on_a_summer_day_is_the_central_european_clock():
    # "MEZ" (CET) written for July means the clock Berlin keeps then, two hours ahead of UTC.
    day = date(2025, 7, 5)
    assert events_of("de-mez-sommer.md") == [
        ("Berlin", "DE", day, T(14), None, "Europe/Berlin", "Brandenburger Tor",
         "https://www.facebook.com/events/1111/", False, False),
        ("Hamburg", "DE", day, T(14), None, "Europe/Berlin", "Jungfernstieg",
         "https://lu.ma/frieden-hh", False, False),
        ("London", "GB", day, T(12), T(14), LONDON, "Parliament Square", "", True, False),
        # A zone written on the line wins over the page's.
        ("Lisbon", "PT", day, T(17), None, "Europe/Lisbon", "Praça do Comércio", "", True,
         False),
    ]  # fmt: skip


def test_online_and_unknown_places_in_a_city_list_are_reported_not_merged():
    # Before: "Online – 20:00" lent its time to the bullet after it, "Atlantis, Nowhere",
    # which became an event in Atlantis, South Africa. The online bullets are online events.
    (campaign,) = read("en-online-and-unknown.md").campaigns
    assert [(e.city, e.is_online, e.starts) for e in campaign.events] == [
        ("Porto", False, T(18)),
        ("", True, T(20)),
        ("", True, T(19)),
    ]
    assert campaign.events[1].meeting_url == "https://zoom.us/j/123456789"
    assert campaign.events[2].timezone == "America/New_York"  # "7 PM ET"
    unread = [w for w in warnings_of("en-online-and-unknown.md") if "could not read a place" in w]
    assert len(unread) == 1 and "Atlantis, Nowhere" in unread[0]


def test_city_headings_whose_meeting_point_names_no_city_take_the_heading_as_city():
    day = date(2025, 6, 14)
    berlin = "Europe/Berlin"
    assert events_of("de-treffpunkt-ohne-ort.md") == [
        ("Leipzig", "DE", day, T(14), None, berlin, "Augustusplatz", "", True, False),
        ("Dresden", "DE", day, T(15, 30), None, berlin, "Altmarkt",
         "https://lu.ma/mietenstopp-dd", False, False),
        # "abgesagt" under Chemnitz calls off Chemnitz only.
        ("Chemnitz", "DE", day, None, None, berlin, "Neumarkt", "", True, True),
    ]  # fmt: skip


def test_a_city_listed_on_two_days_is_two_events():
    assert [(e[0], e[2], e[7]) for e in events_of("en-city-twice-two-days.md")] == [
        ("London", date(2025, 6, 14), "https://www.eventbrite.co.uk/e/woa-london-sat"),
        ("London", date(2025, 6, 15), "https://www.eventbrite.co.uk/e/woa-london-sun"),
        ("Oxford", date(2025, 6, 14), ""),
    ]
    assert not any("twice" in w for w in warnings_of("en-city-twice-two-days.md"))


def test_a_list_left_as_html_by_wordpress_is_read_like_markdown_bullets():
    day = date(2025, 4, 12)
    assert events_of("wordpress-html-list.md") == [
        ("Leeds", "GB", day, T(14), None, LONDON, "Briggate", "https://lu.ma/doa-leeds", False,
         False),
        ("York", "GB", day, T(11), None, LONDON, "Parliament Street", "", True, False),
        ("Kingston upon Hull", "GB", day, T(13), None, LONDON, "Queen Victoria Square",
         "https://www.eventbrite.co.uk/e/doa-hull-1", False, False),
    ]  # fmt: skip


def test_lines_placing_two_cities_under_an_unknown_heading_invent_no_single_event():
    plan = read("en-unknown-heading-lines.md")
    # Never Berlin alone, at Berlin's time, with Hamburg lost.
    assert [event for campaign in plan.campaigns for event in campaign.events] == []
    assert any("no local events" in w.message for w in plan.warnings)
