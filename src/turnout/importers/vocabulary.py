"""The few words per language that locale data does not hold: section titles, "to be announced".

Month and weekday names and country names come from CLDR through Babel (see `dates.py` and
`countries.py`); this module holds only what CLDR has no notion of. Every table is keyed by
language, and a page is read with all of them at once (its own language first), so a Dutch
page with an English "Press" heading still reads. Phrases are matched on whole words of text
that is lower-cased and stripped of accents (see `fold`).
"""

import re
import unicodedata
from enum import StrEnum
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
    """Lower case without accents or surplus spaces: "Où ?" and "ou" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip()


class SectionKind(StrEnum):
    NARRATIVE = "narrative"
    CORE_MESSAGES = "core_messages"
    DEMANDS = "demands"
    PRESS = "press"
    PRESS_RELEASE = "press_release"
    GALLERY = "gallery"
    CONTACT = "contact"
    LOCATIONS = "locations"


# Checked in this order; a heading may name two kinds ("Narrative & core messages").
SECTION_TITLES: dict[SectionKind, dict[str, tuple[str, ...]]] = {
    SectionKind.PRESS_RELEASE: {
        "en": ("press release", "media release", "news release"),
        "nl": ("persbericht",),
        "de": ("pressemitteilung", "pressemeldung"),
        "fr": ("communique de presse", "communique"),
        "es": ("comunicado de prensa", "nota de prensa"),
        "it": ("comunicato stampa",),
        "pt": ("comunicado de imprensa", "press release"),
        "ca": ("comunicat de premsa", "nota de premsa"),
        "sv": ("pressmeddelande",),
    },
    SectionKind.CORE_MESSAGES: {
        "en": ("core messages", "key messages", "core message", "talking points"),
        "nl": ("kernboodschappen", "kernboodschap", "boodschappen"),
        "de": ("kernbotschaften", "kernbotschaft", "botschaften"),
        "fr": ("messages cles", "message cle", "messages principaux"),
        "es": ("mensajes clave", "mensajes principales"),
        "it": ("messaggi chiave", "messaggi principali"),
        "pt": ("mensagens principais", "mensagens-chave"),
        "ca": ("missatges clau", "missatges principals"),
        "sv": ("nyckelbudskap", "budskap"),
    },
    SectionKind.NARRATIVE: {
        "en": (
            "narrative",
            "why we protest",
            "why we are protesting",
            "why",
            "background",
            "about the protest",
            "the story",
        ),
        "nl": ("verhaal", "narratief", "waarom", "achtergrond", "over het protest"),
        "de": ("narrativ", "erzahlung", "warum", "hintergrund", "uber den protest"),
        "fr": ("recit", "pourquoi", "contexte", "le recit"),
        "es": ("narrativa", "relato", "por que", "porque", "contexto"),
        "it": ("narrativa", "racconto", "perche", "contesto"),
        "pt": ("narrativa", "por que", "porque", "contexto"),
        "ca": ("relat", "per que", "context"),
        "sv": ("varfor", "bakgrund"),
    },
    SectionKind.DEMANDS: {
        "en": ("what we ask", "our demands", "demands", "what we want", "we demand"),
        "nl": ("wat we vragen", "wat wij vragen", "onze eisen", "eisen", "wat we willen"),
        "de": ("was wir fordern", "unsere forderungen", "forderungen", "was wir wollen"),
        "fr": ("ce que nous demandons", "nos revendications", "revendications", "nos demandes"),
        "es": ("lo que pedimos", "nuestras demandas", "demandas", "exigencias"),
        "it": ("cosa chiediamo", "le nostre richieste", "richieste", "rivendicazioni"),
        "pt": ("o que pedimos", "nossas exigencias", "exigencias", "reivindicacoes"),
        "ca": ("que demanem", "les nostres demandes", "demandes", "reivindicacions"),
        "sv": ("vad vi kraver", "vara krav", "krav"),
    },
    SectionKind.PRESS: {
        "en": (
            "press coverage",
            "media coverage",
            "coverage",
            "press",
            "in the media",
            "media",
            "in the news",
            "news coverage",
        ),
        "nl": (
            "in de media",
            "media-aandacht",
            "media aandacht",
            "pers",
            "media",
            "berichtgeving",
            "in het nieuws",
        ),
        "de": (
            "presse",
            "medienberichte",
            "in den medien",
            "medien",
            "berichterstattung",
            "presseschau",
        ),
        "fr": ("dans les medias", "presse", "medias", "revue de presse", "couverture mediatique"),
        "es": ("en los medios", "prensa", "medios", "cobertura"),
        "it": ("rassegna stampa", "stampa", "nei media", "media", "copertura"),
        "pt": ("na imprensa", "imprensa", "midia", "media", "cobertura"),
        "ca": ("premsa", "als mitjans", "mitjans"),
        "sv": ("press", "i media", "media", "pressbevakning"),
    },
    SectionKind.GALLERY: {
        "en": ("photos", "pictures", "videos", "twitter", "social media", "gallery"),
        "nl": ("foto's", "fotos", "beelden", "video's", "sociale media"),
        "de": ("fotos", "bilder", "videos", "soziale medien", "galerie"),
        "fr": ("photos", "images", "videos", "reseaux sociaux", "galerie"),
        "es": ("fotos", "imagenes", "videos", "redes sociales", "galeria"),
        "it": ("foto", "immagini", "video", "social", "galleria"),
        "pt": ("fotos", "imagens", "videos", "redes sociais", "galeria"),
        "ca": ("fotos", "imatges", "videos", "xarxes socials", "galeria"),
        "sv": ("foton", "bilder", "videor", "sociala medier", "galleri"),
    },
    SectionKind.CONTACT: {
        "en": (
            "contact",
            "contact the organizers",
            "contact the organisers",
            "organizers",
            "organisers",
        ),
        "nl": ("contact", "organisatoren", "organisatie"),
        "de": ("kontakt", "organisatoren", "veranstalter"),
        "fr": ("contact", "organisateurs"),
        "es": ("contacto", "organizadores"),
        "it": ("contatto", "contatti", "organizzatori"),
        "pt": ("contato", "contacto", "organizadores"),
        "ca": ("contacte", "organitzadors"),
        "sv": ("kontakt", "arrangorer"),
    },
    SectionKind.LOCATIONS: {
        "en": (
            "locations",
            "cities",
            "where",
            "events",
            "local events",
            "protests",
            "when where",
            "when and where",
            "where and when",
            "time and place",
            "date and location",
            "details",
            "practical information",
            "upcoming",
            "coming up",
            "stops",
            "tour dates",
            "where to find us",
            "find a protest",
            "near you",
            "meeting points",
            "meeting point",
            "where to meet",
        ),
        "nl": (
            "locaties",
            "steden",
            "waar",
            "evenementen",
            "acties",
            "wanneer en waar",
            "waar en wanneer",
            "tijd en plaats",
            "praktische informatie",
            "praktisch",
            "verzamelpunten",
        ),
        "de": (
            "orte",
            "stadte",
            "wo",
            "veranstaltungen",
            "aktionen",
            "wann und wo",
            "wo und wann",
            "zeit und ort",
            "termine",
            "termin",
            "infos",
            "treffpunkte",
            "treffpunkt",
        ),
        "fr": (
            "lieux",
            "villes",
            "ou",
            "evenements",
            "actions",
            "quand et ou",
            "date et lieu",
            "infos pratiques",
            "informations pratiques",
            "rassemblements",
            "points de rendez-vous",
        ),
        "es": (
            "lugares",
            "ciudades",
            "donde",
            "eventos",
            "acciones",
            "cuando y donde",
            "fecha y lugar",
            "informacion practica",
            "convocatorias",
            "puntos de encuentro",
        ),
        "it": ("luoghi", "citta", "dove", "eventi", "azioni", "quando e dove", "data e luogo"),
        "pt": (
            "locais",
            "cidades",
            "onde",
            "eventos",
            "acoes",
            "quando e onde",
            "data e local",
            "pontos de encontro",
        ),
        "ca": (
            "llocs",
            "ciutats",
            "accions",
            "quan i on",
            "data i lloc",
            "convocatories",
            "informacio practica",
            "on ens trobem",
            "punts de trobada",
        ),
        "sv": (
            "platser",
            "stader",
            "var",
            "evenemang",
            "aktioner",
            "nar och var",
            "tid och plats",
            "manifestationer",
            "protester",
        ),
        "pl": (
            "miasta",
            "miejsca",
            "lokalizacje",
            "wydarzenia",
            "protesty",
            "akcje",
            "kiedy i gdzie",
            "gdzie i kiedy",
            "data i miejsce",
        ),
        "ja": ("場所", "開催地", "会場", "日時と場所", "開催場所", "各地のアクション"),
        "ro": ("orase", "unde", "locatii", "puncte de intalnire", "unde si cand"),
        "cs": ("mesta", "mista", "kde", "kde a kdy"),
        "da": ("byer", "steder", "hvor", "hvor og hvornar", "modesteder"),
        "id": ("titik aksi", "lokasi", "kota", "tempat dan waktu"),
        "vi": ("dia diem", "cac thanh pho"),
        "he": ("איפה ומתי", "מקומות", "ערים"),
        "fa": ("شهرها", "مکان‌ها", "زمان و مکان"),
        "hi": ("कहाँ और कब", "स्थान", "शहर"),
        "th": ("จุดนัดพบ", "สถานที่", "จังหวัด"),
        "sw": ("maeneo", "miji", "wapi"),
    },
}

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
    "en": ("meet at", "meet at the", "gather at", "gathering at", "meeting at"),
    "nl": ("verzamelen bij", "verzamelen op", "verzamelen aan"),
    "de": ("treffpunkt am", "treffpunkt an der", "wir treffen uns am", "wir treffen uns an der"),
    "vi": ("tap trung tai", "tap trung o", "gap nhau tai"),
    "id": ("berkumpul di", "titik kumpul di"),
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
    "sv": ("nar", "datum", "tid", "klockan"),
    "pl": ("kiedy", "data", "godzina", "czas"),
    "ja": ("日時", "日付", "時間"),
    "ro": ("cand", "data", "ora"),
    "cs": ("kdy", "datum", "cas"),
    "da": ("hvornar", "dato", "tid", "klokken"),
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

# Short question words name a section only when the heading starts with them: "Why at
# OpenAI?" is a narrative, "Where to stay" is not a list of places, "ou" (French "where",
# without its accent) is also "or".
LEADING_ONLY = frozenset(
    {
        "why",
        "waarom",
        "warum",
        "pourquoi",
        "por que",
        "porque",
        "perche",
        "where",
        "waar",
        "wo",
        "ou",
        "donde",
        "dove",
        "onde",
        "var",
    }
)

# "Contact" names the organizers' contacts only as the whole heading ("Contact US Congress"
# is a call to action).
WHOLE_HEADING_ONLY = frozenset({SectionKind.CONTACT})

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


def section_kinds(heading: str, language: str | None = None) -> list[SectionKind]:
    """What a heading announces; [] for a heading no table knows."""
    return list(_section_kinds(heading, language))


@lru_cache(maxsize=4096)  # a page's headings are asked about again by each part of the reading
def _section_kinds(heading: str, language: str | None) -> tuple[SectionKind, ...]:
    folded = fold(words_only(heading, keep="'/-"))
    # "When & Where" reads as "when and where": "&" and "+" stand for the word.
    spelled = [fold(re.sub(r"[&+]", f" {word} ", heading)) for word in _AND_WORDS]
    spelled = [fold(words_only(text, keep="'/-")) for text in spelled]
    kinds: list[SectionKind] = []
    for kind, table in SECTION_TITLES.items():
        for text in dict.fromkeys([folded, *spelled]):
            if _matches_heading(text, phrases(table, language), kind):
                kinds.append(kind)
                break
    if SectionKind.PRESS_RELEASE in kinds:
        return (SectionKind.PRESS_RELEASE,)
    if SectionKind.GALLERY in kinds and SectionKind.PRESS in kinds:
        kinds.remove(SectionKind.PRESS)  # "Social media" is posts, not coverage
    return tuple(kinds)


_AND_WORDS = ("and", "und", "en", "et", "y", "i", "e", "och")


def _matches_heading(folded: str, table_phrases: tuple[str, ...], kind: SectionKind) -> bool:
    if kind in WHOLE_HEADING_ONLY:
        return folded in table_phrases
    leading, anywhere = _leading_and_anywhere(table_phrases)
    if any(folded == p or folded.startswith(p + " ") for p in leading):
        return True
    return any_phrase(anywhere).search(folded) is not None


@lru_cache(maxsize=256)
def _leading_and_anywhere(table_phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A table's phrases that name a heading only at its start, and the others."""
    return (
        tuple(p for p in table_phrases if p in LEADING_ONLY),
        tuple(p for p in table_phrases if p not in LEADING_ONLY),
    )


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
