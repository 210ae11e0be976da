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

from turnout.campaigns import selectors
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.demo.loading import load_demo_data, upcoming_window

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
    counts = (Campaign.objects.count(), LocalEvent.objects.count())
    load_demo_data(today=date(2026, 11, 25))
    assert (Campaign.objects.count(), LocalEvent.objects.count()) == counts


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
