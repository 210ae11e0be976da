"""`turnout import csv events|groups`: documented columns, rejected rows listed with reasons,
nothing written while any row is rejected (unless asked), re-imports update."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import CampaignFactory
from turnout.campaigns.models import LocalEvent
from turnout.groups.models import Group

pytestmark = pytest.mark.django_db

EVENTS = """campaign,city,country,date,start_time,end_time,signup_url,status,capacity
may,Amsterdam,NL,2030-05-13,14:00,16:00,https://lu.ma/ams,,50
may,Londen,VK,2030-05-13,,,,tba,
may,Berlin,Germany,13 May 2030,15:00,,,,
"""
BAD_EVENTS = (
    EVENTS
    + """may,Atlantis,Nowhere,2030-05-13,,,,,
nope,Paris,FR,2030-05-13,,,,,
may,Rome,IT,someday,,,,,
may,Oslo,NO,2030-05-13,25:00,,,,
may,Amsterdam,NL,2030-05-13,,,,,
"""
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", "csv", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def campaign(db):
    return CampaignFactory(slug="may")


def test_events_sheet_creates_events_in_their_zones_and_updates_on_reimport(tmp_path, campaign):
    path = tmp_path / "events.csv"
    path.write_text(EVENTS)
    assert "events created: 3" in run("events", str(path))
    amsterdam = LocalEvent.objects.get(city="Amsterdam")
    assert (amsterdam.local_starts_at.hour, amsterdam.local_ends_at.hour) == (14, 16)
    assert (amsterdam.capacity, amsterdam.signup_platform, amsterdam.status) == (
        50, "luma", "approved",
    )  # fmt: skip
    london = LocalEvent.objects.get(country="GB")
    assert (london.city, london.status, london.timezone) == ("London", "tba", "Europe/London")
    assert LocalEvent.objects.get(city="Berlin").local_starts_at.hour == 15
    path.write_text(EVENTS.replace("14:00,16:00", "18:00,20:00"))
    run("events", str(path))
    amsterdam.refresh_from_db()
    assert (LocalEvent.objects.count(), amsterdam.local_starts_at.hour) == (3, 18)


def test_dry_run_lists_every_rejected_row_and_why(tmp_path, campaign):
    path = tmp_path / "events.csv"
    path.write_text(BAD_EVENTS)
    output = run("events", str(path), "--dry-run")
    assert "rejected: events.csv:5: “Nowhere” is not a country the importer knows" in output
    assert "rejected: events.csv:6: there is no campaign “nope”" in output
    assert "rejected: events.csv:7: “someday” is not a date such as 2025-05-13" in output
    assert "rejected: events.csv:8: “25:00” is not a time such as 14:00" in output
    assert "rejected: events.csv:9: it repeats row 2" in output
    assert "3 rows can be imported, 5 rejected" in output
    assert LocalEvent.objects.count() == 0


def test_a_sheet_with_rejected_rows_writes_nothing_unless_told_to_skip_them(tmp_path, campaign):
    path = tmp_path / "events.csv"
    path.write_text(BAD_EVENTS)
    with pytest.raises(CommandError, match="nothing imported: 5 rows are rejected"):
        run("events", str(path))
    assert LocalEvent.objects.count() == 0
    run("events", str(path), "--skip-rejected")
    assert LocalEvent.objects.count() == 3


def test_semicolons_and_a_missing_column_are_understood(tmp_path, campaign):
    path = tmp_path / "events.csv"
    path.write_text("\ufeffCity;Country;Date\nUtrecht;Nederland;2030-05-13\n")
    run("events", str(path))
    assert LocalEvent.objects.get().campaign is None
    path.write_text("city,date\nUtrecht,2030-05-13\n")
    assert "“Utrecht” names no country" in run("events", str(path), "--dry-run")
    path.write_text("city,country\nUtrecht,NL\n")
    assert "the sheet has no column date" in run("events", str(path), "--dry-run")


GROUPS = """name,kind,country,city,parent,discord,email,active
PauseAI Nederland,national,NL,,,https://discord.gg/abcdef,info@example.org,yes
PauseAI Utrecht,local,NL,Utrecht,,,,
PauseAI Londen,local,VK,Londen,,,,
PauseAI Lyon,local,FR,Lyon,PauseAI France,,,
PauseAI Leiden,local,NL,Leiden,PauseAI Nederland,https://example.org/not-discord,,
"""


def test_groups_sheet_creates_national_and_local_groups_with_channels(tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text(GROUPS)
    output = run("groups", str(path), "--dry-run")
    assert "rejected: groups.csv:4: name its national group in the “parent” column" in output
    assert "rejected: groups.csv:5: there is no national group “PauseAI France”" in output
    assert "rejected: groups.csv:6: " in output  # the Discord link is not a Discord invite
    assert Group.objects.count() == 0
    run("groups", str(path), "--skip-rejected")
    national = Group.objects.get(slug="pauseai-nederland")
    assert [c.kind for c in national.channels.all()] == ["discord", "email"]
    utrecht = Group.objects.get(slug="pauseai-utrecht")
    assert (utrecht.parent, utrecht.city, utrecht.country) == (national, "Utrecht", "NL")
    assert utrecht.latitude is not None
    run("groups", str(path), "--skip-rejected")
    assert Group.objects.count() == 2


def test_a_group_row_without_a_name_or_a_national_row_with_a_parent_is_rejected(tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text(
        "name,slug,kind,country,city,parent\n"
        ",utrecht,local,NL,Utrecht,\n"
        "PauseAI Nederland,,national,NL,,PauseAI World\n"
    )
    output = run("groups", str(path), "--dry-run")
    assert "rejected: groups.csv:2: the name is empty" in output
    assert "rejected: groups.csv:3: a national group has no parent group" in output
    run("groups", str(path), "--skip-rejected")  # nothing left to write, and no error
    assert Group.objects.count() == 0
