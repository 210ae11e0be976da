"""Dates written in an order the shapes of `dates` do not read, put in one they do: the year
first, as Lithuanian and Hungarian write it ("2027 m. rugsėjo 25 d.", "2027. szeptember 25.")."""

import re

from .date_names import elided, month_names

# The year, maybe with its dot or the Lithuanian "m." ("metai", year), then the month's name,
# then the day, maybe with its dot or the Lithuanian "d." ("diena", day).
_YEAR_FIRST = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\.?(?:\s+m\.)?\s+([^\W\d_]+)\.?\s+(\d{1,2})(?:\.|\s*d\.)?"
    r"(?![\d:.])"
)


def year_first_reordered(folded: str, language: str | None) -> str:
    """`folded` with its dates written year first ("2027 m. rugsejo 25 d.") as day, month and
    year, the order the shapes read; a year before a word that is no month is left alone."""

    def reordered(match: re.Match) -> str:
        year, month, day = match.groups()
        if elided(month) not in month_names(language):
            return match.group()
        return f"{day} {month} {year}"

    return _YEAR_FIRST.sub(reordered, folded)
