"""Days an events sheet counts in other years than the common era's, as the common era's days:
the Thai Buddhist era's (2570), the Persian calendar's (1406/02/25), Japan's eras written short
("R9.5.15"); and digits typed full width ("２０２７年５月１５日", "１４：００")."""

import re
import unicodedata
from datetime import date

from django.utils.translation import gettext as _

from .sheet_rows import RowRejected

_BUDDHIST_ERA_OFFSET = 543
_BUDDHIST_ERA_COUNTRIES = ("TH",)
_PERSIAN_CALENDAR_COUNTRIES = ("IR", "AF")
# Years a protest day of Turnout can fall in; another is one of another calendar, or a typo.
_COMMON_ERA_YEARS = range(1970, 2200)

# "R9.5.15", "H31/4/30": Japan's era by its letter (Reiwa from 2019, Heisei 1989 to 2019).
_SHORT_ERA = re.compile(r"\s*([RH])\s*(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\3\s*(\d{1,2})\b", re.I)
_ERA_START = {"R": 2018, "H": 1988}


def common_era_cell(text: str) -> str:
    """A date or time cell with full-width digits and signs as ASCII, and a Japanese era year
    written short as its year of the common era."""
    text = unicodedata.normalize("NFKC", text)
    if match := _SHORT_ERA.match(text):
        era, year, _sign, month, day = match.groups()
        common_year = _ERA_START[era.upper()] + int(year)
        text = f"{common_year}-{int(month):02d}-{int(day):02d}" + text[match.end() :]
    return text


def common_era_day(day: date, *, country: str, cell: str) -> tuple[date, str]:
    """`day` read from `cell` as the common era's, and a note when its year was another's;
    a year of no calendar the importer knows is refused."""
    if day.year in _COMMON_ERA_YEARS:
        return day, ""
    if country in _BUDDHIST_ERA_COUNTRIES and day.year - _BUDDHIST_ERA_OFFSET in _COMMON_ERA_YEARS:
        read = day.replace(year=day.year - _BUDDHIST_ERA_OFFSET)
    elif country in _PERSIAN_CALENDAR_COUNTRIES and 1349 <= day.year < 1579:
        read = _from_persian(day.year, day.month, day.day)
    else:
        raise RowRejected(
            _("“%(cell)s” falls in the year %(year)s; write the day of the common era, such "
              "as 2027-05-15") % {"cell": cell, "year": day.year}
        )  # fmt: skip
    note = _("“%(cell)s” counts the years of another calendar; it is read as %(day)s")
    return read, note % {"cell": cell, "day": read.isoformat()}


def _from_persian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a day of the Solar Hijri calendar (the 33-year arithmetic rule,
    which agrees with Iran's astronomical one for 1178 to 1633)."""
    days = -355668 + 365 * (year + 1595) + (year + 1595) // 33 * 8 + ((year + 1595) % 33 + 3) // 4
    days += day + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
    return date.fromordinal(days - 365)  # counted from 1 January of the year 0, not 1
