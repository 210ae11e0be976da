"""Days, windows of days and times of day as people write them, in any language Babel knows.

"November 20th-22nd", "13 mei (maandag)", "20.–22. November 2024", "du 20 au 22 novembre",
"February 7–11", "7th - 11th of February", "2024-11-20": month and weekday names come from
CLDR (wide and abbreviated, every language of `vocabulary.languages_in_order`), the words
between them ("to", "t/m", "bis", "of", "de") from the small tables in `vocabulary`.
A text is cut into tokens, each token becomes a symbol (N day, M month, Y year, - range) and
the symbol string is matched against the few shapes a date can take.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date

from .clocks import find_time_range as find_time_range
from .clocks import wall_clock as wall_clock
from .date_eras import common_era_years
from .date_names import elided, fillers, month_names, multiword_ranges, range_words, weekday_numbers
from .date_orders import year_first_reordered
from .page_words import POSTED
from .vocabulary import fold


@dataclass(frozen=True)
class Day:
    """A day as written: the month always, the day and the year when the text gives them."""

    month: int
    day: int | None = None
    year: int | None = None

    def on(self, year: int) -> date:
        """This day in `year` (its own year wins); raises ValueError for "31 February"."""
        return date(self.year or year, self.month, self.day or 1)


@dataclass(frozen=True)
class DateMention:
    """One date or window of days found in a text."""

    first: Day
    last: Day
    weekday: int | None = None  # 0 for Monday, when the text names the weekday

    @property
    def has_day(self) -> bool:
        return self.first.day is not None

    @property
    def year(self) -> int | None:
        return self.last.year or self.first.year

    def window(self, year: int) -> tuple[date, date]:
        """The first and last day, completing a missing year with `year`."""
        own = self.year or year
        first = date(self.first.year or own, self.first.month, self.first.day or 1)
        last = date(self.last.year or own, self.last.month, self.last.day or first.day)
        if last < first and self.last.year is None and self.first.year is None:
            # "30 December - 2 January": the window runs into the next year.
            last = last.replace(year=last.year + 1)
        return first, last


# The signs of a Devanagari, Tamil or Thai word's vowels are part of it ("जून", "ஜூன்").
_TOKEN = re.compile(
    r"""
    (?P<iso>(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))
    |(?P<numeric>(?<![\d.])\d{1,2}\.\d{1,2}\.(?:(?:19|20)\d{2}(?!\d)|\d{2}(?!\d))?
        |(?<![\d.])\d{1,2}\.\d(?![\d.:])
        |(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)
        |(?<![\d/.,:])(?!24/7(?!\d))\d{1,2}/\d{1,2}(?![\d/]|[.,]\d))
    |(?P<clock>(?<!\d)\d{1,2}(?:[:.h]\d{2}|\s?(?:am|pm|a\.m\.|p\.m\.|uur|uhr|h))(?!\w))
    |(?P<year>(?<!\d)(?:19|20|25)\d{2}(?!\d))
    |(?P<day>(?<!\d)\d{1,2}(?:st|nd|rd|th|ste|de|er|re|eme|e|o|º|ª)?\.?(?!\w))
    |(?P<dash>[-–—/])
    |(?P<word>[^\W\d_](?:[^\W\d_]|[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0b82\u0bbe-\u0bcd\u0bd7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])*(?:'[^\W\d_]+)?\.?)
    |(?P<skip>[,()])
    |(?P<other>\S)
    """,
    re.VERBOSE,
)

_BUDDHIST_ERA = 543
# Digits of other scripts, as the patterns read them: Persian "۲۰۲۷", Arabic "٢٠٢٧", Hindi
# "२०२७", Thai "๒๐๒๗".
_ASCII_DIGITS = {
    start + offset: str(offset)
    for start in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50)
    for offset in range(10)
}

# Shapes of a date as symbol strings, longest first: I iso date, D day and month in digits
# ("15.9."), N day, M month, Y year.
_SHAPES = re.compile(r"I-I|I|D-D|D-I|D|NMY-NMY|MNY-MNY|NM-NMY?|MN-MNY?|N-NMY?|MN-NY?|NMY?|MNY?|MY")


# Japanese, Chinese and Korean dates: "2025年4月12日", "4月12日", "2027년 9월 25일".
_CJK_FULL_DATE = re.compile(r"((?:19|20)\d{2})[年년]\s*(\d{1,2})[月월]\s*(\d{1,2})[日일]")
_CJK_DATE = re.compile(r"(?<!\d)(\d{1,2})[月월]\s*(\d{1,2})[日일]")


def _cjk_dates(text: str) -> str:
    """ "2025年4月12日" as "2025-04-12", "4月12日" as "12.4.", which the tokens read."""
    if "月" not in text and "월" not in text:
        return text

    def iso(match: re.Match) -> str:
        year, month, day = (int(g) for g in match.groups())
        return f" {year:04d}-{month:02d}-{day:02d} "

    text = common_era_years(text)
    text = _CJK_FULL_DATE.sub(iso, text)
    return _CJK_DATE.sub(lambda m: f" {int(m.group(2))}.{int(m.group(1))}. ", text)


def find_dates(text: str, *, language: str | None = None) -> list[DateMention]:
    """Every date, window of days or month-and-year mentioned in `text`, in order."""
    text = _cjk_dates(text.translate(_ASCII_DIGITS))
    folded = multiword_ranges(language).sub(" - ", fold(text).replace("’", "'"))
    folded = _STREET_DAY.sub(r"\1#", _days_before_month(folded, language))
    folded = year_first_reordered(folded, language)
    folded = _SPACED_NUMERIC_DATE.sub(r"\1.\2.\3", _VIETNAMESE_DATE.sub(_numeric_date, folded))
    folded = _DAY_BEFORE_NUMERIC_DATE.sub(r"\1.\3. - \2.\3.", folded)
    symbols: list[tuple[str, object]] = []
    mentions: list[DateMention] = []
    after_dash = False
    for match in _TOKEN.finditer(folded):
        kind, value = match.lastgroup, match.group()
        symbol = _symbol(kind or "other", value, language)
        if symbol is None and after_dash and kind == "word":
            # "28 mei 2027 – Op zaterdag 12 juni": a dash then "on" ends a sentence's
            # dateline; a range never says "on" after its dash.
            mentions += _mentions(symbols[:-1])
            symbols, after_dash = [], False
            continue
        after_dash = kind == "dash" or (after_dash and symbol is None)
        if symbol is None:
            continue
        if symbol[0] == "|":
            mentions += _mentions(symbols)
            symbols = []
        else:
            symbols.append(symbol)
    return mentions + _mentions(symbols)


# Squares and streets named after a day ("Praça 8 de Maio", "Plaza 2 de Mayo", "Via XX
# Settembre" aside, "Platz des 18. März", "Công viên 30/4"): the day is a name, not the event's.
_STREET_DAY = re.compile(
    r"(?<!\w)((?:praca|plaza|placa|avenida|av\.|rua|calle|carrer|piazza|piazzale|largo|via|"
    r"viale|corso|place|rue|boulevard|plac|ulica|ul\.|namesti|platz|strasse|straße|"
    r"cong vien|duong|pho|quang truong)"
    r"\s+(?:(?:des|del|do|da|du|de)\s+)?)\d{1,2}(?!\d)"
)


# Vietnamese names a month by its number: "ngày 6 tháng 6 năm 2027" (folded), "6 tháng 6".
_VIETNAMESE_DATE = re.compile(
    r"(?:ngay\s+)?(?<!\d)(\d{1,2})\s+thang\s+(1[0-2]|0?[1-9])(?!\d)(?:,?\s+(?:nam\s+)?((?:19|20)\d{2}))?"
)


def _numeric_date(match: re.Match) -> str:
    day, month, year = match.groups()
    return f" {int(day)}.{int(month)}.{year or ''} "


# Czech and Slovak space a numeric date: "24. 5. 2027", "sobota 29. 5.".
_SPACED_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s(1[0-2]|0?[1-9])\.(?:\s((?:19|20)\d{2})(?!\d))?(?![\d:])"
)


# "14.–18.6.2027": the first day, written with its dot, takes the month of the last.
_DAY_BEFORE_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.")


# "14/15 June": two days a slash joins before a month's name are a weekend, not a date.
_SLASHED_DAYS = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?=\.?\s+([^\W\d_]+))")


def _days_before_month(folded: str, language: str | None) -> str:
    if "/" not in folded:
        return folded

    def days(match: re.Match) -> str:
        is_month = elided(match.group(3)) in month_names(language)
        return f"{match.group(1)} - {match.group(2)}" if is_month else match.group()

    return _SLASHED_DAYS.sub(days, folded)


def _symbol(kind: str, value: str, language: str | None) -> tuple[str, object] | None:
    """A token's symbol, None for a token to step over, ("|", None) for one that ends a run."""
    if kind == "iso":
        try:
            return "I", date.fromisoformat(value)
        except ValueError:
            return "|", None
    if kind == "numeric":
        return _numeric(value)
    if kind == "year":
        # Thai pages count years from the Buddha: 2570 is 2027.
        return "Y", int(value) - (_BUDDHIST_ERA if value.startswith("25") else 0)
    if kind == "day":
        number = int(re.match(r"\d+", value).group())  # type: ignore[union-attr]
        return ("N", number) if 1 <= number <= 31 else ("|", None)
    if kind == "dash":
        return "-", None
    if kind == "skip":
        return None
    if kind == "word":
        word = elided(value.rstrip("."))
        if word not in month_names(language) and word[:1] == "ב":
            word = word[1:]  # Hebrew "ביוני", "in June"
        if word in month_names(language):
            return "M", month_names(language)[word]
        if word in weekday_numbers(language):
            return "W", weekday_numbers(language)[word]
        if word in fillers(language):
            return None
        if word in range_words(language):
            return "-", None
    return "|", None


# Whether the page being read writes "4/12/2025" month first (see `slash_dates_of`).
_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)
_SLASH_DATE = re.compile(
    r"(?<![\d/.,:])(?!24/7(?!\d))(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\d/]|[.,]\d)"
)
# What tells a page's places are in the United States, which write the month first: a
# state's letters after a city ("Fresno, CA"), the country's name, a US zone ("3 PM ET").
_US_PLACES = re.compile(
    r",\s*\**(?:AL|AK|AZ|AR|CA|CO|CT|DC|DE|FL|GA|HI|IA|ID|IL|IN|KS|KY|LA|MA|MD|ME|MI|MN|MO|"
    r"MS|MT|NC|ND|NE|NH|NJ|NM|NV|NY|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VA|VT|WA|WI|WV|WY)\b"
    r"|\b(?:USA|U\.S\.A?\.?|United States)(?!\w)"
    r"|\d\s*[AaPp]\.?[Mm]\.?\s+(?:ET|CT|MT|PT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b"
)


@dataclass(frozen=True)
class SlashOrder:
    """How a page's slash dates ("4/12") are read: month first or day first, and whether
    that was a guess while some date could be read either way."""

    is_month_first: bool
    is_guessed: bool


@contextmanager
def slash_dates_of(text: str) -> Iterator[SlashOrder]:
    """Read the slash dates of `text` ("4/12/2025", "04/12") in the order its unambiguous ones
    show: a page that writes "4/19" means 12 April by "4/12". When none shows it, a page
    about places in the US is read month first, any other day first; that is a guess when
    some date could be read either way, and the caller says so."""
    pairs = [(int(a), int(b)) for a, b in _SLASH_DATE.findall(text)]
    month_first = any(a <= 12 < b <= 31 for a, b in pairs)
    day_first = any(b <= 12 < a <= 31 for a, b in pairs)
    either = any(a <= 12 and b <= 12 and a != b for a, b in pairs)
    if either and month_first == day_first:
        # A day the page also writes in words ("On 2/12 …" beside "February 12th") shows it.
        month_first, day_first = _order_of_days_in_words(text, pairs)
    is_guessed = either and month_first == day_first
    if month_first == day_first:
        month_first = day_first = _US_PLACES.search(text) is not None
    token = _MONTH_FIRST.set(month_first and not (day_first and not month_first))
    try:
        yield SlashOrder(is_month_first=_MONTH_FIRST.get(), is_guessed=is_guessed)
    finally:
        _MONTH_FIRST.reset(token)


def _order_of_days_in_words(text: str, pairs: list[tuple[int, int]]) -> tuple[bool, bool]:
    """Whether the page's slash dates match its days written in words month first, day first
    (both or neither: no help)."""
    in_words = {
        (mention.first.month, mention.first.day)
        for mention in find_dates(_SLASH_DATE.sub(" ", text))
        if mention.has_day
    }
    return (
        any((a, b) in in_words for a, b in pairs),
        any((b, a) in in_words for a, b in pairs),
    )


def _numeric(value: str) -> tuple[str, object]:
    """ "15.9." and "15.09.2024" (day first, as everywhere but the US), "15/09/2024"."""
    parts = [int(p) for p in re.split(r"[./]", value) if p]
    day, month = parts[0], parts[1]
    if "/" in value and _MONTH_FIRST.get():
        day, month = month, day
    year = parts[2] if len(parts) > 2 else None
    if year is not None and year < 100:
        year += 2000
    try:
        date(year or 2000, month, day)
    except ValueError:
        if "/" not in value or not _exists(Day(day, month, year)):
            return "|", None
        day, month = month, day  # "10/18/2025": American, month first, as no 18th month is
    return ("I", date(year, month, day)) if year else ("D", Day(month, day))


def _mentions(symbols: list[tuple[str, object]]) -> list[DateMention]:
    # Weekdays are noted beside the symbols, not among them: "Friday, June 16" is "MN".
    kept: list[tuple[str, object]] = []
    weekday_before: dict[int, int] = {}
    weekday_after: dict[int, int] = {}
    for symbol, value in symbols:
        if symbol == "W":
            weekday_before[len(kept)] = value  # type: ignore[assignment]
            if kept:
                weekday_after.setdefault(len(kept) - 1, value)  # type: ignore[arg-type]
        else:
            kept.append((symbol, value))
    shape = "".join(s for s, _value in kept)
    found = []
    for match in _SHAPES.finditer(shape):
        values = [v for _s, v in kept[match.start() : match.end()]]
        mention = _mention(match.group(), values)
        if mention is not None:
            weekday = weekday_before.get(match.start(), weekday_after.get(match.end() - 1))
            found.append(replace(mention, weekday=weekday))
    return found


def _mention(shape: str, values: list) -> DateMention | None:
    if shape.startswith("D"):
        first = values[0]
        last = values[-1]
        if isinstance(last, date):
            last = Day(last.month, last.day, last.year)
        return DateMention(first, last)
    if shape.startswith("I"):
        first, last = values[0], values[-1]
        return DateMention(
            Day(first.month, first.day, first.year), Day(last.month, last.day, last.year)
        )
    days: list[Day] = []
    year = values[-1] if shape.endswith("Y") else None
    for part, part_values in _split_range(shape, values):
        part_year = part_values[-1] if part.endswith("Y") else year
        pairs = list(zip(part, part_values, strict=True))
        month = next((v for s, v in pairs if s == "M"), None)
        day = next((v for s, v in pairs if s == "N"), None)
        days.append(Day(month or 0, day, part_year))
    if len(days) == 2 and days[0].month == 0:
        days[0] = Day(days[1].month, days[0].day, days[0].year)  # "20-22 November"
    if len(days) == 2 and days[1].month == 0:
        days[1] = Day(days[0].month, days[1].day, days[1].year)  # "November 20-22"
    first, last = days[0], days[-1]
    if not _exists(first) or not _exists(last):
        return None
    if first.day is not None and last.day is not None and first.month == last.month:
        if last.day < first.day and first.year == last.year:
            return None
    return DateMention(first, last)


def _split_range(shape: str, values: list) -> list[tuple[str, list]]:
    if "-" not in shape:
        return [(shape, values)]
    cut = shape.index("-")
    return [(shape[:cut], values[:cut]), (shape[cut + 1 :], values[cut + 1 :])]


def _exists(day: Day) -> bool:
    if not 1 <= day.month <= 12:
        return False
    try:
        date(day.year or 2000, day.month, day.day or 1)  # 2000 was a leap year
    except ValueError:
        return False
    return True


def find_years(text: str) -> list[int]:
    """Four-digit years (1900-2099) standing on their own in `text`."""
    return [int(y) for y in re.findall(r"(?<![\d-])(?:19|20)\d{2}(?![\d])", text)]


def says_when_posted(text: str) -> bool:
    """Whether `text` says when the page was posted or updated ("Publikováno 10. května",
    "تاريخ النشر"): its date is the page's, never an event's."""
    return _POSTED.search(fold(text)) is not None


# A word of `POSTED` where a word starts ("updated", not "outdated"); inside a word for
# scripts written without spaces ("サイトを更新").
_POSTED = re.compile(
    "|".join(
        rf"(?<!\w){re.escape(fold(word))}" if word[0].isascii() else re.escape(fold(word))
        for word in POSTED
    )
)
