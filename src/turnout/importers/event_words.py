"""Words about one event that CLDR does not hold: called off, sign up, tomorrow, "3 days".

Month and weekday names come from CLDR through Babel (`dates.py`); the CLDR data Babel ships
has no relative day names ("tomorrow") and only some languages' duration units, so these
small tables hold them, keyed by language like those in `vocabulary` and matched the same
way (folded, whole words, the page's own language first, then all the others).
"""

from .label_words import CANCELLED_WORDS, MEETING_WORDS, NOON_WORDS, SIGNUP_WORDS, with_words

# The event or the whole page was called off. Postponed without a new day counts as called
# off: nothing happens on the day announced, and the new day will be a new event. Written with
# their accents: on a page in another language only the accented word counts (the Spanish
# "Reporte" is a report, the French "reporté" a postponement; see `details.is_cancelled`).
CANCELLED: dict[str, tuple[str, ...]] = {
    "en": ("cancelled", "canceled", "called off", "cancellation", "postponed"),
    "nl": ("afgelast", "geannuleerd", "gaat niet door", "afgeblazen", "uitgesteld"),
    "de": ("abgesagt", "fällt aus", "entfällt", "absage", "verschoben"),
    "fr": ("annulé", "annulée", "annulés", "annulées", "annulation", "reporté", "reportée"),
    "es": (
        "cancelado",
        "cancelada",
        "cancelados",
        "suspendido",
        "suspendida",
        "aplazado",
        "aplazada",
        "pospuesto",
        "pospuesta",
    ),
    "it": (
        "annullato",
        "annullata",
        "cancellato",
        "cancellata",
        "rinviato",
        "rinviata",
        "posticipato",
        "posticipata",
    ),
    "pt": ("cancelado", "cancelada", "adiado", "adiada"),
    "da": ("aflyst", "aflyses", "udsat"),
    "fi": ("peruttu", "peruutettu", "siirretty"),
    "hu": ("elmarad", "elmaradt", "lemondva", "elhalasztva"),
    "tr": ("iptal", "iptal edildi", "ertelendi"),
    "el": ("ακυρώνεται", "ακυρώθηκε", "αναβάλλεται", "αναβλήθηκε"),
    "uk": ("скасовано", "скасована", "перенесено"),
    "ru": ("отменено", "отменена", "отменён", "перенесено"),
    "he": ("מבוטל", "בוטל", "נדחה"),
    "ar": ("ملغى", "أُلغيت", "ألغيت", "تأجيل"),
    "ca": (
        "cancel·lat",
        "cancel·lada",
        "cancellat",
        "cancellada",
        "anul·lat",
        "anul·lada",
        "ajornat",
        "ajornada",
    ),
    "sv": ("inställd", "inställt", "inställda", "avlyst", "avlyses", "uppskjuten", "framflyttad"),
    "pl": ("odwołane", "odwołany", "odwołana", "przełożone", "przełożony", "przełożona"),
}
CANCELLED = with_words(CANCELLED, CANCELLED_WORDS)

# A link for signing up to the event, as its text or the words just before it.
SIGNUP: dict[str, tuple[str, ...]] = {
    "en": (
        "sign up",
        "signup",
        "sign-up",
        "register",
        "registration",
        "rsvp",
        "tickets",
        "get tickets",
        "attend",
        "join the protest",
        "join us",
    ),
    "nl": ("aanmelden", "meld je aan", "meld je", "aanmelding", "inschrijven", "schrijf je in"),
    "de": ("anmelden", "anmeldung", "melde dich", "meldet euch", "registrieren", "zur anmeldung"),
    "fr": ("s'inscrire", "inscrivez-vous", "inscris-toi", "inscription", "inscriptions"),
    "es": ("inscribete", "inscripcion", "apuntate", "registrate", "registro"),
    "it": ("iscriviti", "iscrizione", "registrati"),
    "pt": ("inscreva-se", "inscreve-te", "inscricao", "inscricoes", "inscrever", "registe-se"),
    "ca": ("inscriu-te", "inscripcio", "apunta't", "registra't"),
    "sv": ("anmal dig", "anmalan", "anmal", "registrera dig", "osa"),
    "pl": ("zapisz sie", "zapisy", "rejestracja", "zarejestruj sie"),
    "ro": ("inscriere", "inscrie-te", "inscrieri", "inregistrare"),
    "cs": ("registrace", "prihlaska", "prihlas se"),
    "da": ("tilmeld dig", "tilmelding", "tilmeld"),
    "id": ("daftar", "pendaftaran", "daftar di sini"),
    "vi": ("dang ky",),
    "sw": ("jisajili", "usajili"),
    "he": ("הרשמה", "להרשמה"),
    "fa": ("ثبت‌نام", "ثبت نام"),
    "hi": ("रजिस्टर करें", "पंजीकरण"),
    "th": ("ลงทะเบียน",),
    "tr": ("kayıt için", "kayıt ol", "kaydol", "kayıt", "katıl", "katılım formu", "başvuru"),
    "hu": ("regisztráció", "regisztrálj", "regisztrálok", "jelentkezés", "jelentkezz"),
    "fi": ("ilmoittaudu", "ilmoittautuminen", "ilmoittautumiset", "rekisteröidy"),
    "el": ("εγγραφή", "εγγραφείτε", "κάνε εγγραφή", "δήλωση συμμετοχής"),
    "uk": ("реєстрація", "зареєструватися", "зареєструйся", "зареєструйтеся"),
    "ru": ("регистрация", "зарегистрироваться", "зарегистрируйся"),
    "ar": ("التسجيل", "سجّل", "سجل الآن", "سجلوا"),
    # Croatian, and Serbian and Slovenian, which write these words alike.
    "hr": ("prijava", "prijave", "prijavi se", "prijavite se", "prijavnica"),
    "lt": ("registracija", "registruokis", "registruotis", "užsiregistruok"),
    "tl": ("magparehistro", "magpatala", "pagpaparehistro", "mag-register"),
    "bn": ("নিবন্ধন", "নিবন্ধন করুন", "রেজিস্ট্রেশন"),
}
SIGNUP = with_words(SIGNUP, SIGNUP_WORDS)

# Days counted from the post's date: "tomorrow" is one day after it.
RELATIVE_DAYS: dict[int, dict[str, tuple[str, ...]]] = {
    0: {
        "en": ("today", "tonight", "this evening"),
        "nl": ("vandaag", "vanavond"),
        "de": ("heute", "heute abend"),
        "fr": ("aujourd'hui", "ce soir"),
        "es": ("hoy", "esta tarde", "esta noche"),
        "it": ("oggi", "stasera"),
        "pt": ("hoje",),
        "ca": ("avui", "aquest vespre"),
        "sv": ("idag", "i dag", "ikvall"),
    },
    1: {
        "en": ("tomorrow",),
        "nl": ("morgen",),
        "de": ("morgen",),
        "fr": ("demain",),
        "es": ("manana",),
        "it": ("domani",),
        "pt": ("amanha",),
        "ca": ("dema",),
        "sv": ("imorgon", "i morgon"),
    },
    2: {
        "en": ("the day after tomorrow",),
        "nl": ("overmorgen",),
        "de": ("ubermorgen",),
        "fr": ("apres-demain",),
        "es": ("pasado manana",),
        "it": ("dopodomani",),
        "pt": ("depois de amanha",),
        "ca": ("dema passat",),
        "sv": ("i overmorgon", "overmorgon"),
    },
}

# The heading of a table's column of cities (its venues' column is a "Where" label).
CITY_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("city", "town"),
    "nl": ("stad", "plaats"),
    "de": ("stadt",),
    "fr": ("ville",),
    "es": ("ciudad",),
    "it": ("citta",),
    "pt": ("cidade",),
    "ca": ("ciutat",),
    "sv": ("stad", "ort"),
    "pl": ("miasto",),
    "cs": ("město",),
    "sk": ("mesto",),
}

# Noon written as a word: "noon–3pm", "midday – 2pm", "à midi", "a mezzogiorno".
NOON: dict[str, tuple[str, ...]] = {
    "en": ("noon", "midday"),
    "fr": ("midi",),
    "es": ("mediodia",),
    "it": ("mezzogiorno",),
    "pt": ("meio-dia",),
    "ca": ("migdia",),
}
NOON = with_words(NOON, NOON_WORDS)

# "Duration: 3 days": the label, and the units of days and hours after a number.
DURATION_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("duration", "length"),
    "nl": ("duur",),
    "de": ("dauer",),
    "fr": ("duree",),
    "es": ("duracion",),
    "it": ("durata",),
    "pt": ("duracao",),
    "ca": ("durada",),
    "sv": ("langd", "varaktighet"),
}
DAY_UNITS: dict[str, tuple[str, ...]] = {
    "en": ("days", "day"),
    "nl": ("dagen", "dag"),
    "de": ("tage", "tagen", "tag"),
    "fr": ("jours", "jour"),
    "es": ("dias", "dia"),
    "it": ("giorni", "giorno"),
    "pt": ("dias", "dia"),
    "ca": ("dies", "dia"),
    "sv": ("dagar", "dag", "dygn"),
}
HOUR_UNITS: dict[str, tuple[str, ...]] = {
    "en": ("hours", "hour", "hrs", "hr", "h"),
    "nl": ("uur", "uren"),
    "de": ("stunden", "stunde", "std"),
    "fr": ("heures", "heure", "h"),
    "es": ("horas", "hora", "h"),
    "it": ("ore", "ora"),
    "pt": ("horas", "hora"),
    "ca": ("hores", "hora"),
    "sv": ("timmar", "timme", "tim"),
}

# A page about a local group rather than a protest: its name and how it meets.
GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("local group", "chapter", "our group", "join our group", "about our group"),
    "nl": ("lokale groep", "afdeling", "onze groep"),
    "de": ("ortsgruppe", "lokalgruppe", "regionalgruppe", "unsere gruppe"),
    "fr": ("groupe local", "antenne locale", "notre groupe"),
    "es": ("grupo local", "nuestro grupo", "nodo local"),
    "it": ("gruppo locale", "il nostro gruppo"),
    "pt": ("grupo local", "nosso grupo", "nucleo local"),
    "ca": ("grup local", "el nostre grup"),
    "sv": ("lokalgrupp", "lokalavdelning", "var grupp"),
}
MEETINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "monthly meeting",
        "monthly meetings",
        "weekly meeting",
        "we meet",
        "meetings",
        "meetup",
    ),
    "nl": ("maandelijkse bijeenkomst", "we komen samen", "bijeenkomst", "bijeenkomsten", "overleg"),
    "de": ("treffen", "wir treffen uns", "monatliches treffen", "plenum", "stammtisch"),
    "fr": ("reunion", "reunions", "nous nous retrouvons", "on se retrouve"),
    "es": ("reunion", "reuniones", "nos reunimos", "asamblea"),
    "it": ("riunione", "riunioni", "ci incontriamo", "assemblea"),
    "pt": ("reuniao", "reunioes", "nos reunimos"),
    "ca": ("reunio", "reunions", "ens trobem", "assemblea"),
    "sv": ("mote", "moten", "vi ses", "vi traffas"),
}
MEETINGS = with_words(MEETINGS, MEETING_WORDS)

# "All times CET": the page says in which zone it writes the times of all its events.
ALL_TIMES: dict[str, tuple[str, ...]] = {
    "en": ("all times", "times are in", "times are given in", "times shown in", "times in"),
    "nl": ("alle tijden", "alle tijdstippen", "tijden zijn in", "tijden in"),
    "de": ("alle zeiten", "alle uhrzeiten", "alle zeitangaben", "zeiten in"),
    "fr": ("toutes les heures", "tous les horaires", "horaires en", "heures en"),
    "es": ("todas las horas", "todos los horarios", "horarios en", "horas en"),
    "it": ("tutti gli orari", "orari in"),
    "pt": ("todos os horarios", "todas as horas", "horarios em", "horas em"),
    "ca": ("tots els horaris", "horaris en"),
    "sv": ("alla tider", "tider i"),
}

# A bullet or "Where:" line that names no place but says the event is online: "Online",
# "En ligne", "Virtueel / online", "Wherever you are: livestream". Platform names ("Zoom",
# "Discord") count only beside these words or alone (`meeting_links.names_online`).
ONLINE: dict[str, tuple[str, ...]] = {
    "en": (
        "online",
        "on line",
        "virtual",
        "virtually",
        "livestream",
        "live stream",
        "live-stream",
        "webinar",
        "video call",
        "wherever you are",
        "from home",
        "from anywhere",
        "anywhere",
        "everywhere",
        "worldwide online",
        "online event",
        "online only",
    ),
    "nl": ("online", "virtueel", "digitaal", "livestream", "waar je ook bent", "vanuit huis"),
    "de": ("online", "virtuell", "digital", "livestream", "von zuhause", "von zu hause", "uberall"),
    "fr": ("en ligne", "virtuel", "visio", "visioconference", "en direct", "partout"),
    "es": ("en linea", "virtual", "desde casa", "en directo", "transmision en vivo"),
    "it": ("online", "in diretta", "da casa", "videoconferenza", "ovunque tu sia", "ovunque"),
    "pt": ("online", "virtual", "em linha", "de casa", "ao vivo", "transmissao ao vivo"),
    "ca": ("en linia", "virtual", "des de casa"),
    "sv": ("online", "digitalt", "varifran du an ar"),
    "pl": ("online", "zdalnie", "transmisja na zywo", "wirtualnie"),
    "ja": ("オンライン",),
    "ro": ("online", "de oriunde"),
    "cs": ("online", "odkudkoli"),
    "da": ("online", "virtuelt", "overalt"),
    "id": ("daring", "online", "di mana saja"),
    "vi": ("truc tuyen", "online"),
    "sw": ("mtandaoni", "kila mahali"),
    "hi": ("ऑनलाइन", "हर जगह"),
    "he": ("אונליין", "מקוון", "בכל מקום"),
    "fa": ("آنلاین", "همه جا"),
    "th": ("ออนไลน์",),
    "tr": ("online", "cevrimici", "cevrim ici", "canli yayin", "her yerden"),
    "ru": ("онлайн", "дистанционно"),
    "uk": ("онлайн", "дистанційно"),
    "ko": ("온라인",),
    "zh": ("线上", "線上", "在线", "在線"),
}
# Services an online event is held on, as pages name them beside "Online".
ONLINE_SERVICES = (
    "zoom",
    "discord",
    "teams",
    "microsoft teams",
    "google meet",
    "meet",
    "jitsi",
    "whereby",
    "webex",
    "youtube",
    "twitch",
    "instagram live",
    "facebook live",
    "signal",
    "bigbluebutton",
)

# Words pages put before or after an hour, by language; they tell a short page's language
# (`page_language`), not the time itself (`times.py` reads that).
TIME_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("noon", "midday", "tonight"),
    "nl": ("uur", "om", "zaterdag", "zondag", "vanaf"),
    "de": ("uhr", "treffpunkt", "kundgebung"),
    "fr": ("heures", "rassemblement", "manifestation", "midi"),
    "es": ("horas", "concentración", "manifestación", "mediodía"),
    "it": ("ore", "presidio", "corteo", "mezzogiorno", "manifestazione"),
    "pt": ("concentração", "manifestação"),
    "pl": ("godz", "godzina", "zbiórka"),
    "sv": ("klockan", "kl", "manifestation"),
}


# A protest told as done ("On 21 March we marched …"): with its day and its place in one
# sentence, a report names an event even without an hour (`prose_events`).
TOOK_PLACE: dict[str, tuple[str, ...]] = {
    "en": ("marched", "protested", "rallied", "demonstrated", "took to the streets",
           "held a protest", "held a vigil", "held a rally", "gathered outside"),
    "nl": ("demonstreerden", "marcheerden", "protesteerden", "liepen mee", "gingen de straat op",
           "hielden een wake", "voerden actie"),
    "de": ("demonstrierten", "protestierten", "marschierten", "gingen auf die straße",
           "gingen auf die strasse", "versammelten sich"),
    "fr": ("ont manifesté", "ont marché", "ont défilé", "se sont rassemblés",
           "se sont rassemblées", "sont descendus dans la rue"),
    "es": ("marcharon", "protestaron", "se manifestaron", "se concentraron",
           "salieron a la calle"),
    "it": ("hanno manifestato", "hanno marciato", "hanno sfilato", "si sono radunati",
           "sono scesi in piazza"),
    "pl": ("protestowali", "maszerowali", "demonstrowali", "wyszli na ulice"),
    "pt": ("marcharam", "protestaram", "manifestaram", "se reuniram", "foram às ruas"),
}  # fmt: skip


# A heading or a line's label over protests already held ("## Past protests", "*Eerdere
# acties:*", "### Минулі акції"): what follows is no event to import (`past_events`).
PAST_EVENTS: dict[str, tuple[str, ...]] = {
    "en": ("past", "previous", "earlier", "archive"),
    "nl": ("eerdere", "afgelopen", "vorige", "archief"),
    "de": (
        "vergangene",
        "vergangenen",
        "frühere",
        "früheren",
        "bisherige",
        "bisherigen",
        "archiv",
        "rückblick",
    ),  # fmt: skip
    "fr": ("passées", "passés", "précédentes", "précédents", "archives"),
    "ca": ("passades", "anteriors", "arxiu"),
    "es": ("pasadas", "pasados", "anteriores"),
    "it": ("passate", "precedenti", "archivio"),
    "pt": ("passadas", "anteriores", "arquivo"),
    "pl": ("poprzednie", "minione", "archiwum"),
    "sv": ("tidigare", "arkiv"),
    "da": ("tidligere", "arkiv"),
    "fi": ("aiemmat", "menneet", "arkisto"),
    "cs": ("minulé", "předchozí", "proběhlé", "archiv"),
    "tr": ("geçmiş", "önceki", "arşiv"),
    "el": ("προηγούμενες", "παλαιότερες", "αρχείο"),
    "uk": ("минулі", "попередні", "архів"),
    "ru": ("прошедшие", "прошедших", "прошлые", "архив"),
    "ja": ("過去",),
}
