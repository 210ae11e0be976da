import pytest

from .pages import start_press_server


@pytest.fixture
def press_server(settings):
    """A local HTTP server with press pages; private addresses allowed for it alone."""
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True
    settings.PRESS_METADATA_TIMEOUT = 0.5
    server, release, info = start_press_server()
    yield info
    release.set()
    server.shutdown()
    server.server_close()


def run_queued_tasks() -> int:
    """Run what the database queue holds, as `turnout worker` does; returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.ready().count()
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="press-tests",
        excluded_queue_names=[],
    ).run()
    return queued
