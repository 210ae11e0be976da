"""Uploaded files become clean photos, or are refused with a message a person understands."""

import io

import pytest
from PIL import Image

from turnout.media.processing import PhotoRejected, prepare_photo

from .images import GPS_IFD, animated_png, gif, huge_png_header, photo_with_gps, plain_image


def assert_no_metadata(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert dict(exif) == {}
    assert dict(exif.get_ifd(GPS_IFD)) == {}
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(image.info)
    assert b"PhoneMaker" not in data and b"Phone X" not in data


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "AVIF"])
def test_gps_and_camera_data_are_gone_from_the_original_and_every_size(fmt):
    clean = prepare_photo(photo_with_gps(size=(1200, 800), fmt=fmt, orientation=1), name="a")
    assert_no_metadata(clean.original)
    assert {(r.width, r.format) for r in clean.renditions} == {
        (480, "avif"),
        (480, "webp"),
        (960, "avif"),
        (960, "webp"),
    }
    for rendition in clean.renditions:
        assert_no_metadata(rendition.data)
        assert Image.open(io.BytesIO(rendition.data)).format == rendition.format.upper()


def test_orientation_is_applied_to_the_pixels():
    clean = prepare_photo(photo_with_gps(size=(300, 200), orientation=6), name="sideways.jpg")
    assert (clean.width, clean.height) == (200, 300)
    upright = Image.open(io.BytesIO(clean.original)).convert("RGB")
    assert upright.size == (200, 300)
    red, green, blue = upright.getpixel((100, 20))  # the left half is now on top
    assert red > 200 and blue < 60
    red, green, blue = upright.getpixel((100, 280))
    assert blue > 200 and red < 60


def test_a_small_photo_gets_one_size_of_its_own_width():
    clean = prepare_photo(plain_image(size=(200, 100)), name="small.png")
    assert {(r.width, r.height) for r in clean.renditions} == {(200, 100)}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not an image", "is not an image we can read"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is not an image we can read"),
        (photo_with_gps()[:1200], "is not an image we can read"),  # truncated JPEG
        (gif(), "is not an image we can read"),
        (animated_png(), "is animated"),
        (plain_image(size=(10, 10)), "too small"),
        (huge_png_header(), "more than 50 megapixels"),
    ],
    ids=["text", "broken-png", "truncated-jpeg", "gif", "animated", "tiny", "bomb"],
)
def test_files_that_are_not_acceptable_photos_are_refused_with_a_reason(data, message):
    with pytest.raises(PhotoRejected, match=message) as error:
        prepare_photo(data, name="upload.jpg")
    assert "upload.jpg" in str(error.value)


def test_a_file_larger_than_the_limit_is_refused_before_decoding(settings):
    settings.PHOTO_MAX_BYTES = 1024 * 1024
    with pytest.raises(PhotoRejected, match="larger than 1 MB"):
        prepare_photo(b"\xff\xd8" + b"\x00" * (1024 * 1024), name="big.jpg")


def test_the_pixel_limit_is_a_setting(settings):
    settings.PHOTO_MAX_PIXELS = 100 * 100
    with pytest.raises(PhotoRejected, match="megapixels"):
        prepare_photo(plain_image(size=(101, 100)), name="x.png")
