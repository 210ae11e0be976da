"""Slow peers on loopback for deadline tests: servers that answer one byte at a time.

`serving(handle)` runs `handle(connection, stop)` for every connection on 127.0.0.1 at a free
port, each in its own thread, until the block ends. `trickle()` sends bytes one at a time with
a pause between them, so that no single read ever waits long: per-read time-outs never fire.
"""

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Handler = Callable[[socket.socket, threading.Event], None]


@dataclass
class Peer:
    host: str
    port: int
    connections: list[float] = field(default_factory=list)  # when each was accepted

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@contextmanager
def serving(handle: Handler) -> Iterator[Peer]:
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    peer = Peer("127.0.0.1", listener.getsockname()[1])

    def serve_one(connection: socket.socket) -> None:
        with connection:
            try:
                handle(connection, stop)
            except OSError:
                pass  # the client gave up: that is what the tests want

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            peer.connections.append(time.monotonic())
            threading.Thread(target=serve_one, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield peer
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def trickle(connection: socket.socket, data: bytes, stop: threading.Event, interval: float) -> None:
    """Send `data` one byte every `interval` seconds, until sent or the test is over."""
    for byte in data:
        if stop.wait(interval):
            return
        connection.sendall(bytes([byte]))


def read_http_request(connection: socket.socket) -> bytes:
    """Read one HTTP request (head and a Content-Length body) from the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return data


def trickling_http(
    *,
    status: bytes = b"200 OK",
    content_type: bytes = b"text/html",
    body: bytes,
    interval: float,
    trickle_head: bool = False,
) -> Handler:
    """A handler that answers every request with `body`, trickling the body (or everything)."""
    head = (
        b"HTTP/1.1 " + status + b"\r\n"
        b"Content-Type: " + content_type + b"\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )

    def handle(connection: socket.socket, stop: threading.Event) -> None:
        read_http_request(connection)
        if trickle_head:
            trickle(connection, head + body, stop, interval)
        else:
            connection.sendall(head)
            trickle(connection, body, stop, interval)

    return handle
