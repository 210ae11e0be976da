"""The outbox admin says whether a task worker is sending and how far behind email is."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import UserFactory
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage
from turnout.web import heartbeat

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
PAGE = "/admin/notifications/outboxmessage/"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def admin(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def queue(n: int, *, minutes_ago: float, state: str = "pending") -> None:
    for i in range(n):
        email = Email(kind="test", to=f"p{i}@example.org", language="en", subject="S",
                      text="T", html="")  # fmt: skip
        message = outbox.enqueue(email, now=NOW - timedelta(minutes=minutes_ago))
        OutboxMessage.objects.filter(pk=message.pk).update(state=state)


def summary(response) -> str:
    page = response.content.decode()
    start = page.index('id="outbox-health"')
    block = page[start : page.index("</ul>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))


def test_the_outbox_list_shows_the_heartbeat_and_the_backlog(admin):
    heartbeat.beat(worker_id="mailer:42", started_at=NOW, now=NOW - timedelta(seconds=30))
    queue(3, minutes_ago=125)
    queue(2, minutes_ago=5)
    queue(4, minutes_ago=600, state="failed")
    queue(1, minutes_ago=600, state="uncertain")
    queue(6, minutes_ago=600, state="sent")
    response = admin.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = summary(response)
    assert "Task worker: last heartbeat" in text and "from mailer:42" in text
    assert "(0 minutes ago)" in text
    assert "No task worker is running" not in text
    assert "5 emails waiting to be sent." in text
    assert "The oldest has been due for 2 hours, 5 minutes." in text
    assert "4 failed" in text
    assert "1 uncertain (a worker stopped while sending)" in text
    assert 'href="?state__exact=failed"' in response.content.decode()


def test_a_stale_heartbeat_and_no_heartbeat_are_called_out(admin, settings):
    settings.READY_WORKER_STALE_SECONDS = 60
    heartbeat.beat(worker_id="mailer:42", started_at=NOW, now=NOW - timedelta(minutes=10))
    text = summary(admin.get(PAGE, HTTP_ACCEPT_LANGUAGE="en"))
    assert "No task worker is running: email is not being sent." in text
    assert "(10 minutes ago)" in text

    heartbeat.forget_gone_workers(now=NOW + timedelta(days=2))
    text = summary(admin.get(PAGE, HTTP_ACCEPT_LANGUAGE="en"))
    assert "No task worker has reported in the last day" in text
    assert "0 emails waiting to be sent." in text
    assert "The oldest" not in text


def test_no_worker_is_looked_for_when_tasks_run_elsewhere(admin, settings):
    settings.TASKS_BACKEND = "immediate"
    text = summary(admin.get(PAGE, HTTP_ACCEPT_LANGUAGE="en"))
    assert "“immediate” backend" in text
    assert "No task worker" not in text


def test_the_summary_is_in_dutch_for_a_dutch_administrator(admin):
    heartbeat.beat(worker_id="mailer:42", started_at=NOW, now=NOW - timedelta(seconds=5))
    queue(2, minutes_ago=90)
    queue(1, minutes_ago=90, state="failed")
    text = summary(admin.get(PAGE, HTTP_ACCEPT_LANGUAGE="nl"))
    assert "Bezorging van e-mail" in text
    assert "Taakverwerker: laatste hartslag" in text
    assert "2 e-mails wachten op verzending." in text
    assert "De oudste wacht al 1 uur, 30 minuten." in text
    assert "1 mislukt" in text
