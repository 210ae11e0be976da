"""The page reader's model server misbehaving, sixth round, over real HTTP on loopback: a 200 OK
whose body is a gateway's HTML error page, a 429 whose Retry-After lies far in the future (in
seconds, as a date, as infinity), an answer that trickles in a few bytes at a time for longer
than the deadline (as JSON, and as a stream of server-sent events), and a gzip body that does
not decompress. What the reader keeps, what it tells the importer, and that an import is never
held: every wait is bounded by the reader's deadline and every failure is asked about at most
as often as the settings allow."""

import gzip
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
from .reader6_damage import DE, ES, JA, NL, RU, kept, page_plan
from .reader_server import answer
from .test_reader_damage_fourth_server import completion, stream

pytestmark = pytest.mark.django_db

NOT_ASKED = "the model could not be asked (%s); the page was read by the rules alone"
HAGUE = "nl-den-haag-malieveld.md"
FREIBURG = "de-freiburg-kundgebung.md"
# A loaded machine's margin on top of a deadline.
MARGIN = 5.0


@dataclass
class Reply:
    """What the server sends: a status, headers and a body, the body in `pieces` parts with
    `pause` seconds before each (a trickle), its length header saying the whole."""

    body: bytes
    status: int = 200
    headers: dict = field(default_factory=dict)
    pieces: int = 1
    pause: float = 0.0


@dataclass
class Replies:
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
            size = len(reply.body) // reply.pieces + 1
            try:
                self.send_response(reply.status)
                for key, value in {"Content-Type": "application/json", **reply.headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                for start in range(0, len(reply.body), size):
                    clock.sleep(reply.pause)
                    self.wfile.write(reply.body[start : start + size])
                    self.wfile.flush()
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


def read_over_http(name: str, sleeps: list[float]) -> tuple[MarkdownPlan, float]:
    """The plan of page `name` read with the model, and the seconds it took."""
    text, plan = page_plan(name)
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = sleeps.append
    started = clock.monotonic()
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan, clock.monotonic() - started


# --- a page where the answer should be --------------------------------------------------------

GATEWAY_PAGE = b"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Fehler 502 - Bad Gateway</title></head>
<body><h1>Fehler 502</h1><p>Der Server hat eine ung\xc3\xbcltige Antwort erhalten. Bitte
versuchen Sie es sp\xc3\xa4ter erneut.</p><hr><address>nginx</address></body></html>"""


def test_an_html_error_page_with_200_ok_is_said_and_asked_only_as_often_as_allowed(
    server, settings
):
    server.queue = [Reply(GATEWAY_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})]
    sleeps: list[float] = []
    plan, took = read_over_http(FREIBURG, sleeps)
    assert events(plan) == []
    assert warnings(plan) == [NOT_ASKED % "the model's server sent something other than an answer"]
    assert server.requests == settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS
    assert sleeps == [0] and took < MARGIN


def test_an_html_error_page_once_then_the_answer_gives_the_answer(server):
    server.queue = [
        Reply(GATEWAY_PAGE, headers={"Content-Type": "text/html"}),
        Reply(completion(answer(DE))),
    ]
    plan, _took = read_over_http(FREIBURG, [])
    assert (events(plan), warnings(plan)) == (kept(FREIBURG), [])
    assert server.requests == 2


def test_an_html_error_page_as_the_models_own_words_is_said_as_a_page(server):
    server.queue = [Reply(completion(GATEWAY_PAGE.decode()))]
    plan, _took = read_over_http(FREIBURG, [])
    assert (events(plan), server.requests) == ([], 1)
    assert warnings(plan) == [
        "the model's answer is a web page (“Fehler 502 - Bad Gateway”), not an answer; the page"
        " was read by the rules alone"
    ]


# --- a rate limit that asks to wait far longer than an import can ---------------------------


def test_a_retry_after_of_a_day_is_not_waited_for_and_not_asked_again(server):
    server.queue = [Reply(b'{"error": {"message": "rate limited"}}', 429, {"Retry-After": "86400"})]
    sleeps: list[float] = []
    plan, took = read_over_http(HAGUE, sleeps)
    assert (events(plan), sleeps, server.requests) == ([], [], 1)
    assert warnings(plan) == [
        NOT_ASKED % "the model's server asks to wait 86400 seconds, longer than the reader "
        "waits for an answer (5 seconds)"
    ]
    assert took < MARGIN


@pytest.mark.parametrize("retry_after", ["Fri, 31 Dec 2099 23:59:59 GMT", "1e400", "inf"])
def test_a_retry_after_far_off_in_any_spelling_never_holds_the_import(
    server, settings, retry_after
):
    server.queue = [Reply(b'{"error": {"message": "quota"}}', 429, {"Retry-After": retry_after})]
    sleeps: list[float] = []
    plan, took = read_over_http(HAGUE, sleeps)
    assert events(plan) == []
    assert server.requests <= settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS
    assert all(0 <= pause <= settings.TURNOUT_TRANSLATION_TIMEOUT for pause in sleeps)
    assert took < MARGIN
    (warning,) = warnings(plan)
    assert warning.startswith("the model could not be asked (")


def test_a_rate_limit_far_off_then_an_answer_on_the_next_page_is_read(server):
    """One page's rate limit does not spoil the next page of the same import."""
    limited = Reply(b'{"error": {"message": "slow down"}}', 429, {"Retry-After": "86400"})
    server.queue = [limited, Reply(completion(answer(RU)))]
    first, _took = read_over_http(HAGUE, [])
    second, _took = read_over_http("ru-kazan-piket.md", [])
    assert events(first) == [] and events(second) == kept("ru-kazan-piket.md")


# --- an answer that trickles in ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["json", "server-sent events"])
def test_an_answer_trickling_past_the_deadline_is_cut_off_in_time_and_not_asked_again(
    server, settings, kind
):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.5
    content = answer(JA)
    if kind == "json":
        reply = Reply(completion(content), pieces=60, pause=0.2)  # twelve seconds in all
    else:
        body = stream(content, pieces=30) + b"data: [DONE]\n\n"
        reply = Reply(body, headers={"Content-Type": "text/event-stream"}, pieces=60, pause=0.2)
    server.queue = [reply]
    sleeps: list[float] = []
    plan, took = read_over_http("ja-nagoya-demo.md", sleeps)
    assert took < 0.5 + MARGIN
    assert (events(plan), sleeps, server.requests) == ([], [], 1)
    assert warnings(plan) == [NOT_ASKED % "the provider timed out: no answer within 0.5 seconds"]


def test_an_answer_trickling_within_the_deadline_is_read_whole(server, settings):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 5
    server.queue = [Reply(completion(answer(JA)), pieces=8, pause=0.02)]
    plan, _took = read_over_http("ja-nagoya-demo.md", [])
    assert (events(plan), warnings(plan)) == (kept("ja-nagoya-demo.md"), [])


# --- a body that does not decompress ------------------------------------------------------------


def _gzipped(body: bytes) -> bytes:
    return gzip.compress(body, mtime=0)


@pytest.mark.parametrize(
    "body",
    [
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03this is not deflate data",
        b"not gzip at all, only JSON: " + completion(answer(ES)),
    ],
    ids=["corrupt", "plain text called gzip"],
)
def test_a_gzip_body_that_does_not_decompress_is_said_and_tried_again_within_bounds(
    server, settings, body
):
    server.queue = [Reply(body, headers={"Content-Encoding": "gzip"})]
    sleeps: list[float] = []
    plan, took = read_over_http("es-zaragoza-concentracion.md", sleeps)
    assert events(plan) == []
    assert server.requests == settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS and took < MARGIN
    (warning,) = warnings(plan)
    assert warning.startswith("the model could not be asked (cannot read the provider's answer")


def test_a_gzip_body_cut_in_half_is_no_answer(server):
    whole = _gzipped(completion(answer(ES)))
    server.queue = [Reply(whole[: len(whole) // 2], headers={"Content-Encoding": "gzip"})]
    plan, took = read_over_http("es-zaragoza-concentracion.md", [])
    assert events(plan) == [] and took < MARGIN
    (warning,) = warnings(plan)
    assert warning.startswith("the model could not be asked (")


def test_a_corrupt_gzip_body_then_a_good_one_gives_the_answer(server):
    corrupt = Reply(b"\x1f\x8b\x08\x00garbage", headers={"Content-Encoding": "gzip"})
    good = Reply(_gzipped(completion(answer(ES))), headers={"Content-Encoding": "gzip"})
    server.queue = [corrupt, good]
    plan, _took = read_over_http("es-zaragoza-concentracion.md", [])
    assert (events(plan), warnings(plan)) == (kept("es-zaragoza-concentracion.md"), [])


def test_a_gzipped_stream_of_events_is_read(server):
    body = _gzipped(stream(json.dumps(json.loads(answer(NL))), pieces=5) + b"data: [DONE]\n\n")
    server.queue = [
        Reply(body, headers={"Content-Encoding": "gzip", "Content-Type": "text/event-stream"})
    ]
    plan, _took = read_over_http(HAGUE, [])
    assert (events(plan), warnings(plan)) == (kept(HAGUE), [])
