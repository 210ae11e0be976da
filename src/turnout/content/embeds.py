"""Posts from X/Twitter, Bluesky, Mastodon, Instagram and YouTube, shown behind a consent gate.

In markdown an embed is a paragraph holding only the post's URL, or a component on its own
lines: `<Embed url="https://..." />`, or the `<WidgetConsent>` block older movement sites use
around a pasted widget (only the post's URL is kept from it). Until the visitor consents to that
provider, the page holds a plain link and a consent form; nothing is loaded from the provider.
"""

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from hashlib import sha256
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


class EmbedProvider(StrEnum):
    TWITTER = "twitter"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"

    @property
    def label(self) -> str:
        return PROVIDER_NAMES[self]


# Brand names, the same in every language.
PROVIDER_NAMES = {
    EmbedProvider.TWITTER: "X (Twitter)",
    EmbedProvider.BLUESKY: "Bluesky",
    EmbedProvider.MASTODON: "Mastodon",
    EmbedProvider.INSTAGRAM: "Instagram",
    EmbedProvider.YOUTUBE: "YouTube",
}


@dataclass(frozen=True)
class Embed:
    """A recognized post and how the browser shows it once the visitor has consented."""

    provider: EmbedProvider
    url: str  # the post itself, always reachable as a plain link
    iframe_src: str = ""  # shown in an iframe, or ...
    script_src: str = ""  # ... a blockquote that the provider's script turns into the post
    quote_class: str = ""
    quote_attrs: tuple[tuple[str, str], ...] = ()

    @property
    def anchor(self) -> str:
        return f"embed-{self.provider}-{sha256(self.url.encode()).hexdigest()[:10]}"

    @property
    def loader(self) -> str:
        """What the page's script needs to show the post, as JSON for a data attribute."""
        return json.dumps(
            {
                "iframe": self.iframe_src,
                "script": self.script_src,
                "quoteClass": self.quote_class,
                "quoteAttrs": dict(self.quote_attrs),
            }
        )


_TWITTER = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,15})/status(?:es)?/(\d+)", re.I
)
_BLUESKY = re.compile(r"^https://bsky\.app/profile/([\w.:-]+)/post/(\w+)", re.I)
# A Mastodon post: https://host/@user/123 (or @user@home.server/123, a post seen from another
# server) and the ActivityPub form https://host/users/user/statuses/123. Names as DNS writes
# them (letters, digits, hyphens inside a label) and ASCII only: what becomes a frame's origin.
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST = rf"(?:{_LABEL}\.)+[a-z]{{2,63}}"
_USER = r"[a-z0-9_]{1,64}"
_MASTODON = re.compile(
    rf"^https://({_HOST})/(?:@({_USER})(?:@{_HOST})?|users/({_USER})/statuses)/(\d{{1,20}})/?$",
    re.I | re.ASCII,
)
_MASTODON_HOST = re.compile(rf"^{_HOST}$", re.I | re.ASCII)
_INSTAGRAM = re.compile(r"^https://(?:www\.)?instagram\.com/(p|reel|tv)/([\w-]+)", re.I)
_YOUTUBE_ID = re.compile(r"^[\w-]{11}$")


def recognize_embed(url: str) -> Embed | None:
    """The embed behind a post's URL, or None when it is not a post of a known provider."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c in url for c in "<>\"' "):
        return None
    if match := _TWITTER.match(url):
        user, status = match.groups()
        return Embed(
            EmbedProvider.TWITTER,
            f"https://twitter.com/{user}/status/{status}",
            script_src="https://platform.twitter.com/widgets.js",
            quote_class="twitter-tweet",
        )
    if match := _BLUESKY.match(url):
        handle, post = match.groups()
        return Embed(
            EmbedProvider.BLUESKY,
            f"https://bsky.app/profile/{handle}/post/{post}",
            script_src="https://embed.bsky.app/static/embed.js",
            quote_class="bluesky-embed",
            quote_attrs=(("data-bluesky-uri", f"at://{handle}/app.bsky.feed.post/{post}"),),
        )
    if match := _INSTAGRAM.match(url):
        kind, code = match.groups()
        post = f"https://www.instagram.com/{kind.lower()}/{code}/"
        return Embed(EmbedProvider.INSTAGRAM, post, iframe_src=f"{post}embed/")
    if video := _youtube_id(url):
        return Embed(
            EmbedProvider.YOUTUBE,
            f"https://www.youtube.com/watch?v={video}",
            iframe_src=f"https://www.youtube-nocookie.com/embed/{video}",
        )
    if match := _MASTODON.match(url):
        host, user, activitypub_user, status = match.groups()
        post = f"https://{host.lower()}/@{user or activitypub_user}/{status}"
        return Embed(EmbedProvider.MASTODON, post, iframe_src=f"{post}/embed")
    return None


def is_mastodon_host(host: str) -> bool:
    """Whether `host` is written the way `_MASTODON` accepts a server's name."""
    return len(host) <= 253 and bool(_MASTODON_HOST.match(host))


def _youtube_id(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[..." (an unclosed IPv6 bracket) is no address at all
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/shorts/", "/embed/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and _YOUTUBE_ID.match(candidate) else None


def render_embed_gate(embed: Embed) -> SafeString:
    """The consent gate for one post: a plain link, what consenting means, and the form."""
    return SafeString(render_to_string("content/_embed_gate.html", {"embed": embed}))


# --- markdown-it rules -----------------------------------------------------------------------

_COMPONENT = re.compile(r"^<Embed\s+(?:url|src)=\"([^\"]+)\"\s*/?>\s*(?:</Embed>)?\s*$", re.I)
_LEGACY_OPEN = re.compile(r"^<WidgetConsent\b[^>]*>\s*$", re.I)
_LEGACY_CLOSE = re.compile(r"^</WidgetConsent>\s*$", re.I)
_HREF = re.compile(r"""href=["']([^"']+)["']""", re.I)
_URL = re.compile(r"https?://[^\s<>\"']+")


def embed_block_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: an `<Embed url="..."/>` line or a `<WidgetConsent>...</WidgetConsent>` block."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = _line(state, start)
    urls: list[str]
    if match := _COMPONENT.match(line):
        urls, next_line = [unescape(match.group(1))], start + 1
    elif _LEGACY_OPEN.match(line):
        close = next(
            (n for n in range(start + 1, end) if _LEGACY_CLOSE.match(_line(state, n))), None
        )
        if close is None:
            return False
        inner = "\n".join(_line(state, n) for n in range(start + 1, close))
        urls = [unescape(u) for u in _HREF.findall(inner)] + _URL.findall(inner)
        next_line = close + 1
    else:
        return False
    if silent:
        return True
    embed = next((e for e in map(recognize_embed, urls) if e), None)
    token = state.push("embed", "", 0)
    token.block = True
    token.map = [start, next_line]
    token.meta = {"embed": embed, "url": embed.url if embed else (urls[0] if urls else "")}
    state.line = next_line
    return True


def bare_url_rule(state: StateCore) -> None:
    """Core rule: a top-level paragraph holding only a post's URL becomes an embed."""
    tokens = state.tokens
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token.type == "paragraph_open"
            and token.level == 0
            and index + 2 < len(tokens)
            and (embed := recognize_embed(tokens[index + 1].content))
        ):
            replacement = Token("embed", "", 0, block=True, map=token.map)
            replacement.meta = {"embed": embed, "url": embed.url}
            result.append(replacement)
            index += 3
            continue
        result.append(token)
        index += 1
    state.tokens = result


def _line(state: StateBlock, number: int) -> str:
    return state.src[state.bMarks[number] + state.tShift[number] : state.eMarks[number]]
