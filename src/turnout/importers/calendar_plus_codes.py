"""A LOCATION that is a plus code (Open Location Code), as Google Maps offers one to share a
spot without an address: a full code ("8CHH49WQ+VH") is a point anywhere on Earth; a short
one names the place it is near ("PV57+2C Lisboa, Portugal"), the city that completes it."""

import re
from dataclasses import dataclass

from .places import PlaceNotUnderstood, read_place

_DIGITS = "23456789CFGHJMPQRVWX"
# Eight digits (or fewer, padded with 0) before "+", two or three after; a short code drops
# the first four and is followed by its place's name.
_FULL = re.compile(rf"([{_DIGITS}]{{8}})\+([{_DIGITS}]{{2,3}})", re.I)
_SHORT = re.compile(rf"([{_DIGITS}]{{4,6}})\+([{_DIGITS}]{{2,3}})", re.I)
_SEPARATORS = " ,;\t"


@dataclass(frozen=True)
class PlusCode:
    code: str  # as written, upper case, "+" kept
    words: str  # the place written after it ("Lisboa, Portugal"), else ""

    @property
    def is_full(self) -> bool:
        return len(self.code.partition("+")[0]) == 8


def plus_code_in(location: str) -> PlusCode | None:
    """The plus code a LOCATION begins with, and the words after it; None for any other."""
    text = location.strip()
    first, _space, rest = text.partition(" ")
    for pattern in (_FULL, _SHORT):
        if pattern.fullmatch(first.rstrip(_SEPARATORS)):
            return PlusCode(first.rstrip(_SEPARATORS).upper(), rest.strip(_SEPARATORS))
    return None


def plus_code_location_point(location: str) -> tuple[float, float] | None:
    """The point a LOCATION that is a plus code names; None for any other LOCATION."""
    code = plus_code_in(location)
    if code is None:
        return None
    near = None
    if not code.is_full and code.words:
        try:
            place = read_place(code.words.split(","))
        except PlaceNotUnderstood:
            return None
        if place.latitude is not None and place.longitude is not None:
            near = (place.latitude, place.longitude)
    return plus_code_point(code, near)


def plus_code_point(
    code: PlusCode, near: tuple[float, float] | None = None
) -> tuple[float, float] | None:
    """The centre of the area the code names: a short code completed by `near` (the point of
    the place after it), the nearest area of its digits to that point; None if it cannot be."""
    digits = code.code.replace("+", "")
    if code.is_full:
        point = _decoded(digits)
        return None if point is None else (round(point[0], 6), round(point[1], 6))
    if near is None:
        return None
    # Open Location Code's rule: the near point's leading digits, then the nearest of the
    # areas so named (a place may lie across the edge of the one its own digits name).
    dropped = 8 - len(code.code.partition("+")[0])
    size = 20.0 ** (2 - dropped // 2)
    prefix = _encoded(*near)[:dropped]
    point = _decoded(prefix + digits)
    if point is None:
        return None
    latitude, longitude = point
    if latitude - near[0] > size / 2:
        latitude -= size
    elif near[0] - latitude > size / 2:
        latitude += size
    if longitude - near[1] > size / 2:
        longitude -= size
    elif near[1] - longitude > size / 2:
        longitude += size
    if not -90 <= latitude <= 90:
        return None
    return round(latitude, 6), round((longitude + 180) % 360 - 180, 6)


def _decoded(digits: str) -> tuple[float, float] | None:
    values = [_DIGITS.index(d) for d in digits.upper()]
    latitude, longitude, size = -90.0, -180.0, 20.0
    for at in range(0, min(len(values), 10), 2):
        latitude += values[at] * size
        longitude += values[at + 1] * size if at + 1 < len(values) else 0
        last = size
        size /= 20
    if len(values) > 10:  # the eleventh digit: a 4 by 5 grid in the last area
        row, column = divmod(values[10], 4)
        last_latitude, last_longitude = last / 5, last / 4
        latitude += row * last_latitude
        longitude += column * last_longitude
        return latitude + last_latitude / 2, longitude + last_longitude / 2
    if not -90 <= latitude + last / 2 <= 90:
        return None
    return latitude + last / 2, longitude + last / 2


def _encoded(latitude: float, longitude: float) -> str:
    latitude = min(max(latitude + 90, 0), 179.999999)
    longitude = (longitude + 180) % 360
    digits, size = "", 20.0
    for _pair in range(4):
        row, column = int(latitude // size), int(longitude // size)
        latitude, longitude = latitude - row * size, longitude - column * size
        digits += _DIGITS[row] + _DIGITS[column]
        size /= 20
    return digits
