"""What the security headers allow once a visitor consented to an embed provider (registered
with `turnout.web.security` by this app's AppConfig.ready)."""

import json
import re
from html import unescape
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from .consent import consented_providers
from .embeds import EmbedProvider, is_mastodon_host

Directives = dict[str, list[str]]

# What each provider's post needs once the visitor allowed it (see embeds.py for what the page
# loads: an iframe, or the provider's script that replaces a blockquote).
PROVIDER_SOURCES: dict[EmbedProvider, Directives] = {
    EmbedProvider.YOUTUBE: {"frame-src": ["https://www.youtube-nocookie.com"]},
    EmbedProvider.INSTAGRAM: {"frame-src": ["https://www.instagram.com"]},
    # Mastodon is many servers: only those whose posts this answer embeds (`mastodon_origins`).
    EmbedProvider.MASTODON: {},
    EmbedProvider.TWITTER: {
        "script-src": ["https://platform.twitter.com", "https://cdn.syndication.twimg.com"],
        "frame-src": ["https://platform.twitter.com", "https://syndication.twitter.com"],
        "img-src": ["https://pbs.twimg.com", "https://syndication.twitter.com"],
    },
    EmbedProvider.BLUESKY: {
        "script-src": ["https://embed.bsky.app"],
        "frame-src": ["https://embed.bsky.app"],
    },
}

# The gate our own template draws (content/_embed_gate.html); an author's HTML cannot carry
# data attributes (markdown.ALLOWED_ATTRIBUTES), and text on a page has its quotes escaped.
_MASTODON_GATE = re.compile(r'data-embed-provider="mastodon" data-embed="([^"]{1,2000})"')
MAX_MASTODON_SERVERS = 20  # a page with more embeds shows the rest as links


def mastodon_origins(html: str) -> list[str]:
    """The origins ("https://mastodon.social") of the Mastodon posts embedded in `html`, in
    the order they appear, each checked again as a server name."""
    origins: list[str] = []
    for match in _MASTODON_GATE.finditer(html):
        try:
            iframe = json.loads(unescape(match.group(1))).get("iframe", "")
            parts = urlsplit(iframe)
        except (ValueError, AttributeError):
            continue
        host = parts.hostname or ""
        origin = f"https://{host}"
        if parts.scheme == "https" and is_mastodon_host(host) and origin not in origins:
            origins.append(origin)
        if len(origins) == MAX_MASTODON_SERVERS:
            break
    return origins


def consented_embed_sources(request: HttpRequest, response: HttpResponseBase) -> Directives:
    """The sources of every provider this visitor allowed, in a stable order; for Mastodon,
    only the servers whose posts this answer embeds."""
    additions: Directives = {}

    def add(directives: Directives) -> None:
        for directive, sources in directives.items():
            known = additions.setdefault(directive, [])
            known.extend(source for source in sources if source not in known)

    providers = consented_providers(request)
    for provider in sorted(providers):
        add(PROVIDER_SOURCES[provider])
    if (
        EmbedProvider.MASTODON in providers
        and isinstance(response, HttpResponse)
        and response.get("Content-Type", "").startswith("text/html")
    ):
        if origins := mastodon_origins(response.content.decode(response.charset, "replace")):
            add({"frame-src": origins})
    return additions
