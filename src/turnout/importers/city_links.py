"""The links of a city list: which are signup pages, which are maps, and which chat is the
campaign's place to organize ("Organize in your area! Join our Discord").

One home for these rules, shared by city bullets, "Where:" lines and online events.
"""

import re
from urllib.parse import urlsplit

from turnout.campaigns.platforms import Platform, recognize_platform

from .document import Block, Link
from .event_words import SIGNUP
from .page_words import JOIN_ONLY
from .vocabulary import CALLS_TO_ORGANIZE, contains_phrase, fold, phrases

CHAT_PLATFORMS = {
    Platform.DISCORD,
    Platform.WHATSAPP,
    Platform.TELEGRAM,
    Platform.SIGNAL,
    Platform.VIBER,
    Platform.LINE,
    Platform.SLACK,
}
_MAP_HOSTS = (
    "goo.gl",
    "maps.google",
    "google.com",
    "maps.app.goo.gl",
    "openstreetmap.org",
    "osm.org",
    "maps.apple.com",
    "bing.com",
    "here.com",
    "what3words.com",
)


def coordination_link(block: Block, language: str | None) -> str:
    """The chat link of a call to organize ("Organize in your area! Join our Discord")."""
    if not block.links or not contains_phrase(block.text, CALLS_TO_ORGANIZE, language):
        return ""
    chats = [link.url for link in block.links if recognize_platform(link.url) in CHAT_PLATFORMS]
    return chats[0] if chats else ""


def is_map(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in _MAP_HOSTS) and (
        "map" in url.lower() or host.startswith("goo.gl")
    )


def is_signup(link: Link, text: str | None = None, language: str | None = None) -> bool:
    """Whether the link may be an event's signup: a web page, not a map. In a sentence
    (`text`, its line) a chat invite is one only where it asks to sign up or join the protest
    through it, not merely to "join us" there ("Questions? Join us on Discord" is a place to
    talk); a list's linked city ("[Mailand](chat.whatsapp.com/…)") is its event's."""
    if not link.url.lower().startswith(("http://", "https://")) or is_map(link.url):
        return False
    if text is None or recognize_platform(link.url) not in CHAT_PLATFORMS:
        return True
    asks = fold(f"{text} {link.text}")
    for phrase in phrases(JOIN_ONLY, language):
        asks = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", asks)
    return contains_phrase(asks, SIGNUP, language)
