"""A typed-up sign-in sheet in every shape spreadsheets and people produce."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.checkin.sheet_csv import SheetError, SheetRow, read_sheet


def rows_of(text: str | bytes) -> list[tuple]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(row.name, row.email, row.code, row.may_contact) for row in read_sheet(data)]


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        (  # as the printed sheet's columns, English, commas
            "Name,Code,Email,May we contact you?,Present (signature)\n"
            "Ada Lovelace,ABCD-EFGH,,,x\n"
            "Bo,,bo@example.org,yes,Bo\n",
            [("Ada Lovelace", "", "ABCDEFGH", False), ("Bo", "bo@example.org", "", True)],
        ),
        (  # Dutch Excel: semicolons, Dutch headers, ja/nee
            "Naam;E-mailadres;Mogen we contact opnemen?;Aanwezig\n"
            "Jan de Vries;jan@example.nl;ja;x\n"
            "Piet;;nee;\n",  # on the sheet, not present
            [("Jan de Vries", "jan@example.nl", "", True)],
        ),
        (  # UTF-8 with BOM ("CSV UTF-8" in Excel), CRLF, blank rows, quoted commas
            '\ufeffname,email,contact\r\n\r\n"Zoë, Ñúñez",ZOE@Example.org,✓\r\n,,\r\n',
            [("Zoë, Ñúñez", "zoe@example.org", "", True)],
        ),
        (  # tabs, headers in capitals, a column order of its own, no present column
            "EMAIL\tNAME\n\tالمشارك\nmei@example.cn\t李梅\n",
            [("المشارك", "", "", False), ("李梅", "mei@example.cn", "", False)],
        ),
        (  # hostile text is kept as text, on one line
            'name,email\n"=HYPERLINK(""x"")\r\nBcc: evil",\n<script>alert(1)</script>,\n',
            [
                ('=HYPERLINK("x") Bcc: evil', "", "", False),
                ("<script>alert(1)</script>", "", "", False),
            ],
        ),
    ],
)
def test_sheets_of_every_shape_are_read(sheet, expected):
    assert rows_of(sheet) == expected


def test_excel_plain_csv_in_windows_1252_is_read():
    data = "Naam;E-mail\nRené Müller;rene@example.de\n".encode("cp1252")
    assert rows_of(data) == [("René Müller", "rene@example.de", "", False)]


def test_the_row_numbers_are_those_the_spreadsheet_shows():
    rows = read_sheet(b"name\n\nAda\n")
    assert rows == [SheetRow(line=3, name="Ada", email="", code="", may_contact=False)]


@pytest.mark.parametrize(
    ("sheet", "messages"),
    [
        (
            "name,email\nAda,ada@example.org\nBo,x@\nCy,not an address\n",
            [
                "Row 3: the email address 'x@' is not valid.",
                "Row 4: the email address 'not an address' is not valid.",
            ],
        ),
        (
            "name,contact\nAda,perhaps\n",
            ["Row 2: 'perhaps' under 'may we contact you' is not yes or no."],
        ),
        ("name,email,present\n,,yes\n", ["Row 2: there is no name, email address or code."]),
        ("name\n" + "x" * 151 + "\n", ["Row 2: the name is longer than 150 characters."]),
        ("", ["The file is empty, or its first line has no column names."]),
        (
            "foo,bar\n1,2\n",
            ["The first line needs the column names, at least 'name' or 'email' (or 'naam')."],
        ),
    ],
)
def test_problems_are_listed_per_row_in_plain_words(sheet, messages):
    with pytest.raises(SheetError) as raised:
        read_sheet(sheet.encode())
    assert raised.value.messages == messages


def test_a_huge_file_is_refused_before_reading():
    with pytest.raises(SheetError, match="too large"):
        read_sheet(b"name\n" + b"x\n" * 600_000)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")))
def test_no_upload_crashes_the_reader(data):
    try:
        rows = read_sheet(data)
    except SheetError as error:
        assert error.messages and all(isinstance(m, str) for m in error.messages)
    else:
        for row in rows:
            assert row.name or row.email or row.code
            assert "\n" not in row.name and "\r" not in row.name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.sampled_from(["", "ja", "nee", "yes", "x"])),
        max_size=20,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_names_written_by_a_csv_writer_read_back(people, delimiter):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["naam", "contact"])
    writer.writerows(people)
    try:
        read_sheet(buffer.getvalue().encode("utf-8-sig"))
    except SheetError as error:
        assert all(message.startswith("Row ") for message in error.messages)


def _workbook(rows: list[list]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_sheet_typed_into_excel_and_saved_as_it_was_is_read():
    data = _workbook(
        [["Naam", "E-mailadres", "Mogen we contact opnemen?", "Aanwezig"],
         ["Jan de Vries", "jan@example.nl", "ja", "x"], [None, None, None, None],
         ["Ada", None, "nee", "x"]]
    )  # fmt: skip
    assert rows_of(data) == [("Jan de Vries", "jan@example.nl", "", True), ("Ada", "", "", False)]


def test_the_sheet_saved_by_libreoffice_calc_is_read():
    # An .ods file Calc wrote (tests/importers/fixtures/sheets3): its first visible sheet's
    # header names no sign-in column, which is said in words, not a crash.
    from pathlib import Path

    ods = Path(__file__).parents[1] / "importers/fixtures/sheets3/libreoffice-calc-7.4-acties.ods"
    with pytest.raises(SheetError, match="column names"):
        read_sheet(ods.read_bytes())


def test_a_damaged_workbook_is_refused_in_words():
    with pytest.raises(SheetError, match="cannot be read"):
        read_sheet(b"PK\x03\x04" + b"\x00" * 200)


@pytest.mark.parametrize(
    ("header", "row", "may_contact"),
    [("Imię i nazwisko;Adres e-mail;Newsletter;Obecność", "Zofia Wójcik;zofia@x.pl;tak;✓", True),
     ("Nome;Endereço de e-mail;Newsletter;Assinatura", "João Silva;joao@example.pt;sim;x", True),
     ("Nombre;Correo electrónico;Newsletter;Firma", "Lucía Pérez;lucia@example.es;sí;x", True),
     ("Nom;Courriel;Newsletter;Présent", "Élodie Martin;elodie@example.fr;oui;x", True),
     ("Name;E-Mail;Newsletter;Anwesend", "Jürgen Groß;juergen@example.de;nein;x", False),
     ("Namn;E-post;Nyhetsbrev;Närvarande", "Åsa Lind;asa@example.se;;x", False),
     ("İsim;E-posta;Newsletter;İmza", "Ayşe Yılmaz;ayse@example.com.tr;hayır;x", False)],
    ids=["pl", "pt", "es", "fr", "de", "sv", "tr"],
)  # fmt: skip
def test_a_sheet_typed_in_the_organizer_s_own_language(header, row, may_contact):
    (read,) = read_sheet(f"{header}\n{row}\n".encode())
    name, email = row.split(";")[:2]
    assert (read.name, read.email, read.may_contact) == (name, email, may_contact)


def test_a_company_column_is_not_a_signature():
    (row,) = read_sheet(b"Name;Firma;E-Mail\nJan Nowak;Acme sp. z o.o.;jan@example.pl\n")
    assert (row.name, row.email) == ("Jan Nowak", "jan@example.pl")


def test_a_name_linked_to_a_page_in_excel_is_read_as_the_name():
    """The workbook reader writes a linked cell "[words](url)" for the importers; at the door a
    linked name (a team's wiki page of the volunteer) is still just the name."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Naam", "E-mailadres", "Aanwezig"])
    book.active.append(["Jan de Vries", "jan@example.nl", "x"])
    book.active["A2"].hyperlink = "https://wiki.example.nl/vrijwilligers/jan"
    buffer = io.BytesIO()
    book.save(buffer)
    assert rows_of(buffer.getvalue()) == [("Jan de Vries", "jan@example.nl", "", False)]
