"""Events sheets as organizers keep them, a fifteenth round (all written here): Google Forms
answers whose first column, "Timestamp", is written in the form owner's language (Portuguese,
Swedish, Polish, Czech, Turkish, Japanese, Hindi, Indonesian) beside questions in it, an
Airtable export with linked records and attachments, a status column of ✅ ❌ ⏳, a meeting
point whose cell holds the venue and its address on two lines, Excel's "sep=;" line after a
byte order mark, dates and times as Excel's serial numbers and fractions of a day in text
cells, countries as three-letter codes or flags, an Arabic sheet whose columns run right to
left with Arabic-Indic digits, a Hindi sheet in Devanagari digits, thousands of empty rows
below the last event, the header said again mid-sheet in other capitals, a link the workbook
reader writes as "[words](address)", and UTF-16 text.

What a coordinator would import: exactly that, nothing invented; a row that cannot be read
is refused with its reason."""

import time as clock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.sheet_cells import cell_status, has_date
from turnout.importers.sheet_countries import country_cell_codes
from turnout.web.spreadsheets import decode_sheet

from .sheet_rounds import at, when
from .sheet_rounds import read_sheet as read

pytestmark = pytest.mark.django_db


# --- Google Forms in the form owner's language ---------------------------------------------------

# Each form was answered at 10:11:12 one April morning; the event starts at another hour, so a
# timestamp taken for the start shows.
FORMS = {
    "pt": (
        "Carimbo de data/hora,Endereço de e-mail,Em que cidade será a ação?,País,Data da ação,"
        "Hora de início,Ponto de encontro\n"
        "15/04/2027 10:11:12,ana@example.pt,Porto,Portugal,15/05/2027,15:00,Avenida dos Aliados\n",
        ("Porto", "PT", at(15, 15), "Avenida dos Aliados"),
    ),
    "sv": (
        "Tidstämpel,E-postadress,Vilken stad?,Land,Datum för aktionen,Vilken tid börjar den?,"
        "Mötesplats\n"
        "2027-04-15 10:11:12,eva@example.se,Göteborg,Sverige,2027-05-15,14:00,Götaplatsen\n",
        ("Gothenburg", "SE", at(15, 14), "Götaplatsen"),
    ),
    "pl": (
        "Sygnatura czasowa,Adres e-mail,W jakim mieście?,Kraj,Data akcji,Godzina rozpoczęcia,"
        "Miejsce zbiórki\n"
        "15.04.2027 10:11:12,ola@example.pl,Gdańsk,Polska,15.05.2027,13:00,Długi Targ\n",
        ("Gdańsk", "PL", at(15, 13), "Długi Targ"),
    ),
    "cs": (
        "Časová značka,E-mailová adresa,Město,Země,Datum akce,Čas začátku,Místo setkání\n"
        "15.4.2027 10:11:12,jan@example.cz,Brno,Česko,15. 5. 2027,16:00,náměstí Svobody\n",
        ("Brno", "CZ", at(15, 16), "náměstí Svobody"),
    ),
    "tr": (
        "Zaman damgası,E-posta adresi,Hangi şehirde?,Ülke,Eylem tarihi,Başlangıç saati,"
        "Buluşma noktası\n"
        "15.04.2027 10:11:12,ali@example.com.tr,Ankara,Türkiye,15.05.2027,14:00,Kızılay Meydanı\n",
        ("Ankara", "TR", at(15, 14), "Kızılay Meydanı"),
    ),
    "ja": (
        "タイムスタンプ,メールアドレス,都市,国,日付,開始時間,集合場所\n"
        "2027/04/15 10:11:12,aki@example.jp,京都,日本,2027/05/15,14:00,三条大橋\n",
        ("Kyoto", "JP", at(15, 14), "三条大橋"),
    ),
    "hi": (
        "टाइमस्टैम्प,ईमेल पता,शहर,देश,तारीख,समय,स्थान\n"
        "15/04/2027 10:11:12,ravi@example.in,पुणे,भारत,15/05/2027,17:00,शनिवार वाड़ा\n",
        ("Pune", "IN", at(15, 17), "शनिवार वाड़ा"),
    ),
    "id": (
        "Stempel waktu,Alamat email,Kota,Negara,Tanggal aksi,Jam mulai,Titik kumpul\n"
        "15/04/2027 10.11.12,dewi@example.id,Yogyakarta,Indonesia,15/05/2027,14.00,"
        "Titik Nol Kilometer\n",
        ("Yogyakarta", "ID", at(15, 14), "Titik Nol Kilometer"),
    ),
}


@pytest.mark.parametrize("language", sorted(FORMS))
def test_a_google_forms_timestamp_in_any_language_is_not_the_events_time(language):
    sheet, (city, country, starts, venue) = FORMS[language]
    rows, rejected, warnings = read(sheet, language)
    assert rejected == {}
    ((name, start, _end),) = when(rows)
    assert (name, rows[0].record.country, start, rows[0].record.venue) == (
        city,
        country,
        starts,
        venue,
    )
    stamp = sheet.split(",", 1)[0]
    assert f"1: column “{stamp}” is about the filling in of the form, not the event" in warnings
    assert not any("no start time" in warning for warning in warnings)


@pytest.mark.parametrize(
    ("language", "sheet", "expected"),
    [
        (
            "cs",
            "Město,Země,Datum konání akce,Čas začátku,Kdy akce končí?,Místo setkání\n"
            "Ostrava,CZ,15.05.2027,17:00,18:30,Masarykovo náměstí\n",
            ("Ostrava", at(15, 17), at(15, 18, 30), "Masarykovo náměstí"),
        ),
        (
            "sv",
            "I vilken stad?,Land,Vilket datum?,Vilken tid börjar den?,När slutar den?,"
            "Var träffas ni?\n"
            "Umeå,Sverige,2027-05-15,13:00,15:00,Rådhustorget\n",
            ("Umeå", at(15, 13), at(15, 15), "Rådhustorget"),
        ),
        (
            "id",
            "Di kota mana?,Negara,Tanggal acara,Jam mulai,Jam selesai,Lokasi berkumpul\n"
            "Makassar,Indonesia,15/05/2027,15.30,17.00,Pantai Losari\n",
            ("Makassar", at(15, 15, 30), at(15, 17), "Pantai Losari"),
        ),
    ],
)
def test_a_question_in_czech_swedish_or_indonesian_names_its_column(language, sheet, expected):
    rows, rejected, warnings = read(sheet, language)
    assert (rejected, warnings) == ({}, [])
    city, starts, ends, venue = expected
    assert when(rows) == [(city, starts, ends)]
    assert rows[0].record.venue == venue


# --- other programs' exports ---------------------------------------------------------------------


def test_an_airtable_export_with_linked_records_and_attachments():
    rows, rejected, warnings = read(
        "Name,City,Country,Start,Organizers,Flyer,Status\n"
        'Vigília pelo clima,Lisboa,Portugal,5/15/2027 2:00pm,"Ana Souza,Rui Lopes",'
        '"cartaz.png (https://dl.airtable.com/.attachments/1/cartaz.png),'
        'mapa.pdf (https://dl.airtable.com/.attachments/2/mapa.pdf)",Confirmed\n'
        'Marcha,"Porto, Portugal",,5/15/2027 3:30pm,Rui Lopes,,Cancelled\n',
        "pt",
    )
    assert rejected == {}  # Porto's country is left empty, and its city cell names it
    assert [(row.title, row.record.city, row.status) for row in rows] == [
        ("Vigília pelo clima", "Lisbon", LocalEvent.Status.APPROVED),
        ("Marcha", "Porto", LocalEvent.Status.CANCELLED),
    ]
    assert when(rows) == [
        ("Lisbon", at(15, 14), at(15, 16)),
        ("Porto", at(15, 15, 30), at(15, 17, 30)),
    ]
    assert warnings == [
        "1: column “Organizers” is not one the importer reads",
        "1: column “Flyer” is not one the importer reads",
    ]


def test_a_status_column_of_signs():
    rows, rejected, _ = read(
        "Kota,Negara,Tanggal,Jam,Status\n"
        "Bandung,ID,2027-05-15,14:00,✅\n"
        "Medan,ID,2027-05-15,14:00,❌ dibatalkan\n"
        "Malang,ID,2027-05-15,14:00,⏳\n"
        "Bogor,ID,2027-05-15,14:00,✔️ Confirmed\n"
        "Depok,ID,2027-05-15,14:00,✅❌\n"
        "Solo,ID,2027-05-15,14:00,🤔\n",
        "id",
    )
    assert [(row.record.city, row.status) for row in rows] == [
        ("Bandung", LocalEvent.Status.APPROVED),
        ("Medan", LocalEvent.Status.CANCELLED),
        ("Malang", LocalEvent.Status.PROPOSED),
        ("Bogor", LocalEvent.Status.APPROVED),
    ]
    choices = "proposed, approved, tba, rejected, cancelled, completed"
    assert rejected == {
        6: f"status “✅❌” is not one of {choices}",  # both: which?
        7: f"status “🤔” is not one of {choices}",
    }


# --- cells of several lines ----------------------------------------------------------------------


def test_a_meeting_point_of_two_lines_is_its_venue_and_address():
    rows, rejected, _ = read(
        "Stad,Land,Datum,Tid,Plats\n"
        'Stockholm,SE,2027-05-15,14:00,"Kulturhuset\nSergels torg 3, 111 57 Stockholm"\n'
        'Malmö,SE,2027-05-15,14:00,"Stortorget 1\n211 22 Malmö"\n'
        "Lund,SE,2027-05-15,14:00,Stortorget\n",
        "sv",
    )
    assert rejected == {}
    assert [(row.record.venue, row.address) for row in rows] == [
        ("Kulturhuset", "Sergels torg 3, 111 57 Stockholm"),
        ("Stortorget 1 211 22 Malmö", ""),  # an address already: kept whole, on one line
        ("Stortorget", ""),
    ]


def test_a_venue_of_two_lines_beside_an_address_column_stays_the_venue():
    rows, rejected, _ = read(
        "Miasto,Kraj,Data,Godzina,Miejsce,Adres\n"
        'Kraków,PL,2027-05-15,14:00,"Rynek Główny\npod pomnikiem",Rynek Główny 1\n',
        "pl",
    )
    assert rejected == {}
    assert [(row.record.venue, row.address) for row in rows] == [
        ("Rynek Główny pod pomnikiem", "Rynek Główny 1")
    ]


# --- what Excel saves ----------------------------------------------------------------------------


def test_excels_sep_line_after_a_byte_order_mark_names_the_separator():
    data = (
        "sep=;\r\n"
        "Miasto;Kraj;Data;Godzina;Szerokość geograficzna;Długość geograficzna\r\n"
        "Wrocław;PL;15.05.2027;14:00;51,1097;17,0326\r\n"
    ).encode("utf-8-sig")
    rows, rejected, warnings = read(decode_sheet(data), "pl")
    assert rejected == {}
    assert when(rows) == [("Wrocław", at(15, 14), at(15, 16))]
    assert rows[0].number == 3  # the file's third line
    assert not any("sep=" in warning for warning in warnings)


def test_dates_and_times_as_excel_numbers_in_text_cells():
    rows, rejected, _ = read(
        "Cidade,País,Data,Início,Fim\n"
        "Coimbra,PT,46522,0.5833333333333334,0.6875\n"
        'Braga,PT,46522,"0,625","0,75"\n'
        "Faro,PT,46522,0.5,46522.75\n",
        "pt",
    )
    assert rejected == {}
    assert when(rows) == [
        ("Coimbra", at(15, 14), at(15, 16, 30)),
        ("Braga", at(15, 15), at(15, 18)),
        ("Faro", at(15, 12), at(15, 18)),
    ]


def test_a_day_fraction_is_never_taken_for_a_year():
    assert not has_date("0.6875")
    assert not has_date("0,2025")
    assert has_date("46522.75")


def test_utf16_with_its_byte_order_mark_and_commas():
    data = "Şehir,Ülke,Tarih,Saat\nİzmir,Türkiye,15.05.2027,14:00\n".encode("utf-16")
    rows, rejected, _ = read(decode_sheet(data), "tr")
    assert rejected == {}
    assert when(rows) == [("İzmir", at(15, 14), at(15, 16))]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(encoding):
    data = "Şehir,Ülke,Tarih,Saat\nİzmir,Türkiye,15.05.2027,14:00\n".encode(encoding)
    rows, rejected, _ = read(decode_sheet(data), "tr")
    assert rejected == {}
    assert when(rows) == [("İzmir", at(15, 14), at(15, 16))]


# --- places --------------------------------------------------------------------------------------


def test_countries_as_three_letter_codes_or_flags():
    rows, rejected, _ = read(
        "City,Country,Date,Time\n"
        "Malmö,SWE,2027-05-15,14:00\n"
        "Poznań,POL,2027-05-15,14:00\n"
        "Plzeň,🇨🇿,2027-05-15,14:00\n"
        "Bursa,🇹🇷 Türkiye,2027-05-15,14:00\n"
        "Sapporo,XYZ,2027-05-15,14:00\n"
        "Surabaya,🇮🇩 Malaysia,2027-05-15,14:00\n"
    )
    assert [(row.record.city, row.record.country) for row in rows] == [
        ("Malmö", "SE"),
        ("Poznań", "PL"),
        ("Pilsen", "CZ"),
        ("Bursa", "TR"),
    ]
    assert rejected == {
        6: "“XYZ” is not a country the importer knows; use a code such as NL",
        7: "“🇮🇩 Malaysia” is not a country the importer knows; use a code such as NL",
    }


def test_an_arabic_sheet_whose_columns_run_right_to_left_with_arabic_indic_digits():
    rows, rejected, warnings = read(
        "المكان,الوقت,التاريخ,الدولة,المدينة\n"
        "ساحة الشهداء,١٨:٠٠,١٥/٠٥/٢٠٢٧,لبنان,بيروت\n"
        "ساحة النور,17:30,2027-05-15,لبنان,طرابلس\n",
        "ar",
    )
    assert (rejected, warnings) == ({}, [])
    assert [(row.record.city, row.record.country, row.record.venue) for row in rows] == [
        ("Beirut", "LB", "ساحة الشهداء"),
        ("Tripoli", "LB", "ساحة النور"),
    ]
    assert when(rows) == [
        ("Beirut", at(15, 18), at(15, 20)),
        ("Tripoli", at(15, 17, 30), at(15, 19, 30)),
    ]


def test_a_hindi_sheet_in_devanagari_digits():
    rows, rejected, _ = read("शहर,देश,तारीख,समय,स्थान\nपुणे,भारत,१५/०५/२०२७,१६:००,शनिवार वाड़ा\n", "hi")
    assert rejected == {}
    assert when(rows) == [("Pune", at(15, 16), at(15, 18))]


# --- the shape of the sheet ----------------------------------------------------------------------


def test_thousands_of_empty_rows_below_the_events_are_nothing():
    sheet = "Şehir;Ülke;Tarih;Saat\nEskişehir;TR;15.05.2027;14:00\n" + ";;;\n" * 5000
    started = clock.monotonic()
    rows, rejected, warnings = read(sheet, "tr")
    assert clock.monotonic() - started < 10
    assert (rejected, warnings) == ({}, [])
    assert when(rows) == [("Eskişehir", at(15, 14), at(15, 16))]


def test_the_header_said_again_mid_sheet_in_other_capitals_is_skipped():
    rows, rejected, warnings = read(
        "Kota,Negara,Tanggal,Jam\n"
        "Bandung,ID,2027-05-15,14:00\n"
        "KOTA , Negara,tanggal,JAM\n"
        "Semarang,ID,2027-05-15,15:00\n",
        "id",
    )
    assert (rejected, warnings) == ({}, [])
    assert [row.record.city for row in rows] == ["Bandung", "Semarang"]


def test_a_linked_cell_gives_its_address_to_the_signup_column_and_its_words_elsewhere():
    rows, rejected, _ = read(
        "都市,国,日付,開始時間,集合場所,申込リンク,説明\n"
        "大阪,日本,2027-05-15,14:00,[中之島公園](https://maps.example.org/nakanoshima),"
        "[申し込む](https://lu.ma/osaka-may),[詳細](https://example.org/osaka)\n"
        "福岡,日本,2027-05-15,14:00,天神中央公園,申し込む,\n",
        "ja",
    )
    assert [
        (row.record.city, row.record.venue, row.record.signup_url, row.description) for row in rows
    ] == [("Osaka", "中之島公園", "https://lu.ma/osaka-may", "詳細 (https://example.org/osaka)")]
    assert rejected == {3: "the signup link is not a web address"}


# --- properties ----------------------------------------------------------------------------------


SIGNS = {"✅": "approved", "✔": "approved", "☑️": "approved", "❌": "cancelled",
         "✖️": "cancelled", "🚫": "cancelled", "⏳": "proposed", "⌛": "proposed"}  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    sign=st.sampled_from(sorted(SIGNS)),
    words=st.sampled_from(["", " ", " ok", " bekräftad", " dibatalkan", " 確認済み"]),
)
def test_a_sign_names_its_status_whatever_unknown_words_stand_beside_it(sign, words):
    assert cell_status(sign + words) == SIGNS[sign]


THREE_LETTER_CODES = {"SWE": "SE", "POL": "PL", "CZE": "CZ", "TUR": "TR", "JPN": "JP",
                      "PRT": "PT", "IND": "IN", "IDN": "ID", "LBN": "LB", "AUT": "AT"}  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(code=st.sampled_from(sorted(THREE_LETTER_CODES)), language=st.sampled_from([None, "sv"]))
def test_a_three_letter_code_is_its_one_country(code, language):
    assert country_cell_codes(code, language=language) == {THREE_LETTER_CODES[code]}
    assert country_cell_codes(f" {code} ", language=language) == {THREE_LETTER_CODES[code]}


@settings(max_examples=30, deadline=None)
@given(separator=st.sampled_from([",", ";", "\t", "|"]), newline=st.sampled_from(["\n", "\r\n"]))
def test_a_sep_line_is_never_a_row_of_the_sheet(separator, newline):
    cells = ["Stad", "Land", "Datum", "Tid"], ["Umeå", "SE", "2027-05-15", "14:00"]
    body = newline.join(separator.join(row) for row in cells)
    rows, rejected, warnings = read(f"sep={separator}{newline}{body}{newline}", "sv")
    assert (rejected, warnings) == ({}, [])
    assert [(row.number, row.record.city) for row in rows] == [(3, "Umeå")]
