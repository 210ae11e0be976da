"""A workbook of several sheets, as movements keep them (one per region, one per year, a
sheet of groups beside the events): the import reads one, says which, names the visible
sheets it left unread, and reads another when asked with --sheet."""

from datetime import date, time

import pytest
from django.core.management import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importers.test_sheets_from_other_programs import HEADER, run, workbook
from turnout.campaigns.models import LocalEvent
from turnout.web.workbooks import (
    WorkbookRefused,
    read_workbook,
    unread_sheets_notice,
)

pytestmark = pytest.mark.django_db


def regions(book) -> None:
    north = book.active
    north.title = "Noord"
    north.append(HEADER)
    north.append(["Groningen", "NL", date(2027, 5, 13), time(14), "Vismarkt"])
    south = book.create_sheet("Zuid")
    south.append(HEADER)
    south.append(["Maastricht", "NL", date(2027, 5, 13), time(15), "Vrijthof"])
    south.append(["Eindhoven", "NL", date(2027, 5, 13), time(13), "18 Septemberplein"])
    lists = book.create_sheet("Keuzelijsten")
    lists.append(["NL", "BE"])
    lists.sheet_state = "hidden"  # a lookup, not a sheet anyone reads as events


def test_the_first_visible_sheet_is_read_and_the_others_are_named(tmp_path):
    path = tmp_path / "regios.xlsx"
    path.write_bytes(workbook(regions))
    out, err = run("events", str(path))
    assert "events created: 1" in out
    assert "read the sheet “Noord”; not read: “Zuid” (choose another with --sheet)" in err
    assert "Keuzelijsten" not in err  # hidden: nobody mistakes it for events
    assert list(LocalEvent.objects.values_list("city", flat=True)) == ["Groningen"]


def test_another_sheet_is_read_when_named(tmp_path):
    path = tmp_path / "regios.xlsx"
    path.write_bytes(workbook(regions))
    out, err = run("events", str(path), "--sheet", "Zuid")
    assert "events created: 2" in out
    assert "not read: “Noord”" in err
    assert sorted(LocalEvent.objects.values_list("city", flat=True)) == ["Eindhoven", "Maastricht"]


def test_a_sheet_that_is_not_there_is_refused_with_the_sheets_it_has(tmp_path):
    path = tmp_path / "regios.xlsx"
    path.write_bytes(workbook(regions))
    with pytest.raises(CommandError, match="no sheet named “West”; its sheets: “Noord”, “Zuid”"):
        run("events", str(path), "--sheet", "West")
    assert LocalEvent.objects.count() == 0


def test_sheet_is_refused_for_a_csv_file(tmp_path):
    path = tmp_path / "acties.csv"
    path.write_text("City,Country,Date,Start time\nUtrecht,NL,2027-05-13,14:00\n")
    with pytest.raises(CommandError, match="--sheet is for workbooks"):
        run("events", str(path), "--sheet", "Noord")
    assert LocalEvent.objects.count() == 0


def test_one_sheet_has_nothing_to_name():
    def build(book):
        book.active.append(HEADER)

    read = read_workbook(workbook(build))
    assert (read.title, read.unread, unread_sheets_notice(read)) == ("Sheet", (), "")


_TITLE = st.text(
    st.characters(blacklist_characters="[]:*?/\\'", blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda t: t.strip() == t and t != "History")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=st.lists(_TITLE, min_size=1, max_size=5, unique_by=str.casefold), asked=_TITLE)
def test_any_sheet_names_and_any_name_asked_are_read_or_refused_clearly(titles, asked):
    def build(book):
        book.active.title = titles[0]
        for title in titles[1:]:
            book.create_sheet(title)

    data = workbook(build)
    try:
        read = read_workbook(data, sheet=asked)
    except WorkbookRefused as refusal:
        assert asked not in titles and "no sheet named" in str(refusal)
    else:
        assert read.title == asked and asked not in read.unread
        assert set(read.unread) == set(titles) - {asked}
    first = read_workbook(data)
    assert first.title == titles[0] and set(first.unread) == set(titles[1:])
