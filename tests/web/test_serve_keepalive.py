"""nginx closes its idle connections to `turnout serve` before the server does.

A server that closes a kept connection just as nginx sends a POST on it gives that POST a 502,
which nginx does not retry (a POST is not idempotent): seen once in a hundred confirmations in
the several-servers test with gunicorn's default of 2 s against nginx's 60 s.
"""

import re

from bench.topology import SITE_CONFIG

from turnout.web.management.commands import serve


def test_the_proxy_gives_up_an_idle_connection_before_the_server_does():
    config = SITE_CONFIG.read_text()
    upstream = re.search(r"^upstream turnout \{$(.*?)^\}$", config, re.S | re.M).group(1)
    proxy_keeps = int(re.search(r"^\s*keepalive_timeout (\d+)s;", upstream, re.M).group(1))

    assert proxy_keeps < serve.KEEPALIVE_SECONDS
