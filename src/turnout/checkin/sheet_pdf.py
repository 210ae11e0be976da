"""The printable sign-in sheet: for a door without a phone signal, typed up later as CSV.

A4, in the language of the request. People with a place are printed by name with their
check-in code (never their email address: the sheet lies open at the door); blank rows follow
for walk-ins. The columns are those the CSV upload reads back (sheet_csv.HEADERS).
"""

import logging
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import country_name, format_day, format_time_range
from turnout.signups.models import Signup

from .codes import check_in_code, display_code

# Debian's fonts-dejavu-core: a TTF with Latin, Greek, Cyrillic and the tick box; without it
# the sheet falls back to PDF's built-in Helvetica (Latin-1 only, other letters as "?").
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
BLANK_ROWS = 20

# fontTools tells of every glyph it keeps when fpdf2 subsets the font: not news for a log.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


class SignInSheet(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(size=8)
        self.cell(0, 6, self.footer_text.format(page=self.page_no()), align="C")


def _fonts(pdf: FPDF) -> tuple[str, str]:
    """The text font and the fixed-width one for codes (every code fits its column)."""
    files = {
        ("DejaVu", ""): "DejaVuSans.ttf",
        ("DejaVu", "B"): "DejaVuSans-Bold.ttf",
        ("DejaVuMono", ""): "DejaVuSansMono.ttf",
    }
    if not all((FONT_FOLDER / name).exists() for name in files.values()):
        return "Helvetica", "Courier"
    for (family, style), name in files.items():
        pdf.add_font(family, style, str(FONT_FOLDER / name))
    return "DejaVu", "DejaVuMono"


def render_sign_in_sheet(
    event: LocalEvent, people: list[Signup], *, compress: bool = True
) -> bytes:
    """The sheet as PDF bytes: `people` pre-printed, then blank rows."""
    pdf = SignInSheet(orientation="portrait", unit="mm", format="A4")
    pdf.set_compression(compress)
    pdf.set_title(_("Sign-in sheet"))
    pdf.set_creator("Turnout")
    pdf.set_auto_page_break(auto=True, margin=16)
    family, fixed = _fonts(pdf)
    unicode = family != "Helvetica"

    def text(value: str) -> str:
        return value if unicode else value.encode("latin-1", "replace").decode("latin-1")

    # The footer is a format string for its page number: braces in the title are text.
    title = event.title.replace("{", "{{").replace("}", "}}")
    pdf.footer_text = text(_("%(title)s · page {page}") % {"title": title})
    pdf.set_font(family, size=10)
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 8, text(event.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    when = f"{format_day(event.local_starts_at)}, " + format_time_range(
        event.local_starts_at, event.local_ends_at
    )
    where = (
        _("Online")
        if event.is_online
        else ", ".join(
            part for part in [event.venue, event.city, country_name(event.country)] if part
        )
    )
    pdf.multi_cell(0, 5, text(f"{when} · {where}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(family, size=8)
    pdf.multi_cell(
        0,
        4,
        text(
            _(
                "Sign next to your name, or add yourself at the end. Your email address and "
                "consent are only for the organizers of this event and this campaign."
            )
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font(family, size=10)
    box = "☐" if unicode else "[  ]"
    headings = [
        _("Name"),
        _("Code"),
        _("Email"),
        _("May we contact you?"),
        _("Present (signature)"),
    ]
    with pdf.table(
        col_widths=(48, 24, 48, 26, 44),
        line_height=8,
        text_align=("LEFT", "LEFT", "LEFT", "CENTER", "LEFT"),
        headings_style=FontFace(emphasis="BOLD", size_pt=9),
        repeat_headings=1,
    ) as table:
        table.row([text(heading) for heading in headings])
        code_style = FontFace(family=fixed)
        for person in people:
            row = table.row()
            row.cell(text(person.name))
            row.cell(display_code(check_in_code(person.token)), style=code_style)
            for cell in ("", box, ""):
                row.cell(cell)
        for _row in range(BLANK_ROWS):
            table.row(["", "", "", box, ""])
    return bytes(pdf.output())
