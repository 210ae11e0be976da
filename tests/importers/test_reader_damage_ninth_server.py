"""The page reader's model server misbehaving, ninth round, over real HTTP on loopback (the
fourth round's server): an answer in YAML cut off by the length limit, by a content filter or
by a stream that breaks off (its last event, whose last value may be cut short, is left out),
OpenAI's structured refusal (asked once: not again without the schema), a reasoning model's
block before its answer, the answer twice in one message with keys in the page's language,
and an online call promoted to the venue. What the reader keeps and what it tells the
importer."""

import json
from datetime import UTC, datetime

import pytest

from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan

from .reader3_pages import events, warnings
from .reader9_damage import (
    CALL,
    CEBU,
    EL,
    HE,
    KO,
    TL,
    UK,
    as_yaml,
    in_page_keys,
    kept,
    page_plan,
)
from .reader_server import answer
from .test_reader_damage_fourth_server import Reply, completion, stream
from .test_reader_damage_fourth_server import server as fourth_server  # noqa: F401

pytestmark = pytest.mark.django_db

HAIFA = "he-haifa-hafgana.md"
THESSALONIKI = "el-thessaloniki-diamartyria.md"
BUSAN = "ko-busan-jiphoe.md"
LVIV = "uk-lviv-aktsiia.md"
SSE = {"Content-Type": "text/event-stream"}
CUT_OFF = (
    "the model's answer breaks off at its length limit; its last event, whose last value may "
    "be cut short, is left out"
)


@pytest.fixture
def server(fourth_server):  # noqa: F811 - the fourth round's server, under its usual name
    return fourth_server


def read_over_http(name: str) -> MarkdownPlan:
    text, plan = page_plan(name)
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = [].append
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan


def _shortened_yaml() -> str:
    """Lviv's event in YAML, its venue last and cut after its first word ("площа" of "площа
    Ринок", a word the page writes)."""
    order = ("city", "date", "start", "end", "signup_url", "venue")
    text = as_yaml({k: UK[k] for k in order})
    return text[: text.index("Ринок")].rstrip()


def test_the_honest_answer_over_http_is_kept_whole(server):
    server.queue = [Reply(completion(answer(EL)))]
    plan = read_over_http(THESSALONIKI)
    assert (events(plan), warnings(plan), server.requests) == (kept(THESSALONIKI), [], 1)


@pytest.mark.parametrize("finish_reason", ["length", "content_filter"])
def test_yaml_the_server_says_was_cut_off_never_gives_a_shortened_venue(server, finish_reason):
    server.queue = [Reply(completion(_shortened_yaml(), finish_reason))]
    plan = read_over_http(LVIV)
    assert events(plan) == []
    assert warnings(plan) == [CUT_OFF]


def test_yaml_in_a_stream_that_breaks_off_never_gives_a_shortened_venue(server):
    body = stream(_shortened_yaml())  # no finish_reason, no [DONE]: the connection closed
    server.queue = [Reply(body, headers=SSE)]
    plan = read_over_http(LVIV)
    assert events(plan) == []
    assert warnings(plan) == [CUT_OFF]


def test_yaml_of_two_events_cut_off_keeps_the_first(server):
    text = as_yaml(UK, {**UK, "venue": "проспект Свободи"})
    server.queue = [Reply(completion(text[: text.rindex("Свободи")], "length"))]
    plan = read_over_http(LVIV)
    assert events(plan) == kept(LVIV)
    assert warnings(plan) == [CUT_OFF]


def test_openais_structured_refusal_is_asked_once_not_again_without_the_schema(server):
    message = {"role": "assistant", "content": None,
               "refusal": "I'm sorry, I cannot assist with that request."}  # fmt: skip
    body = {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 9}}  # fmt: skip
    server.queue = [Reply(json.dumps(body).encode())]
    plan = read_over_http(HAIFA)
    assert (events(plan), server.requests) == ([], 1)
    assert warnings(plan) == [
        "the model could not be asked (the model refused: I'm sorry, I cannot assist with that "
        "request.); the page was read by the rules alone"
    ]


def test_a_reasoning_block_streamed_before_the_answer_is_not_read(server):
    draft = answer({**KO, "city": "서울", "date": "2027-11-20", "start": "10:00"})
    body = stream(f"<think>\n{draft}\n</think>\n{answer(KO)}", pieces=9) + b"data: [DONE]\n\n"
    server.queue = [Reply(body, headers=SSE)]
    plan = read_over_http(BUSAN)
    assert (events(plan), warnings(plan)) == (kept(BUSAN), [])


def test_the_answer_twice_in_one_message_with_keys_in_hebrew_is_one_event(server):
    once = in_page_keys("he", HE)
    reply = json.dumps(json.loads(completion(f"{once}\n{once}")), ensure_ascii=False)
    server.queue = [Reply(reply.encode())]
    plan = read_over_http(HAIFA)
    assert (events(plan), warnings(plan)) == (kept(HAIFA), [])


def test_the_online_call_as_the_venue_over_http_is_left_out(server):
    server.queue = [Reply(completion(answer({**TL, "venue": f"Online ({CALL})"})))]
    plan = read_over_http(CEBU)
    assert events(plan) == kept(CEBU, venue="")
    assert warnings(plan) == [
        f"the model's venue “Online ({CALL})” names no place, only that the event can be "
        "followed online; left out"
    ]
