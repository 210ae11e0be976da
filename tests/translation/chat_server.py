"""A real HTTP server on loopback that speaks the chat-completions protocol, deterministically.

It answers with the faithful translation it was given for a text (`answers`), else "translates"
by tagging each line with the target language after its markdown marker, keeping every
placeholder. It can be told to misbehave: drop or break a placeholder, drop a link (keeping its
words), truncate, answer 429/500/401, or damage its answer the way real models do (a mode named
after one of `faults.FAULTS`), on every attempt or only on the first `faulty_attempts`.
"""

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .faults import FAULTS

MARKER = re.compile(r"^(\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|\|\s?)?)(.*)$")
TARGET = re.compile(r"to (\w+)\.")
LANGUAGE_CODES = {
    "Dutch": "nl", "German": "de", "French": "fr", "Polish": "pl", "Russian": "ru", "Czech": "cs",
    "Arabic": "ar",
}  # fmt: skip
COUNTS = re.compile(r"counts such as (\d+)")


@dataclass
class ChatServer:
    mode: str = "translate"
    failures_left: int = 0  # for "429"/"500": how many requests fail before it recovers
    faulty_attempts: int = -1  # for a fault: how many attempts per text it spoils (-1: all)
    # language: text: answer, or for a plural form language: text: first count: answer
    answers: dict[str, dict[str, str | dict[int, str]]] = field(default_factory=dict)
    originals: dict[str, tuple[str, ...]] = field(default_factory=dict)  # text: token meanings
    requests: list[dict] = field(default_factory=list)
    damaged: set[str] = field(default_factory=set)  # texts that got a damaged answer
    url: str = ""

    def answer(self, payload: dict) -> tuple[int, dict]:
        self.requests.append(payload)
        if self.mode in {"429", "500"} and self.failures_left != 0:
            self.failures_left -= 1
            return int(self.mode), {"error": {"message": "try later"}}
        if self.mode == "401":
            return 401, {"error": {"message": "invalid key"}}
        system, user = payload["messages"][0]["content"], payload["messages"][1]["content"]
        name = TARGET.search(system.split(" from ", 1)[1]).group(1)
        language = LANGUAGE_CODES.get(name, name.lower())
        known = self.answers.get(language, {}).get(user)
        if isinstance(known, dict):  # a plural form: the answer for the counts the note names
            counts = COUNTS.search(system)
            known = known.get(int(counts.group(1)) if counts else 0)
        attempt = (len(payload["messages"]) - 2) // 2 + 1
        if isinstance(known, list | tuple):  # answers by attempt: a model that corrects itself
            known = known[min(attempt, len(known)) - 1]
        text = known or "\n".join(
            f"{m.group(1)}[{language}] {m.group(2)}" if m.group(2) else line
            for line in user.split("\n")
            for m in [MARKER.match(line)]
        )
        finish = "stop"
        if self.mode in FAULTS and (self.faulty_attempts < 0 or attempt <= self.faulty_attempts):
            damaged = FAULTS[self.mode](user, text, language, self.originals.get(user, ()))
            if damaged is not None and damaged != text:
                self.damaged.add(user)
                text = damaged
        elif self.mode == "drop_placeholder":
            text = re.sub(r"⟦1⟧", "", text, count=1)
        elif self.mode == "drop_link":
            text = re.sub(r"\[([^\]]*)\]⟦\d+⟧", r"\1", text, count=1)
        elif self.mode == "break_placeholder":
            text = text.replace("⟦1⟧", "[1]")
        elif self.mode == "truncate":
            text, finish = text[: max(1, len(text) // 3)], "length"
        elif self.mode == "truncate_quietly":
            text = text[: max(1, len(text) // 5)]
        body = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": payload.get("model", ""),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": finish,
                }
            ],
            "usage": {
                "prompt_tokens": len(system + user) // 4,
                "completion_tokens": len(text) // 4,
            },
        }
        return 200, body


def start(server_state: ChatServer) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the standard library's name
            if self.path != "/v1/chat/completions":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length", 0))
            status, body = server_state.answer(json.loads(self.rfile.read(length)))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return httpd
