"""Numbers a translation must keep: days, years, times, amounts, phone numbers.

A translation may write a number differently (`10,000` as `10.000` or `10 000`, `2 p.m.` as
`14 Uhr`, `３` in full width, `٣` in Arabic-Indic digits, "two" for 2) and may add small
numbers (a month's name becomes `5月`), but a number of the source that is gone, where another
number stands, or one above twelve (no translator writes a date or a year in words), was
changed. A number above twelve that the source lacks, or new minutes ("14:00" as "14:05"), was
made up or came from another text. A number whose one separator gives it another value in the
answer's language ("1,500" in German is one and a half) was misread.
"""

import re
import unicodedata
from collections import Counter

from django.utils.translation import gettext as _

from .number_groups import with_plain_groups
from .placeholders import PLACEHOLDER
from .problems import Problem
from .spoken_times import with_spoken_times_in_digits

# Digits, with groups of three after a thousands separator joined into one number.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9A-Fa-f]{1,6});")
_NUMBER = re.compile(r"\d+(?:[,.'\s\u00a0\u202f]\d{3}(?!\d))*")
# The minutes of a time ("14:05", "14.05 uur", "14 h 05"), not a date's month ("12.05.2029")
# nor its day where spaces follow the dots ("2029. 05. 12.", as Hungarian and Korean write).
_MINUTES = re.compile(
    r"(?<!\d)(?:[01]?\d|2[0-3])(?:\s?(?::|h)\s?([0-5]\d)(?!\d)|\.([0-5]\d)(?![\d.]))"
)
_FRACTION = re.compile(r"(?<=\d[.,:])(\d{2})(?!\d)")
# Half past, said with a word: "7点半", "7時半", "7시 반" is 7:30.
_HALF_PAST = re.compile(r"(?<=[時时点點])半|(?<=시)\s?반")
# The hour of an afternoon time: "19:30", "19.30 uur", "19 h", "19 Uhr", "19時".
_AFTERNOON_HOUR = re.compile(
    r"(?<![\d.,:/])(1[3-9]|2[0-3])(?=\s?(?:[:.h]\s?[0-5]\d(?!\d)|h\b|uhr\b|uur\b|[時时点시]))",
    re.IGNORECASE,
)
# A number with separators ("1,500", "12.345,67", "1 500"), and one whose only separator, a
# comma or a point before three digits, means a thousand in some languages and a fraction in
# others ("1,500", "2.500").
_SEPARATED = re.compile(r"(?<![\d.,])\d+(?:[,.'\u00a0\u202f ]\d+)*(?![\d])")
_ONE_SEPARATOR = re.compile(r"(?<![\d.,])\d{1,3}[,.]\d{3}(?![\d]|[.,]\d)")
_DECIMAL_COMMA = frozenset(
    "de nl fr es it pt pl ru uk cs sk da nb nn no sv fi tr el ro hu ca bg hr sl et lv lt af "
    "id vi sr mk be kk az".split()
)
_DECIMAL_POINT = frozenset("en ja zh ko he th hi ar ms tl".split())
_REGIONS_LIKE_THEIR_LANGUAGE = frozenset({"pt-br", "nl-be", "fr-be", "de-at", "en-gb", "en-us"})
# A month's, a day's or a year's number in Chinese, Japanese or Korean ("6月", "16日", "6월").
_CALENDAR_NUMBER = re.compile(r"(?<!\d)\d+\s?[年月日년월일]")
# Up to this, a number may be written as a word ("zwei Liter", "trois jours").
_WORDS_UP_TO = 12
# Arabic and Persian write a thousands separator and a decimal point of their own ("۱٬۲۵۰").
_SEPARATORS = str.maketrans({"\u066c": ",", "\u066b": "."})
# A phone number: international ("+31 6 1234 5678", "+1 (555) 010-0199") or national with
# its leading 0 ("030 1234567", "06-12345678"); its digits are one number, in their order.
_PHONE = re.compile(
    r"(?<![\d+])(?:\+\d{1,3}(?:[\s\u00a0.-]?\(?\d+\)?)+"
    r"|\(?0\d{1,4}\)?[\s\u00a0/-]?\d{3,}(?:[\s\u00a0-]\d{2,})*)(?![\d:])"
)
_PHONE_DIGITS = 8
# A percentage, its sign after the number or before it (Turkish "%25"), a decimal mark either.
_SHARE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?[%٪]|[%٪]\s?(\d+(?:[.,]\d+)?)(?![\d.,]*\d)")


def numbers(text: str) -> Counter[str]:
    """The numbers of `text` as plain digits, whatever digits and separators they were
    written with; placeholders and zeros left out ("14:00" is 14)."""
    found: Counter[str] = Counter()
    plain = _HALF_PAST.sub(" 30", _plain(text))
    for match in _NUMBER.finditer(plain):
        digits = "".join(str(unicodedata.decimal(ch)) for ch in match.group(0) if ch.isdecimal())
        value = digits.lstrip("0")  # compared as text: a number of any length is no problem
        if value:
            found[value] += 1
    return found


def changed_numbers(source: str, translated: str) -> list[str]:
    """Numbers of `source` that `translated` lost or changed, smallest first."""
    missing, added = _differences(source, translated)
    small = all(len(n) <= 2 and int(n) <= _WORDS_UP_TO for n in missing)
    if missing and (added or not small):
        return sorted(missing, key=_order)
    return []


def changed_phone_numbers(source: str, translated: str) -> list[str]:
    """Phone numbers of `source` whose digits `translated` lacks in that order (one digit
    changed, two swapped, its groups reordered); a number may be grouped otherwise."""
    found = Counter(digits for _written, digits in _phone_numbers(translated))
    changed = []
    for written, digits in _phone_numbers(source):
        if found[digits]:
            found[digits] -= 1
        else:
            changed.append(written)
    return changed


def _without_kept_phone_numbers(source: str, translated: str) -> tuple[str, str]:
    """Both texts without the phone numbers they share digit for digit: a number grouped
    otherwise ("+31 6 12345678" for "+31 6 1234 5678") is no number changed."""
    shared = Counter(d for _w, d in _phone_numbers(source)) & Counter(
        d for _w, d in _phone_numbers(translated)
    )
    texts = []
    for text in (source, translated):
        left = shared.copy()
        for written, digits in _phone_numbers(text):
            if left[digits]:
                left[digits] -= 1
                text = text.replace(written, " ", 1)
        texts.append(text)
    return texts[0], texts[1]


def _phone_numbers(text: str) -> list[tuple[str, str]]:
    """(as written, its digits) of each phone number of `text`."""
    plain = _plain(text)
    found = []
    for match in _PHONE.finditer(plain):
        digits = "".join(str(unicodedata.decimal(ch)) for ch in match.group(0) if ch.isdecimal())
        if len(digits) >= _PHONE_DIGITS:
            found.append((match.group(0).strip(), digits))
    return found


def added_numbers(source: str, translated: str) -> list[str]:
    """Numbers above twelve that `translated` has and `source` lacks, smallest first: a
    sentence of another text, or an amount, time or date the model made up. A translation
    adds only small ones (a month's number, "two" written as 2)."""
    _missing, added = _differences(source, translated)
    found = {n for n in added if len(n) > 2 or int(n) > _WORDS_UP_TO}
    # "14:00" made "14:05": the 5 is small, but no translation writes minutes in words.
    # An amount the source ends a sentence with ("€12.50.") is read as no time there.
    found |= {m for m in _minutes(translated) - _minutes(source) - _fractions(source) if m != "00"}
    return sorted(found, key=_order)


def _minutes(text: str) -> set[str]:
    plain = _plain(text)
    return {colon or dot for colon, dot in _MINUTES.findall(plain)}


def _fractions(text: str) -> set[str]:
    """The two digits after a point, comma or colon: an amount's cents, a time's minutes."""
    return set(_FRACTION.findall(_plain(text)))


def _differences(source: str, translated: str) -> tuple[Counter[str], Counter[str]]:
    """(numbers only `source` has, numbers only `translated` has), a morning hour given as
    an afternoon one ("2 p.m." as "14 Uhr") counted as kept."""
    source, translated = _without_kept_phone_numbers(source, translated)
    expected, found = numbers(source), numbers(translated)
    missing = expected - found
    added = found - expected
    for hour in [n for n in missing if len(n) <= 2 and int(n) < 12]:
        later = str(int(hour) + 12)
        while missing[hour] and added[later]:
            added[later] -= 1
            missing[hour] -= 1
    # And "19:30" as "7:30 مساءً" or "午後7時": whether the half of the day is right is for
    # `moments` to say; only an hour of a time of the source is paired so.
    # Not a month's or a day's number, though: "6月" lost no "18:00".
    clock = numbers(_CALENDAR_NUMBER.sub(" ", _plain(translated)))
    for hour in _afternoon_hours(source):
        earlier = str(int(hour) - 12)
        while missing[hour] and added[earlier] and clock[earlier]:
            added[earlier] -= 1
            clock[earlier] -= 1
            missing[hour] -= 1
    return +missing, +added


def _afternoon_hours(text: str) -> list[str]:
    plain = _plain(text)
    return sorted(set(_AFTERNOON_HOUR.findall(plain)))


def _order(number: str) -> tuple[int, str]:
    return len(number), number


def misread_separators(
    source: str, translated: str, *, source_language: str, language: str
) -> list[tuple[str, str, str]]:
    """(as written, what it reads as, the source's number) for each number of `translated`
    whose one separator gives it another value in `language` than the source's number of the
    same digits has: "1,500" for the source's 1500 reads as 1.5 in German, "1.500" as 1.5 in
    Japanese. Where a language's separators vary by country (Swiss German, Mexican Spanish),
    nothing is judged."""
    source_comma = _decimal_comma(source_language)
    comma = _decimal_comma(language)
    if source_comma is None or comma is None:
        return []
    meant = {_digits(whole): _value(whole, source_comma) for whole in _all_numbers(source)}
    found = []
    for match in _ONE_SEPARATOR.finditer(_plain(translated)):
        written = match.group(0)
        expected = meant.get(_digits(written))
        if expected is not None and _value(written, comma) != expected:
            found.append((written, _value(written, comma), expected))
    return found


def _decimal_comma(language: str) -> bool | None:
    """Whether `language` writes a decimal comma ("1,5"), a decimal point (False), or None
    where it is not known or varies by country."""
    code = (language or "").lower().replace("_", "-")
    main, _dash, region = code.partition("-")
    if region and region != main and code not in _REGIONS_LIKE_THEIR_LANGUAGE:
        return None
    if main in _DECIMAL_COMMA:
        return True
    return False if main in _DECIMAL_POINT else None


def _all_numbers(text: str) -> list[str]:
    return [m.group(0) for m in _SEPARATED.finditer(_plain(text))]


def _plain(text: str) -> str:
    """Placeholders and numeric character references ("&#8211;", a dash) set aside, digits and
    separators of every script as ASCII ones read them, lakhs and ten thousands
    (`number_groups`) as plain digits and Hindi's "ढाई बजे" as 2:30 (`spoken_times`)."""
    text = _CHARACTER_REFERENCE.sub(" ", PLACEHOLDER.sub(" ", text))
    text = unicodedata.normalize("NFKC", text).translate(_SEPARATORS)
    return with_plain_groups(with_spoken_times_in_digits(text))


def _digits(written: str) -> str:
    return "".join(ch for ch in written if ch.isdecimal())


def _value(written: str, decimal_comma: bool) -> str:
    """A number's value as plain digits with at most one ".": "1.500" in German is 1500."""
    whole, mark, fraction = written.rpartition("," if decimal_comma else ".")
    if not mark:
        whole, fraction = written, ""
    integer = _digits(whole).lstrip("0") or "0"
    fraction = _digits(fraction).rstrip("0")
    return f"{integer}.{fraction}" if fraction else integer


def phone_problems(source: str, translated: str) -> list[Problem]:
    if not (changed := changed_phone_numbers(source, translated)):
        return []
    shown = ", ".join(changed)
    return [
        Problem(
            "phone",
            _("A phone number is missing or its digits changed: %(numbers)s.") % {"numbers": shown},
            f"Your answer lacks or changed the phone number(s) {shown}. Copy every phone "
            f"number with its digits in the same order.",
        )
    ]


def separator_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    misread = misread_separators(
        source, translated, source_language=source_language, language=language
    )
    if not misread:
        return []
    shown = ", ".join(f"{written} ({value} ≠ {meant})" for written, value, meant in misread)
    return [
        Problem(
            "separators",
            _(
                "A number's separators change its value in this language: %(found)s. Write "
                "it with this language's thousands separator."
            )
            % {"found": shown},
            f"Your answer writes {', '.join(w for w, _v, _m in misread)}, which in the "
            f"language asked for means another number than the text's "
            f"({', '.join(m for _w, _v, m in misread)}). Write each number with that "
            f"language's thousands separator and decimal mark.",
        )
    ]


def changed_shares(source: str, translated: str) -> list[str]:
    """Percentages of `translated` the source does not have ("0,25 %" or "52 %" for "25%"),
    read with either decimal mark; one written in words instead is not judged."""
    expected = Counter(_shares(source))
    if not expected:
        return []
    return sorted((Counter(_shares(translated)) - expected).elements())


def _shares(text: str) -> list[str]:
    values = []
    for match in _SHARE.finditer(_plain(text)):
        written = "".join(
            str(unicodedata.decimal(ch)) if ch.isdecimal() else ch
            for ch in match.group(1) or match.group(2)
        )
        whole, _mark, fraction = written.replace(",", ".").partition(".")
        value = f"{whole}.{fraction}" if fraction else whole
        values.append(value.rstrip("0").rstrip(".") if "." in value else value)
    return values


def share_problems(source: str, translated: str) -> list[Problem]:
    if not (changed := changed_shares(source, translated)):
        return []
    shown = ", ".join(f"{share}%" for share in changed)
    return [
        Problem(
            "numbers",
            _("A percentage of the source was changed: the translation has %(found)s.")
            % {"found": shown},
            f"Your answer has the percentage(s) {shown}, which the text does not. Keep every "
            f"percentage of the text as it is.",
        )
    ]
