"""Month and weekday names in the grammatical case a language dates with, where CLDR gives
only the nominative: Estonian "15. mail", "12. juunil", "laupäeval" (adessive: "in May", "on
Saturday"). Read by `date_names` beside CLDR's tables.
"""

MONTHS_IN_CASE: dict[str, dict[str, int]] = {
    "et": {
        "jaanuaril": 1,
        "veebruaril": 2,
        "märtsil": 3,
        "aprillil": 4,
        "mail": 5,
        "juunil": 6,
        "juulil": 7,
        "augustil": 8,
        "septembril": 9,
        "oktoobril": 10,
        "novembril": 11,
        "detsembril": 12,
    },
}
WEEKDAYS_IN_CASE: dict[str, dict[str, int]] = {
    "et": {
        "esmaspäeval": 0,
        "teisipäeval": 1,
        "kolmapäeval": 2,
        "neljapäeval": 3,
        "reedel": 4,
        "laupäeval": 5,
        "pühapäeval": 6,
    },
}
# Forms that are words of other languages ("mail"): read only on a page in their own.
ONLY_IN_THEIR_LANGUAGE = frozenset({"mail"})
