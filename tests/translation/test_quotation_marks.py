"""A quotation mark without its pair is refused; a pair typed as people type it is not."""

import pytest

from turnout.translation.quotation_marks import has_stray_quote


@pytest.mark.parametrize(
    ("source", "translated"),
    [
        ('We say "pause" now.', 'Wir sagen „Pause" jetzt.'),  # German opening, straight close
        ('We say "pause" now.', "Wij zeggen „pauze” nu."),
        ('We say "pause" now.', "Nous disons « pause » maintenant."),
        ('We say "pause" now.', "我们现在说「暂停」。"),
        ("The USA and Israel.", 'ארה"ב וישראל.'),  # gershayim, no quotation mark
        ('A 27" screen.', 'Een scherm van 27".'),  # the source's mark is unpaired too
    ],
)
def test_a_pair_typed_as_people_type_it_is_no_stray_quote(source, translated):
    assert not has_stray_quote(source, translated)


@pytest.mark.parametrize(
    ("source", "translated"),
    [
        ("## Why we act", '## "Waarom we in actie komen'),
        ('We say "pause" now.', 'Wir sagen „Pause jetzt."  Und "mehr.'),
    ],
)
def test_a_quotation_mark_without_its_pair_is_refused(source, translated):
    assert has_stray_quote(source, translated)
