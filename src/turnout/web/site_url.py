"""SITE_URL when none is configured: the address the site is served on, so the links in emails,
calendar files, feeds, API answers and exports lead back to the running site (`PORT=9000 make
demo` links to :9000). A deployment behind a proxy or a domain name sets SITE_URL itself.

settings.py derives it from HOST and PORT; `turnout serve` and `turnout demo` given --host or
--port call follow_served_address(), which also hands the value to the processes they start
(the embedded task worker composes emails too).
"""

import os

from django.conf import settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8000"
_EVERY_INTERFACE = {"", "0.0.0.0", "::", "[::]"}


def served_site_url(host: str, port: str | int | None) -> str:
    """`http://host:port` for the address served on; every interface means this machine."""
    host = host.strip()
    if host in _EVERY_INTERFACE:
        host = DEFAULT_HOST
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address in a URL
    return f"http://{host}:{str(port or '').strip() or DEFAULT_PORT}"


def follow_served_address(*, host: str, port: str | int | None) -> None:
    """Unless SITE_URL is set in the environment, make it the address served on, in this
    process and in those it starts."""
    if os.environ.get("SITE_URL", "").strip():
        return
    settings.SITE_URL = served_site_url(host, port)
    os.environ["SITE_URL"] = settings.SITE_URL
