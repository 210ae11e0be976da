"""Turning an uploaded file into a clean image: checked, upright, without metadata, resized.

Domain-free plumbing: photos (media) and the site's logo and favicon (branding) both pass here.

Nothing a camera or phone writes into a file survives: the pixels are copied into a new image,
so EXIF (with GPS position, camera serial numbers, times), XMP, IPTC and comments are left
behind, in the original as much as in the display sizes. Colours in another profile are
converted to sRGB first, so dropping the profile changes nothing a person would see.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Formats accepted from uploads, and how each one's cleaned original is written back.
ACCEPTED_FORMATS: dict[str, tuple[str, dict[str, object]]] = {
    "JPEG": ("jpg", {"quality": 92, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 90}),
    "AVIF": ("avif", {"quality": 80}),
}
DISPLAY_WIDTHS = (480, 960, 1600)
# The modern formats every current browser shows; AVIF first because it is smaller.
DISPLAY_FORMATS: dict[str, tuple[str, dict[str, object]]] = {
    "avif": ("AVIF", {"quality": 55, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
}
MIN_SIDE = 32
# WebP holds at most 16383 pixels a side (AVIF 65536): a display size taller than that cannot
# be written, so a strip far taller than wide is refused before any is made.
MAX_DISPLAY_SIDE = 16383


class PhotoRejected(ValueError):
    """The file is not a photo this site accepts; the message says why, for the uploader."""


@dataclass
class Rendition:
    width: int
    height: int
    format: str  # file extension: "avif" or "webp"
    data: bytes


@dataclass
class CleanPhoto:
    original: bytes
    extension: str
    width: int
    height: int
    sha256: str
    renditions: list[Rendition] = field(default_factory=list)


def prepare_photo(data: bytes, *, name: str = "") -> CleanPhoto:
    """Check an upload and produce its clean original and display sizes, or raise PhotoRejected."""
    label = name or _("The file")
    if len(data) > settings.PHOTO_MAX_BYTES:
        raise PhotoRejected(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": label, "limit": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    image, fmt = _open_checked(data, label)
    extension, save_options = ACCEPTED_FORMATS[fmt]
    clean = _clean_pixels(image, label)
    _check_displayable(clean, label)  # upright: an orientation tag may have turned it
    original = _encode(clean, fmt, save_options)
    renditions = [
        rendition
        for width in _display_widths(clean.width)
        for rendition in _renditions(clean, width)
    ]
    return CleanPhoto(
        original=original,
        extension=extension,
        width=clean.width,
        height=clean.height,
        sha256=hashlib.sha256(original).hexdigest(),
        renditions=renditions,
    )


def _open_checked(data: bytes, label: str) -> tuple[Image.Image, str]:
    """The decoded image and its format, one of ACCEPTED_FORMATS; or PhotoRejected."""
    unreadable = _("%(name)s is not an image we can read. Send a JPEG, PNG, WebP or AVIF photo.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
            fmt = image.format
            if fmt is None or fmt not in ACCEPTED_FORMATS:
                raise PhotoRejected(unreadable % {"name": label})
            width, height = image.size
            if width * height > settings.PHOTO_MAX_PIXELS:
                raise _too_many_pixels(label)
            if min(width, height) < MIN_SIDE:
                raise PhotoRejected(
                    _("%(name)s is too small to be shown (%(width)d×%(height)d pixels).")
                    % {"name": label, "width": width, "height": height}
                )
            if getattr(image, "n_frames", 1) > 1:
                raise PhotoRejected(
                    _("%(name)s is animated; send a still photo.") % {"name": label}
                )
            image.verify()  # structure and checksums, without decoding
            image = Image.open(io.BytesIO(data))
            image.load()  # decode every pixel: truncated or corrupt files fail here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(label) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        if isinstance(error, PhotoRejected):
            raise
        raise PhotoRejected(unreadable % {"name": label}) from None
    return image, fmt


def _check_displayable(image: Image.Image, label: str) -> None:
    """PhotoRejected if a display size of `image` would be taller than any format holds."""
    widest = max(_display_widths(image.width))
    if round(image.height * widest / image.width) > MAX_DISPLAY_SIDE:
        raise PhotoRejected(
            _("%(name)s is too tall for its width to be shown (%(width)d×%(height)d pixels).")
            % {"name": label, "width": image.width, "height": image.height}
        )


def _too_many_pixels(label: str) -> PhotoRejected:
    return PhotoRejected(
        _("%(name)s has more than %(limit)d megapixels; send a smaller version.")
        % {"name": label, "limit": settings.PHOTO_MAX_PIXELS // 1_000_000}
    )


def _clean_pixels(image: Image.Image, label: str) -> Image.Image:
    """Upright pixels in sRGB, in a new image that carries no metadata at all."""
    upright = ImageOps.exif_transpose(image) or image
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    converted = upright.convert(mode)
    profile = image.info.get("icc_profile")
    if profile:
        try:
            # Pillow types the result as optional: it is None only with inPlace=True.
            converted = ImageCms.profileToProfile(  # type: ignore[assignment]
                converted,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    fresh = Image.new(mode, converted.size)
    fresh.paste(converted)
    return fresh


def _display_widths(width: int) -> list[int]:
    """The display widths not larger than the photo itself; a small photo gets its own width."""
    widths = [w for w in DISPLAY_WIDTHS if w <= width]
    return widths or [width]


def _renditions(image: Image.Image, width: int) -> list[Rendition]:
    height = max(1, round(image.height * width / image.width))
    resized = (
        image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
    )
    return [
        Rendition(width=width, height=height, format=extension, data=_encode(resized, fmt, options))
        for extension, (fmt, options) in DISPLAY_FORMATS.items()
    ]


def _encode(image: Image.Image, fmt: str, options: dict[str, object]) -> bytes:
    if fmt == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()
