"""The time zone a translation must keep: "14:00 CET" answered "14:00 EST" or "14:00" keeps
every number, so `figures` and `moments` cannot see it.

A zone is named by its abbreviation (CET, EST, UTC) or, in the answer's language, by the short
or long name CLDR gives its metazone (German "MEZ", Russian "центральноевропейское время",
through Babel). The answer may keep the source's abbreviation or write its own language's
name; a long name is matched by the start of its longest word, as languages decline it
("по центральноевропейскому времени"). An abbreviation of another zone, or none where the
source names one, was changed.
"""

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import gettext as _

from .languages import base, written_words
from .problems import Problem

# Abbreviations in use, with the CLDR metazone each means. "CST" (China and Central US),
# "IST" (India, Ireland, Israel) and two-letter ones ("PT", "ET") are read in their most common
# sense only where nothing else is meant; UTC and GMT are one zone.
_METAZONES = {
    "CET": "Europe_Central", "CEST": "Europe_Central", "MEZ": "Europe_Central",
    "MESZ": "Europe_Central", "EET": "Europe_Eastern", "EEST": "Europe_Eastern",
    "WET": "Europe_Western", "WEST": "Europe_Western", "GMT": "GMT", "UTC": "GMT",
    "BST": "GMT", "EST": "America_Eastern", "EDT": "America_Eastern",
    "CST": "America_Central", "CDT": "America_Central", "MST": "America_Mountain",
    "MDT": "America_Mountain", "PST": "America_Pacific", "PDT": "America_Pacific",
    "JST": "Japan", "KST": "Korea", "IST": "India", "AEST": "Australia_Eastern",
    "AEDT": "Australia_Eastern", "MSK": "Moscow", "HKT": "Hong_Kong", "SGT": "Singapore",
}  # fmt: skip
_ABBREVIATION = re.compile(r"(?<![\w])[A-Z]{3,4}(?![\w])")
# Letters of a long name's longest word that must start a word of the answer.
_STEM = 5
_UNSPACED = frozenset({"ja", "zh", "th", "lo", "km", "my"})
# Characters of every Chinese or Japanese zone's name ("time", "standard", "summer").
_TIME_CHARACTERS = frozenset("时時间間标標準准夏令冬季")


def zones_named(text: str, language: str) -> set[str]:
    """The metazones `text` names by an abbreviation: the common ones and its language's."""
    own = _short_names(language)
    return {
        zone
        for abbreviation in _ABBREVIATION.findall(text)
        if (zone := _METAZONES.get(abbreviation) or own.get(abbreviation))
    }


def zone_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    """Why the answer's time zone is not the source's; both texts with placeholders."""
    expected = zones_named(source, source_language)
    if not expected:
        return []
    found = zones_named(translated, language) | zones_named(translated, source_language)
    if found - expected - zones_named(source, language):
        shown = ", ".join(
            sorted(set(_ABBREVIATION.findall(translated)) - set(_ABBREVIATION.findall(source)))
        )
        return [
            Problem(
                "time_zone",
                _("The translation names another time zone (%(zones)s) than the source.")
                % {"zones": shown},
                f"Your answer names another time zone ({shown}) than the text. Keep the time "
                f"zone of the text, converting nothing.",
            )
        ]
    if found & expected or all(
        _said_in_words(zone, translated, language) for zone in expected - found
    ):
        return []
    return [
        Problem(
            "time_zone",
            _("The source names a time zone that the translation leaves out."),
            "Your answer leaves out the time zone of the text. Keep it (CET, UTC, ...) with "
            "the time.",
        )
    ]


def _said_in_words(zone: str, translated: str, language: str) -> bool:
    """The zone's long name in the answer's language, however declined or reordered."""
    plain = translated.casefold().replace("’", "'")
    answer_words = re.split(r"['’\s-]+", " ".join(written_words(plain)))
    for name in _long_names(language).get(zone, ()):
        if base(language) in _UNSPACED:
            # "中欧时间" is also written "欧洲中部时间": two of its own characters are enough.
            if len((set(name) - _TIME_CHARACTERS) & set(plain)) >= 2:
                return True
            continue
        parts = re.split(r"['’-]", " ".join(written_words(name.casefold())))
        longest = max((w for part in parts for w in part.split()), key=len, default="")
        if base(language) == "ko":  # "중부유럽 시간" and "유럽 중부 시간" alike
            if len(set(longest) & set(plain)) >= min(len(longest), 3):
                return True
            continue
        stem = longest[:_STEM]
        if stem and any(word.startswith(stem) for word in answer_words):
            return True
    return False


@cache
def _short_names(language: str) -> dict[str, str]:
    """Abbreviation -> metazone in `language` ("MEZ" in German, "HNE" in French)."""
    names: dict[str, str] = {}
    for zone, forms in _meta_zones(language).items():
        for short in dict(forms.get("short", {})).values():
            if short and _ABBREVIATION.fullmatch(short):
                names.setdefault(short, zone)
    return names


@cache
def _long_names(language: str) -> dict[str, tuple[str, ...]]:
    return {
        zone: tuple(dict(forms.get("long", {})).values())
        for zone, forms in _meta_zones(language).items()
    }


def _meta_zones(language: str) -> dict:
    """CLDR's zone names in `language`, its script and region kept ("zh-TW" writes "中歐")."""
    for code in (language.replace("-", "_"), base(language)):
        try:
            return dict(Locale.parse(code or "en").meta_zones)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return {}
