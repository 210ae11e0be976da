"""SITE_URL follows the address the site is served on unless set, and every absolute link the
site hands out (emails, calendar files, feeds, API answers, exports) starts with it."""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.management import call_command

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import form_data
from turnout.groups.models import Channel
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.web.site_url import follow_served_address, served_site_url

SITE = "https://turnout.example.org:9443"
# Namespace and doctype URIs name a vocabulary; they are not links a reader follows.
VOCABULARIES = ("http://www.w3.org/", "http://www.sitemaps.org/", "http://purl.org/")
ABSOLUTE_LINK = re.compile(r"""https?://[^\s"'<>\\)]+""")


def settings_in_a_fresh_process(tmp_path, **environment: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT"}}
    env.update(
        DJANGO_SETTINGS_MODULE="turnout.settings",
        TURNOUT_DATA_DIR=str(tmp_path),
        SECRET_KEY="x" * 50,
        **environment,
    )
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'SITE_URL': settings.SITE_URL}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("environment", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "9000"}, "http://127.0.0.1:9000"),
        ({"HOST": "localhost", "PORT": "9000"}, "http://localhost:9000"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://127.0.0.1:9000"),
        ({"HOST": "::1", "PORT": "9000"}, "http://[::1]:9000"),
        ({"PORT": "9000", "SITE_URL": "https://example.org/"}, "https://example.org"),
    ],
)
def test_site_url_unset_is_the_served_host_and_port(tmp_path, environment, site_url):
    assert settings_in_a_fresh_process(tmp_path, **environment)["SITE_URL"] == site_url


def test_serve_and_demo_flags_move_site_url_and_hand_it_to_their_children(settings, monkeypatch):
    settings.SITE_URL = "http://127.0.0.1:8000"  # restored after the test, with what follows
    monkeypatch.setenv("SITE_URL", "")
    follow_served_address(host="127.0.0.1", port=9000)
    assert settings.SITE_URL == os.environ["SITE_URL"] == "http://127.0.0.1:9000"


def test_a_configured_site_url_is_never_overridden_by_the_port(settings, monkeypatch):
    settings.SITE_URL = "https://turnout.example.org"
    monkeypatch.setenv("SITE_URL", "https://turnout.example.org")
    follow_served_address(host="0.0.0.0", port=9000)
    assert settings.SITE_URL == "https://turnout.example.org"


def test_served_site_url_writes_ipv6_hosts_in_brackets():
    assert served_site_url("2001:db8::1", 9000) == "http://[2001:db8::1]:9000"
    assert served_site_url("[::]", "") == "http://127.0.0.1:8000"


@pytest.mark.django_db
def test_demo_on_another_port_stores_links_to_that_port(settings, monkeypatch):
    settings.SITE_URL = "http://127.0.0.1:8000"
    monkeypatch.setenv("SITE_URL", "")
    call_command("demo", no_serve=True, port=9000)
    own_links = [
        address
        for address in Channel.objects.values_list("address", flat=True)
        if "127.0.0.1" in address
    ]
    assert own_links
    assert all(link.startswith("http://127.0.0.1:9000/") for link in own_links)


# --- every absolute link agrees with SITE_URL ------------------------------------------------


def absolute_links(text: str) -> list[str]:
    return [link for link in ABSOLUTE_LINK.findall(text) if not link.startswith(VOCABULARIES)]


def assert_all_on_site(text: str, where: str) -> int:
    links = absolute_links(text)
    strays = [link for link in links if not link.startswith(f"{SITE}/")]
    assert not strays, f"{where}: links not under SITE_URL: {strays}"
    return len(links)


@pytest.mark.django_db
def test_every_absolute_link_handed_out_starts_with_site_url(client, settings):
    settings.SITE_URL = SITE
    campaign = CampaignFactory(slug="may", title="May action", starts_on=date(2030, 5, 13))
    event = LocalEventFactory(campaign=campaign, city="Utrecht", venue="Neude", capacity=10)
    coordinator = UserFactory(email="coordinator@example.org")
    campaign.coordinators.add(coordinator)

    # Emails: the signup's confirmation request, its confirmation with the invite, a sign-in.
    assert client.post(f"/en/signups/events/{event.pk}/", form_data()).status_code == 302
    write_owed_letters()
    signup = Signup.objects.get()
    client.post(f"/en/signups/{signup.token}/confirm/")
    write_owed_letters()
    client.post("/en/accounts/sign-in/", {"email": coordinator.email})
    write_owed_letters()  # the delivery run writes the sign-in email the request asked for
    emails = list(OutboxMessage.objects.all())
    assert len(emails) >= 3
    found = 0
    for email in emails:
        found += assert_all_on_site(email.body_text, f"{email.kind} text")
        found += assert_all_on_site(email.body_html, f"{email.kind} html")
        for attachment in email.attachments:
            found += assert_all_on_site(attachment["content"], attachment["filename"])
    assert found >= len(emails)  # every email links back to the site
    assert any(f"{SITE}/en/signups/{signup.token}/" in email.body_text for email in emails)

    # Calendar files: the participant's invite and the public feeds.
    invite = client.get(f"/en/signups/{signup.token}/invite.ics").content.decode()
    assert assert_all_on_site(invite, "invite.ics") >= 1
    feed = client.get("/feeds/events.ics").content.decode()
    assert f"{SITE}/en/events/{event.pk}/" in feed.replace("\r\n ", "")
    assert_all_on_site(feed.replace("\r\n ", ""), "events.ics")

    # The API's url fields, and its links to the next and previous pages.
    LocalEventFactory(campaign=campaign, city="Leiden")
    api = client.get("/api/v1/events/").json()
    assert assert_all_on_site(json.dumps(api), "API events") >= 2
    first_page = client.get("/api/v1/events/?page_size=1").json()
    assert first_page["next"].startswith(f"{SITE}/api/v1/events/?")
    assert client.get(first_page["next"].removeprefix(SITE)).json()["previous"].startswith(SITE)
    assert assert_all_on_site(json.dumps(client.get("/api/v1/campaigns/").json()), "API") >= 1

    # RSS and Atom: every link and id, not the request's host (testserver).
    for path in ("/feeds/campaigns.rss", "/feeds/campaigns.atom"):
        text = client.get(path).content.decode()
        assert "testserver" not in text, path
        root = ET.fromstring(text)
        links = [e.text or "" for e in root.iter() if e.tag.endswith(("link", "guid", "id"))]
        links += [e.get("href", "") for e in root.iter() if e.get("href")]
        assert links and all(link.startswith(f"{SITE}/") for link in links if link), links
        assert_all_on_site(text, path)

    # The coordinator's CSV export of the campaign's events.
    client.force_login(coordinator)
    csv_text = client.post("/en/dashboard/campaigns/may/events.csv").content.decode()
    assert f"{SITE}/en/events/{event.pk}/" in csv_text
    assert_all_on_site(csv_text, "events.csv")
