"""A coordinator's sheet for one protest day names the day once, in its title above the header
("International Protest Day — Saturday 15 May 2027"), and its rows give only their hours. The
title's day is every row's that gives none, said so; a date that is the sheet's own ("Last
updated 3 March 2027") or a title naming two days gives none."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.importers.spreadsheets import read_event_rows

pytestmark = pytest.mark.django_db

ROWS = """\
City,Country,Time,Meeting point,Sign up
Oslo,Norway,13:00–15:00,Eidsvolls plass,https://www.facebook.com/events/1/
Bergen,Norway,12:00,Torgallmenningen,
Stockholm,Sweden,14.00,Mynttorget,https://lu.ma/sthlm
"""


def read(text: str, language: str | None = None):
    reading = read_event_rows(text, source="day.csv", language=language)
    rejected = [f"{notice.line}: {notice.message}" for notice in reading.rejected]
    warnings = [f"{notice.line}: {notice.message}" for notice in reading.warnings]
    return reading.rows, rejected, warnings


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("International Protest Day — Saturday 15 May 2027,,,,\n,,,,\n", None),
        ("Aktionstag am Samstag, 15. Mai 2027,,,,\n", "de"),
        ("Actiedag zaterdag 15 mei 2027,,,,\n", "nl"),
        ("Journée d'action du samedi 15 mai 2027,,,,\n", "fr"),
        ("Protestdag 15.5.2027,,,,\n", "sv"),
    ],
)
def test_the_day_in_the_title_is_every_row_s(title, language):
    rows, rejected, warnings = read(title + ROWS, language)
    assert rejected == []
    assert [(row.record.city, row.record.day, row.record.starts_at.hour) for row in rows] == [
        ("Oslo", date(2027, 5, 15), 13),
        ("Bergen", date(2027, 5, 15), 12),
        ("Stockholm", date(2027, 5, 15), 14),
    ]
    assert any("the date above the header, 2027-05-15, is that of every row" in w for w in warnings)


def test_a_row_s_own_date_wins_over_the_title_s():
    sheet = (
        "Protest day: Saturday 15 May 2027\n"
        "City,Country,Date,Time\nOslo,NO,,13:00\nBergen,NO,2027-05-16,12:00\n"
    )
    rows, rejected, _ = read(sheet)
    assert rejected == []
    assert [(row.record.city, row.record.day) for row in rows] == [
        ("Oslo", date(2027, 5, 15)),
        ("Bergen", date(2027, 5, 16)),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Last updated 3 March 2027",
        "Stand: 3. März 2027",
        "Bijgewerkt op 3 maart 2027",
        "Protest days 15 and 22 May 2027",
        "Protest day, 15 May",  # no year: not guessed
    ],
)
def test_a_title_s_date_that_is_not_the_events_gives_none(title):
    rows, rejected, _ = read(f"{title}\nCity,Country,Time\nOslo,NO,13:00\n")
    assert rows == []
    assert rejected == ["3: the date is empty"]


def test_blank_rows_stay_blank_under_a_titled_sheet():
    rows, rejected, _ = read("Protest day 15 May 2027\nCity,Country,Time\n,,\nOslo,NO,13:00\n,,\n")
    assert rejected == []
    assert [row.record.city for row in rows] == ["Oslo"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_no_title_crashes_the_reader(title):
    sheet = f'"{title.replace(chr(34), "")}"\nCity,Country,Time\nOslo,NO,13:00\n'
    read_event_rows(sheet, source="t")
