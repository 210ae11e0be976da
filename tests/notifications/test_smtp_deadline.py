"""SMTP sends end at an overall deadline, however slowly the mail server answers."""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.core.mail import EmailMessage, get_connection, send_mail
from django.utils import timezone

from tests.web.trickle import serving, trickle
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage
from turnout.notifications.smtp import DeadlineEmailBackend, SMTPDeadlineExceeded, _Watchdog

DEADLINE = 1.0
MARGIN = 1.0  # scheduling slack on a loaded machine; the replies below take 30 s
LONG = b"." * 300  # 30 seconds at the pace below, far past any deadline here


def smtp_peer(*, slow_greeting: bool = False, slow_acceptance: bool = False):
    """A mail server that answers promptly, except where asked to send a byte every 0.1 s."""

    def handle(connection: socket.socket, stop: threading.Event) -> None:
        connection.settimeout(5)
        greeting = b"220 slow.example ESMTP " + LONG + b"\r\n"
        if slow_greeting:
            trickle(connection, greeting, stop, 0.1)
            return
        connection.sendall(greeting)
        lines = connection.makefile("rb")
        in_data = False
        for line in lines:
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    reply = b"250 2.0.0 queued " + LONG + b"\r\n"
                    if slow_acceptance:
                        trickle(connection, reply, stop, 0.1)
                        return
                    connection.sendall(reply)
                continue
            command = line[:4].upper()
            if command == b"EHLO":
                connection.sendall(b"250-slow.example\r\n250 8BITMIME\r\n")
            elif command == b"DATA":
                connection.sendall(b"354 go ahead\r\n")
                in_data = True
            elif command == b"QUIT":
                connection.sendall(b"221 bye\r\n")
                return
            else:
                connection.sendall(b"250 OK\r\n")

    return handle


def backend(peer, *, deadline: float = DEADLINE) -> DeadlineEmailBackend:
    # EMAIL_TIMEOUT far above the deadline: only the deadline can end a trickle.
    return DeadlineEmailBackend(
        host=peer.host,
        port=peer.port,
        username="",
        password="",
        use_tls=False,
        use_ssl=False,
        timeout=10,
        deadline=deadline,
    )


def message() -> EmailMessage:
    return EmailMessage("Hello", "Body", "turnout@example.org", ["person@example.org"])


def test_a_greeting_sent_a_byte_at_a_time_is_abandoned_at_the_deadline():
    with serving(smtp_peer(slow_greeting=True)) as peer:
        started = time.monotonic()
        with pytest.raises(SMTPDeadlineExceeded, match="to open the connection"):
            backend(peer).send_messages([message()])
        elapsed = time.monotonic() - started
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + MARGIN


def test_an_acceptance_sent_a_byte_at_a_time_is_abandoned_at_the_deadline():
    with serving(smtp_peer(slow_acceptance=True)) as peer:
        mail = backend(peer)
        mail.open()
        started = time.monotonic()
        with pytest.raises(SMTPDeadlineExceeded, match="to accept a message"):
            mail.send_messages([message()])
        elapsed = time.monotonic() - started
        mail.close()  # the connection is dead: closing it neither hangs nor raises
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + MARGIN


def test_a_prompt_server_gets_every_message_on_one_connection():
    with serving(smtp_peer()) as peer:
        mail = backend(peer, deadline=5)
        assert mail.send_messages([message(), message(), message()]) == 3
        assert len(peer.connections) == 1


def test_the_real_smtp_server_receives_mail_through_the_deadline_backend(smtp_server, settings):
    settings.EMAIL_BACKEND = "turnout.notifications.smtp.DeadlineEmailBackend"
    settings.EMAIL_DEADLINE = 5
    assert isinstance(get_connection(), DeadlineEmailBackend)
    send_mail("Subject", "Text", "turnout@example.org", ["someone@example.org"])
    assert [str(m["To"]) for m in smtp_server.messages] == ["someone@example.org"]


@pytest.mark.django_db
def test_the_outbox_retries_a_message_the_server_was_too_slow_to_accept(settings):
    with serving(smtp_peer(slow_acceptance=True)) as peer:
        settings.EMAIL_BACKEND = "turnout.notifications.smtp.DeadlineEmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = peer.host, peer.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT, settings.EMAIL_DEADLINE = 10, DEADLINE
        email = Email(
            kind="test", to="a@example.org", language="en", subject="S", text="T", html=""
        )
        queued = outbox.enqueue(email, now=timezone.now())
        started = time.monotonic()
        report = outbox.deliver_due()
        elapsed = time.monotonic() - started
    assert report.retried == [queued.message_id]
    queued.refresh_from_db()
    assert queued.state == OutboxMessage.State.PENDING
    assert "took longer than 1 s" in queued.last_error
    assert elapsed < DEADLINE * 2 + MARGIN  # the message, then QUIT on the dead connection


@pytest.mark.parametrize(
    "variables",
    [
        {"EMAIL_URL": "smtp://mail.example.org:587/?tls=True"},
        {"EMAIL_HOST": "mail.example.org"},
    ],
)
def test_settings_choose_the_deadline_backend_whenever_smtp_is_configured(variables):
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"EMAIL_URL", "EMAIL_HOST", "EMAIL_DEADLINE"}
    }
    environment.update(variables, DJANGO_SETTINGS_MODULE="turnout.settings")
    script = (
        "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_DEADLINE)"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == ["turnout.notifications.smtp.DeadlineEmailBackend", "30.0"]


def test_one_thread_keeps_every_deadline_however_many_messages():
    with serving(smtp_peer()) as peer:
        mail = backend(peer, deadline=5)
        mail.open()
        before = threading.active_count()
        assert mail.send_messages([message() for _ in range(50)]) == 50
        assert threading.active_count() == before  # no thread per message
        mail.close()
    keepers = [t for t in threading.enumerate() if t.name == "smtp-deadlines"]
    assert len(keepers) == 1


def test_an_early_deadline_kept_after_later_ones_still_fires_on_time():
    later = _Watchdog(30)
    sooner = _Watchdog(0.3)
    started = time.monotonic()
    while not sooner.has_fired and time.monotonic() - started < 5:
        time.sleep(0.01)
    assert sooner.has_fired and 0.25 <= time.monotonic() - started < 0.3 + MARGIN
    assert not later.has_fired
    later.stop()


def test_a_watchdog_stopped_before_its_deadline_never_fires():
    stopped = _Watchdog(0.1)
    stopped.stop()
    time.sleep(0.3)
    assert not stopped.has_fired


def test_a_forked_child_keeps_deadlines_with_a_thread_of_its_own():
    # RQ runs each job in a forked work horse, which has none of its parent's threads.
    _Watchdog(30).stop()  # the parent's keeper is running
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        watchdog = _Watchdog(0.2)
        time.sleep(1)
        os.write(write, b"1" if watchdog.has_fired else b"0")
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    assert os.read(read, 1) == b"1"
