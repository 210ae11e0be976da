"""The contrast function against WCAG's own numbers, and every colour the site ships with."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turnout.branding import contrast
from turnout.branding.models import (
    DEFAULT_ACCENT_COLOUR,
    DEFAULT_BRAND_COLOUR,
    DEFAULT_TEXT_ON_BRAND,
    SiteSettings,
)
from turnout.demo import brand as demo_brand


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#000000", 21.0),  # the order does not matter
        ("#fff", "#fff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic near miss: fails AA
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
        ("#595959", "#ffffff", 7.0),
    ],
)
def test_ratios_match_the_wcag_values(first, second, expected):
    assert contrast.contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


def test_a_ratio_just_under_the_minimum_fails_even_though_it_rounds_up():
    assert not contrast.passes("#777777", "#ffffff")
    assert contrast.passes("#767676", "#ffffff")


@pytest.mark.parametrize(
    ("brand", "accent", "text"),
    [
        (DEFAULT_BRAND_COLOUR, DEFAULT_ACCENT_COLOUR, DEFAULT_TEXT_ON_BRAND),
        (demo_brand.BRAND_COLOUR, demo_brand.ACCENT_COLOUR, demo_brand.TEXT_ON_BRAND),
    ],
    ids=["defaults", "demo"],
)
def test_every_shipped_palette_passes_aa(brand, accent, text):
    assert contrast.contrast_ratio(text, brand) >= contrast.TEXT_MINIMUM
    assert contrast.contrast_ratio(brand, contrast.WHITE) >= contrast.TEXT_MINIMUM
    assert contrast.contrast_ratio(accent, contrast.WHITE) >= contrast.GRAPHICS_MINIMUM
    SiteSettings(brand_colour=brand, accent_colour=accent, text_on_brand_colour=text).clean()


hex_colours = st.from_regex(r"\A#[0-9a-fA-F]{6}\Z")


@given(hex_colours, hex_colours)
def test_any_two_colours_give_a_symmetric_ratio_between_1_and_21(first, second):
    ratio = contrast.contrast_ratio(first, second)
    assert 1.0 <= ratio <= 21.0 + 1e-9
    assert ratio == pytest.approx(contrast.contrast_ratio(second, first))
    assert contrast.contrast_ratio(first, first) == pytest.approx(1.0)


@given(st.text(max_size=12))
def test_only_hex_colours_are_colours(text):
    if contrast.is_hex_colour(text):
        assert contrast.normalized(text).startswith("#") and len(contrast.normalized(text)) == 7
    else:
        css = SiteSettings(brand_colour=text).css_colours()
        assert css["brand"] == DEFAULT_BRAND_COLOUR  # never reaches the stylesheet
