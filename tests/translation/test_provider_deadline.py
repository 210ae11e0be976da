"""A translation call ends at TRANSLATION_TIMEOUT however slowly the provider answers."""

import json
import time

import pytest

from tests.web.trickle import serving, trickling_http
from turnout.translation.providers import ChatCompletionsProvider, ProviderError

DEADLINE = 1.0
MARGIN = 1.0  # scheduling slack on a loaded machine; the answers below take a minute
ANSWER = json.dumps(
    {
        "choices": [{"message": {"content": "Hallo wereld " * 20}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 40},
    }
).encode()


def translate(peer) -> str:
    provider = ChatCompletionsProvider(endpoint=peer.url, model="m", timeout=DEADLINE)
    return provider.translate(text="Hello world", source_language="en", language="nl").text


@pytest.mark.parametrize("trickle_head", [False, True], ids=["body", "head"])
def test_an_answer_sent_a_byte_at_a_time_is_abandoned_at_the_deadline(trickle_head):
    handler = trickling_http(
        content_type=b"application/json", body=ANSWER, interval=0.2, trickle_head=trickle_head
    )
    with serving(handler) as peer:
        started = time.monotonic()
        with pytest.raises(ProviderError, match="timed out") as raised:
            translate(peer)
        elapsed = time.monotonic() - started
    assert raised.value.retryable
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + MARGIN


def test_a_prompt_answer_is_read_whole():
    with serving(trickling_http(content_type=b"application/json", body=ANSWER, interval=0)) as peer:
        assert translate(peer).startswith("Hallo wereld")
