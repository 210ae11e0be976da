"""More ways a model damages its answers, drawn at random for property tests: what `damage.py`
does not draw. A date's month or a time's hour changed (also "22:30" written "10:30" where the
language reads a 24-hour clock), a title cut off after an article, a short text answered in a
third language, two places' days swapped inside one sentence, chatter after the answer in the
answer's language, a list flattened or a heading lost, a link's token dropped or written twice,
an e-mail address or URL altered, an emoji or hashtag dropped, a negation dropped, the
answer in the source or another target language, only the first paragraph translated, and
HTML entities or JSON escapes leaking in.

`PAIRS` are faithful translations into Dutch, German, French, Spanish, Russian, Italian,
Polish and Japanese; `TRICKY` are faithful answers that look like damage (clauses reordered, a
24-hour clock for "pm", a negation said without "not", numeric dates).
"""

import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer

LANGUAGES = ("nl", "de", "fr", "es", "ru", "it", "pl", "ja")

_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "cities": (
        "Utrecht marches on Saturday 12 May and Leiden on Sunday 19 May.",
        {
            "nl": "Utrecht loopt op zaterdag 12 mei en Leiden op zondag 19 mei.",
            "de": "Utrecht demonstriert am Samstag, dem 12.05., und Leiden am Sonntag, dem 19.05.",
            "fr": "Utrecht manifeste le samedi 12 mai et Leiden le dimanche 19 mai.",
            "es": "Utrecht marcha el sábado 12 de mayo y Leiden, el domingo 19 de mayo.",
            "ru": "Утрехт выходит на марш в субботу, 12 мая, а Лейден — в воскресенье, 19 мая.",
            "it": "Utrecht marcia sabato 12 maggio e Leida domenica 19 maggio.",
            "pl": "Utrecht maszeruje w sobotę 12 maja, a Lejda w niedzielę 19 maja.",
            "ja": "ユトレヒトは5月12日（土）、ライデンは5月19日（日）に行進します。",
        },
    ),
    "evening": (
        "Doors open at 10:30 pm on 5 June; the last bus leaves at 1 am.",
        {
            "nl": "De deuren gaan op 5 juni om 22.30 uur open; de laatste bus vertrekt om 1 uur "
            "'s nachts.",
            "de": "Einlass ist am 5.6. um 22:30 Uhr; der letzte Bus fährt um 1 Uhr nachts.",
            "fr": "Ouverture des portes le 5 juin à 22 h 30 ; le dernier bus part à 1 h du matin.",
            "es": "Las puertas abren el 5/6 a las 22:30; el último autobús sale a la 1:00.",
            "ru": "Двери открываются 5 июня в 22:30, последний автобус уходит в 1:00.",
            "it": "Le porte aprono il 5 giugno alle 22:30; l'ultimo autobus parte all'1:00.",
            "pl": "Drzwi otwieramy 5 czerwca o 22:30, a ostatni autobus odjeżdża o 1:00 w nocy.",
            "ja": "6月5日午後10時30分に開場し、最終バスは午前1時に出発します。",
        },
    ),
    "no_flags": (
        "Please do not bring flags of political parties.",
        {
            "nl": "Neem alsjeblieft geen vlaggen van politieke partijen mee.",
            "de": "Bitte bringt keine Fahnen politischer Parteien mit.",
            "fr": "Merci de ne pas apporter de drapeaux de partis politiques.",
            "es": "Por favor, no traigáis banderas de partidos políticos.",
            "ru": "Пожалуйста, не приносите флаги политических партий.",
            "it": "Per favore, non portate bandiere di partiti politici.",
            "pl": "Prosimy nie przynosić flag partii politycznych.",
            "ja": "政党の旗は持ってこないでください。",
        },
    ),
    "social": (
        "Post your photos with #aisafety 📸 and tag your local group!",
        {
            "nl": "Deel je foto's met #aisafety 📸 en tag je lokale groep!",
            "de": "Teilt eure Fotos mit #aisafety 📸 und markiert eure Ortsgruppe!",
            "fr": "Publiez vos photos avec #aisafety 📸 et identifiez votre groupe local !",
            "es": "¡Publica tus fotos con #aisafety 📸 y etiqueta a tu grupo local!",
            "ru": "Публикуйте фото с хештегом #aisafety 📸 и отмечайте свою местную группу!",
            "it": "Pubblica le tue foto con #aisafety 📸 e tagga il tuo gruppo locale!",
            "pl": "Publikuj zdjęcia z #aisafety 📸 i oznacz swoją lokalną grupę!",
            "ja": "#aisafety 📸 を付けて写真を投稿し、地元のグループをタグ付けしてください！",
        },
    ),
    "contact": (
        "Questions? Mail hello@pauseai.nl or see https://pauseai.nl/faq for answers.",
        {
            "nl": "Vragen? Mail hello@pauseai.nl of kijk op https://pauseai.nl/faq voor "
            "antwoorden.",
            "de": "Fragen? Schreib an hello@pauseai.nl oder such auf https://pauseai.nl/faq nach "
            "Antworten.",
            "fr": "Des questions ? Écrivez à hello@pauseai.nl ou consultez https://pauseai.nl/faq "
            "pour trouver des réponses.",
            "es": "¿Preguntas? Escribe a hello@pauseai.nl o consulta https://pauseai.nl/faq para "
            "ver las respuestas.",
            "ru": "Есть вопросы? Пишите на hello@pauseai.nl или ищите ответы на "
            "https://pauseai.nl/faq.",
            "it": "Domande? Scrivi a hello@pauseai.nl o consulta https://pauseai.nl/faq per le "
            "risposte.",
            "pl": "Pytania? Napisz na hello@pauseai.nl lub zajrzyj na https://pauseai.nl/faq po "
            "odpowiedzi.",
            "ja": "ご質問はありますか？hello@pauseai.nl にメールするか、https://pauseai.nl/faq "
            "で回答をご覧ください。",
        },
    ),
    "bring_list": (
        "What to bring:\n\n- water\n- a raincoat\n- your own sign",
        {
            "nl": "Wat neem je mee:\n\n- water\n- een regenjas\n- je eigen bord",
            "de": "Was ihr mitbringen solltet:\n\n- Wasser\n- eine Regenjacke\n- ein eigenes "
            "Schild",
            "fr": "À apporter :\n\n- de l'eau\n- un imperméable\n- votre propre pancarte",
            "es": "Qué traer:\n\n- agua\n- un chubasquero\n- tu propia pancarta",
            "ru": "Что взять с собой:\n\n- воду\n- дождевик\n- свой плакат",
            "it": "Cosa portare:\n\n- acqua\n- un impermeabile\n- il tuo cartello",
            "pl": "Co zabrać:\n\n- wodę\n- płaszcz przeciwdeszczowy\n- własny transparent",
            "ja": "持ち物：\n\n- 水\n- レインコート\n- 自分のプラカード",
        },
    ),
    "programme": (
        "## Programme {#programme}\n\nWe start at 13:00 with speeches. After that we walk to "
        "the [city hall](https://example.org/cityhall).",
        {
            "nl": "## Programma {#programme}\n\nWe beginnen om 13:00 uur met toespraken. Daarna "
            "lopen we naar het [stadhuis](https://example.org/cityhall).",
            "de": "## Programm {#programme}\n\nWir beginnen um 13 Uhr mit Reden. Danach gehen "
            "wir zum [Rathaus](https://example.org/cityhall).",
            "fr": "## Programme {#programme}\n\nNous commençons à 13 h par des discours. "
            "Ensuite, nous marchons jusqu'à l'[hôtel de ville](https://example.org/cityhall).",
            "es": "## Programa {#programme}\n\nEmpezamos a las 13:00 con discursos. Después "
            "caminamos hasta el [ayuntamiento](https://example.org/cityhall).",
            "ru": "## Программа {#programme}\n\nМы начинаем в 13:00 с выступлений. Потом идём "
            "к [мэрии](https://example.org/cityhall).",
            "it": "## Programma {#programme}\n\nIniziamo alle 13:00 con i discorsi. Poi "
            "camminiamo fino al [municipio](https://example.org/cityhall).",
            "pl": "## Program {#programme}\n\nZaczynamy o 13:00 od przemówień. Potem idziemy "
            "pod [ratusz](https://example.org/cityhall).",
            "ja": "## プログラム {#programme}\n\n13時からスピーチで始まります。その後、"
            "[市役所](https://example.org/cityhall)まで歩きます。",
        },
    ),
    "two_paragraphs": (
        "We march for a pause on the most powerful AI systems until they are proven safe.\n\n"
        "Afterwards we meet for coffee near the station.",
        {
            "nl": "We lopen voor een pauze op de krachtigste AI-systemen, totdat bewezen is dat "
            "ze veilig zijn.\n\nDaarna drinken we koffie bij het station.",
            "de": "Wir demonstrieren für eine Pause der mächtigsten KI-Systeme, bis ihre "
            "Sicherheit bewiesen ist.\n\nDanach trinken wir Kaffee in der Nähe des Bahnhofs.",
            "fr": "Nous marchons pour une pause des systèmes d'IA les plus puissants, jusqu'à ce "
            "que leur sûreté soit prouvée.\n\nEnsuite, nous prenons un café près de la gare.",
            "es": "Marchamos por una pausa de los sistemas de IA más potentes hasta que se "
            "demuestre que son seguros.\n\nDespués tomamos un café cerca de la estación.",
            "ru": "Мы выступаем за паузу в разработке самых мощных систем ИИ, пока не доказана "
            "их безопасность.\n\nПотом пьём кофе недалеко от вокзала.",
            "it": "Marciamo per una pausa dei sistemi di IA più potenti finché non sarà "
            "dimostrato che sono sicuri.\n\nDopo prendiamo un caffè vicino alla stazione.",
            "pl": "Maszerujemy o wstrzymanie najpotężniejszych systemów AI, dopóki nie zostanie "
            "dowiedzione, że są bezpieczne.\n\nPotem idziemy na kawę w pobliżu dworca.",
            "ja": "最も強力なAIシステムの安全性が証明されるまで、その開発の一時停止を求めて行進"
            "します。\n\nその後、駅の近くでコーヒーを飲みます。",
        },
    ),
    "title": (
        "Climate and AI march in Utrecht",
        {
            "nl": "Klimaat- en AI-mars in Utrecht",
            "de": "Klima- und KI-Marsch in Utrecht",
            "fr": "Marche pour le climat et l'IA à Utrecht",
            "es": "Marcha por el clima y la IA en Utrecht",
            "ru": "Марш за климат и ИИ в Утрехте",
            "it": "Marcia per il clima e l'IA a Utrecht",
            "pl": "Marsz dla klimatu i AI w Utrechcie",
            "ja": "ユトレヒトの気候とAIのマーチ",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]

# Faithful answers that look like damage: (source, language, answer).
TRICKY = [
    # Clauses reordered: each place keeps its day.
    ("Utrecht marches on 12 May and Leiden on 19 May.", "nl",
     "Op 12 mei loopt Utrecht, op 19 mei Leiden."),
    ("Utrecht marches on 12 May and Leiden on 19 May.", "de",
     "Am 12. Mai demonstriert Utrecht, am 19. Mai Leiden."),
    # A 12-hour time on a 24-hour clock, or with the language's own "in the evening".
    ("We meet at 8:15 pm.", "fr", "Rendez-vous à 20 h 15."),
    ("We meet at 8:15 pm.", "de", "Treffpunkt ist um 20.15 Uhr."),
    ("We meet at 8:15 pm.", "es", "Nos vemos a las 8:15 de la tarde."),
    ("We meet at 8:15 pm.", "it", "Ci vediamo alle 20:15."),
    ("Doors open at 10 pm.", "nl", "De deuren gaan om 22 uur open."),
    ("Doors open at 10 pm.", "fr", "Ouverture des portes à 22h."),
    ("Doors open at 10 pm.", "ru", "Двери открываются в 22:00."),
    ("Doors open at 10 pm.", "ja", "午後10時に開場します。"),
    ("The bus leaves at 8:15 sharp.", "pl", "Autobus odjeżdża punktualnie o 8:15."),
    # Dates in the language's numeric format, the month first nowhere.
    ("Sign up before 5 June 2029.", "de", "Meldet euch vor dem 05.06.2029 an."),
    ("Sign up before 5 June 2029.", "pl", "Zapisz się przed 5.06.2029."),
    ("Sign up before 5 June 2029.", "ja", "2029年6月5日までに登録してください。"),
    ("Sign up before 5 June 2029.", "es", "Inscríbete antes del 5/6/2029."),
    # A range of days written the other way round.
    ("Workshops on May 12–14 in Utrecht.", "de", "Workshops vom 12.–14. Mai in Utrecht."),
    ("Workshops on May 12–14 in Utrecht.", "pl", "Warsztaty 12–14 maja w Utrechcie."),
    # A duration written like a time ("2 h"), beside a time.
    ("We start at 14:00 and walk for 2 hours.", "fr",
     "Nous partons à 14 h et marchons pendant 2 h."),
    # A negation said without "not".
    ("Don't forget to bring water.", "de", "Denk daran, Wasser mitzubringen."),
    ("Register no later than 3 June.", "nl", "Meld je uiterlijk 3 juni aan."),
    ("Never share the meeting point.", "it", "Non condividete mai il punto d'incontro."),
    # A sentence ending on a separable particle or a pronoun joined to its verb.
    ("Join in!", "nl", "Doe mee!"),
    ("Sign up for the training.", "nl", "Schrijf je in voor de training."),
    ("Do it!", "fr", "Faites-le !"),
    # Articles dropped, a hashtag and emoji moved.
    ("The station is the meeting point.", "de", "Treffpunkt ist der Bahnhof."),
    ("📣 Share #PauseAI today!", "es", "¡Comparte #PauseAI hoy! 📣"),
]  # fmt: skip

_CLOSINGS = {
    "nl": "Ik hoop dat dit helpt!",
    "de": "Ich hoffe, das hilft!",
    "fr": "J'espère que cela vous aide !",
    "es": "¡Espero que te sirva!",
    "ru": "Надеюсь, это поможет!",
    "it": "Spero che ti sia utile!",
    "pl": "Mam nadzieję, że to pomoże!",
    "ja": "お役に立てれば幸いです。",
}
# How each language says "not" in these pairs, and what the sentence says without it.
_NEGATION_DROPPED = {
    "nl": ("geen ", "de "),
    "de": ("keine ", "die "),
    "fr": ("de ne pas apporter de ", "d'apporter des "),
    "es": ("no ", ""),
    "ru": ("не ", ""),
    "it": ("non ", ""),
    "pl": ("nie ", ""),
    "ja": ("持ってこないでください", "持ってきてください"),
}
# Articles, prepositions and conjunctions a cut-off answer may stop on.
_SMALL_WORDS = {
    "nl": {"en", "de", "een", "voor", "van"},
    "de": {"und", "in", "der", "die", "ein", "eine", "für"},
    "fr": {"pour", "le", "la", "et", "à", "de"},
    "es": {"por", "el", "y", "la", "en", "de"},
    "ru": {"за", "и", "в"},
    "it": {"per", "il", "e", "a"},
    "pl": {"dla", "i", "w"},
}
_TIME = re.compile(r"(?<![\d.,:/])([01]?\d|2[0-3])((?::|\.|\s?h\s?)[0-5]\d|\s?(?:uur|Uhr|h)\b)")
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})(?=\.|/\d)")
_EAST_ASIAN_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


# Short texts whose function words the other language shares: "Klimaat- en AI-mars in",
# "Prosimy nie przynosić" (German has "nie"), "Scrivi a ... o consulta ... per le" (French has
# "le", Spanish "a" and "o"). Only a dictionary tells these apart; left to a reviewer.
_TOLD_ONLY_BY_A_DICTIONARY = {("title", "nl"), ("no_flags", "pl"), ("contact", "it")}
_TOO_CLOSE = {("programme", "es", "it")}


def _choice(data: _Drawer, options: list, label: str):
    return data.draw(st.sampled_from(options), label=label)


def _other_pair(pair: Pair, language: str) -> Pair | None:
    return next((p for p in PAIRS if p.name == pair.name and p.language == language), None)


def month_changed(pair: Pair, data: _Drawer) -> str | None:
    """A numeric date's month moved ("5.6." to "5.7.", "5月12日" to "6月12日"), or its day
    and month swapped ("5/6" to "6/5")."""
    text = pair.faithful
    found = list(_NUMERIC_DATE.finditer(text))
    if found:
        date = _choice(data, found, "date")
        day, separator, month = date.group(1), date.group(2), date.group(3)
        if data.draw(st.booleans(), label="swap") and int(day) <= 12 and day != month:
            new = f"{month}{separator}{day}"
        else:
            new = f"{day}{separator}{int(month) % 12 + 1:0{len(month)}d}"
        return text[: date.start()] + new + text[date.end() :]
    found = list(_EAST_ASIAN_DATE.finditer(text))
    if not found:
        return None
    date = _choice(data, found, "date")
    new = f"{int(date.group(1)) % 12 + 1}月{date.group(2)}日"
    return text[: date.start()] + new + text[date.end() :]


def hour_changed(pair: Pair, data: _Drawer) -> str | None:
    """A time's hour moved by one or more, or an evening hour written on a 12-hour clock
    ("22:30" as "10:30") in a language that reads a 24-hour clock."""
    text = pair.faithful
    found = list(_TIME.finditer(text))
    if not found:
        return None
    time = _choice(data, found, "time")
    hour = int(time.group(1))
    how = _choice(data, ["later", "earlier", "twelve-hour"], "how")
    if how == "twelve-hour":
        if hour <= 12:
            return None
        new = hour - 12
    else:
        new = (hour + (1 if how == "later" else -2)) % 24
    return text[: time.start(1)] + str(new) + text[time.end(1) :]


def cut_after_small_word(pair: Pair, data: _Drawer) -> str | None:
    """The answer stops right after an article, preposition or conjunction."""
    small = _SMALL_WORDS.get(pair.language, set())
    text = pair.faithful
    ends = [m.end() for m in re.finditer(r"(?<=\s)(\w+)(?=\s)", text) if m.group(1) in small]
    if not ends:
        return None
    return text[: _choice(data, ends, "cut after")]


def third_language(pair: Pair, data: _Drawer) -> str | None:
    """The whole answer, short ones too, in another of the languages asked for that day."""
    far = {
        "nl": ["fr", "es", "it", "pl", "ru", "ja"],
        "de": ["fr", "es", "it", "pl", "ru", "ja"],
        "fr": ["nl", "de", "es", "pl", "ru", "ja"],
        "es": ["nl", "de", "fr", "pl", "ru", "ja"],
        "it": ["nl", "de", "fr", "pl", "ru", "ja"],
        "pl": ["nl", "de", "fr", "es", "it", "ru", "ja"],
        "ru": ["nl", "de", "fr", "es", "it", "pl", "ja"],
        "ja": ["nl", "de", "fr", "es", "it", "pl", "ru"],
    }[pair.language]
    other = _other_pair(pair, _choice(data, far, "language"))
    return other.faithful if other and _tellable(pair, other) else None


def _tellable(pair: Pair, other: Pair) -> bool:
    """Whether `other`'s answer can be told from one in `pair`'s language without a
    dictionary: a list of nouns ("agua", "water") and the texts below cannot."""
    return not (
        pair.name == "bring_list"
        or (pair.name, other.language) in _TOLD_ONLY_BY_A_DICTIONARY
        or (pair.name, pair.language, other.language) in _TOO_CLOSE
        or {other.language, pair.language} == {"nl", "de"}
    )


def days_swapped_between_places(pair: Pair, data: _Drawer) -> str | None:
    """Two places of one sentence trade their days ("Utrecht on 19 May and Leiden on 12 May")."""
    text = pair.faithful
    days = re.findall(r"(?<![\d.])(1[0-9]|2[0-9])(?=[.\s月日])", text)
    if len(days) != 2 or days[0] == days[1] or not {"Utrecht", "Leiden"} <= set(text.split()):
        return None
    first, second = days
    swapped = re.sub(
        r"(?<![\d.])(" + first + "|" + second + r")(?=[.\s])",
        lambda m: second if m.group(1) == first else first,
        text,
    )
    return swapped


def chatter_after_in_its_language(pair: Pair, data: _Drawer) -> str:
    gap = _choice(data, ["\n\n", "\n", " "], "gap")
    return pair.faithful + gap + _CLOSINGS[pair.language]


def list_flattened(pair: Pair, data: _Drawer) -> str | None:
    items = re.findall(r"^- (.+)$", pair.faithful, flags=re.MULTILINE)
    if len(items) < 2:
        return None
    head = pair.faithful[: pair.faithful.index("\n- ")]
    joined = ", ".join(items)
    return head + "\n" + _choice(data, ["- " + joined, joined], "flattened")


def heading_lost(pair: Pair, data: _Drawer) -> str | None:
    if not pair.faithful.startswith("#"):
        return None
    return re.sub(r"^#+\s*", "", pair.faithful)


def link_token_dropped_or_repeated(pair: Pair, data: _Drawer) -> str | None:
    link = re.search(r"\]⟦\d+⟧", pair.faithful)
    if not link:
        return None
    token = link.group(0)[1:]
    text = pair.faithful
    if data.draw(st.booleans(), label="dropped"):
        return text[: link.start() + 1] + text[link.end() :]
    return text[: link.end()] + " " + token + text[link.end() :]


def address_altered(pair: Pair, data: _Drawer) -> str | None:
    """An e-mail address or URL written out by the model instead of its token, altered."""
    found = [
        (m, pair.protected.originals[int(m.group(1)) - 1])
        for m in re.finditer(r"⟦(\d+)⟧", pair.faithful)
    ]
    found = [(m, original) for m, original in found if "@" in original or "://" in original]
    if not found:
        return None
    match, original = _choice(data, found, "address")
    altered = _choice(
        data,
        [
            original.replace("hello@", "hallo@"),
            original.replace("pauseai.nl", "pauseai.org"),
            original.replace("/faq", f"/{pair.language}/faq"),
            original.replace("a", "а", 1),  # Cyrillic
        ],
        "altered",
    )
    text = pair.faithful
    return text[: match.start()] + altered + text[match.end() :]


def symbol_dropped(pair: Pair, data: _Drawer) -> str | None:
    found = list(re.finditer(r"\s?(?:#\w+|📸)", pair.faithful))
    if not found:
        return None
    symbol = _choice(data, found, "symbol")
    return pair.faithful[: symbol.start()] + pair.faithful[symbol.end() :]


def negation_dropped(pair: Pair, data: _Drawer) -> str | None:
    said, without = _NEGATION_DROPPED[pair.language]
    if pair.name != "no_flags" or said not in pair.faithful:
        return None
    return pair.faithful.replace(said, without, 1)


def untranslated_or_another_target(pair: Pair, data: _Drawer) -> str | None:
    if data.draw(st.booleans(), label="source"):
        return pair.protected.text
    others = [p for p in PAIRS if p.name == pair.name and p.language != pair.language]
    other = _choice(data, others, "other target")
    return other.faithful if _tellable(pair, other) else None


def first_paragraph_only(pair: Pair, data: _Drawer) -> str | None:
    paragraphs = pair.faithful.split("\n\n")
    if len(paragraphs) < 2 or pair.faithful.startswith("#"):
        return None
    return paragraphs[0]


def escapes_leaked(pair: Pair, data: _Drawer) -> str | None:
    text = pair.faithful
    how = _choice(data, ["newline", "ampersand", "apostrophe", "quote"], "how")
    if how == "newline" and "\n" in text:
        return text.replace("\n", "\\n")
    if how == "ampersand":
        return text.replace(" ", " &amp; ", 1) if " " in text else None
    if how == "apostrophe" and "'" in text:
        return text.replace("'", "&#39;")
    if how == "quote":
        return '\\"' + text + '\\"'
    return None


HARMFUL: dict[str, Damage] = {
    "month changed": month_changed,
    "hour changed": hour_changed,
    "cut after a small word": cut_after_small_word,
    "third language": third_language,
    "days swapped between places": days_swapped_between_places,
    "chatter after in its language": chatter_after_in_its_language,
    "list flattened": list_flattened,
    "heading lost": heading_lost,
    "link token dropped or repeated": link_token_dropped_or_repeated,
    "address altered": address_altered,
    "symbol dropped": symbol_dropped,
    "negation dropped": negation_dropped,
    "untranslated or another target": untranslated_or_another_target,
    "first paragraph only": first_paragraph_only,
    "escapes leaked": escapes_leaked,
}
