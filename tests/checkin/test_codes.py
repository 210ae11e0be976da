"""Check-in codes: stable, short enough to read out, long enough not to guess; QR server-side."""

import re

import pytest
import segno

from tests.signups.factories import SignupFactory
from turnout.checkin.codes import (
    ALPHABET,
    CODE_LENGTH,
    check_in_code,
    check_in_url,
    display_code,
    normalize_code,
    qr_svg,
)
from turnout.checkin.selectors import find_by_code


def test_a_code_is_stable_and_made_of_unambiguous_characters():
    code = check_in_code("some-secret-token")
    assert code == check_in_code("some-secret-token")
    assert len(code) == CODE_LENGTH == 8
    assert set(code) <= set(ALPHABET)
    assert not set("01OIL") & set(ALPHABET)
    assert len(ALPHABET) ** CODE_LENGTH > 10**11  # not guessable by walking through them


def test_the_code_depends_on_the_secret_key(settings):
    before = check_in_code("token")
    settings.SECRET_KEY = "another secret key entirely, for another site"
    assert check_in_code("token") != before


@pytest.mark.django_db
def test_codes_are_unique_within_an_event_and_find_their_person(event):
    people = SignupFactory.create_batch(60, event=event)
    codes = {check_in_code(person.token) for person in people}
    assert len(codes) == 60
    ada = people[7]
    assert find_by_code(event, check_in_code(ada.token)) == [ada]
    assert find_by_code(event, "") == []
    assert find_by_code(event, "ABCDEFGH") == [] or "ABCDEFGH" in codes


@pytest.mark.parametrize(
    "typed",
    [
        "abcd-efgh",
        " ABCD EFGH ",
        "abcdefgh",
        "ＡＢＣＤ－ＥＦＧＨ",  # full-width, from some phone keyboards
        "https://x.example/nl/check-in/events/4/code/ABCDEFGH/",
    ],
)
def test_what_people_type_or_scan_becomes_the_code(typed):
    assert normalize_code(typed) == "ABCDEFGH"


def test_display_code_has_two_halves():
    assert display_code("ABCDEFGH") == "ABCD-EFGH"


def test_the_qr_code_is_an_inline_svg_of_the_organizers_check_in_url(settings):
    settings.SITE_URL = "https://turnout.example"
    url = check_in_url(12, "ABCDEFGH", language="nl")
    assert url == "https://turnout.example/nl/check-in/events/12/code/ABCDEFGH/"
    svg = str(qr_svg(url, title="Check-in <code>"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "style=" not in svg
    assert "<code>" not in svg  # the title is escaped
    # Read the dark modules back from the drawing: they are the QR symbol of the URL.
    assert modules_drawn(svg) == dark_modules(segno.make(url, error="m"))


def modules_drawn(svg: str) -> set[tuple[int, int]]:
    """The (x, y) of each dark module in segno's path: runs "h n" after moves "M x y"/"m dx dy"."""
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:  # "h": a horizontal run of dark modules on the row of y
            run = values[0]
            dark.update((int(x) + i, int(y - 0.5)) for i in range(int(run)))
            x += run
    return dark


def dark_modules(qr) -> set[tuple[int, int]]:
    border = 4
    return {
        (x + border, y + border)
        for y, row in enumerate(qr.matrix)
        for x, value in enumerate(row)
        if value
    }
