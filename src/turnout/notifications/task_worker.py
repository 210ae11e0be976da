"""django-tasks-db's worker loop, made to survive losing its database.

The library's `Worker.run` raises on the first lost connection (a failover, a restart,
`pg_terminate_backend`) and `turnout worker` would end there: email then waited forever. Here
the loop is run again once the database answers, after a capped, jittered back-off
(`web/reconnection.py`), with one log line for the loss and one for the recovery.

SIGTERM and SIGINT still stop it at once: the library's handler exits straight away when no
task is running, which includes every back-off wait.
"""

import logging
import time

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from turnout.web.reconnection import DATABASE_LOST, Reconnection, database_answers

logger = logging.getLogger(__name__)


class TaskWorker(Worker):
    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.reconnection = Reconnection(name=f"Task worker {self.worker_id}", logger=logger)
        self.interrupted: DBTaskResult | None = None  # a task whose result could not be saved

    def run(self) -> None:
        while True:
            try:
                super().run()
                return
            except DATABASE_LOST as error:
                if self.batch or not self.running:
                    raise  # a batch run reports the outage; a stopping worker just stops
                self.startup_delay = False
                self.wait_for_database(error)

    def wait_for_database(self, error: BaseException) -> None:
        while self.running:
            time.sleep(self.reconnection.lost(error))
            if database_answers():
                self.reconnection.recovered()
                self.record_interrupted_task(error)
                return

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.interrupted = db_task_result
        super().run_task(db_task_result)  # raises only if the result could not be saved
        self.interrupted = None

    def record_interrupted_task(self, error: BaseException) -> None:
        """Mark the task that was running when the database went as failed, rather than
        leave it "running" forever. Its work is safe to repeat: the timetable queues every job
        again, and an email it had claimed becomes *uncertain* (docs/notifications.md)."""
        task_result, self.interrupted = self.interrupted, None
        if task_result is None:
            return
        try:
            task_result.set_failed(error)
        except DATABASE_LOST:
            logger.warning("Could not record task %s as failed", task_result.id)
