"""Footer and social links: a short list of {label, url}, https only, with the label in each
language the site speaks where it differs ("label_nl": "Over ons"), as the footer text is."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LINKS = 10
MAX_LABEL = 60


def label_keys() -> set[str]:
    """ "label" (every language) and "label_<code>" for each language of the site."""
    return {"label", *(f"label_{code}" for code, _name in settings.LANGUAGES)}


def label_in(link: dict, language: str) -> str:
    """The link's label in `language`, or its plain label where it has none in it."""
    return str(link.get(f"label_{language}") or link["label"])


def validate_links(value: object) -> None:
    """Refuse anything but a list of at most ten {"label": ..., "url": "https://..."}, each
    label in a language optional ("label_nl": ...)."""
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
        if not isinstance(link, dict) or not {"label", "url"} <= set(link) <= {
            "url",
            *label_keys(),
        }:
            raise ValidationError(
                _(
                    'Link %(number)d needs a "label" and a "url", and may have a label per '
                    'language such as "label_nl"; nothing else.'
                )
                % {"number": number}
            )
        labels = [link[key] for key in sorted(label_keys()) if key in link]
        if any(
            not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL
            for label in labels
        ):
            raise ValidationError(
                _("Link %(number)d needs a label of 1 to %(limit)d characters.")
                % {"number": number, "limit": MAX_LABEL}
            )
        url = link["url"]
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
