"""A group's channels (Discord, WhatsApp, Telegram, ...) and what a valid link is for each."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.platforms import SITES, ChannelLink, host_is_within
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


# The link shape of each kind of channel, from the one table of platforms; email and website
# have none (any address, any web page).
_LINKS: dict[str, ChannelLink] = {
    kind: site.channel for kind, site in SITES.items() if site.channel is not None
}


def channel_kind_by_host(url: str) -> ChannelKind | None:
    """The kind of channel a link's host belongs to, or None (Mastodon runs on any server)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # "https://[oops": no host at all
        return None
    for kind, link in _LINKS.items():
        if not link.any_host and host and host_is_within(host, SITES[kind].hosts):
            return ChannelKind(kind)
    return None


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
        if kind not in _LINKS:
            raise ValidationError(
                _("Give a web address such as https://example.org."), code="invalid_url"
            ) from None
        raise _invalid(kind, _LINKS[kind].example) from None
    if kind == ChannelKind.WEBSITE:
        return value
    link = _LINKS[kind]
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if not link.any_host and not host_is_within(host, SITES[kind].hosts):
        raise _invalid(kind, link.example)
    if not link.path.match(parts.path or "/"):
        raise _invalid(kind, link.example)
    if link.also_fragment and len(parts.fragment) < 10:
        raise _invalid(kind, link.example)
    return parts._replace(scheme="https").geturl()
