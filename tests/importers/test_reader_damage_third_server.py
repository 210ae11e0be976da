"""The page reader's model server misbehaving, third round: an answer streamed as server-sent
events, an error sent with 200 OK, 429 with a Retry-After short or long, a model too slow. What
the reader keeps, and what it tells the importer, in plain words."""

import json
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from turnout.importers.document import read_document
from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan, PageRecord

from .reader3_pages import FR, READER3, events, kept_event, warnings
from .reader_server import answer

pytestmark = pytest.mark.django_db


@dataclass
class RawServer:
    """A chat-completions server that sends each reply as given: status, headers, body, after a
    delay; the last reply is sent again once the others are used."""

    replies: list[tuple[int, dict, bytes, float]] = field(default_factory=list)
    requests: int = 0
    url: str = ""

    def next_reply(self) -> tuple[int, dict, bytes, float]:
        self.requests += 1
        return self.replies[min(self.requests, len(self.replies)) - 1]


def _completion(content: str) -> bytes:
    message = {"role": "assistant", "content": content}
    choice = {"index": 0, "message": message, "finish_reason": "stop"}
    usage = {"prompt_tokens": 100, "completion_tokens": 50}
    return json.dumps({"choices": [choice], "usage": usage}).encode()


@pytest.fixture
def raw_model(model, settings):
    """The reader switched on (the `model` fixture's settings) at a server sending raw replies."""
    state = RawServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the standard library's name
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, headers, body, delay = state.next_reply()
            clock.sleep(delay)
            try:
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the reader stopped waiting

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    settings.TURNOUT_TRANSLATION_ENDPOINT = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    yield state
    httpd.shutdown()
    httpd.server_close()


def read_over_http(name: str, sleeps: list[float]) -> MarkdownPlan:
    text = (READER3 / name).read_text()
    record = PageRecord(Path(name).stem, read_document(text).title, [], text, name[:2])
    plan = MarkdownPlan(pages=[record])
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = sleeps.append
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan


NOT_ASKED = "the model could not be asked (%s); the page was read by the rules alone"


def test_an_answer_streamed_as_server_sent_events_is_read_from_its_chunks(raw_model):
    reply = answer(FR)
    pieces = [reply[:40], reply[40:90], reply[90:]]
    chunks = [{"choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
              for p in pieces]  # fmt: skip
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    raw_model.replies = [(200, {"Content-Type": "text/event-stream"}, body.encode(), 0)]
    plan = read_over_http("fr-bruxelles-rassemblement.md", [])
    assert events(plan) == [kept_event(FR, "Brussels")]
    assert warnings(plan) == [] and raw_model.requests == 1


def test_an_error_sent_with_200_ok_is_said_in_plain_words(raw_model):
    error = {"error": {"message": "The model is overloaded", "type": "server_error"}}
    raw_model.replies = [(200, {}, json.dumps(error).encode(), 0)]
    plan = read_over_http("fr-bruxelles-rassemblement.md", [])
    assert plan.campaigns == []
    assert warnings(plan) == [
        NOT_ASKED % "the provider answered with an error: The model is overloaded"
    ]


def test_a_page_sent_with_200_ok_instead_of_an_answer_is_said_in_plain_words(raw_model):
    raw_model.replies = [(200, {}, b"<html><body>Bad gateway</body></html>", 0)]
    plan = read_over_http("fr-bruxelles-rassemblement.md", [])
    assert plan.campaigns == []
    assert warnings(plan) == [NOT_ASKED % "the model's server sent something other than an answer"]


def test_a_rate_limit_is_waited_out_for_as_long_as_the_server_asks(raw_model):
    raw_model.replies = [
        (429, {"Retry-After": "2"}, b'{"error": {"message": "slow down"}}', 0),
        (200, {}, _completion(answer(FR)), 0),
    ]
    sleeps: list[float] = []
    plan = read_over_http("fr-bruxelles-rassemblement.md", sleeps)
    assert (sleeps, raw_model.requests) == ([2.0], 2)
    assert events(plan) == [kept_event(FR, "Brussels")]


def test_a_rate_limit_longer_than_the_reader_waits_is_not_waited_for(raw_model):
    raw_model.replies = [(429, {"Retry-After": "3600"}, b'{"error": {}}', 0)]
    sleeps: list[float] = []
    plan = read_over_http("fr-bruxelles-rassemblement.md", sleeps)
    assert (sleeps, raw_model.requests) == ([], 1)
    assert warnings(plan) == [
        NOT_ASKED % "the model's server asks to wait 3600 seconds, longer than the reader waits "
        "for an answer (5 seconds)"
    ]


def test_a_model_too_slow_is_given_its_time_once_and_not_asked_again(raw_model, settings):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.3
    raw_model.replies = [(200, {}, _completion(answer(FR)), 1.0)]
    started = clock.monotonic()
    plan = read_over_http("fr-bruxelles-rassemblement.md", [])
    assert clock.monotonic() - started < 0.9
    assert raw_model.requests == 1 and plan.campaigns == []
    assert warnings(plan) == [NOT_ASKED % "the provider timed out: no answer within 0.3 seconds"]
