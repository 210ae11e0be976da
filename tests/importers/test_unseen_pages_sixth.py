"""A sixth set of protest pages of movements nobody here has read, in the shapes the world
produces and the earlier sets lack.

`fixtures/unseen6/` holds 17 pages in Brazilian Portuguese, Romanian, Czech, Swedish, Danish,
Catalan, Indonesian, Vietnamese, Thai, Hindi, Swahili, Persian, Hebrew, English (US and UK),
German and Dutch: exports of WordPress (Gutenberg block comments), Google Docs (nested spans,
smart quotes, google.com/url?q= redirects), Notion, Squarespace, Wix and Elementor; cities as
headings under one date; a table whose column header holds the time; two protest days, one
held already; "Sat 14th" under a month heading; links wrapped in l.facebook.com redirects; an
RTL page with Latin city names and Persian digits; Thai Buddhist-era years; Hindi clocks;
"Online / everywhere" entries that are no city; postcodes before and after the city.
`expected.yaml` lists what a careful person imports from each.
"""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import assert_reads_soundly, events_of, page_with
from tests.importers.unseen_sets import UnseenSet
from turnout.importers.dates import find_dates
from turnout.importers.page_blocks import Link
from turnout.importers.page_language import guess_language
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import TimeSpan, find_times, strip_times

UNSEEN = UnseenSet("unseen6")
read = UNSEEN.read


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_sixth_unseen_set():
    UNSEEN.assert_recovered("sixth unseen set", at_least_pages=17)


# --- focused tests, one per gap ----------------------------------------------------------------

T = time


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        (
            "https://www.google.com/url?q=https://lu.ma/x&sa=D&source=editors&ust=1&usg=AOv",
            "https://lu.ma/x",
        ),
        ("https://google.com/url?url=https://lu.ma/y&sa=D", "https://lu.ma/y"),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Flu.ma%2Fz%3Ffbclid%3DIw&h=AT0",
            "https://lu.ma/z",
        ),
        ("https://lm.facebook.com/l.php?u=https%3A%2F%2Ft.me%2Fgroup&h=AT1", "https://t.me/group"),
        (
            "https://www.google.com/url?q=javascript:alert(1)",
            "https://www.google.com/url?q=javascript:alert(1)",
        ),
        (
            "https://www.google.com/search?q=https://lu.ma/x",
            "https://www.google.com/search?q=https://lu.ma/x",
        ),
    ],
)
def test_a_link_wrapped_in_a_redirect_is_the_page_it_leads_to(written, meant):
    assert Link("x", written).url == meant


def test_html_layout_divs_with_a_heading_above_cards_of_cities():
    events = events_of(
        page_with(
            '<div class="sqs-block"><div class="sqs-block-content">\n'
            "<h2>Lørdag den 8. maj 2027 cykler vi</h2>\n<p>Tag cyklen med.</p>\n"
            "<h3>København</h3>\n<p>Rådhuspladsen<br>kl. 11.00</p>\n"
            "<h3>Odense</h3>\n<p>Flakhaven<br>kl. 10.30–12.00</p>\n</div></div>",
            title="Cykeldemo",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts, e.ends) for e in events] == [
        ("Copenhagen", date(2027, 5, 8), "Rådhuspladsen", T(11), None),
        ("Odense", date(2027, 5, 8), "Flakhaven", T(10, 30), T(12)),
    ]


def test_a_paragraph_that_is_only_a_name_in_bold_opens_a_card_as_a_heading_does():
    events = events_of(
        page_with(
            '<div><p class="font_8"><span style="font-weight:bold;">Hà Nội</span></p>\n'
            "<p><span>Tập trung tại Vườn hoa Lý Thái Tổ, lúc 6h30</span></p>\n"
            '<p><span style="font-weight:bold;">Đà Nẵng</span></p>\n'
            "<p><span>Tập trung tại Công viên Biển Đông, từ 6h00 đến 8h00</span></p></div>",
            title="Đạp xe ngày 6 tháng 6 năm 2027",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts, e.ends) for e in events] == [
        ("Hanoi", date(2027, 6, 6), "Vườn hoa Lý Thái Tổ", T(6, 30), None),
        ("Da Nang", date(2027, 6, 6), "Công viên Biển Đông", T(6), T(8)),
    ]


def test_an_html_list_after_a_paragraph_and_a_heading_in_one_block_is_a_list():
    events = events_of(
        page_with(
            '<p><span>El </span><span class="c5">dissabte 8 de maig de 2027</span></p>\n'
            '<h2 id="h.x"><span>On ens trobem</span></h2>\n<ul class="c9">\n'
            "<li><span>Girona</span><span> – plaça del Vi, a les 11.30 h</span></li>\n"
            "<li><span>Lleida</span><span> – plaça de Sant Joan, de 18 a 20 h</span></li>\n</ul>",
            title="Mobilització",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts) for e in events] == [
        ("Girona", date(2027, 5, 8), "plaça del Vi", T(11, 30)),
        ("Lleida", date(2027, 5, 8), "plaça de Sant Joan", T(18)),
    ]


@pytest.mark.parametrize(
    ("bullet", "city", "country", "venue"),
    [
        ("Bundesplatz, 3011 Bern – 14:00 Uhr", "Bern", "CH", "Bundesplatz"),
        ("Heldenplatz, 1010 Wien – 15:00 Uhr", "Vienna", "AT", "Heldenplatz"),
        ("Malieveld, 2514 JA Den Haag – 13:00", "The Hague", "NL", "Malieveld"),
        ("Victoria Square, Birmingham B1 1BD – 11am", "Birmingham", "GB", "Victoria Square"),
        ("St Peter's Square, Manchester M2 5PD – 12 noon", "Manchester", "GB", "St Peter's Square"),
    ],
)
def test_a_bullet_written_as_an_address_with_its_postcode_names_the_city_and_venue(
    bullet, city, country, venue
):
    (event,) = events_of(page_with(f"## Meeting points\n\n- {bullet}"))
    assert (event.city, event.country, event.venue) == (city, country, venue)


def test_a_month_heading_gives_its_month_to_the_weekdays_and_days_under_it():
    events = events_of(
        "---\ntitle: Summer rides\ndate: 2027-07-20\n---\n\n## August 2027\n\n"
        "**Sat 14th — Philadelphia**\nCity Hall, 11am.\n\n**Sat 21st — Pittsburgh**\n"
        "Market Square, noon.\n\n## September 2027\n\n**Sat 4th — Baltimore**\n"
        "McKeldin Plaza, 10:30am.\n\n**Sun 4th — Boston**\nCommon, 1pm.\n"
    )
    assert [(e.city, e.day, e.venue, e.starts) for e in events] == [
        ("Philadelphia", date(2027, 8, 14), "City Hall", T(11)),
        ("Pittsburgh", date(2027, 8, 21), "Market Square", T(12)),
        ("Baltimore", date(2027, 9, 4), "McKeldin Plaza", T(10, 30)),
    ]  # "Sun 4th" is no Sunday of September 2027: not a day, and Boston has none


@pytest.mark.parametrize(
    ("written", "span"),
    [
        ("जंतर मंतर, शाम 5 बजे", TimeSpan(T(17))),
        ("सुबह 10 बजे", TimeSpan(T(10))),
        ("शाम 4 बजे से 6 बजे तक", TimeSpan(T(16), T(18))),
        ("रात 8 बजे ज़ूम पर", TimeSpan(T(20))),
        ("सुबह 8:30 बजे", TimeSpan(T(8, 30))),
        ("ลานคนเมือง เวลา 16.00 น.", TimeSpan(T(16))),
        ("เวลา 08.00–10.00 น.", TimeSpan(T(8), T(10))),
        ("từ 6h00 đến 8h00", TimeSpan(T(6), T(8))),
        ("Mynttorget، ساعت ۱۳:۰۰ تا ۱۵:۰۰", TimeSpan(T(13), T(15))),
    ],
)
def test_hindi_thai_vietnamese_and_persian_clocks(written, span):
    assert find_times(written) == span
    assert not find_times(strip_times(written))


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("วันเสาร์ที่ 5 มิถุนายน 2570", date(2027, 6, 5)),
        ("रविवार, 13 जून 2027 को", date(2027, 6, 13)),
        ("ביום שבת, 26 ביוני 2027", date(2027, 6, 26)),
        ("Chủ nhật, ngày 6 tháng 6 năm 2027", date(2027, 6, 6)),
        ("شنبه ۱۹ ژوئن ۲۰۲۷", date(2027, 6, 19)),
    ],
)
def test_thai_buddhist_years_hebrew_prefixed_months_and_vietnamese_month_numbers(written, day):
    (mention,) = find_dates(written)
    assert mention.window(2026) == (day, day)


def test_a_square_named_after_a_day_is_no_day():
    assert find_dates("Tập trung tại Công viên 30/4, lúc 6h00") == []


@pytest.mark.parametrize(
    "body",
    [
        "## कहाँ और कब\n\n- **जयपुर** – स्टैच्यू सर्किल, सुबह 8:30 बजे\n"
        "- **ऑनलाइन / हर जगह** – रात 8 बजे ज़ूम पर: https://us06web.zoom.us/j/845",
        "### Kenya\n\n- **Nairobi** – Uhuru Park, 10:00\n\n### Mtandaoni / kila mahali\n\n"
        "Jiunge nasi kwenye Zoom saa 20:00: https://us02web.zoom.us/j/877",
    ],
)
def test_an_online_entry_or_heading_is_an_online_event_not_a_city(body):
    _city, online = events_of(page_with(body, title="Action 13 June 2027"))
    assert (online.is_online, online.city, online.starts) == (True, "", T(20))


def test_a_time_in_a_tables_column_header_is_every_rows():
    events = events_of(
        page_with(
            "| Stad | Plats (samling kl. 12.00) |\n|---|---|\n| Stockholm | Sergels torg |\n"
            "| Uppsala | Stora torget |",
            title="Manifestation 17 april 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Stockholm", "Sergels torg", T(12)),
        ("Uppsala", "Stora torget", T(12)),
    ]


def test_labels_in_romanian_indonesian_and_dutch_name_the_venue_and_time():
    events = events_of(
        page_with(
            "**Duminică, 23 mai 2027**\n\n## București\n\nLoc: Piața Victoriei\nOra: 17:00\n\n"
            "## Cluj-Napoca\n\nLoc: Piața Unirii\nOra: 18:00",
            title="Marș",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Bucharest", "Piața Victoriei", T(17)),
        ("Cluj-Napoca", "Piața Unirii", T(18)),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("روز شنبه در شهرهای زیر گرد هم می‌آییم https://www.facebook.com/events/1 Berlin", "fa"),
        ("نلتقي يوم السبت في الساحة الرئيسية https://lu.ma/x", "ar"),
        ("हम देश के कई शहरों में एक साथ सड़कों पर उतरेंगे https://lu.ma/x", "hi"),
        ("เราจะเดินรณรงค์พร้อมกันใน 4 จังหวัด https://lu.ma/x", "th"),
    ],
)
def test_the_language_of_a_page_in_arabic_persian_devanagari_or_thai_script(text, language):
    assert guess_language(text) == language


# --- properties: arbitrary text around the new words never breaks the reader --------------------

WORDS = [
    "https://www.google.com/url?q=",
    "https://l.facebook.com/l.php?u=",
    "%3A%2F%2F",
    "शाम 5 बजे",
    "बजे से",
    "เวลา 16.00 น.",
    "2570",
    "ביוני",
    "ngày 6 tháng 6 năm 2027",
    "từ 6h00 đến",
    "۱۳:۰۰ تا",
    "3011 Bern",
    "Birmingham B1 1BD",
    "## August 2027",
    "**Sat 14th — Leeds**",
    "### Online / everywhere",
    "Loc:",
    "Verzamelen:",
    "<h3>Oslo</h3><p>",
    '<p><span style="font-weight:bold">Hà Nội</span></p>',
    "<ul><li>",
]
AROUND = st.lists(
    st.sampled_from([*"ab –-:/.,0123456789|\n", "<p>", "</li>", "**", "## ", "(", ")"]),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(AROUND, st.sampled_from(WORDS), AROUND), min_size=1, max_size=6))
def test_any_text_around_the_sixth_sets_words_never_breaks_the_reader(pieces):
    line = "".join(before + word + after for before, word, after in pieces)
    find_times(line)
    strip_times(line)
    find_dates(line)
    guess_language(line)
    Link("x", line)
    card = f"<div><h3>{line}</h3><p>{line}</p></div>"
    body = f"## Treffpunkte\n\n- {line}\n- Leeds – {line}\n\n{line}\n\n{card}"
    assert_reads_soundly(body)


@pytest.mark.parametrize(
    "link",
    [
        "https://line.me/ti/g2/CleanAirTH2027",
        "https://join.slack.com/t/safestreets/shared_invite/zt-2abc9x",
    ],
)
def test_a_line_openchat_or_slack_invite_is_the_coordination_chat(link):
    page = page_with(f"- Amsterdam, 14:00, Dam\n\nQuestions? Join our [chat]({link}).")
    (campaign,) = read_markdown_page(page, name="p.md").campaigns
    assert campaign.coordination_url == link
