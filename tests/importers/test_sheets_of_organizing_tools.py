"""Event exports of the organizing tools movements use beside Turnout: Mobilize (a moment with
its offset, the event's page as "browser_url", a "visibility" that keeps some events from the
public) and Action Network (US dates, 12-hour clocks, "Open" for an event that goes ahead).
A private event is never imported onto a public page."""

from datetime import datetime, time

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.spreadsheets import read_event_rows

pytestmark = pytest.mark.django_db

MOBILIZE = """\
id,title,event_type,timezone,timeslot_id,timeslot_start,timeslot_end,location_name,\
address_lines,locality,region,postal_code,country,browser_url,visibility
512345,Stop the race: Chicago rally,RALLY,America/Chicago,901,2027-05-15 14:00:00-05:00,\
2027-05-15 16:00:00-05:00,Federal Plaza,"['230 S Dearborn St']",Chicago,IL,60604,US,\
https://www.mobilize.us/pause/event/512345/,PUBLIC
512346,Stop the race: Portland rally,RALLY,America/Los_Angeles,902,2027-05-15 12:00:00-07:00,\
2027-05-15 14:00:00-07:00,Pioneer Courthouse Square,"['701 SW 6th Ave']",Portland,OR,97204,US,\
https://www.mobilize.us/pause/event/512346/,PUBLIC
512347,Organizers' prep call,MEETING,America/New_York,903,2027-05-10 19:00:00-04:00,\
2027-05-10 20:00:00-04:00,Ana's place,"['12 Elm St']",Albany,NY,12207,US,\
https://www.mobilize.us/pause/event/512347/,PRIVATE
"""

ACTION_NETWORK = """\
Event Title,Start Date,Start Time,End Time,Location Name,Address,City,State,Zip Code,Country,\
Event URL,Status
Rally for a pause,05/15/2027,2:00 PM,4:00 PM,State Capitol,1315 10th St,Sacramento,CA,95814,\
US,https://actionnetwork.org/events/rally-sacramento,Open
Rally for a pause,05/15/2027,11:00 AM,1:00 PM,Boston Common,139 Tremont St,Boston,MA,02111,US,\
https://actionnetwork.org/events/rally-boston,Canceled
Rally for a pause,05/22/2027,10:00 AM,12:00 PM,Pioneer Square,,Seattle,WA,,US,\
https://actionnetwork.org/events/rally-seattle,Postponed
"""


def test_a_mobilize_export_and_its_private_event():
    reading = read_event_rows(MOBILIZE, source="mobilize.csv")
    assert [
        (
            row.record.city,
            row.record.timezone,
            row.record.starts_at.replace(tzinfo=None),
            row.record.ends_at.time(),
            row.record.venue,
            row.record.signup_url,
        )
        for row in reading.rows
    ] == [
        ("Chicago", "America/Chicago", datetime(2027, 5, 15, 14), time(16), "Federal Plaza",
         "https://www.mobilize.us/pause/event/512345/"),
        ("Portland", "America/Los_Angeles", datetime(2027, 5, 15, 12), time(14),
         "Pioneer Courthouse Square", "https://www.mobilize.us/pause/event/512346/"),
    ]  # fmt: skip
    assert [(n.line, n.message) for n in reading.rejected] == [
        (4, "the event is private where it comes from; it is not made public"),
    ]


def test_an_action_network_export_with_its_status_words():
    reading = read_event_rows(ACTION_NETWORK, source="an.csv")
    assert reading.rejected == []
    assert [(row.record.city, row.record.starts_at.hour, row.status) for row in reading.rows] == [
        ("Sacramento", 14, LocalEvent.Status.APPROVED),
        ("Boston", 11, LocalEvent.Status.CANCELLED),
        ("Seattle", 10, LocalEvent.Status.DETAILS_TBA),  # postponed: to be announced again
    ]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Upcoming", "approved"), ("Sold out", "approved"), ("Ausgebucht", "approved"),
        ("Suggested", "proposed"), ("Uitgesteld", "tba"), ("Ended", "completed"),
    ],
)  # fmt: skip
def test_status_words_of_other_tools(word, status):
    reading = read_event_rows(
        f"City,Country,Date,Time,Status\nLeiden,NL,2027-05-15,14:00,{word}\n", source="s.csv"
    )
    assert [row.status for row in reading.rows] == [status]


@pytest.mark.parametrize("word", ["Private", "unlisted", "Besloten", "privat", "Invite only"])
def test_a_private_event_is_refused_in_any_language(word):
    reading = read_event_rows(
        f"City,Country,Date,Time,Visibility\nLeiden,NL,2027-05-15,14:00,{word}\n", source="s.csv"
    )
    assert reading.rows == []
    assert "private" in reading.rejected[0].message


def test_without_a_country_column_the_city_cell_names_its_country():
    reading = read_event_rows(
        "City,Date,Time,Venue\n"
        '"Berlin, Germany",2027-05-15,14:00,Brandenburger Tor\n'
        "Lisbon (Portugal),2027-05-15,14:00,Praça do Comércio\n"
        "London UK,2027-05-15,13:00,Parliament Square\n"
        '"Portland, OR",2027-05-15,12:00,Pioneer Courthouse Square\n'
        "València (España),2027-05-15,19:00,Plaça de l'Ajuntament\n"
        "Valencia,2027-05-15,19:00,Plaza de Bolívar\n",
        source="cities.csv",
    )
    assert [(r.record.city, r.record.country, r.record.timezone) for r in reading.rows] == [
        ("Berlin", "DE", "Europe/Berlin"),
        ("Lisbon", "PT", "Europe/Lisbon"),
        ("London", "GB", "Europe/London"),
        ("Portland", "US", "America/Los_Angeles"),
        ("Valencia", "ES", "Europe/Madrid"),
    ]
    # A bare name is not guessed: Valencia is in Spain and in Venezuela.
    assert [(n.line, n.message) for n in reading.rejected] == [
        (7, "the sheet has no country column and “Valencia” names no country; write it as "
            "“Valencia, Country” or add a country column"),
    ]  # fmt: skip


def test_an_empty_country_cell_is_still_refused_as_one():
    reading = read_event_rows("City,Country,Date\nTokyo,,2027-05-15\n", source="s.csv")
    assert [n.message for n in reading.rejected] == [
        "“” is not a country the importer knows; use a code such as NL"
    ]
