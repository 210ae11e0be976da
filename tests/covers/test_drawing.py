"""The darkened cover behind a share card's text: white text on it keeps WCAG AA contrast,
whatever the image, and an unreadable image gives no background rather than an error."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from turnout.branding.contrast import contrast_ratio
from turnout.covers.drawing import INK, card_background

from .images import banner


def hex_colour(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


@settings(max_examples=30, deadline=None)
@given(colour=st.tuples(*[st.integers(0, 255)] * 3))
def test_white_text_stays_readable_on_any_colour(colour):
    background = card_background(banner(colours=(colour, (255, 255, 255))), (1200, 630))
    assert background is not None and background.size == (1200, 630)
    colours = [colour for _count, colour in background.getcolors(1200 * 630)]
    assert min(contrast_ratio(hex_colour(INK), hex_colour(c)) for c in colours) >= 4.5


def test_a_tall_image_fills_the_card_from_its_middle():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 1200), (0, 200, 0)).save(buffer, format="PNG")
    background = card_background(buffer.getvalue(), (1200, 630))
    assert background is not None and background.size == (1200, 630)


def test_an_unreadable_image_gives_no_background():
    assert card_background(b"not an image", (1200, 630)) is None
