"""Numbers people type or import: read within bounds a person can mean, refused in words.

A number past what a column holds (a capacity of 99999999999999999999999) is not a typo the
database forgives: SQLite raises OverflowError, PostgreSQL "integer out of range", both
after half a sheet may have been written. So every number from outside is read here, with
its bounds, before anything is written:

- `whole_number(text, minimum=, maximum=, name=)` and `decimal_number(...)` read a cell or a
  query parameter (digits of any script, a comma as the decimal mark) and raise
  `NumberRefused`, whose text says what is wrong: "the capacity 99999999999999999999999 is
  too large (at most 1000000)";
- model fields take `MinValueValidator`/`MaxValueValidator` with the same bounds, and float
  fields `validate_finite` too (NaN passes every comparison), so that forms, the admin and
  `full_clean()` refuse the same values; `LATITUDE` and `LONGITUDE` are those lists for
  coordinates.
"""

import math
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# No bound here has more digits; longer text is refused before int() reads thousands of them.
MAX_DIGITS = 20
# How much of a refused text a message repeats.
SHOWN_CHARACTERS = 30
# The largest id a row can have: a signed 64-bit integer on SQLite and PostgreSQL.
MAX_ID = 2**63 - 1


class NumberRefused(ValueError):
    """Text that is not a number within its bounds; the message says why, in plain words."""


def validate_finite(value: float | None) -> None:
    """Refuse NaN and infinity, which every bound comparison lets through."""
    if value is not None and not math.isfinite(value):
        raise ValidationError(gettext_lazy("Enter a number."), code="invalid")


Validators = list[Callable[[Any], None]]
LATITUDE: Validators = [validate_finite, MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE: Validators = [validate_finite, MinValueValidator(-180), MaxValueValidator(180)]


def whole_number(text: str, *, minimum: int, maximum: int, name: str) -> int:
    """`text` as a whole number from `minimum` to `maximum`; `name` says what it is."""
    cleaned = text.strip().replace("\u2212", "-")  # the minus sign spreadsheets print
    sign, digits = (cleaned[0], cleaned[1:]) if cleaned[:1] in ("-", "+") else ("", cleaned)
    digits = digits.lstrip("0") or ("0" if digits else "")
    if not digits.isdecimal():
        raise NumberRefused(
            _("the %(name)s “%(text)s” is not a whole number")
            % {"name": name, "text": _shown(text)}
        )
    if len(digits) > MAX_DIGITS:
        value = math.inf if sign != "-" else -math.inf
    else:
        value = int(sign + digits)
    _check_bounds(value, text, minimum=minimum, maximum=maximum, name=name)
    return int(value)


def object_id(text: str) -> int | None:
    """`text` (a form value naming a row) as an id, None if no row can have it."""
    try:
        return whole_number(text, minimum=1, maximum=MAX_ID, name="id")
    except NumberRefused:
        return None


def decimal_number(text: str, *, minimum: float, maximum: float, name: str) -> float:
    """`text` as a finite number from `minimum` to `maximum`, a comma read as decimal mark."""
    cleaned = text.strip().replace("\u2212", "-").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise NumberRefused(
            _("the %(name)s “%(text)s” is not a number") % {"name": name, "text": _shown(text)}
        )
    _check_bounds(value, text, minimum=minimum, maximum=maximum, name=name)
    return value


def _check_bounds(value: float, text: str, *, minimum: float, maximum: float, name: str):
    if value > maximum:
        raise NumberRefused(
            _("the %(name)s %(text)s is too large (at most %(maximum)s)")
            % {"name": name, "text": _shown(text), "maximum": maximum}
        )
    if value < minimum:
        raise NumberRefused(
            _("the %(name)s %(text)s is too small (at least %(minimum)s)")
            % {"name": name, "text": _shown(text), "minimum": minimum}
        )


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
