"""CSV for spreadsheets: formulas arrive as text, everything else unchanged."""

import csv
import io

import pytest

from turnout.web.spreadsheets import csv_text, spreadsheet_safe


@pytest.mark.parametrize(
    "value",
    ["=HYPERLINK(1)", "+31 20 123", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"],
)
def test_cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "text"),
    [("Ada Lovelace", "Ada Lovelace"), ("a=b", "a=b"), (42, "42"), (None, ""), ("", "")],
)
def test_other_cells_keep_their_text(value, text):
    assert spreadsheet_safe(value) == text


def test_csv_text_has_the_header_then_safe_rows_that_a_csv_reader_reads_back():
    text = csv_text(["name", "note"], [["Grace", "=cmd|' /C calc'!A0"], ["O'Brien, Wim", None]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "note"], ["Grace", "'=cmd|' /C calc'!A0"], ["O'Brien, Wim", ""]]
