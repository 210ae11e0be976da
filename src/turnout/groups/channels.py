"""A group's channels (Discord, WhatsApp, Telegram, ...) and what a valid link is for each."""

import re
from urllib.parse import parse_qs, urlsplit

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
    VIBER = "viber", "Viber"
    LINE = "line", "LINE"
    SLACK = "slack", "Slack"
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
        _("This is not a link to %(platform)s. It should look like %(example)s"),
        params={"platform": ChannelKind(kind).label, "example": example},
        code="invalid_channel_link",
    )


# Where a handle ("@pauseainyc") lives on each platform that names accounts by one; Mastodon's
# "@name@server" names its server too. Sheets and forms give handles as often as links.
_HANDLE_LINKS = {
    ChannelKind.INSTAGRAM: "https://www.instagram.com/{}",
    ChannelKind.X: "https://x.com/{}",
    ChannelKind.TELEGRAM: "https://t.me/{}",
    ChannelKind.TIKTOK: "https://www.tiktok.com/@{}",
    ChannelKind.YOUTUBE: "https://www.youtube.com/@{}",
    ChannelKind.BLUESKY: "https://bsky.app/profile/{}",
}
_HANDLE = re.compile(r"@([A-Za-z0-9_][A-Za-z0-9_.-]{0,99})")
_MASTODON_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,30})@([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)


def _handle_as_link(kind: str, value: str) -> str:
    """ "@pauseainyc" as the link to that account, for platforms that name accounts so."""
    if kind == ChannelKind.MASTODON and (match := _MASTODON_HANDLE.fullmatch(value)):
        return f"https://{match[2].lower()}/@{match[1]}"
    if kind in _HANDLE_LINKS and (match := _HANDLE.fullmatch(value)):
        return _HANDLE_LINKS[ChannelKind(kind)].format(match[1])
    return value


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
    value = _handle_as_link(kind, value)
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
    if link.query_keys and not any(
        len(key) >= 6 for name in link.query_keys for key in parse_qs(parts.query).get(name, [])
    ):
        raise _invalid(kind, link.example)
    return parts._replace(scheme="https").geturl()
