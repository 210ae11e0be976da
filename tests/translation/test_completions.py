"""A completion streamed as server-sent events, and an error sent with 200 OK, are read by the
provider for the translator and the page reader alike (`translation.completions`)."""

import json

import httpx
import pytest

from turnout.translation.completions import error_in, is_stream, joined_stream
from turnout.translation.providers import ChatCompletionsProvider, ProviderError


def stream(*pieces: str, usage: dict | None = None, done: bool = True) -> bytes:
    chunks = [{"choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
              for p in pieces]  # fmt: skip
    chunks[-1]["choices"][0]["finish_reason"] = "stop"
    if usage:
        chunks.append({"choices": [], "usage": usage})
    body = "".join(f"data: {json.dumps(chunk)}\r\n\r\n" for chunk in chunks)
    return (body + ("data: [DONE]\r\n\r\n" if done else "")).encode()


def provider(body: bytes, status: int = 200) -> ChatCompletionsProvider:
    chat = ChatCompletionsProvider(endpoint="http://model.invalid/v1", api_key="", model="m")
    chat._client = httpx.Client(
        transport=httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    )
    return chat


def test_a_streamed_answer_is_one_answer():
    body = stream(
        "Pauzedag ", "in ", "Amsterdam", usage={"prompt_tokens": 9, "completion_tokens": 4}
    )
    assert is_stream(body)
    result = provider(body).chat({"messages": []})
    assert (result.text, result.finish_reason) == ("Pauzedag in Amsterdam", "stop")
    assert (result.prompt_tokens, result.completion_tokens) == (9, 4)


def test_a_stream_without_its_end_marker_still_gives_its_text():
    assert joined_stream(stream("Hallo", done=False))["choices"][0]["message"]["content"] == "Hallo"


def test_a_stream_that_breaks_off_gives_its_text_as_unfinished():
    whole = stream("Pauzedag ", "in ", "Amsterdam", done=False)
    cut_between = whole[: whole.rindex(b"data:")]  # the last chunk, with its finish, is lost
    cut_inside = whole[: whole.rindex(b"Amsterdam")]
    for body, text in [(cut_between, "Pauzedag in "), (cut_inside, "Pauzedag in ")]:
        result = provider(body).chat({"messages": []})
        assert (result.text, result.finish_reason) == (text, "cut")
    damaged = stream("Pauzedag ", "in ").replace(b'"in "', b'"in ', 1)  # a chunk in the middle
    with pytest.raises(ProviderError, match="not a chat completion"):
        provider(damaged).chat({"messages": []})


def test_an_unfinished_stream_is_refused_as_a_translation():
    from turnout.translation.placeholders import protect
    from turnout.translation.validation import translation_problems

    problems = translation_problems(
        protected=protect("Pause day in Amsterdam"), translated="Pauzedag in", finish_reason="cut"
    )
    assert "finish" in {problem.code for problem in problems}


@pytest.mark.parametrize(
    "body",
    [b'data: {"choices": [{"delta": {"content": "Pau', b"data: [DONE]\n\n", b"data: [1]\n\n"],
    ids=["cut in its first chunk", "no text", "not an object"],
)
def test_a_broken_stream_is_not_an_answer(body):
    with pytest.raises(ProviderError, match="not a chat completion"):
        provider(body).chat({"messages": []})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"error": {"message": "The model is overloaded", "type": "server_error"}}, "overloaded"),
        ({"error": "quota exceeded"}, "quota exceeded"),
        ({"error": {}}, "no message"),
    ],
)
def test_an_error_sent_with_200_ok_says_the_servers_message(body, message):
    assert message in (error_in(body) or "")
    with pytest.raises(ProviderError, match=f"answered with an error: .*{message}") as raised:
        provider(json.dumps(body).encode()).chat({"messages": []})
    assert raised.value.retryable  # an overloaded server may answer later


def test_a_completion_is_no_error():
    assert error_in({"choices": [], "error": None}) is None
    assert error_in(["error"]) is None


def test_a_structured_refusal_is_the_models_reason_not_an_empty_answer():
    answer = {
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": None,
                            "refusal": "I can't help with\nthat request."},
                "finish_reason": "stop",
            }
        ]
    }  # fmt: skip
    with pytest.raises(ProviderError, match="the model refused: I can't help with that") as raised:
        provider(json.dumps(answer).encode()).chat({"messages": []})
    assert not raised.value.retryable
