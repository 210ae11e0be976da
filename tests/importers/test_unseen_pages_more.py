"""More protest pages nobody has written yet: online events in a list of cities or as a page's
one event, zone abbreviations written loosely ("12:00 EST" in July, "7pm AEST" in January),
slash days without a year, venues beside a city in every shape people write them, short pages
in Italian and Dutch, one name per city whatever the page's spelling, chat links written out
in a sentence, and the ways pages write an hour ("14u", "um 16", "godz. 15", "１４：００").
"""

from datetime import date, time
from pathlib import Path

import pytest

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.importers.dates import find_dates
from turnout.importers.meeting_links import names_online
from turnout.importers.page_language import guess_language
from turnout.importers.places import read_place, resolve_city
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord, MarkdownPlan
from turnout.importers.services import write_markdown_plan
from turnout.importers.times import find_times, local_time

PAGES = Path(__file__).parent / "fixtures" / "unseen"
T = time


def read(name: str) -> MarkdownPlan:
    return read_markdown_page((PAGES / name).read_text(encoding="utf-8"), name=name)


def facts(event: EventRecord) -> tuple:
    """(city, country, start, end, zone, venue, signup, to be announced, online)."""
    return (
        event.city,
        event.country,
        event.starts,
        event.ends,
        event.timezone,
        event.venue,
        event.signup_url,
        event.is_to_be_announced,
        event.is_online,
    )


def events_of(name: str) -> list[tuple]:
    (campaign,) = read(name).campaigns
    return [facts(event) for event in campaign.events]


def warnings_of(name: str) -> list[str]:
    return [notice.message for notice in read(name).warnings]


def one_bullet(bullet: str, *, title: str = "Day of Action – 12 April 2025") -> MarkdownPlan:
    return read_markdown_page(
        f"---\ntitle: {title}\n---\n\n## Locations\n\n- {bullet}\n", name="b.md"
    )


AMS = "Europe/Amsterdam"


# --- online events ----------------------------------------------------------------------------


def test_a_dutch_city_list_keeps_every_venue_and_its_online_line_is_an_online_event():
    assert events_of("nl-steden-online.md") == [
        ("Amsterdam", "NL", T(15), None, AMS, "Dam", "https://lu.ma/klimaat-ams", False, False),
        ("Utrecht", "NL", T(14, 30), None, AMS, "Neude", "", True, False),
        ("Rotterdam", "NL", T(13), None, AMS, "Schouwburgplein", "", True, False),
        ("Ghent", "BE", T(14), None, "Europe/Brussels", "Sint-Pietersplein", "", True, False),
        ("Zwolle", "NL", T(12), None, AMS, "Grote Markt", "", True, False),
        # No zone on its line: the page's other events' clock, and it is said.
        ("", "", T(19), None, AMS, "", "", False, True),
    ]
    (campaign,) = read("nl-steden-online.md").campaigns
    # The call is for participants only; it is never published as the signup link.
    assert campaign.events[-1].meeting_url == "https://zoom.us/j/5551234567"
    warnings = warnings_of("nl-steden-online.md")
    assert not [w for w in warnings if "could not read a place" in w]
    assert any("online event gives no time zone" in w and AMS in w for w in warnings)


def test_a_french_page_whose_one_event_is_online_in_central_european_time():
    assert events_of("fr-en-ligne.md") == [
        ("", "", T(18), T(19, 30), "Europe/Berlin", "", "https://lu.ma/veillee-foret", False, True),
    ]


@pytest.mark.parametrize(
    "bullet",
    [
        "**Online** — Zoom, 18:00 UTC",
        "Online (Discord) – 18:00 UTC",
        "Virtueel / online – 18:00 UTC",
        "En ligne – 18h UTC",
        "Wherever you are: livestream, 18:00 UTC",
        "**Online** – 20:00 UTC+2",
        "Zoom / online – 6 PM UTC",
        "In diretta – ore 18 UTC",
        "Von zu Hause – 18 Uhr UTC",
        "オンライン – 18:00 UTC",
    ],
)
def test_online_bullets_in_any_language_are_online_events_at_their_written_hour(bullet):
    plan = one_bullet(bullet)
    (campaign,) = plan.campaigns
    (event,) = campaign.events
    assert (event.is_online, event.city, event.country) == (True, "", "")
    assert (event.timezone, event.starts, event.day) == ("UTC", T(18), date(2025, 4, 12))
    assert not any("could not read a place" in w.message for w in plan.warnings)


@pytest.mark.parametrize(
    "place",
    ["Online petition", "Zoom Lane, Leeds", "Onlineshop Berlin", "Virtual reality lab, Delft"],
)
def test_words_that_merely_contain_online_words_name_no_online_event(place):
    assert not names_online(place)


@pytest.mark.django_db
def test_online_events_are_written_as_online_with_their_call_kept_private_and_never_doubled():
    plan = read("nl-steden-online.md")
    write_markdown_plan(plan=plan)
    again = write_markdown_plan(plan=read("nl-steden-online.md"))
    campaign = Campaign.objects.get(slug="nl-steden-online")
    online = campaign.events.get(attendance_mode=LocalEvent.AttendanceMode.ONLINE)
    assert (online.city, online.country, online.venue) == ("", "", "")
    assert online.meeting_url == "https://zoom.us/j/5551234567" and online.signup_url == ""
    assert online.status == LocalEvent.Status.APPROVED
    assert campaign.events.count() == 6
    assert again.counts["events created"] == 0


# --- zone abbreviations written loosely --------------------------------------------------------


def test_eastern_and_pacific_abbreviations_in_july_mean_each_clock_as_it_is_then():
    new_york, chicago = "America/New_York", "America/Chicago"
    assert events_of("en-us-loose-zones-july.md") == [
        ("New York City", "US", T(12), None, new_york, "Foley Square",
         "https://www.mobilize.us/summer/event/1/", False, False),
        # Noon "EST" in July is noon on New York's clock (EDT): 11:00 in Chicago, not 12:00.
        ("Chicago", "US", T(11), None, chicago, "Federal Plaza",
         "https://www.mobilize.us/summer/event/2/", False, False),
        # Arizona keeps MST all summer: its own abbreviation is its own clock.
        ("Phoenix", "US", T(9), None, "America/Phoenix", "Cesar Chavez Plaza", "", True, False),
        ("", "", T(20), None, "America/Los_Angeles", "", "https://discord.gg/summersafety", False,
         True),
        ("", "", T(19), None, new_york, "", "", True, True),
    ]  # fmt: skip


def test_australian_eastern_time_in_january_is_the_summer_clock_of_sydney():
    assert events_of("en-au-aest-january.md") == [
        ("Sydney", "AU", T(19), None, "Australia/Sydney", "Hyde Park",
         "https://www.eventbrite.com.au/e/heatwave-sydney-1", False, False),
        # Queensland keeps AEST in summer: 7pm there is 7pm.
        ("Brisbane", "AU", T(19), None, "Australia/Brisbane", "King George Square", "", True,
         False),
        # 7pm in Sydney (AEDT, UTC+11) is 4pm in Perth (UTC+8).
        ("Perth", "AU", T(16), None, "Australia/Perth", "Forrest Place", "", True, False),
        ("", "", T(19), None, "Australia/Sydney", "", "", False, True),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "written, zone, summer, winter",
    [
        # North: "EST" in July is New York's summer clock (UTC-4); in January it says what
        # it means, UTC-5, and so does the loose reading.
        ("EST", "America/Chicago", T(11), T(11)),
        ("ET", "America/Los_Angeles", T(9), T(9)),
        # South: "AEST" in January is Sydney's summer clock (UTC+11); in July UTC+10.
        ("AEST", "Australia/Perth", T(9), T(10)),
        ("AEST", "Asia/Tokyo", T(10), T(11)),
    ],
)
def test_a_zone_abbreviation_is_the_clock_people_mean_in_either_season(
    written, zone, summer, winter
):
    north = written in {"EST", "ET"}
    summer_day, winter_day = (
        (date(2025, 7, 12), date(2025, 1, 11)) if north else (date(2026, 1, 17), date(2025, 7, 12))
    )
    assert local_time(T(12), day=summer_day, written_zone=written, event_zone=zone) == (
        summer,
        summer_day,
    )
    assert local_time(T(12), day=winter_day, written_zone=written, event_zone=zone) == (
        winter,
        winter_day,
    )


@pytest.mark.parametrize(
    "text", ["Rendez-vous à 14h est confirmé", "La manif de 18h est maintenue", "14h EST"]
)
def test_a_french_est_after_an_hour_is_a_verb_not_eastern_time(text):
    span = find_times(text)
    assert span is not None and span.zone == ("EST" if "EST" in text else "")
    moved = local_time(span.starts, day=date(2025, 7, 12), written_zone=span.zone,
                       event_zone="Europe/Paris")  # fmt: skip
    assert moved[0] == (T(20) if span.zone else span.starts)


# --- slash days without a year -----------------------------------------------------------------


def test_slash_days_on_a_us_page_are_read_month_first_with_the_title_s_year_and_said():
    (campaign,) = read("en-us-slash-no-year-order.md").campaigns
    assert [(e.city, e.day, e.starts) for e in campaign.events] == [
        ("Boston", date(2025, 4, 12), T(15)),
        ("Providence", date(2025, 5, 10), T(14)),
    ]
    assert any("read month first" in w for w in warnings_of("en-us-slash-no-year-order.md"))


def test_slash_days_on_a_german_page_are_read_day_first_and_said():
    (campaign,) = read("de-schraegstrich-tage.md").campaigns
    assert [(e.city, e.day, e.starts, e.venue) for e in campaign.events] == [
        ("Leipzig", date(2025, 12, 4), T(14), "Augustusplatz"),
        ("Dresden", date(2025, 12, 6), T(15), "Altmarkt"),
    ]
    assert any("read day first" in w for w in warnings_of("de-schraegstrich-tage.md"))


def test_a_slash_day_on_a_page_without_any_year_asks_for_one():
    plan = read_markdown_page(
        "# Rally\n\n## Locations\n\n- 4/12: **Leeds, UK** – 2pm, Briggate\n", name="r.md"
    )
    assert plan.campaigns == []
    assert any("gives a day but no year" in w.message for w in plan.warnings)


def test_open_all_hours_is_no_date_but_a_slash_day_beside_it_is():
    assert find_dates("Open 24/7") == []
    (mention,) = find_dates("Open 24/7, rally on 4/12")
    assert (mention.first.day, mention.first.month, mention.year) == (4, 12, None)


# --- venues -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bullet, city, venue, starts",
    [
        ("**Amsterdam (NL)**: 15:00 @ Dam", "Amsterdam", "Dam", T(15)),
        ("Utrecht – Neude – 14u", "Utrecht", "Neude", T(14)),
        ("Rotterdam: Schouwburgplein, 13:00", "Rotterdam", "Schouwburgplein", T(13)),
        ("Rotterdam, Schouwburgplein, 13:00", "Rotterdam", "Schouwburgplein", T(13)),
        ("📍 **Madrid** — Puerta del Sol — 12:00", "Madrid", "Puerta del Sol", T(12)),
        ("Lyon : 15h, place Bellecour", "Lyon", "place Bellecour", T(15)),
        ("✊ **Wien** · Heldenplatz · 14:00", "Vienna", "Heldenplatz", T(14)),
        ("**Valencia (Venezuela)** @ Plaza Bolívar – 10am", "Valencia", "Plaza Bolívar", T(10)),
    ],
)
def test_the_venue_beside_a_city_is_kept_however_it_is_set_off(bullet, city, venue, starts):
    (campaign,) = one_bullet(bullet).campaigns
    (event,) = campaign.events
    assert (event.city, event.venue, event.starts) == (city, venue, starts)


def test_a_large_city_before_a_comma_keeps_its_venue_but_an_unknown_pair_is_reported():
    plan = one_bullet("Rotterdam, Schouwburgplein – 13:00\n- Atlantis, Nergensland – 14:00")
    (campaign,) = plan.campaigns
    assert [(e.city, e.venue) for e in campaign.events] == [("Rotterdam", "Schouwburgplein")]
    assert any("Atlantis" in w.message for w in plan.warnings)


def test_a_japanese_page_with_wide_digits_and_commas():
    (campaign,) = read("ja-fullwidth.md").campaigns
    assert [(e.city, e.country, e.starts, e.venue) for e in campaign.events] == [
        ("Tokyo", "JP", T(14), "渋谷駅前"),
        ("Osaka", "JP", T(15, 30), "梅田"),
    ]
    assert campaign.starts_on == date(2025, 4, 12)


# --- the page's language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("Sabato 12 aprile, ore 15\nDove: Piazza Maggiore, Bologna", "it"),
        ("Zaterdag 12 april om 14 uur\nWaar: Neude, Utrecht", "nl"),
        ("Samstag, 12. April, 14 Uhr\nTreffpunkt: Marktplatz, Bremen", "de"),
        ("Samedi 12 avril à 14h\nLieu : place Bellecour, Lyon", "fr"),
        ("Sábado 12 de abril, a las 18:00\nLugar: Plaza Mayor, Madrid", "es"),
        ("Sábado, 12 de abril, às 15h\nOnde: Praça do Comércio, Lisboa", "pt"),
        ("Sobota, 12 kwietnia, godz. 15:00\nGdzie: Rynek Główny, Kraków", "pl"),
        ("Saturday 12 April at 2pm\nWhere: Parliament Square, London", "en"),
    ],
)
def test_a_page_of_two_lines_has_its_language_guessed(text, language):
    assert guess_language(text) == language


def test_a_short_page_is_guessed_but_place_names_and_asides_do_not_decide():
    assert guess_language("Sabato 12 aprile, ore 15 – Bologna") == "it"
    assert guess_language("Madrid — Puerta del Sol\nLisboa — Praça do Comércio") is None
    text = (
        "We will gather in front of the parliament and we will march to the ministry. "
        "The protest is peaceful and you are welcome with your family. "
    ) * 10
    text += "Sabato, domenica, aprile, maggio."  # an Italian aside does not make it Italian
    assert guess_language(text) == "en"


@pytest.mark.parametrize(
    "name, language, city, starts",
    [("it-breve.md", "it", "Bologna", T(15)), ("nl-kort.md", "nl", "Utrecht", T(14))],
)
def test_short_italian_and_dutch_pages_read_in_their_language(name, language, city, starts):
    (campaign,) = read(name).campaigns
    (event,) = campaign.events
    assert (campaign.language, event.city, event.starts) == (language, city, starts)


# --- one name per city ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "local, english",
    [("Köln", "Cologne"), ("Sevilla", "Seville"), ("Gent", "Ghent"), ("Hannover", "Hanover")],
)
def test_a_city_keeps_its_english_name_whichever_spelling_the_page_uses(local, english):
    assert resolve_city(local) == resolve_city(english)
    assert read_place([local]).city == read_place([english]).city == english
    assert read_place(["Munich"]).city == read_place(["München"]).city == "Munich"


@pytest.mark.django_db
def test_a_city_spelt_another_way_on_a_later_page_updates_its_event():
    page = "---\ntitle: Aktionstag – 12. April 2025\nslug: aktionstag\n---\n\n## Orte\n\n- {}\n"
    write_markdown_plan(plan=read_markdown_page(page.format("**Köln** – 14 Uhr"), name="a.md"))
    write_markdown_plan(plan=read_markdown_page(page.format("**Cologne** – 15:00"), name="a.md"))
    (event,) = LocalEvent.objects.filter(campaign__slug="aktionstag")
    assert event.city == "Cologne"
    assert event.local_starts_at.time() == T(15)


@pytest.mark.django_db
def test_an_event_stored_under_a_local_name_is_found_again_by_its_english_one():
    page = "---\ntitle: Aktionstag – 12. April 2025\nslug: aktionstag\n---\n\n## Orte\n\n- {}\n"
    write_markdown_plan(plan=read_markdown_page(page.format("**Bonn** – 14 Uhr"), name="a.md"))
    LocalEvent.objects.filter(campaign__slug="aktionstag").update(city="Köln", latitude=None)
    write_markdown_plan(plan=read_markdown_page(page.format("**Cologne** – 15:00"), name="a.md"))
    assert list(
        LocalEvent.objects.filter(campaign__slug="aktionstag").values_list("city", flat=True)
    ) == ["Cologne"]


# --- chat links in prose ----------------------------------------------------------------------


def test_a_chat_address_in_a_sentence_is_the_one_event_s_link():
    (campaign,) = read("en-chat-in-prose.md").campaigns
    (event,) = campaign.events
    assert (event.city, event.starts, event.venue) == ("London", T(20), "Parliament Square")
    assert event.signup_url == "https://chat.whatsapp.com/VigilLondon2025"
    assert (event.platform, event.is_to_be_announced) == ("whatsapp", False)
    assert campaign.coordination_url == "https://t.me/vigil_london"


def test_a_chat_address_in_a_sentence_of_a_city_list_is_the_coordination_link():
    (campaign,) = read("en-chat-coordination-prose.md").campaigns
    assert campaign.coordination_url == "https://discord.gg/dayofaction-uk"
    assert [e.signup_url for e in campaign.events] == ["https://lu.ma/doa-leeds", ""]


# --- hours as pages write them ----------------------------------------------------------------


@pytest.mark.parametrize(
    "written, starts, ends",
    [
        ("14u", T(14), None),
        ("14u30", T(14, 30), None),
        ("14u – 16u", T(14), T(16)),
        ("um 16", T(16), None),
        ("godz. 12", T(12), None),
        ("o godz. 12", T(12), None),
        ("dalle 10 alle 12", T(10), T(12)),
        ("15 hs", T(15), None),
    ],
)
def test_an_hour_is_read_however_the_page_writes_it(written, starts, ends):
    span = find_times(f"Meet {written} at the square")
    assert span is not None and (span.starts, span.ends) == (starts, ends)


@pytest.mark.parametrize("written", ["１４：００", "14：00"])
def test_wide_digits_in_a_city_bullet_are_read(written):
    (campaign,) = one_bullet(f"**Leeds, UK** – {written}, Briggate").campaigns
    (event,) = campaign.events
    assert (event.starts, event.venue) == (T(14), "Briggate")


@pytest.mark.parametrize(
    ("page", "day"),
    [
        (  # month first: "3/4" beside "March 4th" (no state, no "USA" to tell)
            "---\ntitle: Walkout for the climate, March 4th 2031\n---\n\n"
            "On 3/4 students leave class at noon.\n\n"
            "- **Chicago** – 3/4, 12:00, Daley Plaza\n"
            "- **Boston** – 3/4, 13:00, Boston Common\n",
            date(2031, 3, 4),
        ),
        (  # day first: "3/4" beside "3 April"
            "---\ntitle: Schoolstaking voor het klimaat, 3 april 2031\n---\n\n"
            "Op 3/4 lopen scholieren om 12:00 de klas uit.\n\n"
            "- **Utrecht** – 3/4, 12:00, Domplein\n"
            "- **Leiden** – 3/4, 13:00, Stationsplein\n",
            date(2031, 4, 3),
        ),
    ],
    ids=["month-first", "day-first"],
)
def test_a_slash_date_takes_its_order_from_the_same_day_written_in_words(page, day):
    plan = read_markdown_page(page, name="walkout.md")
    (campaign,) = plan.campaigns
    assert [event.day for event in campaign.events] == [day, day]
    assert not any("4/12" in str(warning) for warning in plan.warnings)


@pytest.mark.parametrize(
    "bullets",
    [
        "- **Boston** – March 4, 13:00, Boston Common\n- **Chicago** – March 5, 12:00, Daley Plaza",
        "- **Boston**: March 4, 1 PM, Boston Common\n- **Chicago**: March 5, noon, Daley Plaza",
        "- **Boston**, 4 March, 13:00, Boston Common\n- **Chicago**, 5 March, 12:00, Daley Plaza",
    ],
    ids=["dash", "colon", "commas"],
)
def test_each_city_bullet_keeps_its_own_day_time_and_venue(bullets):
    """A list whose bullets each carry a day was read as one event (the first city's)."""
    page = (
        f"---\ntitle: Climate walkouts, March 2031\n---\n\nJoin a walkout near you.\n\n{bullets}\n"
    )
    (campaign,) = read_markdown_page(page, name="walkouts.md").campaigns
    assert [(e.city, e.day, e.starts, e.venue) for e in campaign.events] == [
        ("Boston", date(2031, 3, 4), time(13), "Boston Common"),
        ("Chicago", date(2031, 3, 5), time(12), "Daley Plaza"),
    ]


@pytest.mark.parametrize(
    ("bullets", "language"),
    [
        (
            "- **Berlin**, 4. März, 15 Uhr, Brandenburger Tor\n"
            "- **Köln**, 5. März, 14 Uhr, Roncalliplatz",
            "de",
        ),
        (
            "- **Utrecht**, 4 maart, 15u, Domplein\n- **Leiden**, 5 maart, 14:00, Stationsplein",
            "nl",
        ),
        ("- **Lyon** – 4 mars, 15h, Place Bellecour\n- **Lille** – 5 mars, 14h, Grand Place", "fr"),
    ],
)
def test_city_bullets_with_their_days_in_other_languages(bullets, language):
    page = f"---\ntitle: Klimaat 2031\n---\n\nIntro.\n\n{bullets}\n"
    (campaign,) = read_markdown_page(page, name="p.md", language=language).campaigns
    found = [(e.day, e.starts, e.venue) for e in campaign.events]
    assert [day for day, _, _ in found] == [date(2031, 3, 4), date(2031, 3, 5)]
    assert [starts for _, starts, _ in found] == [time(15), time(14)]
    assert all(venue and "mar" not in venue.lower() for _, _, venue in found), found


@pytest.mark.parametrize(
    ("body", "city", "day"),
    [
        (
            "On 21 March 2026 more than a thousand of us marched through Leeds.",
            "Leeds",
            date(2026, 3, 21),
        ),
        (
            "Op 21 maart 2026 demonstreerden we met honderden mensen in Utrecht.",
            "Utrecht",
            date(2026, 3, 21),
        ),
        (
            "Am 21. März 2026 demonstrierten in München über 2000 Menschen.",
            "Munich",
            date(2026, 3, 21),
        ),
        (
            "Le 21 mars 2026, des centaines de personnes ont manifesté à Lyon.",
            "Lyon",
            date(2026, 3, 21),
        ),
        (
            "El 21 de marzo de 2026 cientos de personas marcharon en Madrid.",
            "Madrid",
            date(2026, 3, 21),
        ),
    ],
    ids=["en", "nl", "de", "fr", "es"],
)
def test_a_protest_told_as_done_is_its_event_without_an_hour(body, city, day):
    page = f"---\ntitle: Report\ndate: 2026-03-22\n---\n\n{body}\n\n[Next action](https://lu.ma/next)\n"
    (campaign,) = read_markdown_page(page, name="report.md").campaigns
    assert [(e.city, e.day, e.starts, e.signup_url) for e in campaign.events] == [
        (city, day, None, "")
    ]


def test_a_date_in_a_story_is_still_no_event():
    page = (
        "---\ntitle: Why we act\ndate: 2026-03-22\n---\n\n"
        "On 10 January 2026, without any announcement, the company changed its policy in "
        "San Francisco.\n"
    )
    plan = read_markdown_page(page, name="story.md")
    assert plan.campaigns == [] and [p.slug for p in plan.pages] == ["story"]
