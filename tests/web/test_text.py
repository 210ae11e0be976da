"""Single-line text: line breaks and their look-alikes fold, control characters go."""

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from turnout.web.text import LINE_BREAKS, SingleLineField, is_single_line, single_line

HOSTILE = [
    ("Climate\r\nBcc: x@evil.example", "Climate Bcc: x@evil.example"),
    ("Climate\nMarch", "Climate March"),
    ("Climate\rMarch", "Climate March"),
    ("Klimaat \u2028 mars", "Klimaat mars"),
    ("Klimaat\u2029mars", "Klimaat mars"),
    ("Marche\x85pour le climat", "Marche pour le climat"),
    ("tab\tseparated", "tab separated"),
    ("vertical\x0btab\x0cfeed", "vertical tab feed"),
    ("file\x1cgroup\x1drecord\x1esep", "file group record sep"),
    ("nul\x00byte and bell\x07", "nulbyte and bell"),
    ("c1\x9bcontrol", "c1control"),
    ("  Demo op de Dam\r\n\r\n  ", "Demo op de Dam"),
    ("Мирный марш\r\nпротив войны", "Мирный марш против войны"),
    ("مسيرة المناخ\nالكبرى", "مسيرة المناخ الكبرى"),
    ("気候マーチ\u2028東京", "気候マーチ 東京"),
    ("Protest 👩‍👩‍👧 family", "Protest 👩‍👩‍👧 family"),  # zero-width joiners stay
]


@pytest.mark.parametrize(("raw", "folded"), HOSTILE)
def test_line_breaks_fold_into_one_space_and_controls_go(raw, folded):
    assert single_line(raw) == folded


def test_a_long_value_is_cut_with_an_ellipsis_to_fit():
    assert single_line("Climate march " * 40, max_length=30) == "Climate march Climate march C…"
    assert len(single_line("x" * 500, max_length=300)) == 300
    assert single_line("short", max_length=300) == "short"


@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_any_text_comes_out_on_one_line_and_folding_again_changes_nothing(text):
    folded = single_line(text)
    assert len(folded.splitlines()) <= 1
    assert not any(char in folded for char in LINE_BREAKS)
    assert all(char.isprintable() or char == " " or ord(char) > 0x9F for char in folded)
    assert is_single_line(folded)


class TitleForm(forms.Form):
    title = SingleLineField(max_length=200)


def test_a_form_field_folds_what_a_script_posts():
    form = TitleForm(data={"title": "Climate\r\nBcc: x@evil.example"})
    assert form.is_valid()
    assert form.cleaned_data["title"] == "Climate Bcc: x@evil.example"


def test_a_form_field_with_only_line_breaks_is_empty_and_required():
    form = TitleForm(data={"title": "\r\n\u2028"})
    assert not form.is_valid()
    assert "title" in form.errors
