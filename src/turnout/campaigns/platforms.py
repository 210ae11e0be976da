"""Recognize the platform behind an external signup link, and say what joining there means."""

from collections.abc import Iterable
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
    DISCORD = "discord", "Discord"
    MOBILIZON = "mobilizon", "Mobilizon"
    WEBSITE = "website", _("website")


# Exact hosts (and their subdomains) per platform. Eventbrite runs one site per country
# (eventbrite.com, eventbrite.co.uk, eventbrite.nl, ...) and is matched by its second label.
_HOSTS: dict[str, Platform] = {
    "facebook.com": Platform.FACEBOOK,
    "fb.me": Platform.FACEBOOK,
    "fb.com": Platform.FACEBOOK,
    "lu.ma": Platform.LUMA,
    "luma.com": Platform.LUMA,
    "partiful.com": Platform.PARTIFUL,
    "meetup.com": Platform.MEETUP,
    "chat.whatsapp.com": Platform.WHATSAPP,
    "t.me": Platform.TELEGRAM,
    "telegram.me": Platform.TELEGRAM,
    "signal.group": Platform.SIGNAL,
    "discord.gg": Platform.DISCORD,
    "discord.com": Platform.DISCORD,
    "discordapp.com": Platform.DISCORD,
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
    for domain, platform in _HOSTS.items():
        if host_is_within(host, (domain,)):
            return platform
    labels = host.split(".")
    if _is_eventbrite(labels):
        return Platform.EVENTBRITE
    # Mobilizon is self-hosted on many domains; its event pages live under /events/<uuid>.
    path = parts.path.lower()
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
    Platform.DISCORD: _("Join us on Discord"),
    Platform.WEBSITE: _("Sign up on the event's website"),
}


def signup_action_label(platform: Platform | str) -> str:
    """What the signup button says: "Sign up on Facebook", "Join the WhatsApp group"."""
    platform = Platform(platform)
    if platform in _ACTIONS:
        return str(_ACTIONS[platform])
    return str(_("Sign up on %(platform)s") % {"platform": platform.label})
