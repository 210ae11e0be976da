import pytest

from .pages import start_press_server


@pytest.fixture
def press_server(settings):
    """A local HTTP server with press pages; private addresses allowed for it alone."""
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True
    settings.PRESS_METADATA_TIMEOUT = 2
    server, release, info = start_press_server()
    yield info
    release.set()
    server.shutdown()
    server.server_close()


def run_queued_tasks() -> int:
    """Run what the database queue holds, as `turnout worker` does; returns how many ran.

    Task by task through the worker's own `run_task`: its polling loop closes the database
    connection between tasks, which would end the test's transaction.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="press-tests",
        excluded_queue_names=[],
    )
    ran = 0
    while (queued := DBTaskResult.objects.ready().first()) is not None:
        queued.claim(worker.worker_id)
        worker.run_task(queued)
        ran += 1
    return ran
