"""Footer and social links: a short list of {label, url}, https only."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LINKS = 10
MAX_LABEL = 60


def validate_links(value: object) -> None:
    """Refuse anything but a list of at most ten {"label": ..., "url": "https://..."}."""
    if not isinstance(value, list):
        raise ValidationError(
            _('Enter a list such as [{"label": "Mastodon", "url": "https://..."}].')
        )
    if len(value) > MAX_LINKS:
        raise ValidationError(
            _("At most %(limit)d links; this list has %(count)d.")
            % {"limit": MAX_LINKS, "count": len(value)}
        )
    for number, link in enumerate(value, start=1):
        if not isinstance(link, dict) or set(link) != {"label", "url"}:
            raise ValidationError(
                _('Link %(number)d needs exactly a "label" and a "url".') % {"number": number}
            )
        label, url = link["label"], link["url"]
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
            raise ValidationError(
                _("Link %(number)d needs a label of 1 to %(limit)d characters.")
                % {"number": number, "limit": MAX_LABEL}
            )
        if not is_https_url(url):
            raise ValidationError(
                _("Link %(number)d must be a web address starting with https://.")
                % {"number": number}
            )


def is_https_url(url: object) -> bool:
    if not isinstance(url, str) or len(url) > 500 or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and not parts.username
