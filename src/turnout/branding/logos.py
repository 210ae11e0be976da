"""Uploads for the logo and favicon, cleaned before anything is stored.

A raster image goes through the photo pipeline (`turnout.web.images`: checked, upright, no
metadata) and is stored as one PNG of a size a header needs; an SVG is checked by `svg`.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image

from turnout.web.images import PhotoRejected, prepare_photo

from .svg import SvgRejected, sanitized_svg

LOGO_MAX_SIZE = (
    1024,
    256,
)  # a header shows it about 48 px high: four times that, for sharp screens
FAVICON_SIZE = 512


class LogoRejected(ValueError):
    """The upload cannot become the logo or favicon; the message says why."""


def looks_like_svg(data: bytes, name: str) -> bool:
    head = data[:512].lstrip().lower()
    return name.lower().endswith(".svg") or head.startswith((b"<?xml", b"<svg", b"<!doctype svg"))


def cleaned_logo(data: bytes, *, name: str) -> ContentFile:
    """The logo as it will be stored: a checked SVG, or a metadata-free PNG."""
    if looks_like_svg(data, name):
        try:
            return ContentFile(sanitized_svg(data), name="logo.svg")
        except SvgRejected as error:
            raise LogoRejected(str(error)) from None
    image = _clean_raster(data, name)
    image.thumbnail(LOGO_MAX_SIZE, Image.Resampling.LANCZOS)
    return ContentFile(_png(image), name="logo.png")


def cleaned_favicon(data: bytes, *, name: str) -> ContentFile:
    """A square PNG of FAVICON_SIZE: the middle of the upload, without metadata."""
    image = _clean_raster(data, name)
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    square = image.crop((left, top, left + side, top + side))
    if side > FAVICON_SIZE:
        square = square.resize((FAVICON_SIZE, FAVICON_SIZE), Image.Resampling.LANCZOS)
    return ContentFile(_png(square), name="favicon.png")


def _clean_raster(data: bytes, name: str) -> Image.Image:
    try:
        photo = prepare_photo(data, name=name)
    except PhotoRejected as error:
        raise LogoRejected(str(error)) from None
    image = Image.open(io.BytesIO(photo.original))
    image.load()
    return image


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
