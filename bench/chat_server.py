"""A fake chat-completions server for the translation benchmark, on loopback, as its own process.

    python chat_server.py PORT COUNT_FILE READY_FILE

Answers every POST /v1/chat/completions with the user text tagged "[de]" at the start of each
line (markdown markers and placeholders kept), and appends one line per request to COUNT_FILE.
"""

import json
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MARKER = re.compile(r"^(\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|\|\s?)?)(.*)$")


def translated(text: str) -> str:
    return "\n".join(
        f"{m.group(1)}[de] {m.group(2)}" if m.group(2) else line
        for line in text.split("\n")
        for m in [MARKER.match(line)]
    )


def main() -> None:
    port, count_file, ready = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    requests = count_file.open("a", buffering=1)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the standard library's name
            length = int(self.headers.get("Content-Length", 0))
            payload = json.loads(self.rfile.read(length))
            user = payload["messages"][-1]["content"]
            with lock:
                requests.write(json.dumps(user[:80]) + "\n")
            text = translated(user)
            body = json.dumps({
                "id": "chatcmpl-bench", "object": "chat.completion", "model": payload["model"],
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(user) // 4, "completion_tokens": len(text) // 4},
            }).encode()  # fmt: skip
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    ready.write_text("ready")
    server.serve_forever(poll_interval=0.05)


if __name__ == "__main__":
    main()
