"""Test images made with Pillow: photos with GPS and orientation tags, broken and huge files."""

import io

from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
EXIF_IFD = 0x8769


def photo_with_gps(
    *, size=(300, 200), fmt="JPEG", orientation: int = 6, camera="Phone X", **options
) -> bytes:
    """Left half red, right half blue; EXIF with GPS (Den Haag), camera and orientation."""
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = camera
    exif[GPS_IFD] = {
        1: "N",
        2: (52.0, 4.0, 48.0),
        3: "E",
        4: (4.0, 18.0, 36.0),
    }
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, exif=exif.tobytes(), **options)
    return buffer.getvalue()


def plain_image(*, size=(64, 48), fmt="PNG", colour=(0, 128, 0)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


def animated_png() -> bytes:
    frames = [Image.new("RGB", (64, 64), c) for c in ((255, 0, 0), (0, 255, 0))]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="PNG", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (64, 64)).save(buffer, format="GIF")
    return buffer.getvalue()


def huge_png_header(width: int = 20000, height: int = 20000) -> bytes:
    """A small file that claims enormous dimensions: a decompression bomb."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()
