"""Reading a filled sign-in sheet typed into a spreadsheet: whatever shape it comes in.

Accepted: an Excel or Calc workbook (.xlsx, .ods; its first visible sheet), or CSV in UTF-8
(with or without the BOM Excel writes), UTF-16 or the code page Excel's plain "CSV" is saved
in on Windows (`web.spreadsheets.decode_sheet`), commas, semicolons (Dutch Excel) or tabs,
headers in English, Dutch and a dozen other languages in any case, blank rows.
Columns: name, email, contact (may we contact you), present, code; only a name or an email
or a code is needed per row. Nothing here touches the database: `read_sheet` gives rows or
errors, in plain words, one per line of the file.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from turnout.web.email_addresses import normalize_email
from turnout.web.spreadsheets import decode_sheet
from turnout.web.text import single_line
from turnout.web.workbooks import (
    WorkbookRefused,
    is_workbook,
    read_workbook,
    without_link_marks,
)

from .codes import normalize_code

MAX_BYTES = 1_000_000
MAX_ROWS = 5000
NAME_LENGTH = 150

# Header words, folded (lower case, accents and all but letters dropped): English and Dutch,
# as Turnout's own sheet writes them, and the words organizers type in their own language.
# Not "Kontakt" nor "Firma": in many languages a column of contact details, or of companies.
HEADERS = {
    "name": ("name", "naam", "fullname", "volledigenaam", "voorenachternaam", "nom", "nome",
             "nombre", "imie", "namn", "navn", "nimi", "jmeno", "isim", "adsoyad"),
    "email": ("email", "emailaddress", "emailadres", "mail", "eadres", "courriel", "correo",
              "adresseemail", "adressemail", "enderecodeemail", "indirizzoemail", "epost",
              "eposta", "adresemail"),
    "contact": ("contact", "maywecontactyou", "mogenwecontactopnemen", "mayweemailyou",
                "updates", "newsletter", "nieuwsbrief"),
    "present": ("present", "here", "attended", "aanwezig", "signature", "handtekening",
                "anwesend", "unterschrift", "assinatura", "obecn", "podpis",
                "narvarande", "underskrift", "signatur", "imza"),
    "code": ("code", "checkincode", "incheckcode", "codigo", "codice", "kod"),
}  # fmt: skip
YES = {"yes", "y", "x", "v", "ja", "j", "1", "true", "waar", "✓", "✔", "☑", "✗", "ok",
       "oui", "si", "sim", "tak", "evet", "da", "igen", "kylla"}  # fmt: skip
NO = {"", "no", "n", "nee", "0", "false", "onwaar", "-", "☐", "non", "nein", "nao", "nie",
      "nej", "hayir", "ei", "nem"}  # fmt: skip


def _folded(text: str) -> str:
    """Lower case without accents: "Présent" and "present", "não" and "nao" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class SheetRow:
    line: int  # as a spreadsheet numbers it: the header is line 1
    name: str
    email: str
    code: str
    may_contact: bool


class SheetError(ValidationError):
    """The sheet cannot be read at all, or some of its rows; `messages` says which."""


def _header_key(cell: str) -> str | None:
    letters = re.sub(r"[^a-z]", "", _folded(cell).replace("ı", "i").replace("ł", "l"))
    for key, words in HEADERS.items():  # "Present (signature)" is a present column
        if any(letters.startswith(word) for word in words):
            return key
    return None


def _delimiter(first_line: str) -> str:
    return max([",", ";", "\t"], key=first_line.count)


def _is_yes(value: str, line: int, errors: list[str]) -> bool:
    word = _folded(value).replace("ı", "i")
    if word in YES:
        return True
    if word in NO:
        return False
    errors.append(
        _("Row %(line)d: '%(value)s' under 'may we contact you' is not yes or no.")
        % {"line": line, "value": single_line(value, max_length=40)}
    )
    return False


def read_sheet(data: bytes) -> list[SheetRow]:
    """Every row of a filled sheet of someone present; SheetError lists every problem."""
    if len(data) > MAX_BYTES:
        raise SheetError(_("The file is too large: a sign-in sheet fits in 1 MB."))
    if is_workbook(data):  # typed into Excel or Calc and saved as it was (.xlsx, .ods)
        try:
            text = read_workbook(data).text
        except WorkbookRefused as error:
            raise SheetError(
                _("The file cannot be read: %(reason)s.") % {"reason": error}
            ) from error
    else:
        text = decode_sheet(data)
    text = text.replace("\x00", "")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise SheetError(_("The file is empty, or its first line has no column names."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]))
    try:
        table = list(reader)
    except csv.Error as error:
        raise SheetError(_("The file is not a CSV file a spreadsheet wrote.")) from error
    columns = {}
    for index, heading in enumerate(table[0]):
        key = _header_key(heading)
        if key is not None and key not in columns:
            columns[key] = index
    if not {"name", "email", "code"} & columns.keys():
        raise SheetError(
            _("The first line needs the column names, at least 'name' or 'email' (or 'naam').")
        )
    if len(table) - 1 > MAX_ROWS:
        raise SheetError(_("The file has more than %(count)d rows.") % {"count": MAX_ROWS})
    rows: list[SheetRow] = []
    errors: list[str] = []
    for line, cells in enumerate(table[1:], start=2):

        def cell(key: str, cells: list[str] = cells) -> str:
            index = columns.get(key)
            found = cells[index] if index is not None and index < len(cells) else ""
            return without_link_marks(found)  # a name linked to a page is the name

        if not any(value.strip() for value in cells):
            continue  # a blank row of the printed sheet
        if "present" in columns and cell("present").strip().lower() in NO:
            continue  # printed on the sheet, but did not come (any mark or signature: came)
        row = _read_row(line, cell, errors)
        if row is not None:
            rows.append(row)
    if errors:
        raise SheetError(errors)
    return rows


def _read_row(line: int, cell, errors: list[str]) -> SheetRow | None:
    name = single_line(cell("name"))
    raw_email = single_line(cell("email"))
    email = normalize_email(raw_email) if raw_email else ""
    code = normalize_code(cell("code"))
    before = len(errors)
    if len(name) > NAME_LENGTH:
        errors.append(
            _("Row %(line)d: the name is longer than %(count)d characters.")
            % {"line": line, "count": NAME_LENGTH}
        )
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Row %(line)d: the email address '%(email)s' is not valid.")
                % {"line": line, "email": single_line(raw_email, max_length=80)}
            )
    if not (name or email or code):
        errors.append(_("Row %(line)d: there is no name, email address or code.") % {"line": line})
    may_contact = _is_yes(cell("contact"), line, errors)
    if len(errors) > before:
        return None
    return SheetRow(line=line, name=name, email=email, code=code, may_contact=may_contact)
