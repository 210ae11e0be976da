"""A ninth set of protest pages of movements nobody here has read, in shapes the earlier
rounds lack, and the misreadings found beside them.

`fixtures/unseen9/` holds 20 pages in English, Turkish, Greek, Polish, Czech, Finnish,
Ukrainian, Indonesian, Vietnamese, Thai, Hindi, Swahili, Catalan, Slovenian, Lithuanian,
Spanish, Bulgarian, Serbian and Filipino: exports of Google Docs ("●&nbsp;" bullets, "\\-",
"June 12th", "12 p.m.", "time TBA", signups behind "here"), Confluence (a table amid its
macros, "Sat 6/19", "TBD"), Notion ("godz\\.", "do potwierdzenia"), WordPress's The Events
Calendar and Squarespace's event list (an <article> per event, "6:30 SA", "4:00 CH"); a month
written as a calendar grid; flag-emoji country headings; a city with its country or state in
parentheses; "(yerel saat)" and "paikallista aikaa" notes; two shifts under one city's
heading; struck, "ΑΝΑΒΛΗΘΗΚΕ", "AJORNAT" and "CANCELADA" cities and moved ones; a date only in
the title, or only under a first heading that repeats it; footnotes with other dates and
hours; Swahili hours counted from dawn ("saa 3 asubuhi"), "alas-3 ng hapon", "ob 10. uri",
"u 18 časova", "от 18:00 ч.", "14 val.", "2027 m. rugsėjo 25 d.", "4. decembar", "6 ноември",
"Hunyo 19", "รอยืนยัน". `expected.yaml` lists what a careful person imports from each.
"""

import re
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import assert_reads_soundly, events_of, page_with
from tests.importers.unseen_sets import UnseenSet
from turnout.importers.date_orders import year_first_reordered
from turnout.importers.dates import find_dates
from turnout.importers.local_time_notes import without_local_time_notes
from turnout.importers.page_blocks import Block
from turnout.importers.page_month_grid import month_grid_items, weekdays_named
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.spoken_clocks import spoken_clocks_as_digits, swahili_hour
from turnout.importers.times import find_times, strip_times

UNSEEN = UnseenSet("unseen9")
T = time


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_ninth_unseen_set():
    UNSEEN.assert_recovered("ninth unseen set", at_least_pages=18)


# --- focused tests, one per gap ----------------------------------------------------------------


def test_the_day_under_a_first_heading_that_repeats_the_title_is_the_campaign_s():
    page = (
        "---\ntitle: Marchas por la sanidad\ndate: 2027-10-01\n---\n\n# Marchas por la sanidad\n\n"
        "**Domingo 17 de octubre de 2027.** Salimos a la calle.\n\n"
        "- **Murcia** — Plaza Circular, 11:30\n- **Albacete** — Plaza del Altozano, 12:00\n"
    )
    (campaign,) = read_markdown_page(page, name="p.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (date(2027, 10, 17), date(2027, 10, 17))
    assert {e.day for e in campaign.events} == {date(2027, 10, 17)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2027 m. rugsėjo 25 d., šeštadienį", date(2027, 9, 25)),
        ("2027. szeptember 25., szombat", date(2027, 9, 25)),
        ("Subota, 4. decembar 2027.", date(2027, 12, 4)),
        ("V soboto, 23. oktobra 2027", date(2027, 10, 23)),
        ("Събота, 6 ноември 2027 г.", date(2027, 11, 6)),
        ("Sabado, Hunyo 19, 2027", date(2027, 6, 19)),
    ],
)
def test_dates_written_year_first_or_with_months_of_more_languages_are_read(text, day):
    (mention,) = find_dates(text)
    assert mention.window(2000) == (day, day)


def test_a_year_before_a_word_that_is_no_month_stays_a_year():
    assert find_dates("2027 had 25 rallies") == []


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("Uhuru Park, saa 3:00 asubuhi", T(9), None),
        ("Mnara wa Saa, saa 8 mchana", T(14), None),
        ("saa 2 usiku", T(20), None),
        ("Liwasang Bonifacio, alas-3 ng hapon", T(15), None),
        ("alas-10 ng umaga", T(10), None),
        ("6:30 SA – 8:30 SA", T(6, 30), T(8, 30)),
        ("4:00 CH – 6:00 CH", T(16), T(18)),
        ("Trg svobode, ob 10. uri", T(10), None),
        ("Trg kralja Milana, u 18 časova", T(18), None),
        ("Đački trg, u 17.30 časova", T(17, 30), None),
        ("пред Народния театър, от 18:00 ч.", T(18), None),
        ("Rotušės aikštė, 15 val.", T(15), None),
        ("kello 12 paikallista aikaa", T(12), None),
    ],
)
def test_hours_marked_with_words_of_more_languages_are_read(text, starts, ends):
    span = find_times(text)
    assert span is not None
    assert (span.starts, span.ends) == (starts, ends)


def test_a_bare_number_after_u_followed_by_a_word_is_no_hour():
    assert find_times("u 18 gradova") is None


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Trg kralja Milana, u 18 časova", "Trg kralja Milana"),
        ("пред Народния театър, от 18:00 ч.", "пред Народния театър"),
        ("Hermannplatz, saat 18.00 (yerel saat)", "Hermannplatz"),
        ("Keskustori, klo 13 paikallista aikaa", "Keskustori"),
    ],
)
def test_what_an_hour_s_words_and_local_time_notes_leave_is_the_venue(text, left):
    assert strip_times(text).strip(" ,") == left


def test_a_local_time_note_or_an_hour_s_aside_is_no_part_of_the_venue():
    events = events_of(
        page_with(
            "- **Berlin** — Hermannplatz, saat 18.00 (yerel saat)\n"
            "- **Stockholm** — Mynttorget, klo 12 (klo 13 Suomen aikaa)\n",
            title="Nöbet – 25 Kasım 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Berlin", "Hermannplatz", T(18)),
        ("Stockholm", "Mynttorget", T(12)),
    ]


def test_bullets_typed_as_characters_by_google_docs_are_a_list():
    events = events_of(
        page_with(
            "**Where we're rallying**\n\n"
            "●&nbsp;&nbsp;**Pittsburgh, PA** \\- Market Square, 11am–1pm ET\\. Sign up "
            "[here](https://www.mobilize.us/transitnow/event/88101/)  \n"
            "●&nbsp;&nbsp;**Milwaukee, WI** \\- Red Arrow Park, 1 p.m. CT\n",
            title="Transit Day – June 12th, 2027",
        )
    )
    assert [(e.city, e.starts, e.venue, e.signup_url) for e in events] == [
        ("Pittsburgh", T(11), "Market Square", "https://www.mobilize.us/transitnow/event/88101/"),
        ("Milwaukee", T(13), "Red Arrow Park", ""),
    ]


def test_a_table_amid_a_wiki_s_html_notes_is_read_as_its_rows():
    events = events_of(
        page_with(
            '<div class="confluence-information-macro"><p>Times are local.</p></div>\n'
            '<h2>Schedule</h2>\n<div class="table-wrap"><table class="confluenceTable"><tbody>\n'
            "<tr><th><p>Date</p></th><th><p>City</p></th><th><p>Location</p></th></tr>\n"
            "<tr><td><p>Sat 6/19</p></td><td><p>Oakland, CA</p></td>"
            "<td><p>Frank H. Ogawa Plaza</p></td></tr>\n"
            "<tr><td><p>Sun 6/20</p></td><td><p>Portland, OR</p></td>"
            "<td><p>Pioneer Courthouse Square</p></td></tr>\n</tbody></table></div>\n"
            "<p>Questions go to the committee.</p>",
            title="Pickets – June 2027",
        )
    )
    assert [(e.city, e.day, e.venue) for e in events] == [
        ("Oakland", date(2027, 6, 19), "Frank H. Ogawa Plaza"),
        ("Portland", date(2027, 6, 20), "Pioneer Courthouse Square"),
    ]


def test_each_article_of_an_event_list_is_one_event_whatever_stands_before_its_title():
    card = (
        '<article class="eventlist-event"><h1 class="eventlist-title"><a href="/e/{slug}">{city}'
        '</a></h1><ul><li><time datetime="2027-11-14">Chủ Nhật, 14 tháng 11, 2027</time></li>'
        '<li><time class="start">{start}</time><span></span><time class="end">{end}</time></li>'
        "<li>{venue}</li></ul></article>\n"
    )
    body = (
        '<div class="eventlist">\n'
        + card.format(slug="hn", city="Hà Nội", start="6:30 SA", end="8:30 SA", venue="Hồ Gươm")
        + card.format(slug="dn", city="Đà Nẵng", start="4:00 CH", end="6:00 CH", venue="Cầu Rồng")
        + "</div>"
    )
    events = events_of(page_with(body, title="Đạp xe"))
    assert [(e.city, e.day, e.starts, e.ends, e.venue) for e in events] == [
        ("Hanoi", date(2027, 11, 14), T(6, 30), T(8, 30), "Hồ Gươm"),
        ("Da Nang", date(2027, 11, 14), T(16), T(18), "Cầu Rồng"),
    ]


def test_a_month_written_as_a_calendar_grid_gives_each_cell_s_event_its_day():
    events = events_of(
        page_with(
            "Každá jízda začíná v 18:00.\n\n"
            "| Po | Út | St | Čt | Pá | So | Ne |\n|---|---|---|---|---|---|---|\n"
            "|  | 1 | 2 | 3 | 4 **Praha** – Náměstí Míru | 5 | 6 |\n"
            "| 7 | 8 | 9 | 10 | 11 | 12 **Brno** – Moravské náměstí, 17:30 | 13 |\n",
            title="Cyklojízdy – červen 2027",
        )
    )
    assert [(e.city, e.day, e.starts, e.venue) for e in events] == [
        ("Prague", date(2027, 6, 4), T(18), "Náměstí Míru"),
        ("Brno", date(2027, 6, 12), T(17, 30), "Moravské náměstí"),
    ]


def test_two_bullets_of_their_own_hours_under_a_city_s_heading_are_two_shifts():
    events = events_of(
        page_with(
            "Неділя, 10 жовтня 2027 року.\n\n### Київ\n\n"
            "- Перша зміна: 10:00–12:00, Майдан Незалежності — "
            "[реєстрація](https://forms.gle/Ranok)\n"
            "- Друга зміна: 18:00–20:00, Майдан Незалежності — "
            "[реєстрація](https://forms.gle/Vechir)\n\n### Львів\n\n- 12:00–14:00, площа Ринок\n",
            title="Акція",
        )
    )
    assert [(e.city, e.starts, e.ends, e.venue, e.signup_url) for e in events] == [
        ("Kyiv", T(10), T(12), "Майдан Незалежності", "https://forms.gle/Ranok"),
        ("Kyiv", T(18), T(20), "Майдан Незалежності", "https://forms.gle/Vechir"),
        ("Lviv", T(12), T(14), "площа Ринок", ""),
    ]


def test_one_city_s_heading_over_its_venue_and_hour_is_the_page_s_event():
    events = events_of(
        page_with(
            "Domenica 10 ottobre 2027.\n\n### Bologna\nPiazza Maggiore, ore 15:00\n",
            title="Presidio",
        )
    )
    assert [(e.city, e.day, e.starts, e.venue) for e in events] == [
        ("Bologna", date(2027, 10, 10), T(15), "Piazza Maggiore")
    ]


def test_a_place_or_an_hour_said_to_be_announced_later_is_none():
    events = events_of(
        page_with(
            "### เชียงใหม่\n- สถานที่: ประตูท่าแพ\n- เวลา: 15.30 น.\n\n"
            "### ขอนแก่น\n- สถานที่: รอยืนยัน\n- เวลา: รอยืนยัน\n",
            title="รวมพลัง – 20 พฤศจิกายน 2570",
        )
    )
    assert [(e.city, e.starts, e.venue) for e in events] == [
        ("Chiang Mai", T(15, 30), "ประตูท่าแพ"),
        ("Khon Kaen", None, ""),
    ]


def test_a_city_named_first_takes_the_country_of_the_list_s_other_places():
    events = events_of(
        page_with(
            "- **Valencia** — Plaza del Ayuntamiento, 12:00\n- **Alicante** — Luceros, 12:00\n"
            "- **Murcia** — Plaza Circular, 11:30\n",
            title="Marchas – 17 de octubre de 2027",
        )
    )
    assert [(e.city, e.country, e.timezone) for e in events][0] == (
        "Valencia",
        "ES",
        "Europe/Madrid",
    )


def test_signup_words_of_lithuanian_and_the_south_slavic_languages_point_at_the_link():
    events = events_of(
        page_with(
            "- **Vilnius** — Katedros aikštė, 14 val. — registracija [čia](https://forms.gle/V)\n"
            "- **Kaunas** — Rotušės aikštė, 15 val. — [Facebook](https://www.facebook.com/x)\n"
            "- **Ljubljana** — Kongresni trg, 11:00 — prijave [tukaj](https://forms.gle/L)\n",
            title="Eitynės – 2027 m. rugsėjo 25 d.",
        )
    )
    assert [e.signup_url for e in events if e.city in {"Vilnius", "Ljubljana"}] == [
        "https://forms.gle/V",
        "https://forms.gle/L",
    ]


# --- the rules of the new parsing functions ----------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "part", "clock"),
    [
        (1, "asubuhi", 7),
        (6, "asubuhi", 12),
        (12, "asubuhi", 6),
        (6, "mchana", 12),
        (9, "mchana", 15),
        (10, "jioni", 16),
        (1, "jioni", 19),
        (5, "usiku", 23),
        (6, "usiku", 0),
        (7, "usiku", 1),
    ],
)
def test_swahili_hours_are_counted_from_dawn(hour, part, clock):
    assert swahili_hour(hour, part) == clock


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-3, max_value=30),
    st.sampled_from(["asubuhi", "mchana", "jioni", "usiku", "alasiri", "kesho"]),
)
def test_a_swahili_hour_is_a_clock_s_hour_or_none(hour, part):
    clock = swahili_hour(hour, part)
    assert clock is None or 0 <= clock <= 23
    assert clock is None or 1 <= hour <= 12


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("saalsngSACHuriobv.: -1234567890čч()")), max_size=40))
def test_spoken_clocks_never_break_on_any_text(text):
    written = spoken_clocks_as_digits(text)
    assert isinstance(written, str)
    find_times(text)
    strip_times(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_removing_local_time_notes_keeps_every_other_word(text):
    kept = without_local_time_notes(text)
    assert re.search(r"(?<!\w)local time(?!\w)", kept, re.I) is None
    if "(" not in text and ")" not in text:
        assert set(kept.split()) <= set(text.split())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["", "4", "12 Praha", "**3** Brno, 17:30", "x", "31 Ostrava"]),
            max_size=8,
        ),
        max_size=6,
    ),
    st.sampled_from(
        [
            ["Po", "Út", "St", "Čt", "Pá", "So", "Ne"],
            ["Mon", "Tue", "Wed", "Thu", "Fri"],
            ["City", "Venue"],
            ["Po", "Út"],
        ]
    ),
)
def test_a_month_grid_is_read_only_under_a_row_of_weekdays_in_order(body, header):
    rows = [(1, [(name, []) for name in header])] + [
        (n + 2, [(cell, []) for cell in row]) for n, row in enumerate(body)
    ]
    items = month_grid_items(rows, None)
    if len(header) < 5:
        assert items == []
    for item in items:
        assert isinstance(item, Block)
        assert item.text.split(" ", 1)[0] in header


LITHUANIAN_MONTHS = [
    "sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio",
    "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.booleans())
def test_any_day_written_year_first_is_that_day(day, with_letters):
    month = LITHUANIAN_MONTHS[day.month - 1]
    text = (
        f"{day.year} m. {month} {day.day} d." if with_letters else f"{day.year}. {month} {day.day}."
    )
    (mention,) = find_dates(text)
    assert mention.window(1999) == (day, day)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("2027 m.d.birželio14xyz")), max_size=30))
def test_year_first_reordering_never_breaks_on_any_text(text):
    assert year_first_reordered(text, None).count(" ") >= 0
    find_dates(text)


def test_weekdays_out_of_their_order_make_no_month_grid():
    header = [(name, []) for name in ["Pá", "Po", "Út", "St", "Čt"]]
    assert month_grid_items([(1, header), (2, [("4 Praha", [])] * 5)], "cs") == []


def test_weekdays_are_named_in_full_or_short_and_short_ones_only_in_their_language_when_asked():
    assert weekdays_named("Pá", "cs") == {4}
    assert weekdays_named("so", None) == {5, 6}  # Czech Saturday, German Sunday
    assert weekdays_named("to", "en", short_in_any=False) == set()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "●&nbsp;&nbsp;**Cleveland, OH** \\- Public Square, 12 p.m.",
                "- **Nairobi** — Uhuru Park, saa 3 asubuhi",
                "| Po | Út | St | Čt | Pá |\n|---|---|---|---|---|\n| 1 | 2 | 3 **Brno** | 4 | 5 |",
                "<article><h3>Medan</h3><p>5 Juni @ 07:00 - 10:00</p></article>"
                "<article><h3>Bandung</h3><p>6 Juni</p></article>",
                "### Київ\n- Перша зміна: 10:00–12:00\n- Друга зміна: 18:00–20:00",
                "2027 m. rugsėjo 25 d.",
                "- **Beograd** — u 18 časova (lokalno)",
                "# Title\n\nSabado, Hunyo 19, 2027 — alas-3 ng hapon",
            ]
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_page_of_random_pieces_of_these_shapes_never_breaks_the_reader(pieces):
    assert_reads_soundly("\n\n".join(pieces))
