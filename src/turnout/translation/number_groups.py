"""Large numbers as languages group them, read as plain digits: Indian lakhs and crores
("1,25,000" is 125000) and the ten thousands of Chinese, Japanese and Korean ("1万2500" is
12500, "12만 5천" is 125000, "3億" is 300000000), so that a translation which writes a count
the way its readers count keeps the source's number.
"""

import re
from decimal import Decimal

# Indian grouping: the last three digits, then pairs ("1,25,000", "१,२५,०००", "1,00,00,000").
_LAKHS = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d]|[.,]\d)")
# Digits with a unit of ten thousand or more, then smaller units and the rest ("1万2千500人",
# "12.5万人").
# A digit right before the unit: Korean "만" after a space is "only" ("2명 만"), no unit.
_UNITS = {"億": 10**8, "亿": 10**8, "억": 10**8, "万": 10**4, "萬": 10**4, "만": 10**4,
          "千": 10**3, "천": 10**3}  # fmt: skip
_LARGE = "億亿억万萬만"
_COUNTED = re.compile(
    rf"(?<![\d.,])\d+(?:\.\d+)?[{_LARGE}](?:\s?\d+[{_LARGE}千천])*(?:\s?\d{{1,4}}(?![\d.,:]))?"
)
_PART = re.compile(rf"(\d+(?:\.\d+)?)([{_LARGE}千천]?)")


def with_plain_groups(text: str) -> str:
    """`text` with its lakh-grouped numbers and its numbers counted in ten thousands written
    as plain digits."""
    text = _LAKHS.sub(lambda match: match.group(0).replace(",", ""), text)
    return _COUNTED.sub(_counted_value, text)


def _counted_value(match: re.Match) -> str:
    total = Decimal(0)
    for digits, unit in _PART.findall(match.group(0)):
        total += Decimal(digits) * _UNITS.get(unit, 1)
    return str(int(total))
