"""The demo: real 2024 protest days, an always-upcoming campaign, and `turnout demo` itself."""

import os
import re
import socket
import subprocess
import sys
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from turnout.accounts.models import User
from turnout.accounts.permissions import Action, can
from turnout.campaigns import selectors
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.demo.loading import load_demo_data, upcoming_window
from turnout.groups.models import Channel, Group
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db


def test_demo_has_the_real_2024_protest_days_with_their_reach():
    load_demo_data(today=date(2026, 11, 25))
    may = Campaign.objects.get(slug="2024-may")
    november = Campaign.objects.get(slug="2024-november")
    assert selectors.campaign_reach(may) == selectors.Reach(cities=14, countries=12)
    assert selectors.campaign_reach(november) == selectors.Reach(cities=11, countries=9)
    assert (november.starts_on, november.ends_on) == (date(2024, 11, 20), date(2024, 11, 22))
    london = november.events.get(city="London")
    assert (london.signup_url, london.signup_platform) == ("https://lu.ma/qtlk8l6y", "luma")


def test_loading_the_demo_twice_updates_and_never_duplicates():
    load_demo_data(today=date(2026, 11, 25))

    def counts():
        return [
            model.objects.count()
            for model in (Campaign, LocalEvent, Group, Channel, User, OutboxMessage)
        ]

    before = counts()
    load_demo_data(today=date(2026, 11, 25))
    assert counts() == before


def test_demo_has_a_national_group_with_two_local_groups_and_their_events():
    load_demo_data(today=date(2026, 11, 25))
    national = Group.objects.get(kind="national")
    assert (national.name, national.country) == ("PauseAI Nederland", "NL")
    local = {group.city: group for group in national.local_groups.all()}
    assert set(local) == {"Amsterdam", "Utrecht"}
    upcoming = Campaign.objects.get(slug="action-weekend")
    for city, group in local.items():
        assert upcoming.events.get(city=city).group == group
    assert LocalEvent.objects.get(campaign=None, city="Amsterdam").group == local["Amsterdam"]
    links = set(Channel.objects.values_list("kind", "address"))
    assert ("discord", "https://discord.gg/2XXWXvErfA") in links
    # Only the coordination Discord and this site's own pages: no made-up links.
    assert {kind for kind, _ in links} == {"discord", "website"}
    assert all(
        address == "https://discord.gg/2XXWXvErfA" or address.startswith("http://127.0.0.1:8000/")
        for _, address in links
    )


def test_demo_accounts_coordinate_the_campaign_and_organize_the_utrecht_event(client):
    load_demo_data(today=date(2026, 11, 25))
    upcoming = Campaign.objects.get(slug="action-weekend")
    coordinator = User.objects.get(email="coordinator@example.org")
    organizer = User.objects.get(email="organizer@example.org")
    utrecht = upcoming.events.get(city="Utrecht")
    assert can(coordinator, Action.APPROVE, upcoming)
    assert can(organizer, Action.VIEW_ATTENDEES, utrecht)
    assert not can(organizer, Action.APPROVE, upcoming)
    client.force_login(coordinator)
    assert "International action weekend" in client.get("/en/dashboard/").content.decode()
    client.force_login(organizer)
    dashboard = client.get("/nl/dashboard/").content.decode()
    assert utrecht.title in dashboard and "PauseAI Utrecht" in dashboard


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2027, 2, 28), date(2030, 12, 31)])
def test_upcoming_campaign_is_always_a_weekend_ahead(today):
    starts_on, ends_on = upcoming_window(today)
    assert starts_on.weekday() == 5 and (ends_on - starts_on).days == 1
    assert 35 <= (starts_on - today).days < 42
    load_demo_data(today=today)
    upcoming = Campaign.objects.get(slug="action-weekend")
    assert upcoming.starts_on == starts_on
    assert upcoming.events.filter(starts_at__date__gte=starts_on).count() == 8


def test_demo_command_prints_working_admin_credentials(capsys):
    call_command("demo", no_serve=True)
    output = capsys.readouterr().out
    email, password = re.search(r"Administrator: (\S+)\s+password: (\S+)", output).groups()
    user = authenticate(email=email, password=password)
    assert user is not None and user.is_superuser


def test_demo_command_says_who_to_sign_in_as_and_where_the_email_lands(
    capsys, client, settings, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    call_command("demo", no_serve=True)
    output = capsys.readouterr().out
    coordinator = re.search(r"Coordinator of the upcoming campaign: (\S+)", output).group(1)
    assert re.search(r"Organizer of its Utrecht event.*: organizer@example\.org", output)
    assert "/en/accounts/sign-in/" in output
    assert f"it is a file in {tmp_path / 'mail'}" in output
    client.post("/en/accounts/sign-in/", {"email": coordinator})
    deliver_due()
    (mail_file,) = (tmp_path / "mail").iterdir()
    assert "Your sign-in code" in mail_file.read_text()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_turnout_demo_serves_the_platform_on_a_fresh_sqlite_database(tmp_path: Path):
    port = _free_port()
    env = {
        **os.environ,
        "TURNOUT_DATA_DIR": str(tmp_path),
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    env.pop("DATABASE_URL", None)
    turnout = Path(sys.executable).with_name("turnout")
    server = subprocess.Popen(
        [str(turnout), "demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        for line in server.stdout:  # blocks until the server says it listens, or exits
            if "Listening at" in line or "Booting worker" in line:
                break
        else:
            pytest.fail(f"turnout demo exited with {server.wait()}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/campaigns/2024-may/") as reply:
            page = reply.read().decode()
        assert "14 cities in 12 countries" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/turnout/site.css") as reply:
            assert reply.status == 200
        assert (tmp_path / "turnout.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)
