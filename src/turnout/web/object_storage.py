"""The object store (MEDIA_STORAGE_URL) with one overall deadline for each thing asked of it.

boto's time-outs (MEDIA_STORAGE_TIMEOUT) bound each connect and each socket read, so a store that
answers a byte at a time, none of its reads ever slow, holds the web worker that asked for as
long as it likes. Here every call that talks to the store runs on one of a few threads of this
module, and the caller waits for it at most as long as boto's own limits allow an honest store
(every attempt's connect and read); after that it gets `StorageDeadlineExceeded`, an OSError like
a full disk's, which the callers of the storage already turn into a clear answer.

The thread keeps waiting on the store until boto gives up. There are only a few of them, so a
store in trouble ties up those threads, never the web workers; while they are all busy, later
calls wait in line and time out the same way. A file whose writing outlives its caller's
deadline is removed once written: the caller has said that nothing was stored.
"""

import logging
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

_THREADS = 8


class StorageDeadlineExceeded(TimeoutError):
    """The object store did not finish within the deadline (a TimeoutError, so an OSError)."""


class _Callers:
    """A few threads that make the calls to the store, taken in turn from a queue. They are
    daemon threads (unlike a ThreadPoolExecutor's), so that one stuck on the store never keeps
    a command or a worker from exiting; they start with the first call."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._started = False

    def submit(self, call: Callable[[], Any]) -> Future:
        pending: Future = Future()
        self._calls.put((pending, call))
        with self._lock:
            if not self._started:
                for number in range(_THREADS):
                    name = f"object-store-{number}"
                    threading.Thread(target=self._serve, name=name, daemon=True).start()
                self._started = True
        return pending

    def _serve(self) -> None:
        while True:
            pending, call = self._calls.get()
            if not pending.set_running_or_notify_cancel():
                continue  # its caller gave up before it started
            try:
                result = call()
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                pending.set_exception(error)
            else:
                pending.set_result(result)


_callers = _Callers()


def _new_callers_in_child() -> None:
    # A forked worker (gunicorn) inherits the queue but not the threads: it needs its own.
    global _callers
    _callers = _Callers()


os.register_at_fork(after_in_child=_new_callers_in_child)


class DeadlineS3Storage(S3Storage):
    """django-storages' S3 storage whose every call to the store ends within `deadline()`."""

    def deadline(self) -> float:
        """Seconds an honest store can take: each attempt's connect and read, plus a second
        for boto's pause between attempts."""
        config = self.client_config
        attempts = (config.retries or {}).get("max_attempts", 1)
        return attempts * (config.connect_timeout + config.read_timeout) + 1

    def _within_deadline(
        self, doing: str, call: Callable[[], Any], *, when_late: Callable[[Any], None] | None = None
    ) -> Any:
        pending = _callers.submit(call)
        seconds = self.deadline()
        try:
            return pending.result(timeout=seconds)
        except FutureTimeout:
            if not pending.cancel() and when_late is not None:
                pending.add_done_callback(_late(when_late))
            logger.warning("the object store took longer than %g s to %s", seconds, doing)
            raise StorageDeadlineExceeded(
                f"the object store took longer than {seconds:g} s to {doing}"
            ) from None

    def _save(self, name, content):
        return self._within_deadline(
            f"store {name}", lambda: S3Storage._save(self, name, content), when_late=self._forget
        )

    def _forget(self, name: str) -> None:
        S3Storage.delete(self, name)

    def _open(self, name, mode="rb"):
        def opened():
            file = S3Storage._open(self, name, mode)
            if "r" in mode:
                file.file  # noqa: B018  (the whole object, fetched now rather than while served)
            return file

        return self._within_deadline(f"read {name}", opened)

    def delete(self, name):
        return self._within_deadline(f"delete {name}", lambda: S3Storage.delete(self, name))

    def exists(self, name):
        return self._within_deadline(f"look up {name}", lambda: S3Storage.exists(self, name))

    def listdir(self, name):
        return self._within_deadline(
            f"list {name or 'its files'}", lambda: S3Storage.listdir(self, name)
        )

    def size(self, name):
        return self._within_deadline(f"measure {name}", lambda: S3Storage.size(self, name))

    def get_modified_time(self, name):
        return self._within_deadline(
            f"date {name}", lambda: S3Storage.get_modified_time(self, name)
        )


def _late(then: Callable[[Any], None]) -> Callable[[Future], None]:
    """A callback for a call that finished after its caller gave up: `then(result)` if it
    succeeded after all."""

    def finished(done: Future) -> None:
        if done.cancelled() or done.exception() is not None:
            return
        try:
            then(done.result())
        except Exception:  # noqa: BLE001 - only tidying up: an orphan file is wasted space
            logger.warning("could not remove %s, written after its deadline", done.result())

    return finished
