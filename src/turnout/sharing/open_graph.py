"""Open Graph and Twitter card tags: what a link shows when shared in a chat or a post.

Every public page has the site's defaults (base.html); campaign, event and group pages their
own title, summary and (campaigns and events) a share card drawn on the server (cards.py).
"""

from dataclasses import dataclass, field

from babel import Locale
from babel.core import get_global
from django.conf import settings
from django.utils.translation import gettext, override

from turnout.campaigns.day_details import public_place
from turnout.campaigns.event_texts import event_text
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.translations import text_in_language
from turnout.groups.models import Group
from turnout.localization.formatting import babel_locale, format_date_window, format_day

from . import cards, urls_for
from .brand import current_brand
from .text import plain_summary


@dataclass(frozen=True)
class OpenGraph:
    title: str
    description: str
    url: str  # absolute, with the language prefix
    type: str = "website"
    image: str = ""
    image_alt: str = ""
    image_width: int = cards.WIDTH
    image_height: int = cards.HEIGHT
    site_name: str = ""
    locale: str = ""
    alternate_locales: list[str] = field(default_factory=list)


def og_locale(language: str) -> str:
    """ "en" → "en_GB", "nl" → "nl_NL": the language with its most likely territory."""
    locale = babel_locale(language)
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language, locale.language)
        locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def _locales(language: str) -> tuple[str, list[str]]:
    others = [og_locale(code) for code, _name in settings.LANGUAGES if code != language]
    return og_locale(language), others


def site_defaults(*, path: str, language: str, title: str = "") -> OpenGraph:
    brand = current_brand()
    locale, others = _locales(language)
    with override(language):
        description = gettext(
            "Find a protest or meet-up near you, sign up in a minute, "
            "or organize one in your own city."
        )
    return OpenGraph(
        title=title or brand.name,
        description=description,
        url=urls_for.absolute(path),
        site_name=brand.name,
        locale=locale,
        alternate_locales=others,
    )


def for_campaign(
    campaign: Campaign, *, language: str, title: str = "", summary: str = ""
) -> OpenGraph:
    """`title` and `summary` as the page shows them (translated), else the campaign's own."""
    brand = current_brand()
    locale, others = _locales(language)
    title = title or campaign.title
    with override(language):
        window = format_date_window(campaign.starts_on, campaign.ends_on, language)
        description = plain_summary(str(summary or campaign.summary)) or window
        alt = gettext("%(title)s, %(window)s") % {"title": title, "window": window}
    return OpenGraph(
        title=str(title),
        description=description,
        url=urls_for.page_url(campaign, language),
        image=urls_for.campaign_card_url(campaign, language),
        image_alt=alt,
        site_name=brand.name,
        locale=locale,
        alternate_locales=others,
    )


def for_event(event: LocalEvent, *, language: str) -> OpenGraph:
    brand = current_brand()
    locale, others = _locales(language)
    place = public_place(event, language)
    title = event_text(event, "title", language)
    with override(language):
        day = format_day(event.local_starts_at, language)
        where = place.location
        description = (
            plain_summary(event_text(event, "description", language)) or f"{day} · {where}"
        )
        alt = gettext("%(title)s, %(day)s, %(place)s") % {
            "title": title,
            "day": day,
            "place": where,
        }
    return OpenGraph(
        title=title,
        description=description,
        url=urls_for.page_url(event, language),
        image=urls_for.event_card_url(event, language),
        image_alt=alt,
        site_name=brand.name,
        locale=locale,
        alternate_locales=others,
    )


def for_group(group: Group, *, language: str) -> OpenGraph:
    """A group's name and its about text; no card of its own (the site's defaults otherwise)."""
    brand = current_brand()
    locale, others = _locales(language)
    with override(language):
        url = urls_for.absolute(group.get_absolute_url())
    return OpenGraph(
        title=group.name,
        # Written in LANGUAGE_CODE, as the translation app takes it (translation.sources).
        description=plain_summary(
            text_in_language(
                obj=group,
                field="description",
                language=language,
                source_language=settings.LANGUAGE_CODE,
            ).text
        ),
        url=url,
        site_name=brand.name,
        locale=locale,
        alternate_locales=others,
    )
