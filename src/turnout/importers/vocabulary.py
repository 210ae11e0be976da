"""The few words per language that locale data does not hold: "to be announced", "Where:".

Month and weekday names and country names come from CLDR through Babel (see `dates.py` and
`countries.py`); this module holds only what CLDR has no notion of. Every table is keyed by
language, and a page is read with all of them at once (its own language first), so a Dutch
page with an English "Press" heading still reads. Phrases are matched on whole words of text
that is lower-cased and stripped of accents (see `fold`).
"""

import re
import unicodedata
from functools import lru_cache

from .event_words import SIGNUP
from .label_words import WHEN_WORDS, WHERE_WORDS, with_words
from .tba_words import MORE_TO_BE_ANNOUNCED


def words_only(text: str, *, keep: str = "") -> str:
    """`text` with what is no word (nor in `keep`) as spaces; the marks Indic and Thai letters
    carry ("कहाँ", "ออนไลน์") are part of their words."""
    return "".join(
        c
        if c.isalnum() or c.isspace() or c in keep or c == "_" or unicodedata.category(c)[0] == "M"
        else " "
        for c in text
    )


def fold(text: str) -> str:
    """Lower case without accents or surplus spaces: "Où ?" and "ou" compare equal, and
    Vietnamese "Đăng ký" and "dang ky" (its stroked d is no accent to Unicode)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip()


# "Details to be announced" in a city bullet or next to a place.
TO_BE_ANNOUNCED: dict[str, tuple[str, ...]] = {
    "en": (
        "t.b.a.",
        "t.b.a",
        "tba",
        "tbd",
        "t.b.d.",
        "to be announced",
        "to be determined",
        "to be confirmed",
        "tbc",
        "details soon",
        "location soon",
        "exact location tbd",
    ),
    "nl": (
        "n.t.b.",
        "ntb",
        "nader te bepalen",
        "volgt nog",
        "volgt",
        "wordt nog bekendgemaakt",
        "binnenkort bekend",
        "nog niet bekend",
    ),
    "de": (
        "folgt",
        "wird noch bekannt gegeben",
        "wird bekanntgegeben",
        "noch offen",
        "noch nicht bekannt",
        "demnachst",
    ),
    "fr": ("a confirmer", "a venir", "a preciser", "a determiner", "bientot"),
    "es": (
        "por confirmar",
        "a confirmar",  # Argentina, Uruguay: "horario a confirmar"
        "pendiente de confirmar",
        "por anunciar",
        "por determinar",
        "proximamente",
    ),
    "it": ("da confermare", "da definire", "da annunciare", "in arrivo"),
    "pt": ("a confirmar", "a anunciar", "a definir", "em breve"),
    "ca": ("per confirmar", "per anunciar", "per determinar", "properament"),
    "sv": ("meddelas senare", "kommer snart", "ej bestamt"),
    "pl": (
        "do ustalenia",
        "do potwierdzenia",
        "wkrotce",
        "zostanie ogloszone",
        "zostanie podana",
        "szczegoly wkrotce",
    ),
    "cs": ("bude upresnen", "bude upresneno", "bude upresnena", "upresnime", "bude oznameno"),
    "da": ("kommer senere", "meldes ud senere", "annonceres senere"),
    "no": ("kommer senere", "kunngjøres senere", "annonseres senere", "ikke bestemt"),
    "ja": ("未定", "調整中", "近日公開"),
    "ko": ("미정", "추후 공지", "추후 안내"),
    **MORE_TO_BE_ANNOUNCED,
}

# A bullet or sentence asking readers to organize or coordinate (its chat link becomes the
# campaign's coordination link).
CALLS_TO_ORGANIZE: dict[str, tuple[str, ...]] = {
    "en": (
        "organize",
        "organise",
        "coordinate",
        "your country",
        "your city",
        "your area",
        "your town",
        "start a protest",
        "host a protest",
        "join our discord",
        "discuss on discord",
        "join the discord",
    ),
    "nl": (
        "organiseer",
        "organiseren",
        "coordineer",
        "coordineren",
        "jouw stad",
        "jouw land",
        "je eigen stad",
        "in je buurt",
        "jouw regio",
        "jouw buurt",
    ),
    "de": (
        "organisiere",
        "organisieren",
        "koordinier",
        "deine stadt",
        "dein land",
        "deiner nahe",
        "deiner region",
        "deinem ort",
    ),
    "fr": (
        "organise",
        "organiser",
        "coordonne",
        "coordonner",
        "ta ville",
        "votre ville",
        "ton pays",
        "votre pays",
        "votre region",
    ),
    "es": ("organiza", "organizar", "coordina", "coordinar", "tu ciudad", "tu pais", "tu zona"),
    "it": (
        "organizza",
        "organizzare",
        "coordina",
        "coordinare",
        "la tua citta",
        "il tuo paese",
        "tua zona",
    ),
    "pt": (
        "organize",
        "organizar",
        "grupo de organizacao",
        "coordene",
        "coordenar",
        "sua cidade",
        "seu pais",
        "sua regiao",
    ),
    "ca": ("organitza", "organitzar", "coordina", "coordinar", "la teva ciutat", "el teu pais"),
    "sv": ("organisera", "samordna", "din stad", "ditt land", "din ort"),
}

# "Where: ..." and "When: ..." labels at the start of a bullet.
WHERE_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("where", "location", "place", "venue", "address", "meeting point"),
    "nl": ("waar", "locatie", "plaats", "adres", "verzamelpunt", "verzamelplek", "verzamelen"),
    "de": ("wo", "ort", "treffpunkt", "adresse", "veranstaltungsort"),
    "fr": ("ou", "lieu", "adresse", "rendez-vous", "point de rendez-vous"),
    "es": ("donde", "lugar", "direccion", "punto de encuentro"),
    "it": ("dove", "luogo", "indirizzo"),
    "pt": ("onde", "local", "endereco"),
    "ca": ("on", "lloc", "adreca", "punt de trobada"),
    "sv": ("var", "plats", "adress", "motesplats"),
    "pl": ("gdzie", "miejsce", "adres", "miejsce zbiorki"),
    "ja": ("場所", "会場", "集合場所"),
    "ro": ("unde", "loc", "locul", "locatie", "adresa", "punct de intalnire"),
    "cs": ("kde", "misto", "adresa", "sraz"),
    "da": ("hvor", "sted", "mødested", "adresse"),
    "id": ("tempat", "lokasi", "titik kumpul", "alamat"),
    "vi": ("dia diem", "dia chi", "tap trung"),
    "he": ("איפה", "מקום", "מיקום", "נקודת מפגש"),
    "fa": ("کجا", "مکان", "محل", "محل تجمع"),
    "hi": ("कहाँ", "स्थान", "जगह"),
    "th": ("สถานที่", "จุดนัดพบ"),
    "sw": ("wapi", "mahali"),
}
WHERE_LABELS = with_words(WHERE_LABELS, WHERE_WORDS)
# Words that open a venue's words in a bullet ("Tập trung tại Vườn hoa Lý Thái Tổ", "gather
# at Parliament Square"): what follows them is the venue.
VENUE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        "meet at",
        "meet at the",
        "gather at",
        "gathering at",
        "meeting at",
        "at",
        "vigil at",
        "rally at",
        "we gather at",
        "we meet at",
        "we'll meet at",
        "we will gather at",
        "join us at",
    ),
    "nl": ("verzamelen bij", "verzamelen op", "verzamelen aan"),
    "de": ("treffpunkt am", "treffpunkt an der", "wir treffen uns am", "wir treffen uns an der"),
    "vi": ("tap trung tai", "tap trung o", "gap nhau tai"),
    "id": ("berkumpul di", "titik kumpul di"),
    "ro": ("ne adunam in", "ne adunam la", "ne intalnim in", "ne intalnim la"),
}
WHEN_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("when", "date", "time", "start", "starts"),
    "nl": ("wanneer", "datum", "tijd", "tijdstip", "aanvang", "start"),
    "de": ("wann", "datum", "zeit", "uhrzeit", "beginn"),
    "fr": ("quand", "date", "heure", "horaire", "debut"),
    "es": ("cuando", "fecha", "hora", "horario"),
    "it": ("quando", "data", "ora", "orario"),
    "pt": ("quando", "data", "hora", "horario"),
    "ca": ("quan", "data", "hora", "horari"),
    "sv": ("nar", "datum", "tid", "tidpunkt", "klockan"),
    "pl": ("kiedy", "data", "godzina", "czas"),
    "ja": ("日時", "日付", "時間"),
    "ro": ("cand", "data", "ora"),
    "cs": ("kdy", "datum", "cas"),
    "da": ("hvornar", "dato", "tid", "tidspunkt", "klokken"),
    "id": ("kapan", "tanggal", "waktu", "jam", "pukul"),
    "vi": ("thoi gian", "ngay", "gio"),
    "he": ("מתי", "תאריך", "שעה"),
    "fa": ("کی", "زمان", "تاریخ", "ساعت"),
    "hi": ("कब", "समय", "तारीख"),
    "th": ("วันที่", "เวลา"),
    "sw": ("lini", "tarehe", "saa"),
}
WHEN_LABELS = with_words(WHEN_LABELS, WHEN_WORDS)

# Words joining two days of a window ("20 to 22", "20 t/m 22", "20 bis 22") or two days of a
# list ("1st and 2nd"); dashes and slashes are handled in `dates.py`.
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("to", "until", "till", "through", "thru", "and"),
    "nl": ("tot", "t/m", "tot en met", "en"),
    "de": ("bis", "und"),
    "fr": ("au", "jusqu'au", "et"),
    "es": ("al", "a", "hasta", "y"),
    "it": ("al", "a", "fino al", "e"),
    "pt": ("a", "ate", "e"),
    "ca": ("al", "fins al", "i"),
    "sv": ("till", "och"),
}
# Words that may stand between a day and its month: "13th of May", "13 de mayo", "am 13.".
DATE_FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("of", "the", "on"),
    "nl": ("op", "van"),
    "de": ("am", "den", "vom"),
    "fr": ("le", "du"),
    "es": ("de", "del", "el"),
    "it": ("il", "di", "del"),
    "pt": ("de", "do", "dia"),
    "ca": ("de", "del", "d'", "el", "dia"),
    "sv": ("den",),
}
# Articles before a country's name: "the Netherlands", "la France", "die Schweiz".
ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("the",),
    "nl": ("de", "het"),
    "de": ("die", "der", "das"),
    "fr": ("la", "le", "les", "l'"),
    "es": ("el", "la", "los", "las"),
    "it": ("il", "la", "lo", "l'", "gli", "le"),
    "pt": ("o", "a", "os", "as"),
    "ca": ("el", "la", "els", "les", "l'"),
    "sv": (),
}

# Every language a table of words knows, read on a page whose language is not guessed.
# Every language a table knows: a signup label ("Kayıt için") counts on a page whose language
# is not guessed, as a "Where:" label does.
TABLE_LANGUAGES = tuple(dict.fromkeys([*TO_BE_ANNOUNCED, *WHERE_LABELS, *WHEN_LABELS, *SIGNUP]))


def languages_in_order(language: str | None) -> tuple[str, ...]:
    """The languages whose tables are read: the page's own first, then all the others."""
    from django.conf import settings

    return _languages_in_order(language, tuple(code for code, _name in settings.LANGUAGES))


@lru_cache(maxsize=256)  # asked for every phrase table of every line of a page
def _languages_in_order(language: str | None, site_languages: tuple[str, ...]) -> tuple[str, ...]:
    ordered = [language.split("-")[0].lower()] if language else []
    for code in [*(code.split("-")[0] for code in site_languages), *TABLE_LANGUAGES]:
        if code not in ordered:
            ordered.append(code)
    return tuple(ordered)


def phrases(table: dict[str, tuple[str, ...]], language: str | None = None) -> tuple[str, ...]:
    """Every folded phrase of a table, the given language's first, longest first within each."""
    order = languages_in_order(language)
    # Folded once per table and order of languages: a long page asks thousands of times.
    key = (id(table), order)
    if (found := _PHRASES.get(key)) is None:
        if len(_PHRASES) >= _MAX_PHRASE_LISTS:
            _PHRASES.clear()  # only ever reached with made-up language codes
        folded = (fold(p) for code in order for p in sorted(table.get(code, ()), key=len)[::-1])
        found = _PHRASES[key] = tuple(dict.fromkeys(folded))
    return found


# The tables are module constants, so their ids are stable for the process's lifetime.
_PHRASES: dict[tuple[int, tuple[str, ...]], tuple[str, ...]] = {}
_MAX_PHRASE_LISTS = 4096


def contains_phrase(text: str, table: dict[str, tuple[str, ...]], language: str | None) -> bool:
    """Whether a phrase of the table occurs in `text` as whole words."""
    return any_phrase(phrases(table, language)).search(fold(text)) is not None


_ALTERNATIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


def any_phrase(table_phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "any of these phrases as whole words": a page's headings and lines are
    searched once each, not once per phrase of every language."""
    if (pattern := _ALTERNATIONS.get(table_phrases)) is None:
        if len(_ALTERNATIONS) >= _MAX_PHRASE_LISTS:
            _ALTERNATIONS.clear()
        # Japanese, Chinese and Korean run words together ("時間未定" is "time" + "to be
        # decided"): their phrases are found inside a run of letters too.
        words = "|".join(
            re.escape(p) if _is_written_without_spaces(p) else rf"(?<!\w){re.escape(p)}(?!\w)"
            for p in table_phrases
        )
        pattern = _ALTERNATIONS[table_phrases] = re.compile(rf"(?:{words or '(?!)'})")
    return pattern


def _is_written_without_spaces(phrase: str) -> bool:
    """Whether `phrase` is in kana, Han or Hangul (not Korean with spaces, which has them)."""
    return " " not in phrase and has_east_asian_letters(phrase)


def has_east_asian_letters(text: str) -> bool:
    """Whether `text` has a letter of kana, Han or Hangul (U+3040 to U+D7AF)."""
    return any("\u3040" <= c <= "\ud7af" for c in text)
