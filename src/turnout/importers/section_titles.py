"""Section titles: the headings that announce a page's parts ("Locations", "Pers", "Waarom?").

Keyed by language like the other tables of words (`vocabulary.py`), and read the same way: all
languages at once, the page's own first, on folded whole words.
"""

import re
from enum import StrEnum
from functools import lru_cache

from .vocabulary import any_phrase, fold, phrases, words_only


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

# Words that also begin a place's formal name: "Kota" (Indonesian "city") heads a list of
# cities, but "Kota Bandung" is the city of Bandung.
NAME_PREFIXES = frozenset({"kota"})


# "Contact" names the organizers' contacts only as the whole heading ("Contact US Congress"
# is a call to action).
WHOLE_HEADING_ONLY = frozenset({SectionKind.CONTACT})


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
    if any(re.search(rf"\b{p}\b(?![ ]\w)", folded) for p in anywhere if p in NAME_PREFIXES):
        return True
    anywhere = tuple(p for p in anywhere if p not in NAME_PREFIXES)
    return any_phrase(anywhere).search(folded) is not None


@lru_cache(maxsize=256)
def _leading_and_anywhere(table_phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A table's phrases that name a heading only at its start, and the others."""
    return (
        tuple(p for p in table_phrases if p in LEADING_ONLY),
        tuple(p for p in table_phrases if p not in LEADING_ONLY),
    )
