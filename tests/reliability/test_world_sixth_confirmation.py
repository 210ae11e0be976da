"""PostgreSQL stopped and restarted while people follow their confirmation links.

A throwaway cluster of the test's own (tests/reliability/clusters.py) under `turnout serve`
with persistent connections. A person who presses "confirm" while the database is down gets
the 503 page in their language with Retry-After, and their signup is still waiting; pressed
again once the database is back, it is confirmed. People pressing it at the moment the database
goes away get either that 503 or their confirmation, never a 500 or a dropped connection; in
the end each signup is confirmed exactly once and owes exactly one email.
"""

import re
import threading
from html import unescape

import httpx
import pytest

from tests.reliability.clusters import new_cluster
from tests.reliability.served import Database, one_event_campaign, served, wait_until

pytestmark = pytest.mark.slow

PEOPLE = 8

SEED = (
    one_event_campaign("bevestigen", "Bevestigingsdag")
    + f"""
from turnout.signups.models import Signup

event_id = result
result = [
    Signup.objects.create(
        event_id=event_id, name=f"Deelnemer {{n}}", email=f"deelnemer-{{n}}@example.org",
        accepted_code_of_conduct=True, state=Signup.State.AWAITING_CONFIRMATION, created_at=now,
    ).token
    for n in range({PEOPLE + 1})
]
"""
)


def confirmation_form(base: str, token: str) -> tuple[httpx.Client, dict]:
    """A browser on the person's own page (in Dutch), holding the form's CSRF token."""
    browser = httpx.Client(base_url=base, timeout=20, follow_redirects=False)
    page = browser.get(f"/nl/signups/{token}/")
    assert page.status_code == 200, page.text[:300]
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return browser, {"csrfmiddlewaretoken": unescape(csrf)}


def confirm(browser: httpx.Client, form: dict, token: str) -> tuple[int, str, str]:
    try:
        answer = browser.post(f"/nl/signups/{token}/confirm/", data=form)
    except httpx.HTTPError as error:
        return 0, type(error).__name__, ""
    return answer.status_code, answer.text, answer.headers.get("Retry-After", "")


def outcome(database: Database, token: str) -> tuple[str, int]:
    """The signup's state and how many emails it has: written to the outbox, or owed."""
    [(state, emails)] = database.query(
        "SELECT s.state, (SELECT count(*) FROM notifications_outboxmessage o"
        "  WHERE o.to_email = s.email) + (CASE WHEN s.letter_due <> '' THEN 1 ELSE 0 END)"
        f" FROM signups_signup s WHERE s.token = '{token}'"
    )
    return state, emails


@pytest.fixture
def cluster():
    with new_cluster() as cluster:
        yield cluster


def test_confirmation_links_followed_while_the_database_restarts(cluster, tmp_path):
    database = Database(cluster.url, tmp_path)
    database.turnout("migrate", "--no-input", "-v", "0", timeout=300)
    first, *others = database.python(SEED)
    with served(database, CONN_MAX_AGE="60", WEB_THREADS="4") as base:
        browser, form = confirmation_form(base, first)
        forms = {token: confirmation_form(base, token) for token in others}

        cluster.stop()
        status, page, retry = confirm(browser, form, first)
        assert (status, retry) == (503, "30"), page[:300]
        assert "Even niet beschikbaar" in page and "Traceback" not in page
        cluster.start()
        assert outcome(database, first) == ("awaiting_confirmation", 0)
        wait_until(
            lambda: confirm(browser, form, first)[0] == 302,
            timeout=30,
            message="the confirmation goes through once the database is back",
            every=0.5,
        )
        assert outcome(database, first) == ("confirmed", 1)
        assert confirm(browser, form, first)[0] == 302  # pressed once more: nothing new
        assert outcome(database, first) == ("confirmed", 1)

        # Everyone else presses at the moment the database stops.
        answers: dict[str, tuple[int, str, str]] = {}
        go = threading.Barrier(len(others) + 1)

        def press(token: str) -> None:
            go.wait()
            answers[token] = confirm(*forms[token], token)

        pressing = [threading.Thread(target=press, args=(t,), daemon=True) for t in others]
        for thread in pressing:
            thread.start()
        go.wait()
        cluster.pg_ctl("-m", "immediate", "-w", "stop")  # connections cut, no goodbye
        for thread in pressing:
            thread.join(30)
        cluster.start()
        assert {status for status, _, _ in answers.values()} <= {302, 503}, answers
        for token in others:
            wait_until(
                lambda token=token: confirm(*forms[token], token)[0] == 302,
                timeout=30,
                message="each person's confirmation goes through once the database is back",
                every=0.5,
            )
    for token in [first, *others]:
        assert outcome(database, token) == ("confirmed", 1), token
