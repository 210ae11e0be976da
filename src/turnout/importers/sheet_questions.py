"""Columns headed by a question, as a form's answers sheet is: Google Forms, Microsoft Forms,
Typeform and Jotform export each question as its column's header ("Which city will your
protest be in?", "Date of the action", "Link where people can sign up").

A header of two words or more that is no column's name is read by the phrases and words in
it: first the longest run of its words that is a column's name ("meeting point" in "Meeting
point on the day"), then the words below, each of which names one column in a question. A
header whose words point at two columns ("City or place where you meet") names none, and a
question about the person who fills in the form ("Your e-mail address", "Your name") is none
of the event's.
"""

# fmt: off
# Words that, inside a question, name one column; compared in `sheet_columns.header_key` form.
# Generic words that are column names on their own ("name", "link", "to", "when", "where",
# "event", "local") are left out: in a sentence they say too little.
QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "city": ("city", "town", "stad", "plaats", "woonplaats", "stadt", "ville", "ciudad",
             "localidad", "citta", "cidade", "miescie", "miasto", "miejscowosci", "miejscowosc",
             "kaupunki", "sehir", "stade", "sehirde", "sehrin", "staden", "mesto", "meste",
             "kota", "kotamu"),
    "country": ("country", "land", "landen", "pays", "pais", "paese", "kraj", "kraju", "ulke",
                "maa", "zeme", "negara"),
    "date": ("date", "day", "datum", "dag", "tag", "jour", "fecha", "dia", "data", "giorno",
             "dzien", "dnia", "tarih", "paiva", "tarihi", "tanggal", "hari", "dagen"),
    "start_time": ("time", "start", "starts", "begin", "begins", "starting", "tijd", "aanvang",
                   "uhrzeit", "uhr", "beginn", "heure", "hora", "ora", "orario", "godzina",
                   "horario", "godzinie", "saat", "saatte", "begint", "laat", "beginnt", "commence",
                   "debute", "tid", "borjar", "cas", "zacatku", "zacina", "jam", "pukul", "mulai",
                   "baslar", "baslangic",
                   "empieza", "comienza", "inicia", "inizia", "comeca", "horas", "zaczyna"),
    "end_time": ("end", "ends", "finish", "finishes", "ending", "until", "eindtijd", "einde",
                 "endzeit", "ende", "bis", "fin", "fine", "fim", "koniec", "afgelopen", "eindigt",
                 "endet", "termine", "finit", "termina", "acaba", "finaliza", "finisce",
                 "konczy", "slutar", "slut", "konci", "konce", "selesai", "biter", "bitis"),
    "venue": ("venue", "location", "meeting", "meet", "gather", "treffpunkt", "verzamelpunt",
              "verzamelen", "locatie", "plek", "rendez", "wo", "treffen", "trefft", "lugar",
              "luogo", "ritrovo", "miejsce", "miejscu", "spot", "encontro", "encuentro", "zbiorki",
              "motesplats", "traffas", "misto", "setkani", "lokasi", "tempat", "kumpul",
              "bulusma", "bulusuyoruz"),
    "address": ("address", "adres", "adresse", "anschrift", "direccion", "indirizzo",
                "endereco"),
    "signup_url": ("signup", "sign", "register", "registration", "rsvp", "tickets", "aanmelden",
                   "aanmeldlink", "aanmelding", "inschrijven", "anmeldung", "anmelden",
                   "inscription", "inscrire", "inscripcion", "inscribirse", "iscrizione",
                   "iscriversi", "inscricao", "zapisy", "zapisac", "rejestracja"),
    "title": ("title", "titel", "titre", "titulo", "titolo", "tytul"),
    "description": ("description", "describe", "beschrijving", "beschreibung", "descripcion",
                    "descrizione", "descricao", "opis"),
    "capacity": ("capacity", "maximum", "capaciteit", "kapazitat", "capacite", "capacidad",
                 "capienza"),
}

NAMING_WORDS = frozenset(("name", "called", "naam", "heet", "heisst", "nom", "appelle", "nombre",
                          "llama", "nome", "chiama", "nazwa", "nazywa"))
START_WORDS = frozenset(("start", "starts", "begin", "begins", "starting", "aanvang", "beginn",
                         "begint", "beginnt", "commence", "empieza", "comienza", "inizia",
                         "comeca", "zaczyna"))
EVENT_WORDS = frozenset(("event", "action", "protest", "demonstration", "demo", "vigil", "march",
                         "evenement", "actie", "veranstaltung", "aktion", "evento", "accion",
                         "azione", "akcja", "acao", "manifestation"))

# Words of a question about the person filling in the form, not about the event.
PERSON_WORDS = frozenset((
    "your_name", "you_name", "full_name", "first_name", "last_name", "email", "e_mail", "mail",
    "phone", "telephone", "mobile", "telefoon", "telefon", "telefono", "pronouns", "age",
    "birthday", "postcode", "zip", "postal", "uw_naam", "je_naam", "jouw_naam", "ihr_name",
    "dein_name", "votre_nom", "ton_nom", "tu_nombre", "su_nombre", "il_tuo_nome", "twoje_imie",
))
# fmt: on

_COLUMN_OF_WORD = {word: column for column, words in QUESTION_WORDS.items() for word in words}
LONGEST_PHRASE = 5  # words; column names are never longer ("date et heure de debut")


def question_column(key: str, columns: tuple[str, ...], aliases: dict[str, tuple[str, ...]]):
    """The column a question header (in `header_key` form, two words or more) names, or None."""
    words = key.split("_")
    if len(words) < 2 or _about_the_person(words):
        return None
    names = {name: column for column, known in aliases.items() for name in known}
    names |= {column: column for column in columns}
    for size in range(min(len(words), LONGEST_PHRASE), 1, -1):
        found = {
            names[phrase]
            for start in range(len(words) - size + 1)
            if (phrase := "_".join(words[start : start + size])) in names
        } & set(columns)
        if found:
            return _one_column(found, words)
    found = {_COLUMN_OF_WORD[word] for word in words if word in _COLUMN_OF_WORD}
    if NAMING_WORDS & set(words) and EVENT_WORDS & set(words):
        found.add("title")  # "Name of your action"; a bare "name" is the person's
    return _one_column(found & set(columns), words)


def _one_column(found: set[str], words: list[str]) -> str | None:
    if found == {"end_time"} and START_WORDS & set(words):
        found = {"start_time", "end_time"}  # "Start and end time"
    if {"start_time", "end_time"} <= found:
        # "Start and end time" is a range read from one cell; "What time does it end?" the end.
        found -= {"end_time"} if START_WORDS & set(words) else {"start_time"}
    if found & {"start_time", "end_time"}:
        found -= {"venue"}  # "Meeting time", "Time to gather"
    if found == {"date", "start_time"}:
        return "date"  # "Day and time of the protest": one cell with both, as a date column has
    return found.pop() if len(found) == 1 else None


def _about_the_person(words: list[str]) -> bool:
    pairs = {"_".join(words[i : i + 2]) for i in range(len(words) - 1)}
    return bool(PERSON_WORDS & (set(words) | pairs))


# Columns a forms program adds beside the answers: Microsoft Forms ("ID", "Start time",
# "Completion time"), Typeform ("Start Date (UTC)", "Submit Date (UTC)"), Jotform and Google
# Forms ("Submission Date", "Timestamp"). Where one of the marks stands, a "Start time" or
# "Start date" column is when the form was begun, not when the event starts, and "Name" and
# "Email" are the person's who filled it in.
FORM_MARKS = frozenset((
    "completion_time", "last_modified_time", "submit_date", "submitted_at", "submission_date",
    "submission_id", "network_id",
))  # fmt: skip
FORM_FILLING = frozenset((
    "start_time", "start_date", "starttime", "start", "id", "email", "name", "timestamp",
    "respondent", "token", *FORM_MARKS,
))  # fmt: skip


# Google Forms heads its first column with when the answer came, in the form owner's language:
# never the event's time, though "Carimbo de data/hora" ends in "hora" and "Stempel waktu" in
# "waktu" (a time column's name in Portuguese and Indonesian).
FORM_TIMESTAMPS = frozenset((
    "timestamp", "tijdstempel", "zeitstempel", "horodateur", "marca_temporal",
    "informazioni_cronologiche", "sygnatura_czasowa", "carimbo_de_data_hora", "tidstampel",
    "tidsstempel", "aikaleima", "casova_znacka", "casova_peciatka", "zaman_damgasi",
    "idobelyeg", "marcaj_de_timp", "χρονικη_σημανση", "позначка_часу", "отметка_времени",
    "stempel_waktu", "cap_waktu", "dau_thoi_gian", "الطابع_الزمني", "חותמת_זמן", "टइमसटमप",
    "タイムスタンフ", "时间戳", "時間戳記", "타임스탬프",
))  # fmt: skip


def form_filling_columns(keys: list[str]) -> set[int]:
    """Indexes of the header cells (in `header_key` form) that a forms program wrote about the
    filling in: when, by whom, its number."""
    stamped = {index for index, key in enumerate(keys) if key in FORM_TIMESTAMPS}
    if not FORM_MARKS & set(keys):
        return stamped
    return stamped | {index for index, key in enumerate(keys) if key in FORM_FILLING}
