"""`turnout import csv events` changes events only through the campaigns service: more places
go to the people waiting, a new address reaches participants' calendars, and the event's own
checks run (a refused row writes nothing)."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.importers import sheet_rows, spreadsheets
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
HEADER = "campaign,city,country,date,start_time,end_time,venue,address,capacity\n"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def full_event():
    """Utrecht on 13 May 2030, 13:00-15:00: one place, taken; two people waiting."""
    event = LocalEventFactory(
        campaign=CampaignFactory(slug="may", title="May"),
        title="May: Utrecht",  # the title the importer gives it
        city="Utrecht",
        venue="Neude",
        address="Neude 1",
        capacity=1,
    )
    SignupFactory(event=event, email="in@example.org")
    for minutes, name in [(1, "wim"), (2, "zoe")]:
        SignupFactory(
            event=event,
            email=f"{name}@example.org",
            state=Signup.State.WAITLISTED,
            waitlisted_at=NOW - timedelta(hours=1, minutes=-minutes),
        )
    return event


def import_sheet(tmp_path, row: str) -> str:
    path = tmp_path / "events.csv"
    path.write_text(HEADER + row)
    out = io.StringIO()
    call_command("import", "csv", "events", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_more_places_in_the_sheet_go_to_the_people_waiting(tmp_path, full_event):
    output = import_sheet(tmp_path, "may,Utrecht,NL,2030-05-13,13:00,15:00,Neude,Neude 1,2\n")
    assert "events updated: 1" in output
    assert dict(full_event.signups.values_list("email", "state")) == {
        "in@example.org": "confirmed",
        "wim@example.org": "confirmed",
        "zoe@example.org": "waitlisted",
    }
    promoted = OutboxMessage.objects.filter(kind="promoted")
    assert list(promoted.values_list("to_email", flat=True)) == ["wim@example.org"]


def test_a_new_address_in_the_sheet_updates_invites_and_tells_participants(tmp_path, full_event):
    import_sheet(tmp_path, "may,Utrecht,NL,2030-05-13,13:00,15:00,Neude,Domplein 9,1\n")
    full_event.refresh_from_db()
    assert (full_event.address, full_event.sequence) == ("Domplein 9", 1)
    told = OutboxMessage.objects.filter(kind="event_rescheduled")
    assert sorted(told.values_list("to_email", flat=True)) == [
        "in@example.org",
        "wim@example.org",
        "zoe@example.org",
    ]


def test_an_unchanged_row_changes_nothing_and_tells_nobody(tmp_path, full_event):
    output = import_sheet(tmp_path, "may,Utrecht,NL,2030-05-13,13:00,15:00,Neude,,\n")
    assert "events unchanged: 1" in output
    full_event.refresh_from_db()
    assert (full_event.address, full_event.capacity, full_event.sequence) == ("Neude 1", 1, 0)
    assert not OutboxMessage.objects.exists()


def test_a_row_the_events_checks_refuse_stops_the_import_and_writes_nothing(full_event):
    # The reader keeps capacities in range; the writer does not rely on it, the service checks.
    text = HEADER + (
        "may,Amsterdam,NL,2030-05-13,13:00,15:00,Dam,Dam 1,10\n"
        "may,Utrecht,NL,2030-05-13,13:00,15:00,Neude,Neude 1,5\n"
    )
    reading = spreadsheets.read_event_rows(text, source="events.csv")
    reading.rows[1].capacity = MAX_CAPACITY + 1
    with pytest.raises(sheet_rows.RowRejected, match="row 3: .*nothing was imported"):
        spreadsheets.write_event_rows(reading=reading)
    full_event.refresh_from_db()
    assert full_event.capacity == 1
    assert list(LocalEvent.objects.values_list("city", flat=True)) == ["Utrecht"]


def test_the_command_says_which_row_was_refused(tmp_path, full_event, monkeypatch):
    read = spreadsheets.read_event_rows

    def read_then_tamper(text, **kwargs):
        reading = read(text, **kwargs)
        reading.rows[0].capacity = MAX_CAPACITY + 1
        return reading

    monkeypatch.setattr(spreadsheets, "read_event_rows", read_then_tamper)
    with pytest.raises(CommandError, match="row 2: "):
        import_sheet(tmp_path, "may,Utrecht,NL,2030-05-13,13:00,15:00,Neude,Neude 1,5\n")
    full_event.refresh_from_db()
    assert full_event.capacity == 1
