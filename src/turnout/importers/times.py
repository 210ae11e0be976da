"""Times of day, time ranges, zone abbreviations and durations as pages write them.

"11:45 - 13:00", "4.30 - 5.30 pm", "2 pm AEST", "um 16:00 Uhr", "16 Uhr", "14h30", "kl. 12",
"de 18h à 20h", "Duration: 3 days". A zone abbreviation is read against the event's own zone
(`local_time`): "AEST" in Melbourne is the local clock, "CET" for an event in London is moved
to London's time, and an abbreviation no zone uses is reported.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from .clocks import clock_words_as_digits, wall_clock
from .day_spanning_clocks import day_spanning_clocks_as_ranges
from .event_words import DAY_UNITS, DURATION_LABELS, HOUR_UNITS, NOON
from .local_time_notes import without_local_time_notes
from .vocabulary import fold, has_east_asian_letters, phrases


@dataclass(frozen=True)
class TimeSpan:
    """A start time, maybe an end, maybe the zone abbreviation written after them."""

    starts: time
    ends: time | None = None
    zone: str = ""  # "AEST", "CET", "UTC+2" as written


# "14u" is the Dutch "14 uur" written short.
# Hungarian "15 órakor" ("at 15 o'clock"), "15 órától" ("from 15").
_SUFFIX = (
    r"am|pm|a\.m\.|p\.m\.|uur|uhr|órakor|órától|óráig|óra|h(?![a-z])|hrs|hs(?![a-z])|"
    r"u(?![\w.])|時|시"
)
# Only words that always announce an hour make a bare number a time: Scandinavian "kl. 12",
# Italian "ore 15" and "alle 21", Portuguese "às 15", Spanish "a las 18", German "um 16",
# Polish "godz. 15", Finnish "klo 15", Turkish "saat 14", Arabic "الساعة 5" ("the hour"),
# Latvian "plkst. 12.00", Maltese "fl-10:00", Armenian "ժամը 18:00" ("at the hour");
# "at 20" may be 20 people. Russian "в 15", Ukrainian "о 14", "з 14", Bulgarian "от 18",
# Slovenian "ob 10", Slovak, Czech and Polish "o 17", Serbian and Croatian "u 18" and Greek
# "στις 18" are hours only where no word follows ("в 15 городах" is in 15 cities, "στις 18
# Ιουνίου" a day): see `_is_other_number`.
_PREFIX = (
    r"(?:(?<!\w)(?:klockan|kl\.?|kello|klo|saat|(?:dalle |alle )?ore|dalle|alle|às|a las|a les|um|"
    r"(?:o )?godz\.?|od|godzina|в|во|о|об|от|ob|o|u|з|с|από τις|στις|ساعت|الساعة|בשעה|lúc|pukul|"
    r"plkst\.?|fl-|fil-|ժամը)\s*)"
)
_PREPOSITION_PREFIX = re.compile(r"в|во|о|об|от|ob|o|u|з|с|από τις|στις", re.I)
# The words for "o'clock" that may follow such an hour: "о 14 годині", "в 15 часов".
_HOUR_WORD = re.compile(r"\s*(?:год|час|ч\b|η ώρα|ώρα|hod)", re.I)
# French writes "14 h 30" with spaces as well as "14h30".
_CLOCK = rf"(\d{{1,2}})(?:(?:[:.hu]|\s?h\s)(\d{{2}}))?\s*({_SUFFIX})?"
# Hungarian "15 órától 17 óráig" is "from 15 to 17"; Greek "από τις 18 έως τις 20".
_JOIN = (
    r"\s*(?:-|–|—|→|〜|～|~|to|tot|bis|a|à|al|alle|till|until|fins a les|fins|à|jusqu'à|ate|até|do|"
    r"a las|hasta las|às|до|έως τις|ως τις|έως|ως|تا|עד|(?<=órától))\s*"
)
# A zone in brackets is written in capitals ("(CEST)"; "19:00 (por el calor)" names none).
_ZONE = (
    r"(?:\s*(?:\((?=(?-i:[A-Z]))|(?!\())"
    r"\b((?:UTC|GMT)\s?[+-−]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\b\)?)?"
)
# "ab 14 Uhr", "vanaf 14.00", "dès 14h", "from 2pm": words of a start that go with the hour
# when it is taken out of a line, but do not make a bare number one ("ab 14 Jahren").
_FROM = r"(?:(?<!\w)(?:ab|from|vanaf|dès|à partir de|a partir de|desde las|desde|från|fra)\s+)?"
_RANGE = re.compile(
    rf"(?<![\d.:/]){_FROM}{_PREFIX}?{_CLOCK}{_JOIN}{_CLOCK}{_ZONE}(?![.:/]?\d)", re.I
)
_SINGLE = re.compile(rf"(?<![\d.:/]){_FROM}({_PREFIX})?{_CLOCK}{_ZONE}(?![.:/]?\d)", re.I)


def find_times(text: str) -> TimeSpan | None:
    """The first time or time range in `text`, with the zone abbreviation after it."""
    text = clock_words_as_digits(text.replace("\u202f", " ").replace("\xa0", " "))
    text = day_spanning_clocks_as_ranges(text)
    text = _as_written_elsewhere(_NOON_WORDS.sub("12:00 pm", _CJK_NOON.sub("午後12時", text)))
    text = _MIDNIGHT_WORDS.sub(r"\g<1>\g<2>12:00 am", _east_asian_clocks(text))
    for match in _RANGE.finditer(text):
        hour, minute, suffix, end_hour, end_minute, end_suffix, zone = match.groups()
        start = wall_clock(hour, minute, suffix or end_suffix, bare_hour_is_time=True)
        end = wall_clock(end_hour, end_minute, end_suffix or suffix, bare_hour_is_time=True)
        if end is None and suffix and not end_suffix:  # "noon – 13:00": no "13 pm"
            end = wall_clock(end_hour, end_minute, None, bare_hour_is_time=True)
        if start is None or end is None:
            continue
        has_prefix = re.match(_PREFIX, match.group(), re.I) is not None
        if not (minute or suffix or end_minute or end_suffix or has_prefix):
            continue  # "3-5" is a range of days or a count, not of hours
        if _is_other_number(match, text):
            continue
        if suffix is None and end_suffix in {"pm", "p.m."} and start > end:
            start = time(start.hour - 12, start.minute) if start.hour >= 12 else start
        return TimeSpan(start, end, zone_named(zone))
    for match in _SINGLE.finditer(text):
        prefix, hour, minute, suffix, zone = match.groups()
        is_date_like = "." in match.group() and not suffix and not (prefix and prefix.strip())
        if text[match.end() : match.end() + 1] == "." and is_date_like:
            continue  # "15.09." is a German date, not a time ("kl. 12.00." is one)
        said_hour = bool(prefix and prefix.strip())  # "um 16", "kl. 12"
        if _is_other_number(match, text):
            continue
        if clock := wall_clock(hour, minute, suffix, bare_hour_is_time=said_hour):
            return TimeSpan(clock, None, zone_named(zone))
    return None


def _as_written_elsewhere(text: str) -> str:
    """`text` with hours written in ways the patterns lack made plain: the zone between a
    range's ends after its end ("14:00 Uhr MEZ bis 16:00 Uhr" → "14:00 Uhr bis 16:00 Uhr
    MEZ", Notion's "2:00 PM (EEST) → 4:00 PM"), the Croatian, Bosnian and Serbian "u 11
    sati" ("at 11 o'clock") as "11:00"."""
    text = _ZONE_INSIDE_RANGE.sub(r"\1 \3 \2", text)
    return _HOURS_WORD.sub(lambda m: f"{m[1]}:{m[2] or '00'}", text)


_ZONE_INSIDE_RANGE = re.compile(
    r"(?<=\d)((?:\s*(?i:uhr|h|u|am|pm))?)\s+\(?(MEZ|MESZ|CET|CEST|EET|EEST|WET|WEST|UTC|GMT|BST)"
    r"\)?\s*((?i:bis|to|until|till|-|–|—|→)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*(?i:uhr|h|u|am|pm)(?!\w))?)"
)
_HOURS_WORD = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?\s+(?i:sati|sata)(?!\w)")


def _is_other_number(match: re.Match, text: str) -> bool:
    """Whether a bare hour after a preposition ("в 15", "στις 18") is followed by a word that
    makes it a count or a day instead: "в 15 городах", "στις 18 Ιουνίου"."""
    *_start, minute, suffix, _zone = match.groups()
    if minute or suffix:
        return False  # "в 15:00 площа" is a time whatever follows
    prefix = re.match(_PREFIX, match.group(), re.I)
    if prefix is None or not _PREPOSITION_PREFIX.fullmatch(prefix.group().strip()):
        return False
    rest = text[match.end() :]
    if prefix.group().strip() == "o":
        # The Latin "o" is also "or" ("Puerta 1 o 2"): a bare hour after it only with its
        # word ("o 17 hod."); "o 17:00" has its minutes.
        return not _HOUR_WORD.match(re.sub(r"^\D*\d{1,2}", "", match.group()) + rest)
    rest = re.sub(r"^\s*[-–—]\s*\d{1,2}", "", rest)  # "в 15-17 городах"
    # "ob 12. junija": a day with its ordinal's dot before the month.
    return bool(re.match(r"\.?\s*[^\W\d_]", rest)) and not _HOUR_WORD.match(rest)


def strip_times(text: str) -> str:
    """`text` without its times and time ranges: "Utrecht, Neude, 14:00" → "Utrecht, Neude, "."""
    text = _CJK_NOON.sub("午後12時", clock_words_as_digits(text))
    text = _NOON_WORDS.sub("12:00 pm", _east_asian_clocks(text))
    text = without_local_time_notes(_as_written_elsewhere(text))
    text = _MIDNIGHT_WORDS.sub(r"\g<1>\g<2>12:00 am", text)
    for pattern in (_RANGE, _SINGLE):
        for match in reversed(list(pattern.finditer(text))):
            if find_times(match.group()) and not _is_other_number(match, text):
                text = text[: match.start()] + " " + text[match.end() :]
    return re.sub(r"(?:,\s*)+$", "", text.strip())


_NOON_WORDS = re.compile(
    # The tables are folded; pages write "mediodía" with its accent. "12 noon" is one time.
    r"(?<![\w:.])(?:12(?::00)?\s*)?(?:"
    + "|".join(re.escape(w) for ws in [*NOON.values(), ("mediodía",)] for w in ws)
    + r")(?!\w)",
    re.I,
)


# Noon in Japanese and Korean, written as the hour it is so that it joins a range as an hour
# does ("正午〜13時", "正午から13時まで", "정오부터 2시까지").
_CJK_NOON = re.compile(r"正午|정오")

# Korean, Japanese and Chinese write the half of the day before the hour and the minutes with
# their own word: "오후 2시 30분", "午後2時半", "下午2点" are 14:30, 14:30 and 14:00. Written as
# "2:30 pm" for the patterns above; a range's end takes its start's half ("오후 2시~4시").
_HALF_OF_DAY = {
    **{"오전": "am", "午前": "am", "上午": "am", "오후": "pm", "午後": "pm", "下午": "pm"},
    # The parts of the day Chinese and Korean pages write before the hour: "晚上7點" 19:00,
    # "早上9點" 9:00, "中午12點" noon, "저녁 7시" 19:00, "아침 9시" 9:00.
    **{"晚上": "pm", "傍晚": "pm", "早上": "am", "中午": "pm", "저녁": "pm", "아침": "am"},
}
_EAST_ASIAN_HOUR = r"(\d{1,2})\s*[시時点點]\s*(?:(\d{1,2})\s*[분分]|(半|반))?"
_EAST_ASIAN_CLOCK = re.compile(
    rf"(?:({'|'.join(_HALF_OF_DAY)})\s*)?{_EAST_ASIAN_HOUR}"
    rf"(?:(\s*(?:-|–|—|〜|～|~|부터|から|至|到)\s*)(?:({'|'.join(_HALF_OF_DAY)})\s*)?{_EAST_ASIAN_HOUR})?"
)


def _east_asian_clocks(text: str) -> str:
    if not has_east_asian_letters(text):
        return text  # no kana, Han or Hangul: nothing to rewrite (most pages)

    def clock(hour: str, minute: str | None, half_hour: str | None, half_of_day: str) -> str:
        minutes = minute or ("30" if half_hour else "00")
        if int(hour) > 12:
            half_of_day = ""  # "午後13時" is as "13時": past noon already
        return f"{hour}:{int(minutes):02d}{' ' + half_of_day if half_of_day else ''}"

    def rewrite(match: re.Match) -> str:
        half, hour, minute, half_hour, join, end_half, end_hour, end_minute, end_half_hour = (
            match.groups()
        )
        start_half = _HALF_OF_DAY.get(half or "", "")
        written = clock(hour, minute, half_hour, start_half)
        if end_hour is None:
            return written
        end_of_day = _HALF_OF_DAY.get(end_half or "", start_half)
        return f"{written} - {clock(end_hour, end_minute, end_half_hour, end_of_day)}"

    return _EAST_ASIAN_CLOCK.sub(rewrite, text)


# "9pm to midnight", "22 Uhr bis Mitternacht": a range's end, as "12:00 am" (a "Midnight
# vigil" says no hour).
_MIDNIGHT_WORDS = re.compile(
    rf"(?<=\d)(\s*(?:{_SUFFIX}))?({_JOIN})(?:midnight|middernacht|mitternacht|minuit|medianoche|"
    r"mezzanotte|meia-noite|midnatt|midnat|północ|půlnoc|éjfélig)(?!\w)",
    re.I,
)


def zone_named(written: str | None) -> str:
    """The abbreviation or offset as `local_time` reads it ("CET", "UTC+2"), or ""."""
    if not written:
        return ""
    written = re.sub(r"\s+", "", written).replace("−", "-")
    if written.isalpha() and not written.isupper() and written.upper() not in {"UTC", "GMT"}:
        return ""  # "14h est" is French ("is"), "18:00 et" a sentence going on
    written = written.upper()
    written = _LOCAL_ABBREVIATIONS.get(written, written)
    is_known = written in zone_abbreviations() or written in USUAL_ZONES
    return written if is_known or _OFFSET.fullmatch(written) else ""


# Abbreviations pages write in their own language for the zones IANA names in English.
_LOCAL_ABBREVIATIONS = {"MEZ": "CET", "MESZ": "CEST", "WEZ": "WET", "OEZ": "EET", "OESZ": "EEST"}

# The clock people mean by an abbreviation, whatever the season: "12:00 EST" about a day in
# July is noon on New York's clock (EDT then), "7pm AEST" in January Sydney's (AEDT then).
# People write the standard-time name all year; where the abbreviation does match the day the
# zone's offset is that very abbreviation's, so nothing is lost. Abbreviations several
# continents use for different clocks ("IST": India, Ireland, Israel) are left out.
USUAL_ZONES = {
    **dict.fromkeys(("EST", "EDT", "ET"), "America/New_York"),
    **dict.fromkeys(("CST", "CDT", "CT"), "America/Chicago"),
    **dict.fromkeys(("MST", "MDT", "MT"), "America/Denver"),
    **dict.fromkeys(("PST", "PDT", "PT"), "America/Los_Angeles"),
    **dict.fromkeys(("AKST", "AKDT"), "America/Anchorage"),
    "HST": "Pacific/Honolulu",
    **dict.fromkeys(("AST", "ADT"), "America/Halifax"),
    **dict.fromkeys(("NST", "NDT"), "America/St_Johns"),
    **dict.fromkeys(("GMT", "UTC"), "UTC"),
    "BST": "Europe/London",
    **dict.fromkeys(("WET", "WEST"), "Europe/Lisbon"),
    **dict.fromkeys(("CET", "CEST"), "Europe/Berlin"),
    **dict.fromkeys(("EET", "EEST"), "Europe/Athens"),
    "MSK": "Europe/Moscow",
    **dict.fromkeys(("AEST", "AEDT", "AET"), "Australia/Sydney"),
    **dict.fromkeys(("ACST", "ACDT"), "Australia/Adelaide"),
    "AWST": "Australia/Perth",
    **dict.fromkeys(("NZST", "NZDT"), "Pacific/Auckland"),
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong",
    "PKT": "Asia/Karachi",
    "WIB": "Asia/Jakarta",
    "SAST": "Africa/Johannesburg",
    "WAT": "Africa/Lagos",
    "CAT": "Africa/Maputo",
    "EAT": "Africa/Nairobi",
}


def zone_for(written_zone: str, day: date) -> tuple[str, timedelta | None]:
    """(the IANA zone a written zone means, "" if none; else the fixed offset it names):
    ("America/New_York", None) for "EST", ("", +2 h) for "UTC+2"."""
    if match := _OFFSET.fullmatch(written_zone):
        sign, hours, minutes = match.groups()
        offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return "", offset if sign == "+" else -offset
    if zone := USUAL_ZONES.get(written_zone):
        return zone, None
    offsets = zone_abbreviations().get(written_zone, frozenset())
    return "", next(iter(offsets)) if len(offsets) == 1 else None


_OFFSET = re.compile(r"(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?")


@cache
def zone_abbreviations() -> dict[str, frozenset[timedelta]]:
    """Each abbreviation IANA zones use (in January or July of this decade) and its offsets."""
    found: dict[str, set[timedelta]] = {"UTC": {timedelta(0)}, "GMT": {timedelta(0)}}
    for abbreviation, zones in _zones_by_abbreviation().items():
        for zone in zones:
            for moment in _SEASONS:
                local = moment.astimezone(zone)
                if local.tzname() == abbreviation and (offset := local.utcoffset()) is not None:
                    found.setdefault(abbreviation, set()).add(offset)
    return {key: frozenset(value) for key, value in found.items()}


_SEASONS = (datetime(2025, 1, 15, 12, tzinfo=UTC), datetime(2025, 7, 15, 12, tzinfo=UTC))


@cache
def _zones_by_abbreviation() -> dict[str, tuple[ZoneInfo, ...]]:
    """The IANA zones that use each abbreviation in January or July."""
    found: dict[str, list[ZoneInfo]] = {}
    for name in sorted(available_timezones()):
        try:
            zone = ZoneInfo(name)
        except (ValueError, OSError):
            continue
        for moment in _SEASONS:
            abbreviation = moment.astimezone(zone).tzname() or ""
            if abbreviation.isalpha() and abbreviation.isupper():
                found.setdefault(abbreviation, [])
                if zone not in found[abbreviation]:
                    found[abbreviation].append(zone)
    return {key: tuple(value) for key, value in found.items()}


@cache
def _clock_offset(abbreviation: str, day: date) -> timedelta | None:
    """The offset on `day` of the clock nearly all the zones using `abbreviation` keep: "CET"
    written for a day in July means the Central European clock, then two hours ahead."""
    zones = _zones_by_abbreviation().get(abbreviation, ())
    moment = datetime.combine(day, time(12))
    offsets = Counter(moment.replace(tzinfo=zone).utcoffset() for zone in zones)
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    return offset if count >= _CLOCK_SHARE * len(zones) else None


# "EST" in July is New York's clock for only three zones in four (Jamaica and Panama keep
# EST), "AEST" in January Sydney's for three in four (Brisbane keeps it): too few to say.
_CLOCK_SHARE = 0.85


class ZoneNotUnderstood(ValueError):
    """The abbreviation names no zone, or several zones with different offsets."""


def local_time(clock: time, *, day: date, written_zone: str, event_zone: str) -> tuple[time, date]:
    """The event's local time and day for `clock` read in `written_zone` ("AEST", "UTC+2")."""
    if not written_zone:
        return clock, day
    zone = ZoneInfo(event_zone)
    own = {datetime(day.year, month, 15, 12, tzinfo=zone).tzname() for month in (1, 7)}
    if written_zone in own:
        return clock, day  # "AEST" in Melbourne, "CET" in Berlin in summer: the local clock
    if match := _OFFSET.fullmatch(written_zone):
        sign, hours, minutes = match.groups()
        offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
        offsets = frozenset([offset if sign == "+" else -offset])
    elif usual := USUAL_ZONES.get(written_zone):
        usual_offset = datetime.combine(day, clock, tzinfo=ZoneInfo(usual)).utcoffset()
        offsets = frozenset([usual_offset] if usual_offset is not None else [])
    elif (clock_offset := _clock_offset(written_zone, day)) is not None:
        offsets = frozenset([clock_offset])
    else:
        offsets = zone_abbreviations().get(written_zone, frozenset())
    if len(offsets) != 1:
        raise ZoneNotUnderstood(written_zone)
    (offset,) = offsets
    moment = datetime.combine(day, clock) - offset
    local = moment.replace(tzinfo=UTC).astimezone(zone)
    return local.time().replace(tzinfo=None), local.date()


@dataclass(frozen=True)
class Duration:
    days: int = 0
    hours: float = 0


def find_duration(text: str, language: str | None) -> Duration | None:
    """ "Duration: 3 days" → 3 days; "Dauer: 2 Stunden" → 2 hours; needs the label."""
    folded = fold(text)
    labels = "|".join(re.escape(p) for p in phrases(DURATION_LABELS, language))
    if not labels or not re.match(rf"\W*(?:{labels})\W*:", folded):
        return None
    value = folded.split(":", 1)[1]
    for table, is_days in ((DAY_UNITS, True), (HOUR_UNITS, False)):
        units = "|".join(re.escape(p) for p in phrases(table, language))
        if match := re.search(rf"(\d+(?:[.,]\d+)?)\s*(?:{units})\b", value):
            amount = float(match.group(1).replace(",", "."))
            if is_days and 1 <= amount <= 60:
                return Duration(days=int(amount))
            if not is_days and 0 < amount <= 48:
                return Duration(hours=amount)
    return None
