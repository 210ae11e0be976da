"""Platforms on the web: their hosts and link shapes, in one table for signup links and group
channels; recognizing the platform behind a signup link, and what joining there means."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    LUMA = "luma", "lu.ma"
    EVENTBRITE = "eventbrite", "Eventbrite"
    PARTIFUL = "partiful", "Partiful"
    MEETUP = "meetup", "Meetup"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    SIGNAL = "signal", "Signal"
    VIBER = "viber", "Viber"
    LINE = "line", "LINE"
    DISCORD = "discord", "Discord"
    SLACK = "slack", "Slack"
    MOBILIZON = "mobilizon", "Mobilizon"
    # Organizing tools movements take signups with.
    ACTION_NETWORK = "actionnetwork", "Action Network"
    MOBILIZE = "mobilize", "Mobilize"
    EVERYACTION = "everyaction", "EveryAction"
    # Ticketing sites.
    PRETIX = "pretix", "pretix"
    TICKET_TAILOR = "tickettailor", "Ticket Tailor"
    HUMANITIX = "humanitix", "Humanitix"
    # Forms: the signup is a form to fill in.
    GOOGLE_FORMS = "googleforms", "Google Forms"
    MICROSOFT_FORMS = "microsoftforms", "Microsoft Forms"
    TYPEFORM = "typeform", "Typeform"
    TALLY = "tally", "Tally"
    JOTFORM = "jotform", "Jotform"
    WEBSITE = "website", _("website")


@dataclass(frozen=True)
class ChannelLink:
    """What a group's channel on a platform must look like (see `turnout.groups.channels`)."""

    path: re.Pattern[str]
    example: str
    any_host: bool = False  # self-hosted (Mastodon): any server, so only the path is checked
    also_fragment: bool = False  # Signal group links keep their key after "#"
    # Viber's invitations keep it in the query ("?g2=..."): the parameters that may hold it.
    query_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """Where a platform lives on the web, and what Turnout accepts there.

    `hosts` and their subdomains are the platform's own. A platform that is a `signup_link`
    is recognized behind an event's signup link (then its key is a `Platform`); one with a
    `channel` can be a group's channel (then its key is a `ChannelKind`), with that link shape.
    """

    hosts: tuple[str, ...]
    signup_link: bool = True
    # Short links that redirect anywhere on the platform: fine for a signup link, which is
    # only recognized, but no channel's address (its page could be anything).
    short_hosts: tuple[str, ...] = ()
    channel: ChannelLink | None = None


# One table for signup links and group channels, keyed by the platform's value in `Platform`
# and `ChannelKind`. Eventbrite (one site per country) and Mobilizon (self-hosted) are told by
# the shape of their address in `recognize_platform`, not by a host.
SITES: dict[str, Site] = {
    "facebook": Site(
        ("facebook.com", "fb.com"),
        short_hosts=("fb.me",),
        channel=ChannelLink(
            re.compile(r"^/(groups/)?[A-Za-z0-9._-]+/?$"), "https://www.facebook.com/yourgroup"
        ),
    ),
    "luma": Site(("lu.ma", "luma.com")),
    "actionnetwork": Site(("actionnetwork.org",)),
    "mobilize": Site(("mobilize.us",)),
    "everyaction": Site(("everyaction.com",)),
    "pretix": Site(("pretix.eu",)),
    "tickettailor": Site(("tickettailor.com",)),
    "humanitix": Site(("humanitix.com",)),
    # Google's forms also live at docs.google.com/forms/, told by the path (recognize_platform).
    "googleforms": Site(("forms.gle",)),
    "microsoftforms": Site(("forms.office.com", "forms.microsoft.com"), short_hosts=("forms.ms",)),
    "typeform": Site(("typeform.com",)),
    "tally": Site(("tally.so",)),
    "jotform": Site(("jotform.com", "jotform.me")),
    "partiful": Site(("partiful.com",)),
    "meetup": Site(("meetup.com",)),
    "whatsapp": Site(
        ("chat.whatsapp.com",),
        channel=ChannelLink(
            re.compile(r"^/(invite/)?[A-Za-z0-9]{10,}/?$"),
            "https://chat.whatsapp.com/AbCdEfGhIjK123",
        ),
    ),
    "telegram": Site(
        ("t.me", "telegram.me"),
        channel=ChannelLink(
            re.compile(
                r"^/(\+[A-Za-z0-9_-]{6,}|joinchat/[A-Za-z0-9_-]{6,}|[A-Za-z][A-Za-z0-9_]{3,})/?$"
            ),
            "https://t.me/+AbCdEf123",
        ),
    ),
    "signal": Site(
        ("signal.group",),
        channel=ChannelLink(
            re.compile(r"^/?$"), "https://signal.group/#CjQKI...", also_fragment=True
        ),
    ),
    "viber": Site(
        ("invite.viber.com", "chats.viber.com"),
        channel=ChannelLink(
            re.compile(r"^/?$"), "https://invite.viber.com/?g2=AQBxyz123", query_keys=("g2", "g")
        ),
    ),
    "line": Site(
        ("line.me",),
        channel=ChannelLink(
            # An OpenChat ("g2") or a group's invitation ("g"), with or without LINE's "/R".
            re.compile(r"^/(R/)?ti/g2?/[A-Za-z0-9_-]{6,}/?$"),
            "https://line.me/ti/g2/AbCdEf123",
        ),
    ),
    "slack": Site(
        ("join.slack.com",),
        channel=ChannelLink(
            re.compile(r"^/t/[A-Za-z0-9-]+/shared_invite/[A-Za-z0-9_-]{6,}/?$"),
            "https://join.slack.com/t/yourgroup/shared_invite/zt-abc123",
        ),
    ),
    "discord": Site(
        ("discord.gg", "discord.com", "discordapp.com"),
        channel=ChannelLink(
            re.compile(r"^/(invite/)?[A-Za-z0-9-]{2,}/?$"), "https://discord.gg/AbCd123"
        ),
    ),
    "mastodon": Site(
        (),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/@[A-Za-z0-9_]+/?$"), "https://mastodon.social/@yourgroup", any_host=True
        ),
    ),
    "bluesky": Site(
        ("bsky.app",),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/profile/[A-Za-z0-9.:-]+/?$"),
            "https://bsky.app/profile/yourgroup.bsky.social",
        ),
    ),
    "instagram": Site(
        ("instagram.com",),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/[A-Za-z0-9._]+/?$"), "https://www.instagram.com/yourgroup"
        ),
    ),
    "x": Site(
        ("x.com", "twitter.com"),
        signup_link=False,
        channel=ChannelLink(re.compile(r"^/[A-Za-z0-9_]{1,15}/?$"), "https://x.com/yourgroup"),
    ),
    "youtube": Site(
        ("youtube.com",),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/(@[A-Za-z0-9._-]+|channel/[A-Za-z0-9_-]+|c/[A-Za-z0-9._-]+)/?$"),
            "https://www.youtube.com/@yourgroup",
        ),
    ),
    "tiktok": Site(
        ("tiktok.com",),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/@[A-Za-z0-9._]+/?$"), "https://www.tiktok.com/@yourgroup"
        ),
    ),
    "linkedin": Site(
        ("linkedin.com",),
        signup_link=False,
        channel=ChannelLink(
            re.compile(r"^/(company|in|groups)/[A-Za-z0-9_-]+/?$"),
            "https://www.linkedin.com/company/yourgroup",
        ),
    ),
}


def host_is_within(host: str, domains: Iterable[str]) -> bool:
    """Whether `host` is one of `domains` or a subdomain of one ("m.facebook.com")."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def recognize_platform(url: str) -> Platform:
    """Return the platform a signup URL points to; anything unrecognized is a website."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return Platform.WEBSITE
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return Platform.WEBSITE
    for key, site in SITES.items():
        if site.signup_link and host_is_within(host, site.hosts + site.short_hosts):
            return Platform(key)
    path = parts.path.lower()
    if host == "docs.google.com" and path.startswith("/forms/"):
        return Platform.GOOGLE_FORMS
    labels = host.split(".")
    if _is_eventbrite(labels):
        return Platform.EVENTBRITE
    # Mobilizon is self-hosted on many domains; its event pages live under /events/<uuid>.
    if path.startswith("/events/") and _looks_like_uuid(path.split("/")[2]):
        return Platform.MOBILIZON
    if "mobilizon" in labels:
        return Platform.MOBILIZON
    return Platform.WEBSITE


def _is_eventbrite(labels: list[str]) -> bool:
    if "eventbrite" not in labels:
        return False
    suffix = labels[labels.index("eventbrite") + 1 :]
    return len(suffix) == 1 or (len(suffix) == 2 and suffix[0] in {"co", "com"})


def _looks_like_uuid(text: str) -> bool:
    pieces = text.split("-")
    return [len(p) for p in pieces] == [8, 4, 4, 4, 12] and all(
        c in "0123456789abcdef" for c in text.replace("-", "")
    )


_ACTIONS = {
    Platform.WHATSAPP: _("Join the WhatsApp group"),
    Platform.TELEGRAM: _("Join the Telegram group"),
    Platform.SIGNAL: _("Join the Signal group"),
    Platform.VIBER: _("Join the Viber group"),
    Platform.LINE: _("Join the LINE group"),
    Platform.SLACK: _("Join us on Slack"),
    Platform.DISCORD: _("Join us on Discord"),
    Platform.GOOGLE_FORMS: _("Fill in the signup form"),
    Platform.MICROSOFT_FORMS: _("Fill in the signup form"),
    Platform.TYPEFORM: _("Fill in the signup form"),
    Platform.TALLY: _("Fill in the signup form"),
    Platform.JOTFORM: _("Fill in the signup form"),
    Platform.WEBSITE: _("Sign up on the event's website"),
}


def signup_action_label(platform: Platform | str) -> str:
    """What the signup button says: "Sign up on Facebook", "Join the WhatsApp group"."""
    platform = Platform(platform)
    if platform in _ACTIONS:
        return str(_ACTIONS[platform])
    return str(_("Sign up on %(platform)s") % {"platform": platform.label})
