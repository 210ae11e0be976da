"""A real HTTP server on loopback that serves press pages for metadata tests."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = {
    "/story": (
        200,
        "text/html; charset=utf-8",
        """<!doctype html><html lang="nl-NL"><head>
        <title>Ignored plain title | Krant</title>
        <meta property="og:title" content="Demonstranten willen een pauze in AI-ontwikkeling">
        <meta property="og:site_name" content="De Dagkrant">
        <meta property="article:published_time" content="2024-05-13T18:02:00+02:00">
        <meta property="og:image" content="https://cdn.example.org/logo.png">
        </head><body><h1>Elsewhere</h1></body></html>""",
    ),
    "/plain": (
        200,
        "text/html",
        "<html><head><title>\n  Protest   in Oslo &amp; Bergen\n</title></head>"
        "<body></body></html>",
    ),
    # What a careless or hostile page carries: line breaks and tabs in its title, an unknown
    # language, a date that is none.
    "/hostile": (
        200,
        "text/html",
        """<html lang="zz"><head>
        <meta property="og:title" content="Line one&#13;&#10;Bcc: everyone@example.org	end">
        <meta property="og:site_name" content="  Het
        Blad ">
        <meta property="article:published_time" content="gisteren">
        </head></html>""",
    ),
    "/missing": (404, "text/html", "<title>Not found</title>"),
    "/image": (200, "image/png", "not a page"),
}


@dataclass
class PressServer:
    url: str
    requests: list[str] = field(default_factory=list)


def start_press_server():
    """Serve PAGES on 127.0.0.1 at a free port; /slow answers after the test's timeout,
    /trickle and /trickle-head a byte at a time."""
    hits: list[str] = []
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            hits.append(self.path)
            if self.path == "/slow":
                release.wait(5)  # until the test is over: the client gives up long before
                return
            if self.path.startswith("/trickle"):
                self._trickle()
                return
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/story")
                self.end_headers()
                return
            status, content_type, body = PAGES.get(self.path, PAGES["/missing"])
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _trickle(self):
            """/trickle sends the story's body, /trickle-head all of it, a byte each `every`
            seconds (default 0.2): no single read waits long, the whole takes minutes."""
            path, _, query = self.path.partition("?")
            every = float(query.removeprefix("every=") or 0.2)
            data = PAGES["/story"][2].encode()
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(data)}\r\n\r\n"
            ).encode()
            if path == "/trickle":
                self.wfile.write(head)
                self.wfile.flush()
            else:
                data = head + data
            for byte in data:
                if release.wait(every):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return  # the client gave up, as it should

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    return server, release, PressServer(url=f"http://{host}:{port}", requests=hits)
