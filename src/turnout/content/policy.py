"""What the security headers allow once a visitor consented to an embed provider (registered
with `turnout.web.security` by this app's AppConfig.ready)."""

from django.http import HttpRequest

from .consent import consented_providers
from .embeds import EmbedProvider

Directives = dict[str, list[str]]

# What each provider's post needs once the visitor allowed it (see embeds.py for what the page
# loads: an iframe, or the provider's script that replaces a blockquote).
PROVIDER_SOURCES: dict[EmbedProvider, Directives] = {
    EmbedProvider.YOUTUBE: {"frame-src": ["https://www.youtube-nocookie.com"]},
    EmbedProvider.INSTAGRAM: {"frame-src": ["https://www.instagram.com"]},
    # Mastodon is many servers: any https server may be framed, only for this visitor.
    EmbedProvider.MASTODON: {"frame-src": ["https:"]},
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


def consented_embed_sources(request: HttpRequest) -> Directives:
    """The sources of every provider this visitor allowed, in a stable order."""
    additions: Directives = {}
    for provider in sorted(consented_providers(request)):
        for directive, sources in PROVIDER_SOURCES[provider].items():
            known = additions.setdefault(directive, [])
            known.extend(source for source in sources if source not in known)
    return additions
