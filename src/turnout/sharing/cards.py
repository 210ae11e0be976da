"""Share cards: a 1200×630 PNG per campaign and event and language, drawn with Pillow.

What a chat app or social network shows beside a shared link (og:image). Brand colours, the
title, the date window and the reach ("12 cities in 5 countries") or the event's city and
local time. The place is only ever the city: a private event's meeting point is never drawn.
DejaVu covers Latin, Greek and Cyrillic; other scripts draw as boxes but never fail.
"""

import hashlib
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.utils.translation import gettext, override
from PIL import Image, ImageDraw, ImageFont

from turnout.campaigns.day_details import public_place
from turnout.campaigns.event_texts import event_text as shown_event_title
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.selectors import campaign_reach
from turnout.campaigns.texts import campaign_text as shown_campaign_title
from turnout.covers import drawing as cover_drawing
from turnout.covers.display import cover_for, image_bytes
from turnout.covers.models import CoverImage
from turnout.localization.formatting import format_date_window, format_day, format_time_range
from turnout.web.text import single_line

from . import card_map
from .brand import Brand, current_brand

WIDTH, HEIGHT = 1200, 630  # what Open Graph consumers crop least
MARGIN = 72
ACCENT_BAND = 18
TITLE_SIZES = (76, 64, 54, 46)  # the largest that fits in TITLE_LINES lines
TITLE_LINES = 4
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
CACHE_SECONDS = 7 * 24 * 3600  # the key changes with the object, so long is safe
# Part of every key: bump when the drawing changes.
DRAWING_VERSION = "3"  # 2: the cover as a darkened background; 3: the map
# The map's box, right of the title, when there is no cover.
MAP_LEFT, MAP_TOP = WIDTH - MARGIN - card_map.BOX_WIDTH, MARGIN + 80
MAP_GAP = 40


@dataclass(frozen=True)
class CardText:
    title: str
    when: str
    detail: str  # the reach, or the city and local time
    dots: tuple[card_map.Dot, ...] = ()  # the cities on the map (part of the cache key)


@dataclass(frozen=True)
class Card:
    png: bytes
    etag: str


@cache
def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_FOLDER / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # fonts-dejavu-core missing: still a card, in Pillow's own font
        return ImageFont.load_default(size)


# A private-use code point no font draws: what its mask looks like is the font's empty box.
_NO_GLYPH = "\U0010fffd"


@lru_cache(maxsize=4096)
def _has_glyph(character: str) -> bool:
    font = _font(40, bold=True)
    if not isinstance(font, ImageFont.FreeTypeFont):
        return character.isascii()
    box = font.getmask(_NO_GLYPH)
    mask = font.getmask(character)
    return mask.size != box.size or bytes(mask) != bytes(box)


def drawable(text: str) -> str:
    """`text` on one line without what the font would draw as an empty box (emoji, most
    scripts DejaVu lacks), so a title in them is shortened, never boxed."""
    line = single_line(text)
    return " ".join("".join(c for c in line if c.isspace() or _has_glyph(c)).split())


def campaign_text(campaign: Campaign, language: str) -> CardText:
    reach = campaign_reach(campaign)
    with override(language):
        detail = reach.describe() if reach.cities else ""
        return CardText(
            title=shown_campaign_title(campaign, "title", language),
            when=format_date_window(campaign.starts_on, campaign.ends_on, language),
            detail=detail,
            dots=card_map.campaign_dots(campaign),
        )


def event_text(event: LocalEvent, language: str) -> CardText:
    place = public_place(event, language)  # the city only, whatever is private
    with override(language):
        where = (
            gettext("Online")
            if place.is_online
            else ", ".join(part for part in (place.city, place.country) if part)
        )
        when = format_day(event.local_starts_at, language)
        hours = format_time_range(event.local_starts_at, event.local_ends_at, language)
        if event.is_cancelled:
            when = gettext("Cancelled: %(day)s") % {"day": when}
        title = shown_event_title(event, "title", language)
        return CardText(
            title=title, when=when, detail=f"{where} · {hours}", dots=card_map.event_dots(event)
        )


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Words into lines no wider than `width`; a word longer than a line is cut; the last
    line ends in "…" when the text does not fit."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while draw.textlength(word, font=font) > width:  # one very long word: cut it
            cut = len(word)
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and draw.textlength(f"{last}…", font=font) > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], f"{last.rstrip()}…"]
    return lines


def _fit_title(draw: ImageDraw.ImageDraw, title: str, width: int):
    for size in TITLE_SIZES:
        font = _font(size, bold=True)
        lines = _wrap(draw, title, font, width, max_lines=TITLE_LINES)
        if len(lines) <= TITLE_LINES - 1 or size == TITLE_SIZES[-1]:
            return font, size, lines
    raise AssertionError("unreachable")


def draw_card(text: CardText, brand: Brand, cover: bytes | None = None) -> bytes:
    """The card as PNG bytes; with a `cover` (image bytes), that image darkened behind
    white text instead of the brand's background."""
    image = Image.new("RGB", (WIDTH, HEIGHT), brand.background)
    ink: str | tuple[int, int, int] = brand.text  # "#rrggbb", or the cover's white
    background = cover_drawing.card_background(cover, (WIDTH, HEIGHT)) if cover else None
    if background is not None:
        image, ink = background, cover_drawing.INK
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, ACCENT_BAND), fill=brand.accent)
    inner = WIDTH - 2 * MARGIN

    name_font = _font(34, bold=True)
    name = _wrap(draw, drawable(brand.name), name_font, inner, max_lines=1)
    draw.text((MARGIN, MARGIN), name[0] if name else "", font=name_font, fill=ink)

    title_width = inner
    if text.dots and background is None:  # a cover says more than a map
        title_width = inner - card_map.BOX_WIDTH - MAP_GAP
        world = card_map.draw_map(text.dots, brand)
        image.paste(world, (MAP_LEFT, MAP_TOP), world)
    title_font, size, lines = _fit_title(draw, drawable(text.title), title_width)
    y = MARGIN + 80
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=ink)
        y += int(size * 1.2)

    small = _font(38)
    bottom = HEIGHT - MARGIN
    for line in reversed([t for t in (text.when, text.detail) if t]):
        fitted = _wrap(draw, drawable(line), small, inner, max_lines=1)
        bottom -= 50
        draw.text((MARGIN, bottom), fitted[0] if fitted else "", font=small, fill=ink)

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _cached(
    kind: str, pk: object, language: str, text: CardText, version: str,
    cover: CoverImage | None = None,
) -> Card:  # fmt: skip
    brand = current_brand()
    # The key holds all a card is drawn from: an edit, a new event in a campaign's reach or a
    # new brand colour draws a new card.
    basis = "|".join(
        [DRAWING_VERSION, kind, str(pk), language, version, brand.version, repr(text), repr(brand)]
        + [f"cover:{cover.key}" if cover else ""]  # a new image is a new key
    )
    digest = hashlib.sha256(basis.encode()).hexdigest()[:32]
    key = f"sharing:card:{digest}"
    png = django_cache.get(key)
    if png is None:
        png = draw_card(text, brand, image_bytes(cover) if cover else None)
        django_cache.set(key, png, CACHE_SECONDS)
    return Card(png=png, etag=f'"{digest}"')


def campaign_card(campaign: Campaign, language: str) -> Card:
    return _cached(
        "campaign", campaign.pk, language, campaign_text(campaign, language),
        campaign.updated_at.isoformat(), cover_for(campaign),
    )  # fmt: skip


def event_card(event: LocalEvent, language: str) -> Card:
    return _cached(
        "event", event.pk, language, event_text(event, language),
        event.updated_at.isoformat(), cover_for(event),
    )  # fmt: skip
