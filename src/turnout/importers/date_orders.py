"""Dates written in an order the shapes of `dates` do not read, put in one they do: the year
first, as Lithuanian and Hungarian write it ("2027 m. rugsėjo 25 d.", "2027. szeptember 25.")."""

import re

from .date_names import elided, month_names

# The year, maybe with its dot, the Lithuanian "m." ("metai", year), the Armenian "թ."
# ("թվական") or the Basque "-ko" ("of"), then the month's name, then the day, maybe with its
# dot, the Lithuanian "d." ("diena", day) or the Basque "-an" ("on").
_YEAR_FIRST = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:\.|ko)?(?:\s+(?:m|թ)\.)?\s+([^\W\d_]+)\.?\s+(\d{1,2})"
    r"(?:\.|\s*d\.|e?an(?!\w))?(?![\d:.])"
)
# Latvian names the year as such before the day and month: "2027. gada 12. jūnijā".
# Maltese writes "of" between the day and its month: "12 ta' Ġunju 2027".
_OF_BEFORE_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s+ta['’]\s+(?=[^\W\d_])")
_YEAR_OF = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.?\s+gada\s+(\d{1,2}\.?\s+[^\W\d_]+)")


def year_first_reordered(folded: str, language: str | None) -> str:
    """`folded` with its dates written year first ("2027 m. rugsejo 25 d.") as day, month and
    year, the order the shapes read; a year before a word that is no month is left alone."""

    def reordered(match: re.Match) -> str:
        year, month, day = match.groups()
        if elided(month) not in month_names(language):
            return match.group()
        return f"{day} {month} {year}"

    def year_after(match: re.Match) -> str:
        year, day_and_month = match.groups()
        if elided(day_and_month.split()[-1]) not in month_names(language):
            return match.group()
        return f"{day_and_month} {year}"

    folded = _OF_BEFORE_MONTH.sub(r"\1 ", folded)
    return _YEAR_OF.sub(year_after, _YEAR_FIRST.sub(reordered, folded))
