"""The page reader's model server misbehaving, tenth round, over real HTTP on loopback (the
fourth round's server): a model speaking OpenAI's "harmony" format streamed in pieces that cut
its channel marks apart, a reasoning model whose drafts come in the stream's
`reasoning_content`, a search model's answer with citation marks glued to its values and the
sources in the message's `annotations`, and an answer in <answer> tags with the end as the
event's length. What the reader keeps and what it tells the importer."""

import json
from datetime import UTC, datetime

import pytest

from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import configured_page_reader
from turnout.importers.records import MarkdownPlan

from .reader3_pages import events, warnings
from .reader10_damage import ID, JA, SW, TR, cited, in_harmony, kept, page_plan
from .reader_server import answer
from .test_reader_damage_fourth_server import Reply, completion, stream
from .test_reader_damage_fourth_server import server as fourth_server  # noqa: F401

pytestmark = pytest.mark.django_db

IZMIR = "tr-izmir-eylem.md"
FUKUOKA = "ja-fukuoka-demo.md"
MOMBASA = "sw-mombasa-maandamano.md"
SURABAYA = "id-surabaya-aksi.md"
SSE = {"Content-Type": "text/event-stream"}


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


@pytest.mark.parametrize("pieces", [7, 23, 61])
def test_a_harmony_answer_streamed_in_pieces_gives_the_final_channels_event(server, pieces):
    draft = {**SW, "date": "2026-06-12", "start": "09:00", "venue": "Fort Jesus"}
    body = stream(in_harmony(SW, draft), pieces=pieces) + b"data: [DONE]\n\n"
    server.queue = [Reply(body, headers=SSE)]
    plan = read_over_http(MOMBASA)
    assert (events(plan), warnings(plan)) == (kept(MOMBASA), [])


def test_drafts_streamed_as_reasoning_content_are_not_read(server):
    draft = answer({**ID, "date": "2027-06-12", "start": "09:00"})
    chunks = [{"choices": [{"index": 0, "delta": {"reasoning_content": draft[i : i + 40]}}]}
              for i in range(0, len(draft), 40)]  # fmt: skip
    chunks.append({"choices": [{"index": 0, "delta": {"content": answer(ID)}}]})
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    server.queue = [Reply(body.encode(), headers=SSE)]
    plan = read_over_http(SURABAYA)
    assert (events(plan), warnings(plan)) == (kept(SURABAYA), [])


def test_a_search_models_citation_marks_and_annotations_are_not_read_as_values(server):
    content = cited(TR, "【4:0†source】")
    citation = {"type": "url_citation", "url_citation": {
        "url": "https://example.com/izmir?utm_source=openai", "title": "İzmir",
        "start_index": 0, "end_index": 10}}  # fmt: skip
    message = {"role": "assistant", "content": content, "annotations": [citation]}
    body = {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 9}}  # fmt: skip
    server.queue = [Reply(json.dumps(body, ensure_ascii=False).encode())]
    plan = read_over_http(IZMIR)
    assert (events(plan), warnings(plan)) == (kept(IZMIR), [])


def test_an_answer_in_tags_with_the_end_as_a_length_gives_the_pages_end(server):
    server.queue = [Reply(completion(f"<answer>{answer({**JA, 'end': '1時間30分間'})}</answer>"))]
    plan = read_over_http(FUKUOKA)
    assert (events(plan), warnings(plan), server.requests) == (kept(FUKUOKA), [], 1)
