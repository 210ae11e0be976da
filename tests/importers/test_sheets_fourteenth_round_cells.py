"""Events sheets as organizers keep them, a fourteenth round (all written here): group labels
and notes above the header, headers in Greek, Finnish, Korean, Ukrainian, Turkish,
Indonesian and Hebrew, days written without their year under a title that names it ("15/05",
"Sat 15 May", "5월 15일"), a weekday that is not the date's, several days for one city in one
cell, a camp's window of days, times as "2pm-4pm", "14u", "14h00", "kl. 14", a flag before
the city, rows marked "CANCELLED" or crossed out, a total row at the bottom, Excel's serial
numbers, "Unicode text" (UTF-16 and tabs), decimal commas, a Meetup-like export and slash dates
in the order the sheet shows.

What a careful organizer would import: exactly that, nothing invented; a row that cannot be
read is refused with its reason."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.campaigns.models import LocalEvent
from turnout.importers.sheet_days import cell_days
from turnout.importers.sheet_marks import is_total_row, marked_status
from turnout.importers.sheet_rows import RowRejected
from turnout.web.spreadsheets import decode_sheet

from .sheet_rounds import at, when
from .sheet_rounds import read_sheet as read

pytestmark = pytest.mark.django_db


# --- above the header ------------------------------------------------------------------------


def test_group_labels_over_the_header_are_named_and_not_read():
    rows, rejected, warnings = read(
        "Where,,When,,\n"
        "City,Country,Date,Start,End\n"
        "Leeds,GB,2027-05-15,14:00,16:00\n"
        "York,GB,2027-05-15,15:00,16:30\n"
    )
    assert when(rows) == [("Leeds", at(15, 14), at(15, 16)), ("York", at(15, 15), at(15, 16, 30))]
    assert rejected == {}
    assert warnings == ["1: row 1 is above the header and is not read: “Where”, “When”"]


def test_notes_above_the_header_are_named_and_not_read():
    rows, rejected, warnings = read(
        "Please don't edit above this line;;;\n"
        "Questions? Ask the events team before adding a city;;;\n"
        ";;;\n"
        "Stad;Land;Datum;Tijd\n"
        "Utrecht;NL;15-05-2027;14:00\n"
    )
    assert when(rows) == [("Utrecht", at(15, 14), at(15, 16))]
    assert rejected == {}
    assert warnings == [
        "1: row 1 is above the header and is not read: “Please don't edit above this line”",
        "2: row 2 is above the header and is not read: “Questions? Ask the events team before "
        "adding a city”",
    ]


# --- headers and cells in the teams' languages ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "sheet", "expected"),
    [
        (
            "el",
            "Πόλη,Χώρα,Ημερομηνία,Ώρα,Σημείο συνάντησης\n"
            "Θεσσαλονίκη,Ελλάδα,Σάββατο 15 Μαΐου 2027,18:00,Λευκός Πύργος\n",
            ("Thessaloniki", "GR", at(15, 18), at(15, 20), "Λευκός Πύργος"),
        ),
        (
            "fi",
            "Kaupunki;Maa;Päivämäärä;Kellonaika;Paikka\n"
            "Tampere;Suomi;la 15.5.2027;klo 14–16;Keskustori\n",
            ("Tampere", "FI", at(15, 14), at(15, 16), "Keskustori"),
        ),
        (
            "ko",
            "도시,나라,일시,장소\n부산,대한민국,2027년 5월 15일 오후 2시,서면\n",
            ("Busan", "KR", at(15, 14), at(15, 16), "서면"),
        ),
        (
            "uk",
            "Місто,Країна,Дата,Початок,Кінець,Місце збору\n"
            "Львів,Україна,15 травня 2027,14:00,15:30,площа Ринок\n",
            ("Lviv", "UA", at(15, 14), at(15, 15, 30), "площа Ринок"),
        ),
        (
            "tr",
            "Şehir;Ülke;Tarih;Saat;Buluşma noktası\n"
            "İzmir;Türkiye;15 Mayıs 2027 Cumartesi;14.00;Gündoğdu\n",
            ("İzmir", "TR", at(15, 14), at(15, 16), "Gündoğdu"),
        ),
        (
            "id",
            "Kota,Negara,Tanggal,Jam,Lokasi\n"
            "Bandung,Indonesia,Sabtu 15 Mei 2027,14.00,Gedung Sate\n",
            ("Bandung", "ID", at(15, 14), at(15, 16), "Gedung Sate"),
        ),
        (
            "he",  # right-to-left headers, each opened by a right-to-left mark as Excel saves them
            "\u200fעיר,\u200fמדינה,\u200fתאריך,\u200fשעה,\u200fמקום מפגש\n"
            "ירושלים,ישראל,15 במאי 2027,18:00,גן הפעמון\n",
            ("Jerusalem", "IL", at(15, 18), at(15, 20), "גן הפעמון"),
        ),
    ],
)
def test_a_sheet_in_the_teams_language_is_read_as_they_wrote_it(language, sheet, expected):
    rows, rejected, warnings = read(sheet, language)
    assert (rejected, warnings) == ({}, [])
    (row,) = rows
    city, country, starts, ends, venue = expected
    assert (row.record.city, row.record.country, row.record.venue) == (city, country, venue)
    assert when(rows) == [(city, starts, ends)]


# --- days ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "language", "starts"),
    [
        ("May vigils 2027,,,\nCity,Country,Date,Time\nLeeds,GB,15/05,18:00\n", None, at(15, 18)),
        (
            "Rally day(s) 2027,,,\nCity,Country,Date,Time\nLeeds,GB,Sat 15 May,2pm\n",
            None,
            at(15, 14),
        ),
        (
            "Actions 2027,,,\nCity,Country,Date,Time\nLeeds,GB,Sat 15 May 14:30,\n",
            None,
            at(15, 14, 30),
        ),
        ("2027 기후 행동,,,\n도시,나라,날짜,시간\n서울,KR,5월 15일,14시\n", "ko", at(15, 14)),
        (
            "Ilmastomarssi 2027;;;\nKaupunki;Maa;Pvm;Aika\nOulu;FI;la 15.5.;klo 14\n",
            "fi",
            at(15, 14),
        ),
    ],
)
def test_a_day_without_its_year_takes_the_year_of_the_title(sheet, language, starts):
    rows, rejected, warnings = read(sheet, language)
    assert rejected == {}
    assert [row.record.starts_at.replace(tzinfo=None) for row in rows] == [starts]
    assert warnings[-1].startswith("3: “")
    assert warnings[-1].endswith("” gives no year; it is read in 2027, the year above the header")


@pytest.mark.parametrize(
    "above",
    [
        "",  # no title at all
        "Vigils 2026/2027,,,\n",  # two years: which?
        "Last updated 3 March 2027,,,\n",  # the sheet's date, not the events'
    ],
)
def test_a_day_without_its_year_and_no_title_year_is_refused(above):
    rows, rejected, _ = read(f"{above}City,Country,Date,Time\nLeeds,GB,Sat 15 May,18:00\n")
    assert rows == []
    assert list(rejected.values()) == [
        "“Sat 15 May” gives no year, and no title above the header names one; write the year "
        "in the cell or in the sheet's title"
    ]


def test_a_weekday_that_is_not_the_dates_is_refused_not_guessed():
    rows, rejected, _ = read(
        "City,Country,Date,Time\nLeeds,GB,Fri 15 May 2027,18:00\nYork,GB,Sat 15 May 2027,18:00\n"
    )
    assert [row.record.city for row in rows] == ["York"]
    assert rejected == {
        2: "“Fri 15 May 2027” says Friday, but 2027-05-15 is a Saturday; correct the day or "
        "the date"
    }


@pytest.mark.parametrize(
    ("cell", "above"),
    [
        ("15 May, 22 May", "Vigils 2027,,,\n"),
        ("15 & 22 May 2027", ""),
        ("15th & 22nd May", "Vigils 2027,,,\n"),
        ("15 and 22 May 2027", ""),
        ("15 May 2027, 22 May 2027", ""),
        ("15.5.2027, 22.5.2027", ""),
    ],
)
def test_several_days_in_one_cell_give_one_event_each(cell, above):
    rows, rejected, warnings = read(f'{above}City,Country,Dates,Time\nBristol,GB,"{cell}",18:00\n')
    assert rejected == {}
    assert when(rows) == [
        ("Bristol", at(15, 18), at(15, 20)),
        ("Bristol", at(22, 18), at(22, 20)),
    ]
    assert (
        warnings[-1] == f"{rows[0].number}: “{cell}” names 2 days: one event is imported for each"
    )
    assert rows[1].notes == []  # said once for the row


def test_several_days_among_other_words_are_refused():
    rows, rejected, _ = read(
        'City,Country,Date,Time\nBristol,GB,"15 May 2027, rain date 22 May 2027",18:00\n'
    )
    assert rows == []
    assert rejected == {
        2: "“15 May 2027, rain date 22 May 2027” names several days among other words; give "
        "each day its own row"
    }


def test_several_days_for_a_campaigns_city_are_refused():
    CampaignFactory(slug="may")
    rows, rejected, _ = read('Campaign,City,Country,Date\nmay,Bristol,GB,"15 May, 22 May 2027"\n')
    assert rows == []
    assert rejected == {
        2: "the date names several days, and a campaign holds one event per city; keep one day "
        "in the row"
    }


def test_a_window_of_days_is_one_event_until_its_last_day():
    rows, rejected, _ = read("City,Country,Date,Start\nBerlin,DE,15–17 May 2027,10:00\n")
    assert rejected == {}
    assert when(rows) == [("Berlin", at(15, 10), at(17, 23, 59))]  # a camp's last day, whole


@pytest.mark.parametrize(
    ("country", "city", "cell", "starts", "ends"),
    [
        ("GB", "Leeds", "2pm-4pm", at(15, 14), at(15, 16)),
        ("GB", "Leeds", "2 pm – 4:30 pm", at(15, 14), at(15, 16, 30)),
        ("BE", "Ghent", "14u", at(15, 14), at(15, 16)),
        ("FR", "Lyon", "14h00", at(15, 14), at(15, 16)),
        ("FR", "Lyon", "14h00-16h30", at(15, 14), at(15, 16, 30)),
        ("SE", "Stockholm", "kl. 14", at(15, 14), at(15, 16)),
        ("NO", "Bergen", "kl. 14.30", at(15, 14, 30), at(15, 16, 30)),
    ],
)
def test_a_time_as_the_team_wrote_it(country, city, cell, starts, ends):
    rows, rejected, warnings = read(f"City,Country,Date,Time\n{city},{country},2027-05-15,{cell}\n")
    assert (rejected, warnings) == ({}, [])
    assert when(rows) == [(city, starts, ends)]


# --- places ----------------------------------------------------------------------------------


def test_a_flag_before_the_city_names_its_country():
    rows, rejected, _ = read(
        "City,Date,Time\n"
        "🇩🇪 Berlin,2027-05-15,14:00\n"
        "🇵🇹 Porto,2027-05-15,15:00\n"
        "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f Cardiff,2027-05-15,14:00\n"
        "Valencia,2027-05-15,18:00\n"
    )
    assert [(row.record.city, row.record.country) for row in rows] == [
        ("Berlin", "DE"),
        ("Porto", "PT"),
        ("Cardiff", "GB"),
    ]
    assert rejected == {
        5: "the sheet has no country column and “Valencia” names no country; write it as "
        "“Valencia, Country” or add a country column"
    }


def test_a_flag_that_is_not_the_rows_country_is_refused():
    rows, rejected, _ = read(
        "City,Country,Date,Time\n🇩🇪 Berlin,DE,2027-05-15,14:00\n🇫🇷 Berlin,DE,2027-05-15,15:00\n"
    )
    assert [(row.record.city, row.record.country) for row in rows] == [("Berlin", "DE")]
    assert rejected == {3: "the flag before “Berlin” is that of FR, but the country is DE"}


# --- rows that are no event as they stand ------------------------------------------------------


def test_rows_marked_cancelled_or_crossed_out_are_imported_as_such():
    rows, rejected, warnings = read(
        "City,Country,Date,Time,Title,Notes\n"
        "Berlin,DE,2027-05-15,14:00,Cancelled futures: a teach-in,\n"
        "CANCELLED – Munich,DE,2027-05-15,14:00,,\n"
        "Köln (abgesagt),DE,2027-05-15,14:00,,\n"
        "~~Leeds~~,GB,2027-05-15,14:00,,\n"
        "B\u0336a\u0336t\u0336h\u0336,GB,2027-05-15,14:00,,\n"
        "Hamburg,DE,2027-05-15,14:00,,CANCELLED\n"
        "York (postponed),GB,2027-05-15,14:00,,\n"
        "Dresden – cancelled due to the storm,DE,2027-05-15,14:00,Teach-in: cancelled futures,\n"
    )
    assert rejected == {}
    assert [(row.record.city, row.status, row.title, row.description) for row in rows] == [
        ("Berlin", LocalEvent.Status.APPROVED, "Cancelled futures: a teach-in", ""),
        ("Munich", LocalEvent.Status.CANCELLED, "", ""),
        ("Cologne", LocalEvent.Status.CANCELLED, "", ""),
        ("Leeds", LocalEvent.Status.CANCELLED, "", ""),
        ("Bath", LocalEvent.Status.CANCELLED, "", ""),
        ("Hamburg", LocalEvent.Status.CANCELLED, "", ""),
        ("York", LocalEvent.Status.DETAILS_TBA, "", ""),
        ("Dresden", LocalEvent.Status.CANCELLED, "Teach-in: cancelled futures", ""),
    ]
    assert (
        warnings[0]
        == "3: the row is marked “CANCELLED”; it is imported with the status “Cancelled”"
    )
    assert warnings[-2:] == [
        "8: the row is marked “(postponed)”; it is imported with the status “Details to be "
        "announced”",
        "9: the row is marked “cancelled due to the storm”; it is imported with the status "
        "“Cancelled”",
    ]


def test_a_mark_that_the_status_column_contradicts_is_refused():
    rows, rejected, _ = read(
        "City,Country,Date,Time,Status\n"
        "CANCELLED: Leeds,GB,2027-05-15,14:00,Confirmed\n"
        "CANCELLED: York,GB,2027-05-15,14:00,Cancelled\n"
    )
    assert [(row.record.city, row.status) for row in rows] == [("York", "cancelled")]
    assert rejected == {
        2: "the row is marked “CANCELLED”, but its status is “Confirmed”; say which it is"
    }


@pytest.mark.parametrize(
    "total",
    [
        "Total: 2 cities,,,",
        "Total,2,,",
        "TOTAL,2 cities,1 country,",
        "Σύνολο,2,,",
        "Yhteensä: 2 kaupunkia,,,",
        "합계,2,,",
        "Toplam,2 şehir,,",
        "Jumlah,2 kota,,",
        "סה״כ,2,,",
        "Всього,2,,",
        "Summe,=2,,",
    ],
)
def test_a_total_row_at_the_bottom_is_no_event(total):
    rows, rejected, warnings = read(
        f"City,Country,Date,Time\nLeeds,GB,2027-05-15,14:00\nYork,GB,2027-05-15,15:00\n{total}\n"
    )
    assert [row.record.city for row in rows] == ["Leeds", "York"]
    assert rejected == {}
    assert len(warnings) == 1 and warnings[0].startswith("4: row 4 is a total (")


def test_an_event_whose_title_begins_with_total_is_an_event():
    rows, rejected, _ = read("Title,City,Country,Date\nTotal Eclipse Rally,Leeds,GB,2027-05-15\n")
    assert [(row.title, row.record.city) for row in rows] == [("Total Eclipse Rally", "Leeds")]
    assert rejected == {}


# --- what other programs save ------------------------------------------------------------------


def test_excel_serial_numbers_in_a_csv_are_days_and_times():
    rows, rejected, _ = read(
        "City,Country,Date,Start\nCork,IE,46522,0.5833333333\nGalway,IE,46522.625,\nSligo,IE,99,\n"
    )
    assert when(rows) == [("Cork", at(15, 14), at(15, 16)), ("Galway", at(15, 15), at(15, 17))]
    assert rejected == {4: "“99” is not a date such as 2025-05-13"}


def test_excel_unicode_text_is_utf16_with_a_byte_order_mark_and_tabs():
    sheet = (
        "Aktionen im Mai\t\t\t\t\n"  # a title, which defeats the csv sniffer
        "Stadt\tLand\tDatum\tBeginn\tTreffpunkt\n"
        "München\tDeutschland\t15.05.2027\t14:00\tKönigsplatz\n"
    )
    data = sheet.encode("utf-16")  # with its byte order mark, as Excel saves "Unicode text"
    assert data[:2] == b"\xff\xfe"
    rows, rejected, warnings = read(decode_sheet(data))
    assert rejected == {}
    assert warnings == ["1: row 1 is above the header and is not read: “Aktionen im Mai”"]
    assert [(row.record.city, row.record.venue) for row in rows] == [("Munich", "Königsplatz")]


def test_a_semicolon_sheet_with_decimal_commas_in_its_coordinates():
    rows, rejected, _ = read(
        "Stadt;Land;Datum;Uhrzeit;Breitengrad;Längengrad\n"
        "Berlin;DE;15.05.2027;14:00;52,5163;13,3777\n"
        "Hamburg;DE;15.05.2027;14:00;53,55,1;9,99\n"
    )
    assert [(r.record.city, r.record.latitude, r.record.longitude) for r in rows] == [
        ("Berlin", 52.5163, 13.3777)
    ]
    assert rejected == {3: "the latitude “53,55,1” is not a number"}


def test_a_meetup_like_export_with_its_lower_case_country_codes():
    rows, rejected, warnings = read(
        "Title,Date,Time,Venue Name,Address,City,State,Country,Link,RSVPs,Waitlist\n"
        "Climate café,2027-05-20,7:00 PM,De Roode Bioscoop,Haarlemmerplein 7,Amsterdam,,nl,"
        "https://www.meetup.com/example/events/300000002/,23,0\n"
        "Letter writing night,2027-05-21,6:30 PM,Library,400 S State St,Chicago,IL,us,"
        "https://www.meetup.com/example/events/300000003/,12,0\n"
    )
    assert rejected == {}
    assert [(r.title, r.record.city, r.record.country, r.record.platform) for r in rows] == [
        ("Climate café", "Amsterdam", "NL", "meetup"),
        ("Letter writing night", "Chicago", "US", "meetup"),
    ]
    assert when(rows) == [
        ("Amsterdam", at(20, 19), at(20, 21)),
        ("Chicago", at(21, 18, 30), at(21, 20, 30)),
    ]
    assert warnings == [
        "1: column “RSVPs” is not one the importer reads",
        "1: column “Waitlist” is not one the importer reads",
    ]


@pytest.mark.parametrize(
    ("rows_of_the_sheet", "expected"),
    [
        # The sheet shows the month first ("05/15"): "05/06" is 6 May.
        ("Chicago,US,05/15/2027\nBoston,US,05/06/2027\n", [date(2027, 5, 15), date(2027, 5, 6)]),
        # Nothing shows the order: a US city's date is read month first...
        ("Boston,US,05/06/2027\n", [date(2027, 5, 6)]),
        # ...any other city's day first...
        ("Berlin,DE,05/06/2027\n", [date(2027, 6, 5)]),
        # ...unless the sheet shows otherwise.
        ("Berlin,DE,15/05/2027\nBoston,US,05/06/2027\n", [date(2027, 5, 15), date(2027, 6, 5)]),
    ],
)
def test_slash_dates_are_read_in_the_order_the_sheet_shows(rows_of_the_sheet, expected):
    rows, rejected, _ = read(f"City,Country,Date\n{rows_of_the_sheet}")
    assert rejected == {}
    assert [row.record.day for row in rows] == expected


def test_open_24_7_in_a_note_shows_no_order_of_the_sheets_dates():
    rows, _, _ = read("City,Country,Date,Notes\nBoston,US,05/06/2027,Hotline open 24/7\n")
    assert [row.record.day for row in rows] == [date(2027, 5, 6)]


# --- properties ----------------------------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)),
    shape=st.sampled_from(["{d}/{m:02d}", "{d} {month}", "{wd} {d} {month}", "{month} {d}"]),
)
def test_a_day_without_its_year_is_that_day_of_the_titles_year(day, shape):
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    cell = shape.format(d=day.day, m=day.month, month=MONTHS[day.month - 1], wd=weekday)
    read_days = cell_days(cell, None, title_year=day.year)
    assert (read_days.spans, read_days.has_title_year) == ([(day, day)], True)
    with pytest.raises(RowRejected):
        cell_days(cell, None)  # no year anywhere: refused, never guessed


CITIES = ("Munich", "Leeds", "São Paulo", "Kraków", "Den Haag", "Île-de-France", "New York")


@settings(max_examples=40, deadline=None)
@given(
    city=st.sampled_from(CITIES),
    mark=st.sampled_from(["CANCELLED", "Cancelled", "abgesagt", "AFGELAST", "annulé", "iptal"]),
    shape=st.sampled_from(
        ["{mark} – {city}", "{city} ({mark})", "[{mark}] {city}", "{city}: {mark}"]
    ),
)
def test_a_mark_is_taken_off_the_city_whole(city, mark, shape):
    assert marked_status(shape.format(mark=mark, city=city))[:2] == (city, "cancelled")
    assert marked_status(city) == (city, "", "")


@settings(max_examples=40, deadline=None)
@given(
    city=st.sampled_from(CITIES),
    others=st.lists(st.sampled_from(["GB", "2027-05-15", "14:00", "12", "Total"]), max_size=4),
)
def test_a_row_that_names_a_city_is_never_a_total(city, others):
    assert not is_total_row([city, *others])
    assert not is_total_row(["Total", city, *others])
