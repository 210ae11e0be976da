"""TASKS_BACKEND=rq: the task queue on Redis (django-tasks-rq), and `turnout worker` for it.

Priorities: RQ has none beyond "the front of the queue", and django-tasks-rq refuses a task
that sets one (the press task does: it waits behind email). Here a task with a priority below
the default goes to a second queue, "low", which a worker takes from only when "default" is
empty: the same order the database queue keeps.

The worker runs tasks one at a time in its own process, as the database queue's does (RQ's
SimpleWorker: no fork per task, so nothing is shared with a child and a task starts at once),
and checks the database connection before and after each task, as Django does around a
request: a connection the database dropped (a restart, CONN_MAX_AGE) is replaced, not reused.
Scheduled tasks (`run_after`) are moved to their queue by RQ's own scheduler.

Redis lost (a restart, a failover) does not end a worker: RQ's `work()` raises on the first
refused connection, and `run` starts a fresh RQ worker once Redis answers again, after a
capped, jittered back-off, as the database queue's worker does for its database. Tasks queued
in a Redis without persistence are lost with it; the outbox's sweep sends their email anyway.
"""

import logging
import time

import django_tasks_rq
import redis
from django.db import close_old_connections
from django_rq.queues import get_queues
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.base import DEFAULT_TASK_PRIORITY
from rq import SimpleWorker
from rq.exceptions import StopRequested

from turnout.web.backoff import backoff_seconds

logger = logging.getLogger(__name__)

# In the order a worker takes from them.
QUEUES = ["default", "low"]


class RQBackend(django_tasks_rq.RQBackend):
    supports_priority = True

    def enqueue(self, task, args, kwargs):
        if task.priority < DEFAULT_TASK_PRIORITY and task.queue_name == QUEUES[0]:
            task = task.using(queue_name="low")
        return super().enqueue(task, args, kwargs)


class TaskWorker(SimpleWorker):
    stopping = False  # SIGTERM or Ctrl+C came: `run` must not start a worker again

    def request_stop(self, signum, frame):
        self.stopping = True
        super().request_stop(signum, frame)

    def execute_job(self, job, queue):
        close_old_connections()
        try:
            return super().execute_job(job, queue)
        finally:
            close_old_connections()


def uses_rq() -> bool:
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], django_tasks_rq.RQBackend)


def rq_worker(*, name: str) -> TaskWorker:
    """A worker for every queue the backend sends tasks to, "default" first."""
    queues = task_backends[DEFAULT_TASK_BACKEND_ALIAS].queues
    ordered = [q for q in QUEUES if q in queues] + sorted(set(queues) - set(QUEUES))
    rq_queues = get_queues(*ordered, job_class=django_tasks_rq.Job)
    return TaskWorker(
        rq_queues,
        connection=rq_queues[0].connection,
        job_class=django_tasks_rq.Job,
        queue_class=type(rq_queues[0]),
        name=name,
    )


REDIS_LOST = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
FIRST_WAIT_SECONDS = 0.5
LONGEST_WAIT_SECONDS = 30.0
SETTLED_AFTER_SECONDS = 60.0  # a worker that ran this long starts the back-off afresh


def run(worker: TaskWorker, *, batch: bool) -> None:
    """Work until stopped (SIGTERM, Ctrl+C), or with `batch` until the queues are empty."""
    if batch:
        worker.work(burst=True, with_scheduler=True, logging_level="INFO")
        return
    name, restarts, failures = worker.name, 0, 0
    current: TaskWorker | None = worker
    while True:
        started = time.monotonic()
        try:
            # Under a new name after a loss: Redis may have kept the old one's registration
            # (with persistence), which RQ would take for a worker still running.
            current = current or rq_worker(name=f"{name}.{restarts}")
            current.work(burst=False, with_scheduler=True, logging_level="INFO")
            return
        except REDIS_LOST as error:
            if current is not None and current.stopping:
                return  # told to stop, and Redis went too: nothing to start again
            current = None
            restarts += 1
            failures = 1 if time.monotonic() - started >= SETTLED_AFTER_SECONDS else failures + 1
            wait = backoff_seconds(failures, base=FIRST_WAIT_SECONDS, cap=LONGEST_WAIT_SECONDS)
            logger.warning(
                "The task worker lost Redis (%s: %s); starting again in %.1f s",
                type(error).__name__, str(error).strip(), wait,
            )  # fmt: skip
            try:
                time.sleep(wait)
            except StopRequested:  # SIGTERM or Ctrl+C while waiting (RQ's handler raises it)
                return
