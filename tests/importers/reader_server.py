"""A chat-completions server on loopback that answers the importer's page reader with canned JSON.

Each answer is chosen by a phrase of the page it is asked about. It can also fail with 500,
answer too slowly, or refuse a `response_format` it does not support (as some local servers
do). The HTTP side is the translation tests' server (`tests.translation.chat_server.start`).
"""

import json
import time
from dataclasses import dataclass, field

from tests.translation.chat_server import start

__all__ = ["ReaderServer", "answer", "start"]

NOTHING = '{"events": [], "coordination_url": null}'


@dataclass
class ReaderServer:
    answers: dict[str, str] = field(default_factory=dict)  # a phrase of the page: the content
    mode: str = "answer"  # "answer", "500", "slow", "refuse_schema"
    delay: float = 0.0  # for "slow": seconds before answering
    requests: list[dict] = field(default_factory=list)
    url: str = ""

    def answer(self, payload: dict) -> tuple[int, dict]:
        self.requests.append(payload)
        if self.mode == "500":
            return 500, {"error": {"message": "upstream overloaded"}}
        if self.mode == "refuse_schema" and "response_format" in payload:
            return 400, {"error": {"message": "response_format json_schema is not supported"}}
        if self.mode == "slow":
            time.sleep(self.delay)
        page = payload["messages"][-1]["content"]
        content = next((a for phrase, a in self.answers.items() if phrase in page), NOTHING)
        return 200, {
            "id": "chatcmpl-reader",
            "object": "chat.completion",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": len(page) // 4, "completion_tokens": len(content) // 4},
        }

    @property
    def pages_asked(self) -> list[str]:
        return [r["messages"][-1]["content"] for r in self.requests]


def answer(*events: dict, coordination_url: str | None = None) -> str:
    """The JSON a model following the schema gives: every field present, null where unknown."""
    fields = (
        "title",
        "city",
        "country",
        "venue",
        "date",
        "last_date",
        "start",
        "end",
        "zone",
        "signup_url",
    )
    full = [{**{name: None for name in fields}, "cancelled": False, **e} for e in events]
    return json.dumps({"events": full, "coordination_url": coordination_url}, ensure_ascii=False)
