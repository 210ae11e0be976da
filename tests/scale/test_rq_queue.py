"""The same task tests on both queues: the database (the default) and Redis (TASKS_BACKEND=rq).

Each test runs twice through the `task_backend` fixture and drives `turnout worker --batch`,
which runs the configured queue's worker: django-tasks-db's, or an RQ worker against the real
Redis. What is checked is what people see (email over real SMTP, a press link's details), that
the work went through the queue under test, and that every task ended successfully, once.
"""

from datetime import UTC, datetime, timedelta

import django_rq
import pytest
import time_machine
from django.core.management import call_command
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.signals import task_enqueued
from django_tasks_db.models import DBTaskResult

from tests.factories import CampaignFactory, LocalEventFactory
from tests.press.pages import start_press_server
from tests.signups.factories import SignupFactory, form_data
from turnout.press.models import PressMention
from turnout.signups.models import Signup

# The worker closes and reopens database connections, so the data must be committed.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def run_worker() -> None:
    call_command("worker", batch=True, verbosity=0)


@pytest.fixture
def enqueued():
    """Every task result queued during the test, as the enqueuing code got it back."""
    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(record)
    yield results
    task_enqueued.disconnect(record)


def waiting_in(backend: str) -> int:
    """How many tasks the queue under test holds, read from that queue's own store."""
    if backend == "rq":
        assert not DBTaskResult.objects.exists()  # nothing went to the database queue
        return sum(django_rq.get_queue(name).count for name in ("default", "low"))
    return DBTaskResult.objects.ready().count()


def assert_all_succeeded(enqueued) -> None:
    assert enqueued
    for queued in enqueued:
        result = default_task_backend.get_result(queued.id)
        assert result.status == TaskResultStatus.SUCCESSFUL, (queued.task, result.errors)


def test_a_signup_confirmation_is_delivered_once_by_the_worker(
    task_backend, enqueued, client, smtp_server
):
    event = LocalEventFactory(title="Vigil in Ghent")
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/en/signups/events/{event.pk}/", form_data(email="an@example.org"))
        assert response.status_code == 302
        assert waiting_in(task_backend) >= 1  # the delivery task, queued after the commit
        assert smtp_server.messages == []
        run_worker()
        assert waiting_in(task_backend) == 0
        run_worker()  # a second run finds nothing left to send
    (confirm,) = smtp_server.to("an@example.org")
    assert confirm["Subject"] == "Please confirm your signup: Vigil in Ghent"
    assert len(smtp_server.messages) == 1
    assert_all_succeeded(enqueued)


def test_reminders_fan_out_to_every_confirmed_person_once(task_backend, enqueued, smtp_server):
    starts = NOW + timedelta(hours=2)
    event = LocalEventFactory(
        title="Human chain", starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    people = [f"person{n}@example.org" for n in range(12)]
    for email in people:
        SignupFactory(event=event, email=email, created_at=NOW - timedelta(days=10))
    SignupFactory(event=event, email="waiting@example.org", state=Signup.State.WAITLISTED)
    with time_machine.travel(NOW, tick=False):
        run_worker()  # the timetable queues the reminders' task; it queues their delivery
        run_worker()
    reminded = sorted(m["To"] for m in smtp_server.messages)
    assert reminded == sorted(people)
    assert all(m["Subject"] == "Reminder: Human chain" for m in smtp_server.messages)
    assert len(set(smtp_server.message_ids())) == len(people)
    paths = {queued.task.module_path for queued in enqueued}
    assert {
        "turnout.signups.tasks.queue_due_reminders",
        "turnout.notifications.tasks.deliver_outbox",
    } <= paths
    assert_all_succeeded(enqueued)


@pytest.fixture
def press_server(settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True
    settings.PRESS_METADATA_TIMEOUT = 2
    server, release, info = start_press_server()
    yield info
    release.set()
    server.shutdown()
    server.server_close()


def test_a_press_links_details_are_read_by_the_worker(task_backend, enqueued, client, press_server):
    CampaignFactory(slug="may")
    response = client.post(
        "/nl/press/submit/campaign/may/",
        {"url": f"{press_server.url}/story", "kind": "article"},
    )
    assert response.status_code == 302
    assert press_server.requests == []  # not read during the request
    assert waiting_in(task_backend) == 1
    run_worker()
    mention = PressMention.objects.get()
    assert (mention.title, mention.outlet, mention.language) == (
        "Demonstranten willen een pauze in AI-ontwikkeling",
        "De Dagkrant",
        "nl",
    )
    assert press_server.requests == ["/story"]
    (read,) = [queued for queued in enqueued if queued.task.module_path.startswith("turnout.press")]
    assert read.task.priority < 0  # behind email: on Redis, in the "low" queue
    if task_backend == "rq":
        assert read.task.queue_name == "low"
    assert_all_succeeded(enqueued)
