"""Signup rate limits hold under a burst from one address spread over several gunicorn workers."""

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.reliability.served import served

pytestmark = pytest.mark.slow

LIMIT = 10
ATTEMPTS = 40

SEED = """
from datetime import timedelta
from django.utils import timezone
from turnout.campaigns.models import Campaign, LocalEvent

now = timezone.now()
campaign = Campaign.objects.create(
    slug="surge", title="Surge", starts_on=(now + timedelta(days=9)).date(),
    ends_on=(now + timedelta(days=9)).date(), status="published",
)
result = LocalEvent.objects.create(
    campaign=campaign, title="Protest in Utrecht", city="Utrecht", country="NL",
    timezone="Europe/Amsterdam", status="approved",
    starts_at=now + timedelta(days=9), ends_at=now + timedelta(days=9, hours=2),
).pk
"""


def hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def test_a_burst_of_signups_from_one_address_stops_at_the_limit_and_writes_no_more(
    served_database,
):
    database = served_database
    event = database.python(SEED)
    settings = {
        "SIGNUP_RATE_PER_IP": str(LIMIT),
        "SIGNUP_RATE_PER_EMAIL": "1000",
        "SIGNUP_MIN_SECONDS": "0",
        "WEB_CONCURRENCY": "3",  # each worker a process of its own: the count must be shared
        "WEB_THREADS": "8",
    }
    with served(database, **settings) as base, httpx.Client(base_url=base, timeout=30) as http:
        page = http.get(f"/nl/events/{event}/").text
        form = {
            "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
            "stamp": hidden(page, "stamp"),
            "name": "Ada",
            "phone": "",
            "website": "",
            "accepted_code_of_conduct": "on",
        }

        def sign_up(i: int) -> httpx.Response:
            data = {**form, "email": f"person{i}@example.org"}
            return http.post(f"/nl/signups/events/{event}/", data=data)

        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(sign_up, range(ATTEMPTS)))

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [302] * LIMIT + [429] * (ATTEMPTS - LIMIT)
    for answer in answers:
        if answer.status_code == 429:
            assert 0 < int(answer.headers["Retry-After"]) <= 3600
            assert "Te veel aanmeldingen in korte tijd" in answer.text
    (written,) = database.query("SELECT count(*) FROM signups_signup")
    assert written == (LIMIT,)
    # One confirmation request per accepted signup, no more: in the outbox, or still owed by
    # the signup if the server's worker has not written it yet (one statement, one snapshot).
    (queued,) = database.query(
        "SELECT (SELECT count(*) FROM notifications_outboxmessage)"
        " + (SELECT count(*) FROM signups_signup WHERE letter_due <> '')"
    )
    assert queued == (LIMIT,)
