"""What a cell of an events sheet says: its day, clock times, time zone note, status and
capacity, read as spreadsheet programs and teams write them (`spreadsheets` reads the rows).

Dates and times are read as programs export them: "13-5-27", "13-May-2027", "May 13, 2027
2:00 PM", "14. 6. 2031", "2031年6月14日", Notion's "10:00 AM → 1:00 PM" and its zone note
"(CEST)" (which must be the place's), Excel's serial numbers (46520.625)."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.web.numbers import NumberRefused, whole_number

from .dates import find_dates, find_time_range
from .sheet_columns import header_key
from .sheet_rows import RowRejected
from .sheet_values import STATUS_SIGNS, STATUS_WORDS
from .times import find_times
from .vocabulary import TO_BE_ANNOUNCED, contains_phrase

# Numeric dates find_dates leaves alone: "13-05-2031" and "13-5-31" (day first, as Dutch sheets
# write it) and "2031/05/13"; a date cell may carry its time after it ("2031-05-13 14:00").
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})")
# Excel's "13-May-31" and "13-mei-2031": a month's name between dashes, read as "13 May 2031".
_NAMED_MONTH = re.compile(r"(\d{1,2})-([^\W\d_]{3,})\.?-(\d{4}|\d{2})\b")
# Hungarian "2031. június 14.": the year first, then the month's name and the day.
_YEAR_FIRST_NAMED = re.compile(r"\b(\d{4})\.\s*([^\W\d_]{3,})\.?\s+(\d{1,2})\.?(?!\d)")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year  # "13-5-31": a sheet plans this century


def numeric_cell_day(text: str) -> date | None:
    """The day of a cell written in digits only, as programs export a date (a serial number,
    2031-05-13, 13-05-2031, 2031/05/13), or None for any other cell."""
    if serial := _serial(text):
        return serial.date()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text.split(" ")[0]):
            day, month, year = map(int, match.groups())
            if month > 12 >= day:  # "05-13-2031": month first, as a US sheet writes it
                day, month = month, day
            return date(_full_year(year), month, day)
        if match := _YEAR_MONTH_DAY.fullmatch(text.split(" ")[0]):
            return date(*map(int, match.groups()))
    except ValueError:
        pass  # "31-02-2031": no such day, refused by `cell_day`
    return None


def named_month_forms(text: str) -> str:
    """Excel's "13-May-31" and Hungarian "2031. június 14." as "13 May 2031", "14 június
    2031", which `find_dates` reads."""
    text = _YEAR_FIRST_NAMED.sub(lambda m: f"{m[3]} {m[2]} {m[1]}", text)
    return _NAMED_MONTH.sub(lambda m: f"{m[1]} {m[2]} {_full_year(int(m[3]))}", text)


def cell_day(text: str, language: str | None) -> date:
    if (day := numeric_cell_day(text)) is not None:
        return day
    text = named_month_forms(text)
    for mention in find_dates(text, language=language):
        if mention.has_day and mention.year:
            return mention.window(mention.year)[0]
    raise RowRejected(_("“%(text)s” is not a date such as 2025-05-13") % {"text": text})


# Excel keeps a moment as days since 1899-12-30, the time as the fraction of a day; a CSV saved
# from a cell formatted as a number holds that number: 46520 is 2027-05-13, 46520.625 15:00.
# Five digits cover 1954 to 2119; a smaller number is not taken for a date.
_EXCEL_SERIAL = re.compile(r"([2-7]\d{4})(?:[.,](\d+))?")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _serial(text: str) -> datetime | None:
    if match := _EXCEL_SERIAL.fullmatch(text.strip()):
        fraction = float(f"0.{match[2] or 0}")
        return _EXCEL_EPOCH + timedelta(days=int(match[1]), minutes=round(fraction * 1440))
    return None


_NUMERIC_DAY = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}T?")


def has_date(text: str) -> bool:
    if _EXPORTED_CLOCK.fullmatch(text.strip()):
        return False  # "17.00.00", as an Italian or German Google Sheet exports 17:00
    if _DAY_FRACTION.fullmatch(text.strip()):
        return False  # "0.6875": Excel's 16:30, whose four digits are no year
    return bool(_serial(text) or _NUMERIC_DAY.search(text) or re.search(r"\b\d{4}\b", text))


_DAY_FRACTION = re.compile(r"0[.,]\d+")

# A clock time with its (zero) seconds; a day of the year 2000 is never an event's.
_EXPORTED_CLOCK = re.compile(r"\d{1,2}([:.])\d{2}\1(00)(\s*[ap]\.?\s?m\.?)?", re.I)


def time_in_date(text: str) -> str:
    """The clock time a date cell carries with its date ("13/05/2031 14:00", "May 13, 2031
    2:00 PM", "2031-05-13T14:00:00", a serial 46520.625), or "" when it carries none."""
    if serial := _serial(text):
        return f"{serial:%H:%M}" if serial.time() != time(0) else ""
    rest = _NAMED_MONTH.sub(" ", _NUMERIC_DAY.sub(" ", text, count=1), count=1)
    rest = re.split(r"\b\d{4}\b", rest)[-1]  # words before the year name the day
    return rest.strip(" ,;") if re.search(r"\d", rest) else ""


# A zone written after a date, as Notion and calendar exports do: "(CEST)", "(GMT+2)".
# A bracketed weekday or "(TBC)" is no zone: an abbreviation ends in T (CEST, EDT, GMT) or is UTC.
_ZONE_NOTE = re.compile(r"\(\s*([A-Z]{1,4}T|UTC|(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)\s*\)")
_OFFSET = re.compile(r"(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


# A date as JavaScript writes it, which scripts that fill sheets leave: "Sat Jun 14 2031
# 14:00:00 GMT+0200 (Central European Summer Time)"; the offset is the note.
_SCRIPT_ZONE_NOTE = re.compile(r"\s((?:GMT|UTC)[+\-]\d{4})(?:\s*\([^)]*\))?\s*$")


def zone_note(text: str) -> tuple[str, str]:
    """(the date cell without its zone note, the note)."""
    match = _ZONE_NOTE.search(text) or _SCRIPT_ZONE_NOTE.search(text)
    return (text[: match.start()] + text[match.end() :], match[1]) if match else (text, "")


def check_zone_note(note: str, starts_at: datetime, city: str) -> None:
    """A zone the date names must be the place's: the sheet may come from elsewhere."""
    if not note:
        return
    if match := _OFFSET.fullmatch(note):
        sign = -1 if match[1] in "-−" else 1
        offset = sign * timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
        if offset == starts_at.utcoffset():
            return
    elif note.upper() == starts_at.tzname():
        return
    raise RowRejected(
        _(
            "the date says %(note)s, but in %(city)s the clock then shows %(zone)s; give the"
            " time zone in a “timezone” column"
        )
        % {"note": note, "city": city, "zone": starts_at.tzname()}
    )


def cell_clock(text: str) -> time | None:
    return cell_clock_range(text)[0]


# A cell holding one clock time as sheets write it: "14:00", "14.30", "14h30", "14u", "14 Uhr".
_CELL_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.hu](?P<minute>\d{2})(?::00)?|\s*(?:u|uur|h|hr|uhr|godz\.?))?", re.I
)


_SECONDS = re.compile(r"(?<![\d:.])(\d{1,2}([:.])\d{2})\2\d{2}(?![\d:.])")

# A time column's "14–16": a range of hours (in prose it may be days or a count).
_HOUR_RANGE = re.compile(r"(\d{1,2})\s*[-–—~〜]\s*(\d{1,2})")


def cell_clock_range(text: str) -> tuple[time | None, time | None]:
    """A time cell: "14:00", "2 PM", "14u", or a range ("14:00–16:00") that gives the end too."""
    if not text:
        return None, None
    if _DAY_FRACTION.fullmatch(text.strip()):  # Excel's time of day, a fraction of a day
        minutes = round(float(text.strip().replace(",", ".")) * 1440)
        return time(*divmod(minutes, 60)) if minutes < 1440 else time(23, 59), None
    if _is_not_yet_known(text):
        return None, None  # "TBA": the row is set at 12:00 and said so, as one without a time
    # Google Sheets and Excel export a time cell with its seconds: "2:00:00 PM", "14.00.00".
    text = _SECONDS.sub(r"\1", text)
    if match := _CELL_CLOCK.fullmatch(text.strip()):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute), None
    if (match := _HOUR_RANGE.fullmatch(text.strip())) and max(map(int, match.groups())) < 24:
        return time(int(match[1])), time(int(match[2]))
    if span := find_times(text):  # "klo 12", "오후 2시", "下午2点", "2–4pm", "12 noon"
        return span.starts, span.ends
    found = find_time_range(text)
    if found is None:
        raise RowRejected(_("“%(text)s” is not a time such as 14:00") % {"text": text})
    return found


def is_status(text: str) -> bool:
    """Whether a cell names a status, in Turnout's words or another program's."""
    return _status_named(text) is not None


def cell_status(text: str) -> str:
    if not text:
        return LocalEvent.Status.APPROVED
    if (status := _status_named(text)) is not None:
        return status
    raise RowRejected(
        _("status “%(text)s” is not one of %(choices)s")
        % {"text": text, "choices": ", ".join(LocalEvent.Status.values)}
    )


def _status_named(text: str) -> str | None:
    key = header_key(text)
    for value, label in LocalEvent.Status.choices:
        if key in {value, header_key(str(label)), *STATUS_WORDS.get(value, ())}:
            return value
    signed = {status for sign, status in STATUS_SIGNS.items() if sign in text}
    return signed.pop() if len(signed) == 1 else None  # "✅", "❌ avlyst"


# "1.200", "1,200", "1 200": a whole number with its thousands grouped, as sheets show them.
_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:[.,\s\u00a0\u202f']\d{3})+")


def cell_capacity(text: str) -> int | None:
    if not text:
        return None
    if _GROUPED_THOUSANDS.fullmatch(text):
        text = re.sub(r"\D", "", text)
    try:
        return whole_number(text, minimum=0, maximum=MAX_CAPACITY, name=_("capacity"))
    except NumberRefused as error:
        raise RowRejected(str(error)) from error


def _is_not_yet_known(text: str) -> bool:
    """A time cell saying the time is yet to come: "TBA", "未定", "belirlenecek", "?"."""
    if re.search(r"\d", text):
        return False
    return not text.strip(" ?-–—") or contains_phrase(text, TO_BE_ANNOUNCED, None)


def local_moment(text: str, zone: ZoneInfo) -> str:
    """A cell holding a moment with its offset ("2031-06-14T12:00:00Z", "…+02:00"), as the
    place's clock shows it ("2031-06-14 14:00"); any other cell as it is."""
    if "T" not in text and "+" not in text and not text.rstrip().endswith("Z"):
        return text
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    if moment.tzinfo is None:
        return text
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
