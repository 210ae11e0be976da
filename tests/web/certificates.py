"""A self-signed certificate made with openssl, for tests that serve HTTPS on this machine."""

import ssl
import subprocess
from pathlib import Path


def self_signed(folder: Path, *, name: str, alt_name: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A certificate for `name` (alt_name: "IP:127.0.0.1" or "DNS:news.example"); the server's
    context holding it, and a client context trusting it alone."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
         "-addext", f"subjectAltName={alt_name}"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    return server, ssl.create_default_context(cafile=str(cert))


def tls(handler, server_context: ssl.SSLContext):
    """A `serving()` handler that speaks `handler`'s HTTP inside TLS."""

    def handle(connection, stop):
        with server_context.wrap_socket(connection, server_side=True) as wrapped:
            handler(wrapped, stop)

    return handle
