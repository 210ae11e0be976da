"""Cover images made with Pillow: a wide banner in two colours, so crops and sizes show."""

import io

from PIL import Image, ImageDraw


def banner(*, size=(1600, 900), fmt="PNG", colours=((20, 60, 120), (240, 180, 40))) -> bytes:
    image = Image.new("RGB", size, colours[0])
    ImageDraw.Draw(image).rectangle((size[0] // 2, 0, size[0], size[1]), fill=colours[1])
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()
