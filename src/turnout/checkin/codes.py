"""Check-in codes: derived from a signup's secret token, never stored, shown as text and QR.

A code is an HMAC of the signup's token under SECRET_KEY, written in 8 characters of an
alphabet without look-alikes (no 0/O, 1/I/L), so it is read aloud and typed at the door
without doubt: 31**8 ≈ 8.5e11 codes, far too many to guess one of an event's few hundred.
Knowing a code opens nothing by itself: only an organizer of the event can check someone in
with it. Two people of one event sharing a code is possible in principle (a birthday problem
at about one in 10**7 for 500 people); the door then asks to find them by name.

The QR code holds the URL of the organizer's check-in page for that event and code, not the
bare code: a phone's own camera app then opens it (iPhones have no barcode scanning in the
browser), and the page offers a single "check in" button, behind the organizer's sign-in.
"""

import re
import unicodedata

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # the share codes' alphabet, in capitals
CODE_LENGTH = 8
_SALT = "turnout.checkin.code"
_NOT_CODE = re.compile(f"[^{ALPHABET}]")


def check_in_code(token: str) -> str:
    """The check-in code of the signup whose secret token is `token`: stable, 8 characters."""
    number = int.from_bytes(salted_hmac(_SALT, token, algorithm="sha256").digest(), "big")
    characters = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        characters.append(ALPHABET[index])
    return "".join(characters)


def display_code(code: str) -> str:
    """`ABCD-EFGH`: two halves are easier to read out and to type."""
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalize_code(typed: str) -> str:
    """What someone typed or scanned, as a code: capitals, no dashes or spaces; a scanned
    check-in URL gives its code. May be too short or long: the lookup then finds no one."""
    text = unicodedata.normalize("NFKC", typed).strip()  # full-width letters of phone keyboards
    if "/code/" in text:  # a scanned QR code: .../code/ABCDEFGH/
        text = text.rsplit("/code/", 1)[1]
    return _NOT_CODE.sub("", text.upper())[: CODE_LENGTH * 2]


def check_in_url(event_id: int, code: str, *, language: str | None = None) -> str:
    """The absolute URL a code's QR holds: the organizer's page for checking this code in."""
    with override(language or settings.LANGUAGE_CODE):
        path = reverse("checkin:code", kwargs={"pk": event_id, "code": code})
    return settings.SITE_URL + path


def qr_svg(content: str, *, title: str) -> SafeString:
    """An inline SVG QR code of `content` (no script, no style attribute: the CSP allows it)."""
    svg = segno.make(content, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=title, svgclass="checkin-qr"
    )
    # segno writes the markup and escapes the title itself.
    return mark_safe(svg)  # noqa: S308
