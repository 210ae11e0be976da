"""The page reader's model server misbehaving, fifth round, over real HTTP on loopback: a stream
whose chunks carry an error, an error object or a refusal sent as the model's answer with
200 OK, no content but a refusal beside it, and a stream of one event per line in the page's
language. What the reader keeps, and what it tells the importer."""

import json
from datetime import UTC, datetime

import pytest

from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan

from . import test_reader_damage_fourth_server as fourth_server
from .reader3_pages import events, warnings
from .reader5_damage import CS, HONEST, damaged_text, kept, page_plan
from .reader_server import answer
from .test_reader_damage_fourth_server import Reply, completion, stream

server = fourth_server.server  # the fourth round's loopback server, as a fixture here too

pytestmark = pytest.mark.django_db

BRNO = "cs-brno-namesti.md"
KOREA = "ko-seoul-busan-jiphoe.md"
NOT_ASKED = "the model could not be asked (%s); the page was read by the rules alone"


def read_over_http(name: str) -> MarkdownPlan:
    text, plan = page_plan(name)
    reader = configured_page_reader(now=datetime.now(UTC))
    assert reader is not None
    reader.sleep = [].append
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan


def error_chunk(message: str) -> bytes:
    return f"data: {json.dumps({'error': {'message': message}})}\n\n".encode()


def test_a_stream_whose_chunk_carries_an_error_is_said_and_its_half_answer_not_taken(server):
    text = answer(CS)
    half = stream(text[: len(text) // 2], pieces=2)
    server.queue = [Reply(half + error_chunk("upstream overloaded") + b"data: [DONE]\n\n")]
    plan = read_over_http(BRNO)
    assert events(plan) == []
    assert warnings(plan) == [
        NOT_ASKED % "the provider answered with an error: upstream overloaded"
    ]


def test_a_stream_that_errs_once_is_asked_again(server):
    text = answer(CS)
    broken = stream(text[:40], pieces=1) + error_chunk("overloaded") + b"data: [DONE]\n\n"
    server.queue = [Reply(broken), Reply(stream(text) + b"data: [DONE]\n\n")]
    plan = read_over_http(BRNO)
    assert (events(plan), warnings(plan)) == (kept(BRNO), [])
    assert server.requests == 2


def test_an_error_object_sent_as_the_models_answer_is_said(server):
    content = json.dumps({"error": {"message": "the page is too long for this model"}})
    server.queue = [Reply(completion(content))]
    plan = read_over_http(BRNO)
    assert (events(plan), warnings(plan)) == (
        [],
        [
            "the model answered with an error instead of events: “the page is too long for "
            "this model”; the page was read by the rules alone"
        ],
    )


def test_a_refusal_sent_as_the_models_answer_is_quoted(server):
    server.queue = [Reply(completion("Lituji, s tímto požadavkem nemohu pomoci."))]
    plan = read_over_http(BRNO)
    assert warnings(plan) == [
        "the model's answer holds no JSON object, only words: “Lituji, s tímto požadavkem "
        "nemohu pomoci.”; the page was read by the rules alone"
    ]


def test_no_content_but_a_refusal_beside_it_is_no_answer_and_its_reason_is_said(server):
    message = {"role": "assistant", "content": None, "refusal": "I can't help with that."}
    body = {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
    server.queue = [Reply(json.dumps(body).encode())]
    plan = read_over_http(BRNO)
    assert events(plan) == []
    assert warnings(plan) == [
        "the model could not be asked (the model refused: I can't help with that.); the page"
        " was read by the rules alone"
    ]


def test_a_streamed_answer_of_one_event_a_line_in_the_pages_language_is_read(server):
    lines = damaged_text(KOREA, HONEST[KOREA][0], "one object a line")
    server.queue = [Reply(stream(lines, pieces=6) + b"data: [DONE]\n\n")]
    plan = read_over_http(KOREA)
    assert (events(plan), warnings(plan)) == (kept(KOREA), [])
