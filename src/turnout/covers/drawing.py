"""A cover as the background of a share card: cropped to fill, darkened so that white text on
it keeps WCAG AA contrast whatever the image (the brightest pixel left is dark enough)."""

import io

from PIL import Image, ImageOps

# Text drawn over a darkened cover.
INK = (255, 255, 255)
# Black laid over the image at this opacity: a white pixel becomes (94, 94, 94), on which
# white text has a contrast of 6.5:1 (AA asks 4.5:1 for text of any size).
SHADE_OPACITY = 0.63


def card_background(data: bytes, size: tuple[int, int]) -> Image.Image | None:
    """The image cropped to `size` from its middle and darkened; None if it cannot be read
    (a card without its background is better than no card)."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, SyntaxError):
        return None
    filled = ImageOps.fit(image.convert("RGB"), size, Image.Resampling.LANCZOS)
    shade = Image.new("RGB", size, (0, 0, 0))
    return Image.blend(filled, shade, SHADE_OPACITY)
