"""Django's SMTP backend under an overall deadline, chosen in settings whenever SMTP is.

EMAIL_TIMEOUT bounds each socket operation, so a mail server that answers one byte a second
holds a worker as long as it likes. Here opening a connection (greeting, STARTTLS, login),
sending each message and closing each get EMAIL_DEADLINE seconds in all: when they are spent,
a watchdog shuts the socket down, which wakes the blocked read at once, and the attempt fails
with SMTPDeadlineExceeded, a disconnection the outbox retries like any other. (Whether the
server kept a message it was still acknowledging cannot be known; that is SMTP's old doubt,
the same as for any connection lost at that moment.) Name resolution runs in the operating
system's resolver, with its own time-outs, before there is a socket to shut down.
"""

import heapq
import itertools
import logging
import math
import os
import smtplib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend

logger = logging.getLogger(__name__)


class SMTPDeadlineExceeded(smtplib.SMTPServerDisconnected):
    """The mail server took longer than the overall deadline; the connection was cut."""


class _Watchdog:
    """Shuts down the socket of an SMTP connection once `seconds` have passed, unless stopped
    before. One thread of the process (`_DEADLINES`) keeps every watchdog's time: a thread of
    its own for each message cost more than sending it (it must start before the send goes on,
    which on busy cores took longer than the send)."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.has_fired = False
        self.is_stopped = False
        self._lock = threading.Lock()
        self._connections: list[smtplib.SMTP] = []
        self._sockets: list[socket.socket] = []
        _DEADLINES.keep(self)

    def seconds_left(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def watch(self, connection: smtplib.SMTP, sock: socket.socket | None = None) -> None:
        with self._lock:
            self._connections.append(connection)
            if sock is not None:
                self._sockets.append(sock)
            if self.has_fired:
                self._cut()

    def stop(self) -> None:
        with self._lock:  # once stopped it never fires: has_fired says what happened before
            self.is_stopped = True
            self._connections.clear()
            self._sockets.clear()

    def fire(self) -> None:
        with self._lock:
            if self.is_stopped:
                return
            self.has_fired = True
            self._cut()

    def _cut(self) -> None:
        # The connection's current socket (after STARTTLS, the TLS one) and the socket it was
        # opened with (before the connection had stored it). shutdown(), unlike close(), wakes
        # a read blocked in another thread; socket.socket's own, for a TLS socket too, since
        # ssl's would tear down its state under the reading thread.
        sockets = [getattr(c, "sock", None) for c in self._connections] + self._sockets
        for sock in sockets:
            if sock is None:
                continue
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass  # already closed, or replaced by its TLS wrapper


class _Deadlines:
    """The thread that fires watchdogs whose deadline has passed, sleeping until the next one.

    A stopped watchdog stays in the heap until its deadline comes round (removing it would cost
    every message a search); so the heap holds at most the messages of one EMAIL_DEADLINE.
    """

    _condition: threading.Condition
    _waiting: list[tuple[float, int, "_Watchdog"]]
    _count: "itertools.count[int]"
    _wakes_at: float
    _thread: threading.Thread | None

    def __init__(self) -> None:
        self.forget_thread()

    def keep(self, watchdog: _Watchdog) -> None:
        with self._condition:
            heapq.heappush(self._waiting, (watchdog.deadline, next(self._count), watchdog))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="smtp-deadlines", daemon=True
                )
                self._thread.start()
            elif watchdog.deadline < self._wakes_at:
                self._condition.notify()  # the usual deadline comes after those waiting

    def _run(self) -> None:
        with self._condition:
            while True:
                now = time.monotonic()
                while self._waiting and (
                    self._waiting[0][0] <= now or self._waiting[0][2].is_stopped
                ):
                    watchdog = heapq.heappop(self._waiting)[2]
                    watchdog.fire()  # does nothing if it was stopped
                self._wakes_at = self._waiting[0][0] if self._waiting else math.inf
                self._condition.wait(None if not self._waiting else self._wakes_at - now)

    def forget_thread(self) -> None:
        """A fresh start: also in a forked child (RQ's work horse), whose copy of the thread is
        gone and whose copy of the lock may be held."""
        self._condition = threading.Condition()
        self._waiting = []
        self._count = itertools.count()
        self._wakes_at = math.inf
        self._thread = None


_DEADLINES = _Deadlines()
os.register_at_fork(after_in_child=_DEADLINES.forget_thread)


_watchdog: ContextVar[_Watchdog | None] = ContextVar("smtp_watchdog", default=None)


class _WatchedSMTP(smtplib.SMTP):
    """An SMTP connection whose socket is handed to the watchdog the moment it exists."""

    def _get_socket(self, host, port, timeout):
        watchdog = _watchdog.get()
        if watchdog is None:
            return super()._get_socket(host, port, timeout)
        left = watchdog.seconds_left()
        if left <= 0:
            raise SMTPDeadlineExceeded("the overall deadline passed before connecting")
        sock = super()._get_socket(host, port, left if timeout is None else min(timeout, left))
        sock.settimeout(timeout)  # later reads: EMAIL_TIMEOUT each, the watchdog for the whole
        watchdog.watch(self, sock)
        return sock


class _WatchedSMTPSSL(_WatchedSMTP, smtplib.SMTP_SSL):
    pass


class DeadlineEmailBackend(EmailBackend):
    """Django's SMTP backend; opening, each message and closing end within `deadline` seconds."""

    def __init__(self, *args, deadline: float | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = settings.EMAIL_DEADLINE if deadline is None else deadline

    @property
    def connection_class(self):
        return _WatchedSMTPSSL if self.use_ssl else _WatchedSMTP

    def open(self):
        with self._overall_deadline("to open the connection"):
            return super().open()

    def close(self) -> None:
        try:
            with self._overall_deadline("to close the connection"):
                super().close()
        except SMTPDeadlineExceeded as error:
            # Nothing is lost: the messages were answered before. The connection is gone
            # either way, and a caller closing after a failure must get to record it.
            logger.warning("%s", error)

    def _send(self, email_message):
        with self._overall_deadline("to accept a message"):
            return super()._send(email_message)

    @contextmanager
    def _overall_deadline(self, doing: str) -> Iterator[None]:
        watchdog = _Watchdog(self.deadline)
        # Django keeps a connection still being opened (STARTTLS, login) apart until it is ready.
        for connection in (self.connection, getattr(self, "_partial_connection", None)):
            if connection is not None:
                watchdog.watch(connection)
        token = _watchdog.set(watchdog)
        exceeded = SMTPDeadlineExceeded(
            f"the mail server took longer than {self.deadline:g} s {doing}"
        )
        try:
            yield
        except OSError as error:  # smtplib's errors and socket errors alike
            if watchdog.has_fired:
                raise exceeded from error
            raise
        finally:
            _watchdog.reset(token)
            watchdog.stop()
        if watchdog.has_fired and not self.fail_silently:
            # The cut can end a reply mid-line, and smtplib reads the start of a line before
            # the end of the stream as a whole answer: "250 2.0" would pass for acceptance.
            raise exceeded
