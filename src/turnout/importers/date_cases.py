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
    # Latvian dates its day in the locative ("12. jūnijā", "on 12 June").
    "lv": {
        "janvārī": 1,
        "februārī": 2,
        "martā": 3,
        "aprīlī": 4,
        "maijā": 5,
        "jūnijā": 6,
        "jūlijā": 7,
        "augustā": 8,
        "septembrī": 9,
        "oktobrī": 10,
        "novembrī": 11,
        "decembrī": 12,
    },
    # Basque in the genitive before its day ("ekainaren 12an", "the 12th of June").
    "eu": {
        "urtarrilaren": 1,
        "otsailaren": 2,
        "martxoaren": 3,
        "apirilaren": 4,
        "maiatzaren": 5,
        "ekainaren": 6,
        "uztailaren": 7,
        "abuztuaren": 8,
        "irailaren": 9,
        "urriaren": 10,
        "azaroaren": 11,
        "abenduaren": 12,
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

# Weekdays in two letters, as calendars and posters write them before a date ("Sa., 14. Juni",
# "za 14 juni", "la 14.6."). Each is also a common word ("so", "do", "ma"), so it counts as a
# weekday only beside a date (`city_place_words`), never on its own.
SHORT_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "de": ("mo", "di", "mi", "do", "fr", "sa", "so"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "da": ("ma", "ti", "on", "to", "fr", "lø", "sø"),
    "no": ("ma", "ti", "on", "to", "fr", "lø", "sø"),
    "sv": ("må", "ti", "on", "to", "fr", "lö", "sö"),
    "cs": ("po", "út", "st", "čt", "pá", "so", "ne"),
    "sk": ("po", "ut", "st", "št", "pi", "so", "ne"),
    "pl": ("pn", "wt", "śr", "cz", "pt", "sb", "nd"),
}
