"""The units of measure a translation keeps: "5 km" answered "5 miles" (or "3 miles") keeps a
number that looks right, or loses one that `figures` names, but only the unit says that the
distance, the temperature or the weight was converted or mislabelled. Japanese "キロ" alone
is a kilometre or a kilogram: it is the one the source measures in, or the one that its
rival (miles, pounds) was converted to.

Units are read after a number, in many languages and scripts; a unit is said to have changed
only where the answer has one the source lacks and the source has its rival (kilometres for
miles, Celsius for Fahrenheit, kilograms for pounds): a "5K run" answered "5 km" adds a unit
faithfully.
"""

import re

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

# Each kind of unit and how languages write it after a number. A form that another word
# starts with ("мили" in "милиона", "mil" in Spanish "5 mil personas") must end the word.
_UNITS: dict[str, tuple[str, ...]] = {
    "km": (
        r"km(?!\w)", r"kilom[eé]t\w*", r"kilómetr\w*", r"км(?!\w)", r"километ\w*",
        r"кілометр\w*", r"კმ", r"კილომეტრ\w*", r"կմ", r"կիլոմետր\w*", r"ק[״\"']מ",
        r"קילומטר\w*", r"کلومیٹر", r"کیلومتر", r"كم(?!\w)", r"كيلومتر\w*", r"கி\.?\s?மீ",
        r"கிலோமீட்டர்", r"キロメートル", r"公里", r"千米", r"킬로미터", r"กม\.", r"กิโลเมตร", r"किमी",
        r"किलोमीटर", r"χλμ", r"χιλιόμετρ\w*",
    ),
    "miles": (
        r"mi(?!\w)", r"miles?(?!\w)", r"miil\w*", r"jūdz\w*", r"myli\w*", r"mylių",
        r"milj(?:a|e|i|u|ama)?(?!\w)", r"meilen?(?!\w)", r"mijl(?:en)?(?!\w)", r"milles(?!\w)",
        r"millas?(?!\w)", r"migli[ao](?!\w)", r"milhas?(?!\w)", r"maili[a]?(?!\w)",
        r"mérföld\w*", r"мил[ьяиі](?!\w)", r"миль(?!\w)", r"миљ[аеи]?(?!\w)", r"милј[аи](?!\w)",
        r"μίλι[α]?(?!\w)", r"მილ(?:ი|ის|ს|ით)?(?!\w)", r"մղոն\w*", r"מייל(?:ים)?(?!\w)",
        r"ميل(?!\w)", r"أميال", r"مایل", r"میل(?!\w)", r"मील", r"மைல்", r"マイル", r"英里",
        r"마일", r"ไมล์", r"dặm",
    ),
    "°C": (r"°\s?C(?!\w)", r"℃", r"celsi\w*", r"цельси\w*", r"целзи\w*"),
    "°F": (r"°\s?F(?!\w)", r"℉", r"fahrenheit\w*", r"фаренгейт\w*"),
    "kg": (r"kg(?!\w)", r"кг(?!\w)", r"kilogram\w*", r"килограм\w*", r"公斤", r"千克",
           r"キログラム", r"킬로그램"),
    "lb": (r"lbs?(?!\w)", r"pounds?(?!\w)", r"pfund(?!\w)", r"фунт\w*", r"ポンド", r"磅",
           r"파운드"),
    # Japanese and Korean "kilo" alone, which is a kilometre or a kilogram as the text goes.
    "kilo": (r"キロ(?!メートル|グラム)", r"킬로(?!미터|그램)"),
}  # fmt: skip
_RIVALS = {"km": "miles", "miles": "km", "°C": "°F", "°F": "°C", "kg": "lb", "lb": "kg"}
_KILO = ("km", "kg")
# Right after a number's last digit, or one space or hyphen later: looked back on from the
# unit, so that a long run of numbers is read in linear time.
_AFTER_NUMBER = r"(?:(?<=\d)|(?<=\d[\s\u00a0\u202f-]))"
_MEASURES = {
    kind: re.compile(_AFTER_NUMBER + "(?:" + "|".join(forms) + ")", re.IGNORECASE)
    for kind, forms in _UNITS.items()
}


def units_in(text: str) -> set[str]:
    """The kinds of unit `text` writes after a number."""
    plain = PLACEHOLDER.sub(" ", text)
    return {kind for kind, measure in _MEASURES.items() if measure.search(plain)}


def unit_problems(source: str, translated: str) -> list[Problem]:
    """A unit the answer writes where the source writes its rival: converted or mislabelled."""
    expected, found = units_in(source), units_in(translated)
    if "kilo" in found:  # the kilo the source measures in, or the one its rival converts to
        found = found - {"kilo"} | {
            kind
            for kind in _KILO
            if kind in expected or (_RIVALS[kind] in expected and _RIVALS[kind] not in found)
        }
    changed = sorted(
        (_RIVALS[kind], kind)
        for kind in found - expected
        if _RIVALS[kind] in expected and _RIVALS[kind] not in found
    )
    if not changed:
        return []
    said = ", ".join(f"{unit} ({was})" for was, unit in changed)
    return [
        Problem(
            "units",
            _(
                "The translation measures in other units than the source (%(units)s, where "
                "the source has what is in brackets): a distance, temperature or weight was "
                "converted or mislabelled."
            )
            % {"units": said},
            f"Your answer uses other units than the text ({said}, where the text has what is "
            f"in brackets). Keep every number with the unit of the text; convert nothing.",
        )
    ]
