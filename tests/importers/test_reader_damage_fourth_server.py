"""The page reader's model server misbehaving, fourth round, over real HTTP on loopback: an
answer slower than the deadline, the connection dropped mid-answer, server errors before an
answer, a stream of server-sent events cut off, a 1 MB answer, a reasoning model's answer in
YAML. What the reader keeps, what it tells the importer, and that it never hangs."""

import json
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan

from .reader3_pages import events, warnings
from .reader4_damage import DRESDEN, LEIPZIG, NL, PL, kept_event, page_plan
from .reader_server import answer

pytestmark = pytest.mark.django_db

NOT_ASKED = "the model could not be asked (%s); the page was read by the rules alone"


@dataclass
class Reply:
    """What the server sends: a status, headers, a body after a delay; `cut_at` bytes of the
    body only, then the connection closed (the length header still saying the whole)."""

    body: bytes
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    cut_at: int | None = None


@dataclass
class Replies:
    """The replies in turn; the last one again once the others are used."""

    queue: list[Reply] = field(default_factory=list)
    requests: int = 0

    def next(self) -> Reply:
        self.requests += 1
        return self.queue[min(self.requests, len(self.queue)) - 1]


@pytest.fixture
def server(model, settings):
    """The reader switched on (the `model` fixture's settings) at a server sending `Replies`."""
    state = Replies()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the standard library's name
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            reply = state.next()
            clock.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for key, value in {"Content-Type": "application/json", **reply.headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body[: reply.cut_at])
                if reply.cut_at is not None:
                    self.wfile.flush()
                    self.close_connection = True
            except OSError:
                pass  # the reader stopped waiting

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    settings.TURNOUT_TRANSLATION_ENDPOINT = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    yield state
    httpd.shutdown()
    httpd.server_close()


def completion(content: str, finish_reason: str = "stop") -> bytes:
    message = {"role": "assistant", "content": content}
    choice = {"index": 0, "message": message, "finish_reason": finish_reason}
    usage = {"prompt_tokens": 9, "completion_tokens": 9}
    return json.dumps({"choices": [choice], "usage": usage}).encode()


def stream(content: str, pieces: int = 4) -> bytes:
    size = len(content) // pieces + 1
    chunks = [{"choices": [{"index": 0, "delta": {"content": content[i : i + size]}}]}
              for i in range(0, len(content), size)]  # fmt: skip
    return "".join(f"data: {json.dumps(chunk)}\n\n" for chunk in chunks).encode()


def read_over_http(name: str, sleeps: list[float] | None = None) -> MarkdownPlan:
    text, plan = page_plan(name)
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = (sleeps if sleeps is not None else []).append
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan


SAXONY = "de-leipzig-dresden-kundgebung.md"
BOTH = [kept_event(LEIPZIG, "Leipzig"), kept_event(DRESDEN, "Dresden")]


def test_an_answer_slower_than_the_deadline_is_given_up_on_in_time_and_not_asked_again(
    server, settings
):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.5
    server.queue = [Reply(completion(answer(LEIPZIG, DRESDEN)), delay=3.0)]
    started = clock.monotonic()
    plan = read_over_http(SAXONY)
    assert clock.monotonic() - started < 0.5 + 5  # the deadline, and a loaded machine's margin
    assert (server.requests, plan.campaigns) == (1, [])
    assert warnings(plan) == [NOT_ASKED % "the provider timed out: no answer within 0.5 seconds"]


def test_a_dropped_connection_then_a_slow_answer_ends_at_the_deadline(server, settings):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.5
    body = completion(answer(LEIPZIG, DRESDEN))
    server.queue = [Reply(body, cut_at=len(body) // 2), Reply(body, delay=3.0)]
    started = clock.monotonic()
    plan = read_over_http(SAXONY)
    assert clock.monotonic() - started < 2 * 0.5 + 5
    assert (server.requests, plan.campaigns) == (2, [])
    assert warnings(plan) == [NOT_ASKED % "the provider timed out: no answer within 0.5 seconds"]


def test_a_connection_dropped_mid_answer_is_tried_again(server):
    body = completion(answer(LEIPZIG, DRESDEN))
    server.queue = [Reply(body, cut_at=len(body) // 2), Reply(body)]
    plan = read_over_http(SAXONY)
    assert (server.requests, events(plan), warnings(plan)) == (2, BOTH, [])


def test_a_connection_dropped_every_time_is_said_in_plain_words(server):
    body = completion(answer(LEIPZIG, DRESDEN))
    server.queue = [Reply(body, cut_at=40)]
    plan = read_over_http(SAXONY)
    assert server.requests == 2 and plan.campaigns == []
    (warning,) = warnings(plan)
    assert warning.startswith("the model could not be asked (cannot reach the provider: ")


def test_server_errors_before_an_answer_are_waited_out(server, settings):
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 3
    settings.TURNOUT_TRANSLATION_RETRY_DELAY = 0.25
    error = Reply(b'{"error": {"message": "overloaded"}}', status=500)
    server.queue = [error, Reply(b"<html>502 Bad Gateway</html>", status=502),
                    Reply(completion(answer(LEIPZIG, DRESDEN)))]  # fmt: skip
    sleeps: list[float] = []
    plan = read_over_http(SAXONY, sleeps)
    assert (server.requests, sleeps) == (3, [0.25, 0.5])
    assert (events(plan), warnings(plan)) == (BOTH, [])


def test_a_stream_cut_between_chunks_keeps_the_complete_events(server):
    reply = answer(LEIPZIG, DRESDEN)
    cut = reply[: reply.index("Theaterplatz")]  # no [DONE]: the stream stopped
    server.queue = [Reply(stream(cut), headers={"Content-Type": "text/event-stream"})]
    plan = read_over_http(SAXONY)
    assert events(plan) == BOTH[:1]
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


def test_a_stream_cut_inside_a_chunk_keeps_the_complete_events(server):
    body = stream(answer(LEIPZIG, DRESDEN))
    server.queue = [Reply(body[: len(body) - 30], headers={"Content-Type": "text/event-stream"})]
    plan = read_over_http(SAXONY)
    # The last chunk, cut, is not read; the events whole before it are, and the break is said.
    assert events(plan) == BOTH[:1]
    assert warnings(plan) == [
        "the model's answer breaks off; the complete events before the break (1) were read"
    ]


def test_a_one_megabyte_answer_is_read_in_bounded_time(server):
    content = "Hier zijn ze:\n" + answer(NL) + "\n" + "Nog meer toelichting. " * 48_000
    server.queue = [Reply(completion(content))]
    started = clock.monotonic()
    plan = read_over_http("nl-utrecht-wake.md")
    assert clock.monotonic() - started < 20
    assert events(plan) == [kept_event(NL, "Utrecht")]


def test_a_reasoning_models_answer_in_yaml_is_read_and_its_draft_left_out(server):
    content = (
        "<think>Strona wymienia Wrocław. Może też Gdańsk 2027-06-20?</think>\n"
        "```yaml\nevents:\n  - city: Wrocław\n    date: 2027-06-13\n    start: 15:00\n"
        "    venue: Rynek\n    signup_url: https://forms.example.org/wroclaw-13-czerwca\n```"
    )
    server.queue = [Reply(completion(content))]
    plan = read_over_http("pl-wroclaw-pikieta.md")
    assert (events(plan), warnings(plan)) == ([kept_event(PL, "Wrocław")], [])
