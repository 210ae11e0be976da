"""Turning an uploaded file into a clean photo: the pipeline lives in `turnout.web.images`,
shared with the site's logo (branding); photos use it through these names."""

from turnout.web.images import (
    ACCEPTED_FORMATS,
    DISPLAY_FORMATS,
    DISPLAY_WIDTHS,
    MIN_SIDE,
    CleanPhoto,
    PhotoRejected,
    Rendition,
    prepare_photo,
)

__all__ = [
    "ACCEPTED_FORMATS",
    "DISPLAY_FORMATS",
    "DISPLAY_WIDTHS",
    "MIN_SIDE",
    "CleanPhoto",
    "PhotoRejected",
    "Rendition",
    "prepare_photo",
]
