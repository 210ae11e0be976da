"""What the cells of a movement's sheet say in words other programs and teams use for the
values Turnout documents (README, "CSV"), compared as headers are (`sheet_columns.header_key`)."""

# What an event's status is called in the sheets of other programs (Airtable, Notion, a team's
# own list), in the compared form: the documented value, then the words meaning it. A planned
# or confirmed event goes ahead (approved); an idea is a proposal.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "approved": ("confirmed", "scheduled", "planned", "published", "live",
                 "bevestigd", "gepland", "bestatigt", "geplant", "confirme", "prevu",
                 "confirmado", "previsto", "programado", "confermato", "potwierdzone",
                 "zaplanowane", "goedgekeurd", "genehmigt", "open", "active", "upcoming",
                 "started", "sold_out", "full", "vol", "ausgebucht", "complet", "completo"),
    "proposed": ("proposal", "idea", "draft", "tentative", "maybe", "to_do", "todo",
                 "not_started", "voorstel", "idee", "concept", "vorschlag", "entwurf",
                 "propose", "propuesta", "borrador", "proposta", "propozycja", "pomysl",
                 "suggested", "pending"),
    "tba": ("details_tba", "tbc", "to_be_announced", "to_be_confirmed", "in_progress",
            "volgt", "nog_te_bevestigen", "folgt", "a_confirmer", "por_confirmar",
            "da_confermare", "a_confirmar", "do_potwierdzenia", "postponed", "uitgesteld",
            "verschoben", "reporte", "aplazado", "rinviato", "przelozone", "adiado"),
    "rejected": ("declined", "afgewezen", "abgelehnt", "refuse", "rechazado", "rifiutato",
                 "rejeitado", "odrzucone"),
    "cancelled": ("canceled", "called_off", "afgelast", "geannuleerd", "abgesagt",
                  "annule", "cancelado", "annullato", "odwolane", "cancelada"),
    "completed": ("done", "complete", "finished", "past", "held", "happened", "afgerond",
                  "geweest", "erledigt", "abgeschlossen", "termine", "realizado",
                  "concluido", "concluso", "zakonczone", "odbylo_sie", "ended"),
}  # fmt: skip

# The signs a team ticks a status column with, where its words are none Turnout knows or there
# are none ("✅", "❌ avlyst"): done and going ahead, called off, still waiting for an answer
# (as "pending": a proposal until someone confirms it).
STATUS_SIGNS: dict[str, str] = {
    "✅": "approved", "✔": "approved", "☑": "approved", "🟢": "approved",
    "❌": "cancelled", "✖": "cancelled", "🚫": "cancelled", "⛔": "cancelled",
    "⏳": "proposed", "⌛": "proposed",
}  # fmt: skip

# An event its program keeps from the public ("PRIVATE" in a Mobilize export): never imported
# onto a public page.
PRIVATE_WORDS = frozenset((
    "private", "unlisted", "hidden", "members_only", "invite_only", "prive", "besloten",
    "privat", "privado", "privato", "prywatne",
))  # fmt: skip

# What a group's kind is called in teams' own sheets, in the compared form: a country's group,
# or a city's ("chapter", "Ortsgruppe", "afdeling").
GROUP_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "national": ("country", "national_group", "national_chapter", "landelijk", "nationaal",
                 "bundesweit", "landesweit", "bundesverband", "nacional", "nazionale", "krajowa",
                 "ogolnopolska", "ulusal", "εθνικη", "narodni", "orszagos", "national_team",
                 "hq", "headquarters", "kansallinen", "nasional", "全国", "全國", "전국"),
    "local": ("city", "chapter", "local_chapter", "local_group", "city_group", "lokaal",
              "plaatselijk", "afdeling", "lokal", "ortsgruppe", "regional", "locale", "lokalna",
              "yerel", "τοπικη", "mistni", "helyi", "paikallinen", "lokal", "地域", "地方", "지역",
              "地区", "kota", "section", "sezione", "seccion", "seccao", "kolo"),
}  # fmt: skip
