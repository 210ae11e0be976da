"""A sheet kept by hand writes what groups its rows once, in a column before the city's:
"Germany" over Berlin, Hamburg and Munich, a day over that day's cities, as a merged cell is
saved to CSV (Google Sheets, Excel and LibreOffice keep its value in the first cell only).
Such empty cells take the value above them, said so; a blank row ends a group; a status is
never carried down, nor a cell to the right of the city."""

from datetime import date

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.group_sheets import read_group_rows
from turnout.importers.spreadsheets import read_event_rows

pytestmark = pytest.mark.django_db


def read(text: str):
    reading = read_event_rows(text, source="grouped.csv")
    rejected = [f"{notice.line}: {notice.message}" for notice in reading.rejected]
    warnings = [f"{notice.line}: {notice.message}" for notice in reading.warnings]
    return reading.rows, rejected, warnings


def test_a_country_written_once_for_its_cities():
    rows, rejected, warnings = read(
        "Land,Stadt,Datum,Uhrzeit,Treffpunkt\n"
        "Deutschland,Berlin,15.05.2027,14:00,Brandenburger Tor\n"
        ",Hamburg,15.05.2027,13:00,Jungfernstieg\n"
        ",München,,12:00,Odeonsplatz\n"
        "Österreich,Wien,15.05.2027,15:00,Heldenplatz\n"
        ",Graz,15.05.2027,14:00,Hauptplatz\n"
    )
    assert [(row.record.city, row.record.country) for row in rows] == [
        ("Berlin", "DE"), ("Hamburg", "DE"), ("Vienna", "AT"), ("Graz", "AT"),
    ]  # fmt: skip
    # The date stands after the city: München's empty one is not Hamburg's.
    assert rejected == ["4: the date is empty"]
    assert "1: the empty cells of “Land” take the value above them" in warnings


def test_a_day_over_that_day_s_cities_and_a_blank_row_between_days():
    rows, rejected, _ = read(
        "Date,Country,City,Time,Status\n"
        "2027-05-15,NL,Amsterdam,14:00,cancelled\n"
        ",,Utrecht,13:00,\n"
        ",,,,\n"
        "2027-05-22,BE,Gent,14:00,\n"
        ",,Brugge,15:00,\n"
    )
    assert rejected == []
    assert [(r.record.city, r.record.day, r.record.country, r.status) for r in rows] == [
        ("Amsterdam", date(2027, 5, 15), "NL", LocalEvent.Status.CANCELLED),
        ("Utrecht", date(2027, 5, 15), "NL", LocalEvent.Status.APPROVED),  # not "cancelled"
        ("Ghent", date(2027, 5, 22), "BE", LocalEvent.Status.APPROVED),
        ("Bruges", date(2027, 5, 22), "BE", LocalEvent.Status.APPROVED),
    ]


def test_after_a_blank_row_nothing_is_carried():
    _, rejected, _ = read(
        "Country,City,Date,Time\nNL,Leiden,2027-05-15,14:00\n,,,\n,Delft,2027-05-15,14:00\n"
    )
    assert rejected == ["4: “” is not a country the importer knows; use a code such as NL"]


def test_a_groups_sheet_grouped_by_country():
    reading = read_group_rows(
        "Country,City,Name,Kind,Parent,WhatsApp group\n"
        "Spain,Madrid,PauseAI España,national,,https://chat.whatsapp.com/Fq3kLm9PzXw2Ab7Cd1EfGh\n"
        ",Valencia,PauseAI Valencia,local,PauseAI España,"
        "https://chat.whatsapp.com/Hj8Kp2QrSt5Uv6Wx7YzAb0\n",
        source="groups.csv",
    )
    assert reading.rejected == []
    assert [(row.city, row.country) for row in reading.rows] == [
        ("Madrid", "ES"), ("Valencia", "ES"),
    ]  # fmt: skip
