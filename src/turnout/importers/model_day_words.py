"""A model's day written otherwise than the YYYY-MM-DD it was asked for, in figures again.

Models asked for a date still spell its day out ("October sixteenth", "the twenty-third of
October 2027"), write it day first with a hyphen and no year ("16-10"), or name its weekday
short ("Sun 2027-10-16"). The first two are written back in figures for the rules' date reading
(which reads "16th of October" and "16/10" as any page writes them); the third is read by
`short_weekday`, so that a weekday that is not the day's is caught as the full name is.
"""

import re

# English ordinals as a model spells a day of the month.
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
          "sixteenth", "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
_ORDINALS = {
    **{word: number for number, word in enumerate(_UNITS, start=1)},
    **{word: number for number, word in enumerate(_TEENS, start=10)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty {word}": 20 + number for number, word in enumerate(_UNITS, start=1)},
    "thirty first": 31,
}
_ORDINAL = re.compile(
    r"\b(?:the\s+)?(" + "|".join(sorted((w.replace(" ", r"[\s-]") for w in _ORDINALS),
                                        key=len, reverse=True)) + r")\b",
    re.I,
)  # fmt: skip
# A day and a month with hyphens, a year after or none: "16-10", "16-10-2027" (as Dutch pages
# write a day); a year first is ISO, and read as such.
_DAY_HYPHEN_MONTH = re.compile(r"^\s*(\d{1,2})-(\d{1,2})(-\d{4})?\.?\s*$")
# English weekdays as they are cut short in dates: "Sun", "Thurs".
_SHORT_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                   "fri": 4, "sat": 5, "sun": 6}  # fmt: skip


def day_in_figures(text: str) -> str:
    """`text` with a day spelled out as its figures ("sixteenth" as "16th") and "16-10-2027"
    as "16/10/2027"; other text as it is."""
    if match := _DAY_HYPHEN_MONTH.match(text):
        return "/".join(part.strip("-") for part in match.groups() if part)
    if not re.search(r"[a-z]", text, re.I):
        return text
    return _ORDINAL.sub(lambda m: _figures(_ORDINALS[re.sub(r"[\s-]+", " ", m.group(1).lower())]),
                        text)  # fmt: skip


def _figures(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10 if number not in (11, 12, 13) else 0)
    return f"{number}{suffix or 'th'}"


def short_weekday(word: str) -> int | None:
    """The weekday (0 for Monday) an English weekday cut short names: "sun", "thurs"."""
    return _SHORT_WEEKDAYS.get(word.strip(".").lower())
