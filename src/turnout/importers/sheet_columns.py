"""What a column of a movement's own spreadsheet means, whatever language its header is in.

Sheets kept by hand name their columns as the team speaks: "Stad", "Datum", "Aanmeldlink",
"Uhrzeit", "Lien d'inscription", "Sign-up link (Facebook/lu.ma)". A header is compared
without case, accents, punctuation or a note in brackets, first as the documented name
(README, "CSV"), then as one of the names below.
"""

import re
import unicodedata

from .sheet_header_words import MORE_EVENT_HEADERS
from .sheet_questions import question_column

# Latin letters NFKD leaves whole, compared as the letter they are written for.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ı": "i", "ħ": "h"})


def header_key(header: str) -> str:
    """A header as compared: "Sign-up link (Facebook / lu.ma)" -> "sign_up_link",
    "Ώρα έναρξης" -> "ωρα_εναρξης"; letters of every script are kept, their marks dropped."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]|（[^）]*）", " ", header or "")
    # Folded after compatibility forms are split too: "🄰" is an "A" before it is an "a".
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    return re.sub(r"[\W_]+", "_", text.translate(_PLAIN_LETTERS)).strip("_")


# The documented name, then what people call that column in the languages Turnout's movements
# write (en, nl, de, fr, es, it, pl, pt), in the compared form (`header_key`).
EVENT_ALIASES: dict[str, tuple[str, ...]] = {
    "campaign": ("campaign_slug", "campagne", "kampagne", "campana", "campagna", "kampania"),
    "title": (
        "event",
        "event_title",
        "event_name",
        "name",
        "titel",
        "naam",
        "evenement",
        "veranstaltung",
        "titre",
        "nom",
        "titulo",
        "evento",
        "nombre",
        "titolo",
        "nome",
        "tytul",
        "nazwa",
        "wydarzenie",
        "actie",
    ),
    "city": (
        "town",
        "venue_city",
        "event_city",
        "city_town",
        "location_city",
        "stad",
        "plaats",
        "woonplaats",
        "gemeente",
        "stadt",
        "ort",
        "ville",
        "commune",
        "ciudad",
        "localidad",
        "citta",
        "comune",
        "miasto",
        "miejscowosc",
        "cidade",
    ),
    "country": (
        "nation",
        "venue_country",
        "event_country",
        "land",
        "staat",
        "pays",
        "pais",
        "paese",
        "nazione",
        "kraj",
    ),  # fmt: skip
    "date": (
        "day",
        "start_date",
        "event_start_date",
        "starts_on",
        "event_date",
        "datum",
        "dag",
        "tag",
        "jour",
        "fecha",
        "dia",
        "data",
        "giorno",
        "dzien",
        "when",
        "date_time",
        "date_and_time",
        "datum_tijd",
        "datum_en_tijd",
        "datum_uhrzeit",
        "datum_und_uhrzeit",
        "date_et_heure",
        "fecha_y_hora",
        "data_e_ora",
        "data_i_godzina",
        "wanneer",
        "wann",
        "quand",
        "cuando",
        "quando",
        "kiedy",
    ),
    "start_time": (
        "time",
        "event_start_time",
        "start",
        "starts",
        "starts_at",
        "begins",
        "begin",
        "from",
        "local_time",
        "time_local",
        "tijd",
        "starttijd",
        "aanvang",
        "begintijd",
        "uhrzeit",
        "zeit",
        "beginn",
        "heure",
        "horaire",
        "heure_de_debut",
        "debut",
        "hora",
        "hora_de_inicio",
        "inicio",
        "ora",
        "orario",
        "ora_di_inizio",
        "inizio",
        "godzina",
        "czas",
        "poczatek",
        "horario",
    ),
    "end_time": (
        "end",
        "event_end_time",
        "ends",
        "ends_at",
        "until",
        "to",
        "finish",
        "eindtijd",
        "einde",
        "eind",
        "tot",
        "ende",
        "endzeit",
        "bis",
        "heure_de_fin",
        "fin",
        "hora_de_fin",
        "hora_fin",
        "ora_di_fine",
        "fine",
        "koniec",
        "godzina_zakonczenia",
    ),
    "timezone": (
        "time_zone",
        "tz",
        "zone",
        "tijdzone",
        "zeitzone",
        "fuseau_horaire",
        "zona_horaria",
        "fuso_orario",
        "strefa_czasowa",
    ),  # fmt: skip
    "venue": (
        "location",
        "venue_name",
        "location_name",
        "place",
        "meeting_point",
        "where",
        "locatie",
        "plek",
        "verzamelpunt",
        "treffpunkt",
        "veranstaltungsort",
        "lieu",
        "lieu_de_rendez_vous",
        "lugar",
        "punto_de_encuentro",
        "luogo",
        "punto_di_ritrovo",
        "miejsce",
        "miejsce_zbiorki",
        "local",
    ),
    "address": (
        "street_address",
        "venue_address",
        "address_1",
        "adres",
        "adresse",
        "anschrift",
        "direccion",
        "indirizzo",
        "endereco",
    ),  # fmt: skip
    "signup_url": (
        "signup",
        "event_url",
        "browser_url",  # Mobilize
        "enlace_de_inscripcion",
        "enlace_inscripcion",
        "link_de_inscricao",
        "link_do_zapisow",
        "link_zapisow",
        "link_zur_anmeldung",
        "link_de_inscripcion",
        "sign_up",
        "signup_link",
        "sign_up_link",
        "registration",
        "registration_link",
        "register",
        "rsvp",
        "rsvp_link",
        "event_link",
        "link",
        "url",
        "tickets",
        "facebook_event",
        "aanmelden",
        "aanmeldlink",
        "aanmelding",
        "inschrijven",
        "anmeldung",
        "anmeldelink",
        "inscription",
        "lien",
        "lien_d_inscription",
        "inscripcion",
        "enlace",
        "iscrizione",
        "link_iscrizione",
        "zapisy",
        "rejestracja",
        "inscricao",
    ),
    # "State" is a region in the sheets that have one ("CA", "Bavaria"): see MORE_EVENT_HEADERS.
    "status": (
        "etat",
        "estado",
        "stato",
        "status_of_event",
        "event_status",
        "situacao",
        "durum",
        "stav",
        "ステータス",
        "状態",
    ),
    "description": (
        "details",
        "notes",
        "info",
        "about",
        "beschrijving",
        "omschrijving",
        "toelichting",
        "beschreibung",
        "descripcion",
        "opmerkingen",
        "bemerkungen",
        "remarques",
        "observaciones",
        "note",
        "uwagi",
        "descrizione",
        "opis",
        "descricao",
    ),
    "capacity": (
        "places",
        "spots",
        "max",
        "max_people",
        "capaciteit",
        "plaatsen",
        "kapazitat",
        "platze",
        "capacite",
        "capacidad",
        "plazas",
        "capienza",
        "posti",
        "miejsca",
        "pojemnosc",
    ),  # fmt: skip
    "visibility": ("privacy", "access"),  # and in more languages: sheet_header_words
    "latitude": ("lat", "breedtegraad", "breitengrad"),
    "longitude": ("lon", "lng", "long", "lengtegraad", "langengrad"),
}

for _column, _words in MORE_EVENT_HEADERS.items():
    EVENT_ALIASES[_column] = (*EVENT_ALIASES.get(_column, ()), *map(header_key, _words))


def column_for(
    header: str, columns: tuple[str, ...], aliases: dict[str, tuple[str, ...]], *, questions=True
):
    """The documented column `header` names, or None when it names none of them. A header
    naming alternatives ("Location / meeting point") is the first of them that is known; with
    `questions`, a header that is a form's question is read by its words (`sheet_questions`)."""
    for part in (header, *re.split(r"[/|]", header)):
        key = header_key(part)
        if key in columns:
            return key
        for column, names in aliases.items():
            if column in columns and key in names:
                return column
    return question_column(header_key(header), columns, aliases) if questions else None
