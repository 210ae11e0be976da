"""Years a page counts in an era rather than from the common era's start, as the common era's
years: Japan's Reiwa and Taiwan's Minguo, written before a date's month and day."""

import re

# Years counted in an era: Japan's Reiwa ("令和9年", its first year "令和元年") and the Minguo
# years of Taiwan ("民國116年"), each the year of the common era it is.
_ERA_YEAR = re.compile(r"(令和|中華民國|中华民国|民國|民国)\s*(\d{1,3}|元)\s*年")
_ERA_START = {"令和": 2018, "民國": 1911, "民国": 1911, "中華民國": 1911, "中华民国": 1911}


def _common_era_year(match: re.Match) -> str:
    era, year = match.groups()
    return f"{_ERA_START[era] + (1 if year == '元' else int(year))}年"


def common_era_years(text: str) -> str:
    """`text` with each year of an era as its year of the common era: "令和9年6月12日" →
    "2027年6月12日", "民國116年6月12日" → "2027年6月12日"."""
    if "年" not in text:
        return text
    return _ERA_YEAR.sub(_common_era_year, text)
