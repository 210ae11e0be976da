"""A local SMTP sink for the reminder benchmark: accepts every message, records its Message-ID.

    python smtp_sink.py PORT OUT_FILE READY_FILE

Runs as its own process (aiosmtpd on 127.0.0.1), so the workers talk real SMTP over loopback.
Each accepted message appends one line, its Message-ID, to OUT_FILE.
"""

import re
import signal
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.I | re.M)


class Recorder:
    def __init__(self, out: Path):
        self.out = out.open("a", buffering=1)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        headers = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        found = MESSAGE_ID.search(headers)
        self.out.write((found.group(1).decode() if found else "<none>") + "\n")
        return "250 OK"


def main() -> None:
    port, out, ready = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    controller = Controller(Recorder(out), hostname="127.0.0.1", port=port)
    controller.start()
    ready.write_text("ready")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
