"""Dates and times a translation must keep, however the language writes them.

`figures` compares numbers one by one, which cannot see a month changed where the source
names it ("5 May" written "5.6.") or "2 p.m." written "2 Uhr". Here each date is read as
(day, month) and each time as (hour, minute) on a 24-hour clock, in the way the text's
language writes them: "12 de mayo", "5.5.", "05/06" (day first outside English), "5月6日",
"22 h 30", "10.30 Uhr", "22h", "10 pm", "午後2時", "8 Uhr abends". A date or time of the
answer that no reading of the source's gives was changed; a source without any is not judged.
Where a text has two dates and a time beside one of them, the time stays by that date: two
dates swapped ("on 13 May at 18:00 ... on 20 May" as "on 20 May at 18:00 ... on 13 May")
keep the same dates, but not the same days.
English numeric dates and times without a.m./p.m. are read both ways, as a reader would,
unless another numeric date of the same text has a day above 12, which shows its order.
"""

import bisect
import re
import unicodedata
from collections import Counter

from django.utils.translation import gettext as _

from .figures import numbers
from .languages import base
from .placeholders import PLACEHOLDER
from .problems import Problem
from .spoken_times import with_spoken_times_in_digits

# Month names and their usual abbreviations (and the genitive forms Polish and Russian write
# dates with), January first.
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
    "noiembrie decembrie",
    "ca": "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "sw": "januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
    "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    "he": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    "th": "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
}
# Hebrew writes "in" and "to" onto the month: "ב־13 במאי".
_HEBREW_PREFIXES = "בל"
_MONTH_NUMBER = {
    language: {name: number for number, name in enumerate(names.split(), start=1)}
    for language, names in _MONTHS.items()
}
# Languages whose numeric dates put the month first (05/06 is 6 May), as Korean, Japanese and
# Chinese do after the year ("6/9(토)" is 9 June); English is read both ways.
_MONTH_FIRST = frozenset({"en-us", "ko", "ja", "zh"})
# English of these regions writes the day first ("05/06" is 5 June), as most languages do.
_DAY_FIRST_ENGLISH = frozenset({"en-gb", "en-ie", "en-au", "en-nz", "en-in", "en-za"})
_EITHER_ORDER = frozenset({"en"})
# A word, with the vowel signs of Thai and Bengali, which are marks ("มีนาคม", "মে").
_WORD = r"(?:[^\W\d_]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0981-\u0983\u09bc-\u09d7]){2,}\.?"
_DAY_THEN_MONTH = re.compile(
    r"(?<![\d.,:/])(\d{1,2})(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+|di\s+|of\s+)?(" + _WORD + r")"
)
_MONTH_THEN_DAY = re.compile(
    r"(?<![^\W\d_])(" + _WORD + r")\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?![\d:.,]\d)"
)
# "5.5.", "12.05.2029", "05/06", "5/6/29", "2029-05-12", "5月6日", "5월 6일".
_NUMERIC = re.compile(r"(?<![\d.,:/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{2,4})|\.)(?![\d])")
_SLASHED = re.compile(r"(?<![\d.,:/])(\d{1,2})/(\d{1,2})(?![\d/.])")
_ISO = re.compile(r"(?<!\d)\d{4}-(\d{2})-(\d{2})(?!\d)")
_EAST_ASIAN = re.compile(r"(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
# Vietnamese names a month by its number: "ngày 13 tháng 5" is 13 May.
_VIETNAMESE = re.compile(r"(?<![\d.,:/])(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)", re.IGNORECASE)

# Hours written as such: "14:30", "14.30 uur", "19 h 30", "22h", "14 Uhr", "10 pm", "午後2時".
# Hungarian "14:00-kor", "2-kor"; Vietnamese "2 giờ chiều".
_HOUR_WORDS = r"(?:uur|uhr|u|h|hs|hrs|godz\.?|ч\.?|-?kor|órakor|giờ|बजे|น\.)"
# Vietnamese halves of the day are also syllables of other words ("3 sáng kiến" is three
# ideas): a time only after an hour word or with minutes ("2 giờ chiều", "8:30 tối").
_SYLLABLE_HALVES = frozenset({"sáng", "chiều", "tối"})
_AFTERNOON = (
    r"p\.?\s?m\.?|'s\s+(?:middags|avonds)|nachmittags|abends|de\s+l['’]après-midi|du\s+soir|"
    r"de\s+la\s+(?:tarde|noche)|вечера|дня|di\s+sera|del\s+pomeriggio|po\s+południu|"
    r"wieczorem|da\s+(?:tarde|noite)|مساء[ًٌ]?|م|ظهر[اًٌ]*|בערב|אחר\s+הצהריים|אחה[״\"]צ|"
    r"del\s+vespre|de\s+la\s+tarda|μ\.\s?μ\.|chiều|tối"  # Catalan, Greek, Vietnamese
)
_MORNING = (
    r"a\.?\s?m\.?|'s\s+(?:ochtends|morgens)|morgens|vormittags|du\s+matin|de\s+la\s+mañana|"
    r"утра|di\s+mattina|rano|da\s+manhã|صباح[اًٌ]*|ص|בבוקר|del\s+matí|π\.\s?μ\.|sáng"
)
_TIME = re.compile(
    # Finnish, Swedish, Danish, Norwegian, Indonesian, Turkish and Thai say "o'clock" before
    # the hour: "klo 14.00", "pukul 14.30", "saat 14.30'da", "เวลา 14.30 น."; Hindi says the
    # afternoon or the evening before it too: "दोपहर 2:30 बजे".
    r"(?P<clock>(?:(?<![^\W\d_])(?:klo|kl\.|klockan|klokka|klokken|kello|pukul|jam|saat)|เวลา)"
    r"\s?)?(?:(?P<pm_before>दोपहर|शाम)\s?)?"
    r"(?<![\d:/])(?<!\d[.,])(?P<hour>2[0-4]|[01]?\d)"
    r"(?:(?P<separator>\s?[:h]\s?|\.)(?P<minute>[0-5]\d)(?![\d]))?"
    r"(?P<words>\s?" + _HOUR_WORDS + r"(?![^\W\d_]))?"
    # Chinese and Japanese write on after a time without a space ("9:00结束").
    r"(?:\s?(?P<pm>" + _AFTERNOON + r")|\s?(?P<am>" + _MORNING + r"))?"
    r"(?![^\W\d_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?<![\d.,:])(\d{1,2})\s?-?(?:hours?|hrs?)\b", re.IGNORECASE)
# "午後7時30分", "晚上7点半", "오후 7시", and "午後7:30", "下午7:30" with the half of the day first.
_HALF_OF_DAY = r"(午前|午後|上午|下午|中午|早上|晚上|傍晚|凌晨|오전|오후)"
_EAST_ASIAN_TIME = re.compile(
    _HALF_OF_DAY + r"?\s?(\d{1,2})\s?([時时点點시])(?:\s?(\d{1,2})\s?[分분]|(半|\s?반))?"
    r"|" + _HALF_OF_DAY + r"\s?(\d{1,2}):([0-5]\d)(?!\d)"
)
# Chinese "3点" is also "three points" ("我们有3点要求"): a time only with its minutes or the
# half of the day.
_POINT = frozenset("点點")
_AFTERNOON_HALVES = frozenset({"午後", "下午", "中午", "晚上", "傍晚", "오후"})
# Dates times times beyond which a text is a timetable, whose times are not paired with dates.
_PAIRS_JUDGED = 400


def date_readings(text: str, language: str) -> set[tuple[int, int]]:
    """Each (day, month) a reader of `language` may take a date of `text` for."""
    plain = _plain(text)
    language = (language or "").lower()
    found: set[tuple[int, int]] = set()
    for day, word in _DAY_THEN_MONTH.findall(plain):
        if month := _month(word):
            found.add((int(day), month))
    for word, day in _MONTH_THEN_DAY.findall(plain):
        if month := _month(word):
            found.add((int(day), month))
    times = set(_times(plain, language))
    numeric = [(int(a), int(b)) for a, _sep, b, _year in _NUMERIC.findall(plain)]
    numeric += [(int(a), int(b)) for a, b in _SLASHED.findall(plain)]
    numeric = [date for date in numeric if date not in times]  # "om 10.05." ends on a time
    month_first = language in _MONTH_FIRST or base(language) in _MONTH_FIRST
    either = not month_first and base(language) in _EITHER_ORDER
    either = either and language.replace("_", "-") not in _DAY_FIRST_ENGLISH
    if either and (order := _order_shown(numeric)) is not None:
        month_first, either = order, False
    elif either and (order := _order_by_habit(plain, language)) is not None:
        month_first, either = order, False
    for first, second in numeric:
        orders = [(second, first)] if month_first else [(first, second)]
        if either:
            orders.append((second, first))
        found |= {(day, month) for day, month in orders if _is_date(day, month)}
    found |= {(int(day), int(month)) for month, day in _ISO.findall(plain)}
    found |= {(int(day), int(month)) for month, day in _EAST_ASIAN.findall(plain)}
    found |= {(int(day), int(month)) for day, month in _VIETNAMESE.findall(plain)}
    return {date for date in found if _is_date(*date)}


def time_readings(text: str, language: str) -> list[set[tuple[int, int]]]:
    """For each time of `text`, the (hour, minute) readings on a 24-hour clock. Languages
    that write a 24-hour clock mean the morning by "8:15"; English may mean the evening."""
    twelve_hour = base(language) in _EITHER_ORDER
    readings = []
    for hour, minute, marked in _times_marked(_plain(text), language):
        options = {(hour, minute)}
        if not marked and twelve_hour and hour < 12:
            options.add((hour + 12, minute))
        readings.append(options)
    return readings


def changed_moments(
    source: str, translated: str, *, source_language: str, language: str
) -> list[str]:
    """Dates and times of `translated` that no reading of `source`'s gives, as written."""
    changed = []
    source_dates = date_readings(source, source_language)
    # "May 12–14" is "12.–14. Mai": any day the source writes goes with any of its months.
    days = [int(n) for n in numbers(source) if len(n) <= 2]
    source_dates |= {(day, month) for _day, month in source_dates for day in days}
    source_times = set().union(*time_readings(source, source_language))
    if source_dates:
        # "om 10.05." at a sentence's end may be the source's 10:05 rather than a date.
        added = date_readings(translated, language) - source_dates - source_times
        changed += [f"{day}.{month}." for day, month in sorted(added)]
    # "for 2 hours" is "pendant 2 h" in French: a duration, not a time.
    durations = {(int(hours), 0) for hours in _DURATION.findall(_plain(source))}
    if source_times:
        changed += [
            f"{min(options)[0]}:{min(options)[1]:02d}"
            for options in time_readings(translated, language)
            if not options & (source_times | durations)
        ]
    return changed + _dates_swapped(
        source, translated, source_language=source_language, language=language
    )


def _dates_swapped(
    source: str, translated: str, *, source_language: str, language: str
) -> list[str]:
    """A time the answer sets beside another of the source's dates ("on 13 May at 18:00 ...
    on 20 May" as "on 20 May at 18:00 ... on 13 May"): the dates are the same, their days
    are not. A translation may reorder its clauses, which keeps each time by its date."""
    expected = _date_of_each_time(source, source_language)
    found = _date_of_each_time(translated, language)
    dates, moved = date_readings(source, source_language), []
    for time, date in found.items():
        if time in expected and date != expected[time] and date in dates:
            moved.append(f"{date[0]}.{date[1]}. {time[0]}:{time[1]:02d}")
    return moved


def _date_of_each_time(text: str, language: str) -> dict[tuple[int, int], tuple[int, int]]:
    """The date each time of `text` stands beside, for texts with two dates or more, where
    one date is clearly nearer than the others; a time said twice is left out."""
    plain = _plain(text)
    dates = [
        (match.span(), (int(match.group(day)), _month(match.group(month))))
        for pattern, day, month in ((_DAY_THEN_MONTH, 1, 2), (_MONTH_THEN_DAY, 2, 1))
        for match in pattern.finditer(plain)
        if _month(match.group(month))
    ]
    dates += [
        (match.span(), (int(match.group(1)), int(match.group(2))))
        for match in _VIETNAMESE.finditer(plain)
    ]
    dates += [
        (match.span(), (int(match.group(2)), int(match.group(1))))
        for match in _EAST_ASIAN.finditer(plain)
    ]
    times = _times_placed(plain, language)
    dates += _numeric_dates(plain, language, times=[span for span, *_time in times])
    if len({date for _span, date in dates}) < 2 or len(dates) * len(times) > _PAIRS_JUDGED:
        return {}  # one date, or a timetable: which time goes with which is not told here
    said = Counter((hour, minute) for _span, hour, minute, _marked in times)
    beside = {}
    for (start, end), hour, minute, _marked in times:
        if said[(hour, minute)] > 1:
            continue
        gaps = sorted(
            (max(start - date_end, date_start - end, 0), date)
            for (date_start, date_end), date in dates
            if not (date_start <= start < date_end)
        )
        nearest, *others = gaps
        if all(nearest[1] == date or gap >= 2 * nearest[0] + 8 for gap, date in others):
            beside[(hour, minute)] = nearest[1]
    return beside


def _numeric_dates(
    plain: str, language: str, *, times: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The numeric dates of `plain` ("9.6.", "9/6") where they stand, in the order
    `language` writes them; not those a reader could take either way, nor times."""
    language = language.lower().replace("_", "-")
    month_first = language in _MONTH_FIRST or base(language) in _MONTH_FIRST
    if base(language) in _EITHER_ORDER and language not in _DAY_FIRST_ENGLISH | _MONTH_FIRST:
        return []  # "05/06" in English: which is the day, `date_readings` weighs
    found, spans = [], sorted(times)  # times do not overlap: the one before is enough
    for pattern in (_NUMERIC, _SLASHED):
        for match in pattern.finditer(plain):
            before = bisect.bisect_right(spans, (match.start(), len(plain) + 1)) - 1
            if before >= 0 and spans[before][0] <= match.start() < spans[before][1]:
                continue
            first, second = int(match.group(1)), int(match.group(3 if pattern is _NUMERIC else 2))
            day, month = (second, first) if month_first else (first, second)
            if _is_date(day, month):
                found.append((match.span(), (day, month)))
    return found


def moment_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    changed = changed_moments(
        source, translated, source_language=source_language, language=language
    )
    if not changed:
        return []
    shown = ", ".join(changed)
    return [
        Problem(
            "moments",
            _("A date or time of the translation is not the source's: %(found)s.")
            % {"found": shown},
            f"Your answer has the date(s) or time(s) {shown}, which are not those of the text. "
            f"Keep every date and time of the text (a month named in the text is that month).",
        )
    ]


def _plain(text: str) -> str:
    """The text without placeholders, its digits of any script as ASCII ones ("२:३०"), a
    Hindi time said with a fraction ("ढाई बजे") in digits."""
    text = with_spoken_times_in_digits(unicodedata.normalize("NFKC", PLACEHOLDER.sub(" ", text)))
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _month(word: str) -> int:
    word = word.casefold().rstrip(".")
    if word[:1] in _HEBREW_PREFIXES and word[1:] in _MONTH_NUMBER["he"]:
        return _MONTH_NUMBER["he"][word[1:]]
    for names in _MONTH_NUMBER.values():
        if word in names:
            return names[word]
        if len(word) >= 3:  # "Sept.", "déc."
            for name, number in names.items():
                if name.startswith(word):
                    return number
    return 0


def _order_shown(numeric: list[tuple[int, int]]) -> bool | None:
    """Whether a text that may write either order writes the month first, as a date with a
    day above 12 shows ("13/06" is day first, so its "05/06" is 5 June); None when none
    shows it, or dates show both."""
    shown = {first > 12 for first, second in numeric if (first > 12) != (second > 12)}
    return not shown.pop() if len(shown) == 1 else None


def _order_by_habit(plain: str, language: str) -> bool | None:
    """Whether an English text writes its numeric dates month first, as its other dates and
    times tell: "5 June" and "19:00" are how British English writes, "June 5" how American
    English does. None when nothing tells, or both."""
    day_first = any(_month(word) for _day, word in _DAY_THEN_MONTH.findall(plain)) or any(
        hour > 12 and not marked for hour, _minute, marked in _times_marked(plain, language)
    )
    month_first = any(_month(word) for word, _day in _MONTH_THEN_DAY.findall(plain))
    return None if day_first == month_first else month_first


def _is_date(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _times(plain: str, language: str) -> list[tuple[int, int]]:
    return [(hour, minute) for hour, minute, _marked in _times_marked(plain, language)]


def _times_marked(plain: str, language: str) -> list[tuple[int, int, bool]]:
    """(hour, minute, whether the text says morning or afternoon) for each time of `plain`:
    a number is a time with minutes after ":" or "h", or with hour words or a.m./p.m."""
    return [
        (hour, minute, marked) for _span, hour, minute, marked in _times_placed(plain, language)
    ]


def _times_placed(plain: str, language: str) -> list[tuple[tuple[int, int], int, int, bool]]:
    """`_times_marked` with where each time stands in `plain`."""
    found = []
    for match in _EAST_ASIAN_TIME.finditer(plain):
        half, hour_text, unit, minute_text, half_hour, prefix, prefixed_hour, prefixed_minute = (
            match.groups()
        )
        if unit in _POINT and not (half or minute_text or half_hour):
            continue
        half = half or prefix or ""
        hour = int(hour_text or prefixed_hour)
        if half in _AFTERNOON_HALVES and hour < 12:
            hour += 12
        minute = 30 if half_hour else int(minute_text or prefixed_minute or 0)
        found.append((match.span(), hour % 24, minute, bool(half)))
    # Read once: "午後7:30" is not also an unmarked "7:30".
    plain = _EAST_ASIAN_TIME.sub(lambda match: " " * len(match.group(0)), plain)
    for match in _TIME.finditer(plain):
        separator = (match.group("separator") or "").strip()
        has_words = bool(match.group("words") or match.group("clock"))
        morning = match.group("am") or ""
        if morning.casefold() == "am" and base(language) != "en":
            morning = ""  # German "um 12 Uhr am Dom": "on the", not a.m.
        marker = match.group("pm") or match.group("pm_before") or morning
        if marker.casefold() in _SYLLABLE_HALVES and not (match.group("minute") or has_words):
            continue
        if separator == "." and not (has_words or marker):
            continue  # "12.05." is a date, "12.50" an amount
        if not (match.group("minute") or has_words or marker):
            continue  # a bare number
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if (match.group("pm") or match.group("pm_before")) and hour < 12:
            hour += 12
        elif morning and hour == 12:
            hour = 0
        if hour <= 24:
            found.append((match.span(), hour % 24, minute, bool(marker)))
    return found
