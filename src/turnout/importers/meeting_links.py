"""Meeting links in calendar entries and pages (Zoom, Teams, Google Meet, Jitsi, Whereby,
BigBlueButton, Webex, GoTo, Proton Meet, Zoho Meeting, Skype, BlueJeans, Discord's voice
channels, Signal's call links, Nextcloud Talk rooms), invitations to a chat server, and
locations that name no place but only the call."""

import re
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
# Host (a suffix) and, where the host also serves other pages, the path a meeting starts with.
_MEETING_HOSTS: tuple[tuple[str, str], ...] = (
    ("zoom.us", "/j/"),
    ("zoom.us", "/my/"),
    ("zoom.us", "/w/"),
    ("zoom.us", "/s/"),
    ("zoomgov.com", "/j/"),
    ("teams.microsoft.com", "/l/meetup-join"),
    ("teams.microsoft.com", "/meet/"),
    ("teams.live.com", "/meet/"),
    ("meet.google.com", "/"),
    ("meet.jit.si", "/"),
    ("8x8.vc", "/"),
    ("whereby.com", "/"),
    ("webex.com", "/"),
    ("gotomeeting.com", "/join/"),
    ("meet.goto.com", "/"),
    ("senfcall.de", "/"),
    ("meet.proton.me", "/join/"),
    ("zoho.com", "/meeting/join"),  # meeting.zoho.com, .eu, .in, .com.au, .jp
    ("zoho.eu", "/meeting/join"),
    ("zoho.in", "/meeting/join"),
    ("zoho.com.au", "/meeting/join"),
    ("zoho.jp", "/meeting/join"),
    ("join.skype.com", "/"),
    ("bluejeans.com", "/"),
    # A server's voice or stage channel, where a Discord event is held ("/events/" is the
    # event's own page, not the call).
    ("discord.com", "/channels/"),
    ("signal.link", "/call/"),
    ("telemost.yandex.ru", "/j/"),  # Yandex Telemost, as Yandex Calendar invites to it
    ("telemost.yandex.com", "/j/"),
    ("vk.com", "/call/join/"),
    ("talky.io", "/"),
    ("cal.com", "/video/"),  # Cal.com's own call: app.cal.com/video/<booking>
)
# A Nextcloud Talk room, on whatever server a group runs: "/call/<token>", behind "/index.php"
# where the server has no pretty URLs. Its token is 8 to 10 small letters and digits; one
# with no digit is likelier a page ("/call/petition").
_TALK_ROOM = re.compile(r"(?:/index\.php)?/call/(?=[a-z]*\d)[a-z0-9]{8,10}/?")
# Invitations to a chat server: the call of an online event whose calendar entry gives one as
# its place; on a page, a link to a group's server says nothing of any one event.
_SERVER_INVITES: tuple[tuple[str, str], ...] = (("discord.gg", "/"), ("discord.com", "/invite/"))
# Self-hosted servers (Jitsi, BigBlueButton) are told by their host name.
_SELF_HOSTED = re.compile(r"(^|[.-])(jitsi|meet|bbb|bigbluebutton|greenlight)([.-]|$)")
_SELF_HOSTED_PATHS = re.compile(r"^/(b|rooms)/[^/]+|^/[A-Za-z0-9_-]{3,}/?$")
# What an online event's LOCATION says instead of a place, in the languages we import:
# "Online", "En ligne", "オンライン", "عبر الإنترنت", a service alone or after "online" or
# "via" ("Online (Teams)", "Μέσω Zoom", "über Jitsi").
_SERVICE = (
    r"(?:(?:microsoft )?teams|zoom|google meet|jitsi(?: meet)?|whereby|bigbluebutton|webex|"
    r"zoho meeting|skype|bluejeans|discord|signal|gotomeeting)"
    r"(?: (?:meeting|call|vergadering|besprechung|réunion|reunión|riunione|spotkanie))?"
)
_ONLINE = (
    r"online|on line|on-line|virtual|virtueel|virtuell|virtuel(?:le)?|virtuale|wirtualnie|"
    r"digitaal|digital|remote|webinar|livestream|video ?call|videogesprek|videokonferenz|"
    r"visio(?:conférence)?|en ligne|en línea|in linea|da remoto|a distancia|à distance|"
    r"zdalnie|çevrim ?içi|онлайн|дистанционно|διαδικτυακά|διαδικτυακή|ηλεκτρονικά|"
    r"אונליין|מקוון|عبر الإنترنت|عبر الانترنت|أونلاين|اونلاين|عن بعد|افتراضي|ऑनलाइन|"
    r"オンライン|온라인|线上|線上|在线|在線|网上|網上|"
    r"online[ -](?:event|meeting|vergadering|bijeenkomst|veranstaltung|treffen|sitzung|"
    r"réunion|reunión|riunione|spotkanie|встреча|събитие)"
)
_VIA = r"(?:via|über|per|par|por|tramite|przez|через|μέσω|على|経由)"
_ONLINE_WORDS = re.compile(
    rf"^(?:{_ONLINE}|{_SERVICE}|(?:{_ONLINE}) {_SERVICE}|{_VIA} {_SERVICE}|{_SERVICE} {_VIA})$",
    re.IGNORECASE,
)


def is_meeting_link(url: str) -> bool:
    """Whether `url` joins a video call rather than showing a page about the event."""
    return _is_on(url, _MEETING_HOSTS, self_hosted=True) or is_talk_room(url)


def is_talk_room(url: str) -> bool:
    """Whether `url` joins a Nextcloud Talk conversation."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and (_TALK_ROOM.fullmatch(parts.path) is not None and not parts.query)
    )


def is_server_invite(url: str) -> bool:
    """Whether `url` invites to a chat server (Discord) where an event can be held."""
    return _is_on(url, _SERVER_INVITES, self_hosted=False)


def _is_on(url: str, hosts: tuple[tuple[str, str], ...], *, self_hosted: bool) -> bool:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    path = parts.path or "/"
    for suffix, prefix in hosts:
        if (host == suffix or host.endswith("." + suffix)) and path.startswith(prefix):
            return prefix != "/" or len(path) > 1
    return self_hosted and bool(_SELF_HOSTED.search(host)) and bool(_SELF_HOSTED_PATHS.match(path))


def meeting_links_in(text: str) -> list[str]:
    """The meeting links written in `text`, in order."""
    return [url for url in (_clean(found) for found in _URL.findall(text)) if is_meeting_link(url)]


def without_meeting_links(text: str) -> str:
    """`text` with every meeting link taken out: a description is public, the call is not."""

    def drop(match: re.Match) -> str:
        url = _clean(match[0])
        return match[0][len(url) :] if is_meeting_link(url) else match[0]

    return re.sub(r"<\s*>", "", _URL.sub(drop, text)).strip()


def without_links(text: str) -> str:
    return _URL.sub(" ", text)


def names_no_place(location: str) -> bool:
    """Whether a LOCATION is empty, a link, or only says the event is online ("Zoom")."""
    rest = re.sub(r"[\s,;:()\[\]|/–—-]+", " ", without_links(location)).strip()
    return not rest or bool(_ONLINE_WORDS.match(rest))


def _clean(url: str) -> str:
    # A link at the end of a sentence or in brackets keeps none of them.
    return url.rstrip(".,;:!?)]>")


def names_online(text: str, language: str | None = None) -> bool:
    """Whether a place as a page writes it says "online" rather than naming a city: "Online",
    "**Online** (Discord)", "Virtueel / online", "En ligne", "Wherever you are: livestream",
    "Online — Zoom"; "Online petition" or "Zoom Lane, Leeds" name no online event."""
    from .event_words import ONLINE, ONLINE_SERVICES
    from .vocabulary import fold, phrases, words_only

    words = set(phrases(ONLINE, language))
    services = set(ONLINE_SERVICES)
    bare = re.sub(r"\([^)]*\)?|\[[^\]]*\]|[*_`~]", " ", without_links(text))
    segments = [fold(s).strip() for s in re.split(r"[–—:/|,;]|\s-\s", bare)]
    segments = [words_only(s, keep="'-").strip() for s in segments]
    segments = [" ".join(s.split()) for s in segments if s.strip()]
    if not segments:
        return False
    said = [s in words for s in segments]
    # The opening segment says it, or a service opens and the next segment says it.
    first_is_service = segments[0] in services and len(said) > 1 and said[1]
    return said[0] or first_is_service
