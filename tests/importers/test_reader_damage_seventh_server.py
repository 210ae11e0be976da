"""The page reader's model server misbehaving, seventh round, over real HTTP on loopback (the
fourth round's server): an answer given as a tool call (no content, the arguments JSON in a
string), a 429 whose Retry-After is an HTTP date, a 503 whose body is an HTML page, a body in
UTF-8 that its header says is Latin-1, a stream that stops mid-way (inside its only event, or
by a dropped connection), and an answer of 5 MB. What the reader keeps, what it tells the
importer, and that no wait and no answer holds an import for long."""

import json
import time as clock
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan

from .reader3_pages import events, warnings
from .reader7_damage import EL, HI, KO, PL, PT, SV, kept, page_plan
from .reader_server import answer
from .test_reader_damage_fourth_server import Reply, completion, stream
from .test_reader_damage_fourth_server import server as fourth_server  # noqa: F401

pytestmark = pytest.mark.django_db

NOT_ASKED = "the model could not be asked (%s); the page was read by the rules alone"
WROCLAW = "pl-wroclaw-pikieta.md"
PORTO = "pt-porto-vigilia.md"
BUSAN = "ko-busan-jiphoe.md"
PUNE = "hi-pune-pradarshan.md"
MALMO = "sv-malmo-manifestation.md"
THESSALONIKI = "el-thessaloniki-diamartyria.md"
# A loaded machine's margin on top of a deadline.
MARGIN = 5.0


@pytest.fixture
def server(fourth_server):  # noqa: F811 - the fourth round's server, under its usual name
    return fourth_server


def read_over_http(name: str, sleeps: list[float] | None = None) -> tuple[MarkdownPlan, float]:
    """The plan of page `name` read with the model over HTTP, and the seconds it took."""
    text, plan = page_plan(name)
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = (sleeps if sleeps is not None else []).append
    started = clock.monotonic()
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan, clock.monotonic() - started


def _tool_call_completion(arguments: str) -> bytes:
    """A completion whose answer is a tool call: no content, the arguments JSON in a string."""
    call = {"id": "call_7", "type": "function",
            "function": {"name": "report_events", "arguments": arguments}}  # fmt: skip
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    choice = {"index": 0, "message": message, "finish_reason": "tool_calls"}
    return json.dumps({"choices": [choice], "usage": {"prompt_tokens": 9}}).encode()


# --- an answer given as a tool call -------------------------------------------------------------


def test_an_answer_given_as_a_tool_call_is_read_from_its_arguments(server):
    server.queue = [Reply(_tool_call_completion(answer(KO)))]
    plan, _took = read_over_http(BUSAN)
    assert (events(plan), warnings(plan)) == (kept(BUSAN), [])


def test_an_answer_given_as_a_tool_call_imports_nothing_unsaid(server):
    server.queue = [Reply(_tool_call_completion(answer(KO, {**KO, "city": "울산"})))]
    plan, _took = read_over_http(BUSAN)
    assert events(plan) in ([], kept(BUSAN))  # never Ulsan, whether or not the call is read
    assert warnings(plan)


# --- waits the server asks for ------------------------------------------------------------------


def _http_date(after: timedelta) -> str:
    return format_datetime(datetime.now(UTC) + after, usegmt=True)


def test_a_retry_after_as_an_http_date_a_day_off_is_not_waited_for_nor_asked_again(server):
    limited = Reply(b'{"error": {"message": "rate limited"}}', 429,
                    {"Retry-After": _http_date(timedelta(days=1))})  # fmt: skip
    server.queue = [limited, Reply(completion(answer(EL)))]
    sleeps: list[float] = []
    plan, _took = read_over_http(THESSALONIKI, sleeps)
    assert (events(plan), sleeps, server.requests) == ([], [], 1)
    (warning,) = warnings(plan)
    assert "asks to wait" in warning


def test_a_retry_after_as_an_http_date_never_holds_the_import(server, settings):
    limited = Reply(b'{"error": {"message": "rate limited"}}', 429,
                    {"Retry-After": _http_date(timedelta(hours=3))})  # fmt: skip
    server.queue = [limited, Reply(completion(answer(EL)))]
    sleeps: list[float] = []
    plan, took = read_over_http(THESSALONIKI, sleeps)
    assert server.requests <= settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS
    assert all(0 <= pause <= settings.TURNOUT_TRANSLATION_TIMEOUT for pause in sleeps)
    assert took < MARGIN
    assert events(plan) in ([], kept(THESSALONIKI))


def test_a_503_html_page_with_a_short_retry_after_is_waited_out_then_read(server):
    page = (
        "<!DOCTYPE html><html lang='sv'><head><title>503 Tjänsten är inte tillgänglig"
        "</title></head><body><h1>Försök igen om en stund</h1></body></html>"
    ).encode()
    busy = Reply(page, 503, {"Content-Type": "text/html; charset=utf-8", "Retry-After": "2"})
    server.queue = [busy, Reply(completion(answer(SV)))]
    sleeps: list[float] = []
    plan, _took = read_over_http(MALMO, sleeps)
    assert (events(plan), warnings(plan)) == (kept(MALMO), [])
    assert (sleeps, server.requests) == ([2.0], 2)


# --- a body, a stream and an answer damaged on the way ------------------------------------------


def test_utf8_said_to_be_latin1_in_the_header_is_read_as_utf8(server):
    body = json.dumps(json.loads(completion(answer(EL))), ensure_ascii=False).encode()
    server.queue = [Reply(body, headers={"Content-Type": "application/json; charset=iso-8859-1"})]
    plan, _took = read_over_http(THESSALONIKI)
    assert (events(plan), warnings(plan)) == (kept(THESSALONIKI), [])


def test_a_stream_that_stops_inside_its_only_event_imports_nothing_and_says_so(server):
    reply = answer(HI)
    cut = reply[: reply.index("शनिवार वाड़ा")]  # no [DONE], no finish: the stream stopped
    server.queue = [Reply(stream(cut), headers={"Content-Type": "text/event-stream"})]
    plan, _took = read_over_http(PUNE)
    assert events(plan) == []
    assert warnings(plan) == [
        "the model's answer breaks off before its first event is complete; the page was read "
        "by the rules alone"
    ]


def test_a_stream_whose_connection_drops_mid_way_is_asked_again_and_read(server):
    body = stream(answer(PT), pieces=6) + b"data: [DONE]\n\n"
    sse = {"Content-Type": "text/event-stream"}
    server.queue = [Reply(body, headers=sse, cut_at=len(body) // 2), Reply(body, headers=sse)]
    plan, _took = read_over_http(PORTO)
    assert (events(plan), warnings(plan), server.requests) == (kept(PORTO), [], 2)


def test_an_answer_of_five_megabytes_is_read_in_bounded_time_for_the_pages_event(server):
    others = [{**PL, "city": "Poznań", "date": f"2027-09-{n % 28 + 1:02}"} for n in range(28_000)]
    content = json.dumps({"events": [PL, *others]}, ensure_ascii=False)
    assert len(content.encode()) > 5_000_000
    server.queue = [Reply(completion(content))]
    plan, took = read_over_http(WROCLAW)
    assert took < 20
    assert events(plan) == kept(WROCLAW)
    assert warnings(plan)[0] == (
        "the model's answer is longer than 200000 characters; the complete events in them "
        "(300) were read"
    )
    assert not any("Poznań" in city for city, *_rest in events(plan))
