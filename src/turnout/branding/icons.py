"""The site's icons (favicon.ico, PNG sizes for tabs and home screens), drawn from the
uploaded favicon, else the raster logo, else the first letter of the name on the brand colour.
Drawn once per settings version and kept in the cache."""

import io
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from turnout.web.stored_files import STORAGE_ERRORS

from . import contrast
from .models import SiteSettings

PNG_SIZES = (32, 180, 192, 512)  # tab, Apple touch icon, Android home screen (2)
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
CACHE_SECONDS = 24 * 3600


def icon_png(site: SiteSettings, size: int) -> bytes:
    key = f"branding:icon:{site.version}:{size}"
    data = cache.get(key)
    if data is None:
        data = _encode(_square(site).resize((size, size), Image.Resampling.LANCZOS), "PNG")
        cache.set(key, data, CACHE_SECONDS)
    return data


def favicon_ico(site: SiteSettings) -> bytes:
    key = f"branding:icon:{site.version}:ico"
    data = cache.get(key)
    if data is None:
        data = _encode(_square(site), "ICO", sizes=ICO_SIZES)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _square(site: SiteSettings) -> Image.Image:
    """A 512 px square RGBA image to scale down."""
    for file in (site.favicon, site.logo):
        if file and file.name and not file.name.lower().endswith(".svg"):
            image = _stored_image(file.name)
            if image is not None:
                return _fit(image)
    return _monogram(site)


def _stored_image(name: str) -> Image.Image | None:
    try:
        with default_storage.open(name) as handle:
            image = Image.open(io.BytesIO(handle.read()))
            image.load()
    except STORAGE_ERRORS:  # UnidentifiedImageError is an OSError
        return None  # a file gone missing: fall back to the monogram rather than fail
    return image.convert("RGBA")


def _fit(image: Image.Image) -> Image.Image:
    image.thumbnail((512, 512), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    canvas.paste(image, ((512 - image.width) // 2, (512 - image.height) // 2), image)
    return canvas


def _monogram(site: SiteSettings) -> Image.Image:
    canvas = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((0, 0, 511, 511), radius=96, fill=contrast.rgb(site.brand_colour))
    letter = (site.name.strip()[:1] or "T").upper()
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype(str(FONT), 340)
    except OSError:
        font = ImageFont.load_default(size=340)
    draw.text(
        (256, 270), letter, font=font, anchor="mm", fill=contrast.rgb(site.text_on_brand_colour)
    )
    return canvas


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()
