"""Words about the page itself and its chat links, keyed by language like `event_words`:
when the page was posted (never an event's day), and the chat it offers to talk in (never an
event's signup)."""

# Words saying when the page itself was written or changed ("Posted on 3 May 2027",
# "Julkaistu 20.5.2027", "نُشر في"): a date beside them is never an event's day. Matched
# where a word starts, folded (`dates.says_when_posted`).
POSTED: tuple[str, ...] = (
    "updated", "last modified", "published", "posted on", "bijgewerkt",
    "gepubliceerd", "geplaatst op", "aktualisiert", "veroffentlicht", "mis a jour", "publie le",
    "actualizado", "publicado", "atualizad", "aggiornat", "pubblicat", "uppdaterad",
    "publicerad", "aktualizovan", "publikovan", "zaktualizowan", "opublikowan", "julkaistu",
    "paivitetty", "kozzeteve", "frissitve", "guncellendi", "yayınlandı", "yayinlandi",
    "yayınlanma tarihi", "yayinlanma tarihi", "δημοσιευθηκε", "ενημερωθηκε", "опубликовано",
    "обновлено", "опубліковано", "оновлено", "更新", "公開日", "تحديث", "تم النشر", "نشر في",
    "تاريخ النشر", "פורסם", "منتشر شده", "actualizat", "publicat", "opdateret", "diperbarui",
    "dipublikasikan", "imesasishwa", "अपडेट", "प्रकाशित",
)  # fmt: skip


# Words offering a chat to ask or talk in, not to join the protest through: "Questions? Join
# us on Discord" is the campaign's place to talk, never the event's signup.
CHAT_TO_TALK: dict[str, tuple[str, ...]] = {
    "en": ("questions", "question", "contact", "get in touch", "community", "chat with us"),
    "nl": ("vragen", "contact", "gemeenschap", "community"),
    "de": ("fragen", "kontakt", "community", "austausch"),
    "fr": ("questions", "contact", "communauté", "échanger"),
    "es": ("preguntas", "contacto", "comunidad", "dudas"),
    "it": ("domande", "contatto", "contatti", "comunità"),
    "pt": ("dúvidas", "perguntas", "contato", "contacto", "comunidade"),
    "pl": ("pytania", "kontakt", "społeczność", "społeczności", "rozmawiamy"),
    "cs": ("dotazy", "otázky", "kontakt", "komunita", "komunity"),
    "fi": ("kysymykset", "kysyttävää", "yhteys", "yhteisö", "yhteisön", "keskustelut"),
    "hu": ("kérdések", "kérdés", "kapcsolat", "közösség", "közösségünk"),
    "tr": ("sorular", "sorularınız", "iletişim", "topluluk", "topluluğumuza"),
    "el": ("ερωτήσεις", "επικοινωνία", "κοινότητα"),
    "uk": ("питання", "контакт", "спільнота", "спільноти"),
    "ru": ("вопросы", "контакт", "сообщество"),
    "ar": ("للتواصل", "تواصل", "أسئلة", "مجتمع"),
}
# Words of `SIGNUP` that ask to join anything ("Join us", "Katıl"): they make a chat invite
# ("Join us on Discord") a place to talk, not the event's signup (`city_links.is_signup`).
JOIN_ONLY: dict[str, tuple[str, ...]] = {
    "en": ("join us", "attend"),
    "tr": ("katıl",),
}
