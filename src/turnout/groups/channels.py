"""A group's channels (Discord, WhatsApp, Telegram, ...) and what a valid link is for each."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.platforms import host_is_within
from turnout.web.email_addresses import normalize_email


class ChannelKind(models.TextChoices):
    DISCORD = "discord", "Discord"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    SIGNAL = "signal", "Signal"
    EMAIL = "email", _("Email")
    WEBSITE = "website", _("Website")
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X (Twitter)"
    FACEBOOK = "facebook", "Facebook"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    LINKEDIN = "linkedin", "LinkedIn"


@dataclass(frozen=True)
class LinkRule:
    """Hosts a channel's link may use, the path it must have, and how to explain it."""

    hosts: tuple[str, ...]
    path: re.Pattern[str]
    example: str
    also_fragment: bool = False  # Signal group links keep their key after "#"


_RULES: dict[str, LinkRule] = {
    ChannelKind.DISCORD: LinkRule(
        ("discord.gg", "discord.com", "discordapp.com"),
        re.compile(r"^/(invite/)?[A-Za-z0-9-]{2,}/?$"),
        "https://discord.gg/AbCd123",
    ),
    ChannelKind.WHATSAPP: LinkRule(
        ("chat.whatsapp.com",),
        re.compile(r"^/(invite/)?[A-Za-z0-9]{10,}/?$"),
        "https://chat.whatsapp.com/AbCdEfGhIjK123",
    ),
    ChannelKind.TELEGRAM: LinkRule(
        ("t.me", "telegram.me"),
        re.compile(
            r"^/(\+[A-Za-z0-9_-]{6,}|joinchat/[A-Za-z0-9_-]{6,}|[A-Za-z][A-Za-z0-9_]{3,})/?$"
        ),
        "https://t.me/+AbCdEf123",
    ),
    ChannelKind.SIGNAL: LinkRule(
        ("signal.group",),
        re.compile(r"^/?$"),
        "https://signal.group/#CjQKI...",
        also_fragment=True,
    ),
    ChannelKind.MASTODON: LinkRule(
        (),  # any server
        re.compile(r"^/@[A-Za-z0-9_]+/?$"),
        "https://mastodon.social/@yourgroup",
    ),
    ChannelKind.BLUESKY: LinkRule(
        ("bsky.app",),
        re.compile(r"^/profile/[A-Za-z0-9.:-]+/?$"),
        "https://bsky.app/profile/yourgroup.bsky.social",
    ),
    ChannelKind.INSTAGRAM: LinkRule(
        ("instagram.com",),
        re.compile(r"^/[A-Za-z0-9._]+/?$"),
        "https://www.instagram.com/yourgroup",
    ),
    ChannelKind.X: LinkRule(
        ("x.com", "twitter.com"),
        re.compile(r"^/[A-Za-z0-9_]{1,15}/?$"),
        "https://x.com/yourgroup",
    ),
    ChannelKind.FACEBOOK: LinkRule(
        ("facebook.com", "fb.com"),
        re.compile(r"^/(groups/)?[A-Za-z0-9._-]+/?$"),
        "https://www.facebook.com/yourgroup",
    ),
    ChannelKind.YOUTUBE: LinkRule(
        ("youtube.com",),
        re.compile(r"^/(@[A-Za-z0-9._-]+|channel/[A-Za-z0-9_-]+|c/[A-Za-z0-9._-]+)/?$"),
        "https://www.youtube.com/@yourgroup",
    ),
    ChannelKind.TIKTOK: LinkRule(
        ("tiktok.com",),
        re.compile(r"^/@[A-Za-z0-9._]+/?$"),
        "https://www.tiktok.com/@yourgroup",
    ),
    ChannelKind.LINKEDIN: LinkRule(
        ("linkedin.com",),
        re.compile(r"^/(company|in|groups)/[A-Za-z0-9_-]+/?$"),
        "https://www.linkedin.com/company/yourgroup",
    ),
}


def _invalid(kind: str, example: str) -> ValidationError:
    return ValidationError(
        _("This is not a %(platform)s link. It should look like %(example)s"),
        params={"platform": ChannelKind(kind).label, "example": example},
        code="invalid_channel_link",
    )


def normalize_channel(kind: str, value: str) -> str:
    """Check `value` is a link (or address) of the right kind and return it cleaned up.

    Raises ValidationError with a message that names the platform and shows an example.
    """
    value = value.strip()
    if not value:
        raise ValidationError(_("Give a link or an address."), code="required")
    if kind == ChannelKind.EMAIL:
        address = value.removeprefix("mailto:")
        EmailValidator(message=_("Give an email address such as group@example.org."))(address)
        return normalize_email(address)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        value = f"https://{value}"
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError:
        if kind not in _RULES:
            raise ValidationError(
                _("Give a web address such as https://example.org."), code="invalid_url"
            ) from None
        raise _invalid(kind, _RULES[kind].example) from None
    if kind == ChannelKind.WEBSITE:
        return value
    rule = _RULES[kind]
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if rule.hosts and not host_is_within(host, rule.hosts):
        raise _invalid(kind, rule.example)
    if not rule.path.match(parts.path or "/"):
        raise _invalid(kind, rule.example)
    if rule.also_fragment and len(parts.fragment) < 10:
        raise _invalid(kind, rule.example)
    return parts._replace(scheme="https").geturl()
