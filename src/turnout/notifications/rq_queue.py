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
"""

import django_tasks_rq
from django.db import close_old_connections
from django_rq.queues import get_queues
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.base import DEFAULT_TASK_PRIORITY
from rq import SimpleWorker

# In the order a worker takes from them.
QUEUES = ["default", "low"]


class RQBackend(django_tasks_rq.RQBackend):
    supports_priority = True

    def enqueue(self, task, args, kwargs):
        if task.priority < DEFAULT_TASK_PRIORITY and task.queue_name == QUEUES[0]:
            task = task.using(queue_name="low")
        return super().enqueue(task, args, kwargs)


class TaskWorker(SimpleWorker):
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


def run(worker: TaskWorker, *, batch: bool) -> None:
    """Work until stopped (SIGTERM, Ctrl+C), or with `batch` until the queues are empty."""
    worker.work(burst=batch, with_scheduler=True, logging_level="INFO")
