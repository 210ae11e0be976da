"""A model that damages its answers in ways drawn at random, for property tests.

`PAIRS` holds segments of a protest page (as `split_text` cuts them) with a faithful
translation into Dutch, German, French, Spanish and Russian, written with the real links,
code and placeholders; `Pair.faithful` gives it with the ⟦n⟧ tokens the model sees. Each
function of `DAMAGES` draws how to damage one answer and returns the damaged answer, or None
where that damage cannot happen to that segment (no link to drop, one sentence only).
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from hypothesis import strategies as st

from turnout.translation.placeholders import PLACEHOLDER, ProtectedText, protect

LANGUAGES = ("nl", "de", "fr", "es", "ru")


@dataclass(frozen=True)
class Pair:
    name: str
    source: str
    language: str
    translation: str  # with the real links, code and placeholders, as a page shows it

    @cached_property
    def protected(self) -> ProtectedText:
        return protect(self.source)

    @cached_property
    def faithful(self) -> str:
        """The translation with the source's ⟦n⟧ tokens where its protected parts stand."""
        own = protect(self.translation)
        unused = list(enumerate(self.protected.originals, start=1))

        def token(match: re.Match) -> str:
            original = own.originals[int(match.group(1)) - 1]
            for index, (number, candidate) in enumerate(unused):
                if candidate == original:
                    del unused[index]
                    return f"⟦{number}⟧"
            raise ValueError(f"{self.name}/{self.language}: {original} is not in the source")

        return PLACEHOLDER.sub(token, own.text)


# name: (source, {language: translation}). Tricky but faithful: Dutch and German longer,
# Spanish shorter, clauses reordered, "2" written as a word, dates in the target's format,
# cities translated (Den Haag, La Haya), brand names kept (PauseAI, OpenStreetMap).
_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "heading": (
        "## Why we march on 12 May {#why}",
        {
            "nl": "## Waarom we op 12 mei de straat op gaan {#why}",
            "de": "## Warum wir am 12. Mai demonstrieren {#why}",
            "fr": "## Pourquoi nous marchons le 12 mai {#why}",
            "es": "## Por qué marchamos el 12 de mayo {#why}",
            "ru": "## Почему мы выходим на улицы 12 мая {#why}",
        },
    ),
    "gather": (
        "On Saturday 12 May 2029 we gather at **Dam Square** in Amsterdam at 14:00. Read "
        "[our proposal](https://pauseai.info/proposal) before you come. Questions? Write to "
        "info@pauseai.info.",
        {
            "nl": "Op zaterdag 12 mei 2029 verzamelen we om 14:00 op de **Dam** in Amsterdam. "
            "Lees [ons voorstel](https://pauseai.info/proposal) voordat je komt. Vragen? "
            "Schrijf naar info@pauseai.info.",
            "de": "Am Samstag, dem 12.05.2029, treffen wir uns um 14 Uhr auf dem **Dam-Platz** "
            "in Amsterdam. Lies [unseren Vorschlag](https://pauseai.info/proposal), bevor du "
            "kommst. Fragen? Schreib an info@pauseai.info.",
            "fr": "Le samedi 12 mai 2029, nous nous retrouvons à 14 h sur la **place du Dam** à "
            "Amsterdam. Lisez [notre proposition](https://pauseai.info/proposal) avant de "
            "venir. Des questions ? Écrivez à info@pauseai.info.",
            "es": "El sábado 12 de mayo de 2029 nos reunimos a las 14:00 en la **plaza Dam** de "
            "Ámsterdam. Lee [nuestra propuesta](https://pauseai.info/proposal) antes de venir. "
            "¿Preguntas? Escribe a info@pauseai.info.",
            "ru": "В субботу, 12 мая 2029 года, мы собираемся в 14:00 на **площади Дам** в "
            "Амстердаме. Прочитайте [наше предложение](https://pauseai.info/proposal), прежде "
            "чем прийти. Есть вопросы? Пишите на info@pauseai.info.",
        },
    ),
    "item": (
        "- Bring water, a *charged phone* and €5 for the banner fund.",
        {
            "nl": "- Neem water, een *opgeladen telefoon* en €5 voor het spandoekfonds mee.",
            "de": "- Bringt Wasser, ein *geladenes Handy* und 5 € für die Bannerkasse mit.",
            "fr": "- Apportez de l'eau, un *téléphone chargé* et 5 € pour la caisse des "
            "banderoles.",
            "es": "- Trae agua, un *móvil cargado* y 5 € para el fondo de pancartas.",
            "ru": "- Возьмите воду, *заряженный телефон* и 5 € на баннеры.",
        },
    ),
    "greeting": (
        "Hello %(name)s, you have {count} new messages from the organizers of the Utrecht group.",
        {
            "nl": "Hallo %(name)s, je hebt {count} nieuwe berichten van de organisatoren van de "
            "groep in Utrecht.",
            "de": "Hallo %(name)s, du hast {count} neue Nachrichten von den Organisatoren der "
            "Utrechter Gruppe.",
            "fr": "Bonjour %(name)s, vous avez {count} nouveaux messages des organisateurs du "
            "groupe d'Utrecht.",
            "es": "Hola %(name)s, tienes {count} mensajes nuevos de los organizadores del grupo "
            "de Utrecht.",
            "ru": "Здравствуйте, %(name)s, у вас {count} новых сообщений от организаторов "
            "утрехтской группы.",
        },
    ),
    "share": (
        "Share the hashtag `#PauseAI` and tag us. <strong>Never</strong> share the private "
        "meeting point with strangers.",
        {
            "nl": "Deel de hashtag `#PauseAI` en tag ons. Deel het besloten verzamelpunt "
            "<strong>nooit</strong> met onbekenden.",
            "de": "Teilt den Hashtag `#PauseAI` und markiert uns. Gebt den privaten Treffpunkt "
            "<strong>niemals</strong> an Fremde weiter.",
            "fr": "Partagez le hashtag `#PauseAI` et identifiez-nous. Ne partagez "
            "<strong>jamais</strong> le point de rendez-vous privé avec des inconnus.",
            "es": "Comparte el hashtag `#PauseAI` y etiquétanos. <strong>Nunca</strong> "
            "compartas el punto de encuentro privado con desconocidos.",
            "ru": "Делитесь хештегом `#PauseAI` и отмечайте нас. <strong>Никогда</strong> не "
            "сообщайте незнакомым людям закрытое место встречи.",
        },
    ),
    "image": (
        "![Protesters on the Museumplein](https://example.org/img/march-2028.jpg) Last year "
        "1,200 people joined us in The Hague. This year we expect twice as many.",
        {
            "nl": "![Demonstranten op het Museumplein](https://example.org/img/march-2028.jpg) "
            "Vorig jaar liepen 1.200 mensen met ons mee in Den Haag. Dit jaar verwachten we er "
            "twee keer zoveel.",
            "de": "![Demonstrierende auf dem Museumplein](https://example.org/img/march-2028.jpg)"
            " Letztes Jahr waren 1.200 Menschen mit uns in Den Haag. Dieses Jahr erwarten wir "
            "doppelt so viele.",
            "fr": "![Manifestants sur le Museumplein](https://example.org/img/march-2028.jpg) "
            "L'an dernier, 1 200 personnes nous ont rejoints à La Haye. Cette année, nous en "
            "attendons deux fois plus.",
            "es": "![Manifestantes en el Museumplein](https://example.org/img/march-2028.jpg) "
            "El año pasado, 1.200 personas se unieron a nosotros en La Haya. Este año esperamos "
            "el doble.",
            "ru": "![Участники акции на Музейной площади](https://example.org/img/march-2028.jpg)"
            " В прошлом году к нам в Гааге присоединились 1 200 человек. В этом году мы ждём "
            "вдвое больше.",
        },
    ),
    "training": (
        "2. Sign up for the training on 3 June at 19:30 via the [form](/en/training/).",
        {
            "nl": "2. Meld je aan voor de training op 3 juni om 19.30 uur via het "
            "[formulier](/en/training/).",
            "de": "2. Meldet euch über das [Formular](/en/training/) für das Training am 3. Juni "
            "um 19:30 Uhr an.",
            "fr": "2. Inscrivez-vous à la formation du 3 juin à 19 h 30 via le "
            "[formulaire](/en/training/).",
            "es": "2. Apúntate a la formación del 3 de junio a las 19:30 mediante el "
            "[formulario](/en/training/).",
            "ru": "2. Запишитесь на тренинг 3 июня в 19:30 через [форму](/en/training/).",
        },
    ),
    "quote": (
        "> We do not want to stop technology.\n>\n> We want it to be safe for everyone, "
        "everywhere.",
        {
            "nl": "> We willen technologie niet tegenhouden.\n>\n> We willen dat ze veilig is "
            "voor iedereen, overal.",
            "de": "> Wir wollen Technik nicht aufhalten.\n>\n> Wir wollen, dass sie für alle und "
            "überall sicher ist.",
            "fr": "> Nous ne voulons pas arrêter la technologie.\n>\n> Nous voulons qu'elle soit "
            "sûre pour tout le monde, partout.",
            "es": "> No queremos detener la tecnología.\n>\n> Queremos que sea segura para "
            "todos, en todas partes.",
            "ru": "> Мы не хотим останавливать технологии.\n>\n> Мы хотим, чтобы они были "
            "безопасны для всех и везде.",
        },
    ),
    "bus": (
        "Tickets for the bus from Rotterdam cost €12.50 and the bus leaves at 8:15 sharp. "
        "Children under 12 travel for free!",
        {
            "nl": "Een buskaartje vanuit Rotterdam kost € 12,50 en de bus vertrekt om 8.15 uur "
            "precies. Kinderen onder de 12 reizen gratis!",
            "de": "Die Bustickets ab Rotterdam kosten 12,50 € und der Bus fährt pünktlich um "
            "8:15 Uhr ab. Kinder unter 12 fahren kostenlos!",
            "fr": "Le billet de bus au départ de Rotterdam coûte 12,50 € et le bus part à 8 h 15 "
            "précises. Les enfants de moins de 12 ans voyagent gratuitement !",
            "es": "Los billetes del autobús desde Róterdam cuestan 12,50 € y el autobús sale a "
            "las 8:15 en punto. ¡Los menores de 12 años viajan gratis!",
            "ru": "Билет на автобус из Роттердама стоит 12,50 €, автобус отправляется ровно в "
            "8:15. Дети до 12 лет едут бесплатно!",
        },
    ),
    "friends": (
        "Bring 2 friends and meet us at the station.",
        {
            "nl": "Neem twee vrienden mee en kom naar het station.",
            "de": "Bringt zwei Freunde mit und trefft uns am Bahnhof.",
            "fr": "Venez avec deux amis et retrouvez-nous à la gare.",
            "es": "Trae a dos amigos y nos vemos en la estación.",
            "ru": "Приведите двух друзей и встречайте нас на вокзале.",
        },
    ),
    "brands": (
        "Our partners at OpenStreetMap provide the maps, and the PauseAI app sends you a "
        "reminder one day before.",
        {
            "nl": "De kaarten komen van onze partners bij OpenStreetMap, en de PauseAI-app "
            "stuurt je een dag van tevoren een herinnering.",
            "de": "Die Karten stellen unsere Partner von OpenStreetMap bereit, und die "
            "PauseAI-App erinnert dich einen Tag vorher.",
            "fr": "Nos partenaires d'OpenStreetMap fournissent les cartes, et l'application "
            "PauseAI vous envoie un rappel la veille.",
            "es": "Nuestros socios de OpenStreetMap nos dan los mapas, y la app de PauseAI te "
            "envía un recordatorio un día antes.",
            "ru": "Карты предоставляют наши партнёры из OpenStreetMap, а приложение PauseAI "
            "напомнит вам о встрече за день.",
        },
    ),
    "label": (
        "Sign up now",
        {
            "nl": "Meld je nu aan",
            "de": "Jetzt anmelden",
            "fr": "Inscrivez-vous maintenant",
            "es": "Apúntate ya",
            "ru": "Записаться",
        },
    ),
    "title": (
        "Pause Day in Berlin",
        {
            "nl": "Pauzedag in Berlijn",
            "de": "Pausentag in Berlin",
            "fr": "Journée de pause à Berlin",
            "es": "Día de la Pausa en Berlín",
            "ru": "День паузы в Берлине",
        },
    ),
    "press": (
        "Journalists can reach us at [press@pauseai.info](mailto:press@pauseai.info) or on "
        "https://pauseai.info/press.",
        {
            "nl": "Journalisten bereiken ons via [press@pauseai.info](mailto:press@pauseai.info) "
            "of op https://pauseai.info/press.",
            "de": "Journalisten erreichen uns unter [press@pauseai.info](mailto:press@pauseai.info)"
            " oder auf https://pauseai.info/press.",
            "fr": "Les journalistes peuvent nous joindre à "
            "[press@pauseai.info](mailto:press@pauseai.info) ou sur https://pauseai.info/press.",
            "es": "Los periodistas pueden escribirnos a "
            "[press@pauseai.info](mailto:press@pauseai.info) o visitar https://pauseai.info/press.",
            "ru": "Журналисты могут связаться с нами по адресу "
            "[press@pauseai.info](mailto:press@pauseai.info) или на https://pauseai.info/press.",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]


def pair(name: str, language: str) -> Pair:
    return next(p for p in PAIRS if p.name == name and p.language == language)


# --- What models write around a translation -------------------------------------------------

PREAMBLES = [
    "Sure! Here is the translation:",
    "Here's the {language} version:",
    "Certainly.",
    "Hier is de vertaling:",
    "Natuurlich! Hier ist die Übersetzung:",
    "Voici la traduction :",
    "¡Claro! Aquí tienes la traducción:",
    "Вот перевод:",
    "Translation:",
]
CLOSINGS = [
    "Let me know if you need any changes.",
    "Note: I kept the placeholders as they were.",
    "Laat het me weten als je nog iets wilt aanpassen.",
    "Hinweis: Die Platzhalter wurden beibehalten.",
    "N'hésitez pas à me demander d'autres modifications.",
    "Espero que te sirva.",
    "Примечание: форматирование сохранено.",
    '(I translated "strangers" loosely.)',
]
REFUSALS = [
    "I'm sorry, but I can't help with that request.",
    "I cannot translate this text because it may promote a protest.",
    "Het spijt me, maar daar kan ik niet mee helpen.",
    "Es tut mir leid, aber dabei kann ich nicht helfen.",
    "Je suis désolé, mais je ne peux pas traduire ce texte.",
    "Lo siento, no puedo ayudar con eso.",
    "Извините, я не могу помочь с этим запросом.",
]
QUOTES = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("'", "'"), ("«\u00a0", "\u00a0»")]
INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\ufeff", "\u2060"]
# Cyrillic letters that look like Latin ones.
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[¿¡]?[A-ZÀ-ÖØ-ÞА-ЯЁ⟦])")
_TOKEN = re.compile(r"⟦\d+⟧")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
# Fewer words than this do not tell close languages apart by their function words
# ("Pausentag in Berlin"; "No queremos detener la tecnología" holds none that Spanish does not
# share with Portuguese or French).
_WORDS_TO_TELL_LANGUAGES = 15
_WORDS_IN_A_TELLING_SENTENCE = 9

Damage = Callable[[Pair, "_Drawer"], str | None]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def _choice(data: "_Drawer", options: list, label: str):
    return data.draw(st.sampled_from(options), label=label)


# --- Harmless damage: a person would see the translation is there, whole --------------------


def chatter_before(pair: Pair, data: "_Drawer") -> str:
    preamble = _choice(data, PREAMBLES, "preamble").format(language="Dutch")
    gap = _choice(data, ["\n\n", "\n", " "], "gap")
    return preamble + gap + pair.faithful


def chatter_after(pair: Pair, data: "_Drawer") -> str:
    return (
        pair.faithful
        + _choice(data, ["\n\n", "\n", " "], "gap")
        + _choice(data, CLOSINGS, "closing")
    )


def fence(pair: Pair, data: "_Drawer") -> str:
    opening = _choice(data, ["```", "```markdown", "~~~", "```md"], "fence")
    return f"{opening}\n{pair.faithful}\n{opening[:3]}"


def quoted(pair: Pair, data: "_Drawer") -> str:
    opening, closing = _choice(data, QUOTES, "quotes")
    return opening + pair.faithful + closing


# --- Damage to the content -----------------------------------------------------------------


def truncated(pair: Pair, data: "_Drawer") -> str | None:
    """Cut off where a proxy or a stop sequence cut it: at least a word gone."""
    text = pair.faithful
    spaces = [m.start() for m in re.finditer(r"\s", text)]
    if len(spaces) < 3 or not re.search(r"[.!?]\W*$|⟧$", text):
        return None  # a title cut after a word reads as a shorter title: only meaning tells
    return text[: _choice(data, spaces[len(spaces) // 3 :], "cut at")]


def looped(pair: Pair, data: "_Drawer") -> str:
    found = sentences(pair.faithful)
    times = data.draw(st.integers(2, 5), label="times")
    if len(found) > 1 and data.draw(st.booleans(), label="one sentence"):
        index = data.draw(st.integers(0, len(found) - 1), label="sentence")
        found[index] = " ".join([found[index]] * times)
        return " ".join(found)
    separator = _choice(data, [" ", "\n\n", "\n"], "separator")
    return separator.join([pair.faithful] * times)


def sentence_dropped(pair: Pair, data: "_Drawer") -> str | None:
    found = sentences(pair.faithful)
    if len(found) < 2:
        return None
    del found[data.draw(st.integers(0, len(found) - 1), label="dropped")]
    return " ".join(found)


def paragraph_dropped(pair: Pair, data: "_Drawer") -> str | None:
    paragraphs = pair.faithful.split("\n>\n")
    if len(paragraphs) < 2:
        return None
    del paragraphs[data.draw(st.integers(0, len(paragraphs) - 1), label="dropped")]
    return "\n>\n".join(paragraphs)


def sentences_swapped(pair: Pair, data: "_Drawer") -> str | None:
    """Two sentences of the segment trade places, across its paragraphs or inside one."""
    text = pair.faithful
    if "\n>\n" in text:
        first, second = text.split("\n>\n", 1)
        if not tell_apart(first, second):
            return None
        return f"{_quote_line(second)}\n>\n{_quote_line(first)}"
    found = sentences(text)
    swappable = [
        (i, j)
        for i in range(len(found))
        for j in range(i + 1, len(found))
        if tell_apart(found[i], found[j])
    ]
    if not swappable:
        return None
    i, j = _choice(data, swappable, "swapped")
    found[i], found[j] = found[j], found[i]
    return " ".join(found)


def _quote_line(text: str) -> str:
    return "> " + text.removeprefix("> ")


def sentence_from_another_segment(pair: Pair, data: "_Drawer") -> str | None:
    """One sentence replaced by a sentence of another segment's translation that differs in
    what a check can see without understanding the words (see `observable`)."""
    found = sentences(pair.faithful)
    if not found:
        return None
    index = data.draw(st.integers(0, len(found) - 1), label="replaced")
    originals = sentences(pair.protected.text)
    # Compared with the source's sentence: an earlier damage may have changed this one.
    replaced = originals[index] if len(originals) == len(found) else found[index]
    others = [
        sentence
        for other in PAIRS
        if other.language == pair.language and other.name != pair.name
        for sentence in sentences(other.faithful)
        if not re.match(r"^\s*(#|-|\d+\.|>)", sentence) and tell_apart(sentence, replaced)
    ]
    if not others:
        return None
    found[index] = _choice(data, others, "foreign sentence")
    return " ".join(found)


def observable(text: str) -> tuple:
    """What tells texts apart without understanding them: their tokens, their numbers above
    twelve, their Markdown marker, whether they end as a question, with a full stop or with
    neither (translators add and drop "!", so it tells nothing). Two
    texts alike in these can trade places unnoticed ("We want it safe." for "We do not want
    to stop it."): only meaning tells."""
    numbers = sorted(n for n in _NUMBER.findall(PLACEHOLDER.sub(" ", text)) if int(n) > 12)
    marker = re.match(r"^\s*(#+|-|\d+\.|>)?", text)
    ending = text.rstrip(' *_»"⟧0123456789⟦')[-1:]
    return (
        tuple(sorted(PLACEHOLDER.findall(text))),
        tuple(numbers),
        marker.group(1) if marker else None,
        ending if ending in "?.!" else "",
    )


def tell_apart(one: str, other: str) -> bool:
    """Whether `observable` tells the texts apart; "!" is added and dropped by translators
    ("Sign up now", "¡Apúntate ya!"), so it tells only against a question mark."""
    *rest_one, end_one = observable(one)
    *rest_other, end_other = observable(other)
    if rest_one != rest_other:
        return True
    return (
        end_one != end_other
        and "!" not in (end_one, end_other)
        or {end_one, end_other}
        == {
            "!",
            "?",
        }
    )


def another_segment(pair: Pair, data: "_Drawer") -> str | None:
    """The answer to another request (a server that mixed its answers up), one that differs
    in what `observable` sees."""
    others = [
        p
        for p in PAIRS
        if p.language == pair.language and tell_apart(p.faithful, pair.protected.text)
    ]
    return _choice(data, others, "other segment").faithful


def link_target_changed(pair: Pair, data: "_Drawer") -> str | None:
    """A link's or image's token replaced by a target the model wrote (changed, translated,
    with a look-alike letter)."""
    tokens = [(m.start(1), m.end(1)) for m in re.finditer(r"\](⟦\d+⟧)", pair.faithful)]
    if not tokens:
        return None
    start, end = _choice(data, tokens, "link")
    original = pair.protected.restore(pair.faithful[start:end])
    url = original.strip("()")
    how = _choice(data, ["evil", "translated", "homoglyph", "other token"], "how")
    if how == "evil":
        target = "(https://pauseai-info.example/proposal)"
    elif how == "translated":
        target = "(" + url.replace("/en/", f"/{pair.language}/").replace("proposal", "voorstel")
        target = target.replace("press", "pers").replace(".jpg", "-nl.jpg") + ")"
    elif how == "homoglyph":
        letter = next((ch for ch in url.split("//")[-1] if ch in HOMOGLYPHS), "")
        if not letter:
            return None
        target = "(" + url.replace(letter, HOMOGLYPHS[letter], 1) + ")"
    else:
        numbers = [int(n) for n in PLACEHOLDER.findall(pair.faithful)]
        target = f"⟦{max(numbers) + 1}⟧"
    return pair.faithful[:start] + target + pair.faithful[end:]


def link_dropped(pair: Pair, data: "_Drawer") -> str | None:
    links = list(re.finditer(r"!?\[([^\]]*)\]⟦\d+⟧", pair.faithful))
    if not links:
        return None
    link = _choice(data, links, "link")
    return pair.faithful[: link.start()] + link.group(1) + pair.faithful[link.end() :]


def link_added(pair: Pair, data: "_Drawer") -> str | None:
    words = list(re.finditer(r"(?<![\w⟦\[])([^\W\d_]{4,})(?![\w⟧\]])", pair.faithful))
    if not words:
        return None
    word = _choice(data, words, "word")
    target = _choice(
        data,
        ["(https://pauseai.info)", "(/donate/)", "(mailto:x@example.org)", "⟦1⟧"],
        "target",
    )
    text = pair.faithful
    return text[: word.start()] + f"[{word.group(1)}]{target}" + text[word.end() :]


def number_changed(pair: Pair, data: "_Drawer") -> str | None:
    found = list(
        _NUMBER.finditer(
            PLACEHOLDER.sub(lambda m: "⟦" + "x" * len(m.group(1)) + "⟧", pair.faithful)
        )
    )
    # Only numbers the source writes in digits: a month's number where the source names the
    # month ("12.05.2029" for "12 May") is not checked against the name (left to do).
    in_source = {int(n) for n in _NUMBER.findall(PLACEHOLDER.sub(" ", pair.protected.text))}
    found = [m for m in found if int(m.group(0)) in in_source]
    if not found:
        return None
    number = _choice(data, found, "number")
    value = int(number.group(0))
    new = _choice(data, [value + 1, value - 1, value * 10, value + 7], "new")
    if new < 0 or str(new) == number.group(0):
        return None
    if len(str(new)) < len(number.group(0)):
        new_text = str(new).zfill(len(number.group(0)))  # "05" stays two digits
    else:
        new_text = str(new)
    text = pair.faithful
    return text[: number.start()] + new_text + text[number.end() :]


def placeholder_damaged(pair: Pair, data: "_Drawer") -> str | None:
    tokens = list(_TOKEN.finditer(pair.faithful))
    if not tokens:
        return None
    token = _choice(data, tokens, "token")
    original = pair.protected.restore(token.group(0))
    how = _choice(data, ["dropped", "duplicated", "translated", "restored"], "how")
    text = pair.faithful
    if how == "dropped":
        replacement = ""
    elif how == "duplicated":
        replacement = token.group(0) + " " + token.group(0)
    elif how == "translated":
        replacement = {
            "%(name)s": "%(naam)s",
            "{count}": "{aantal}",
            "`#PauseAI`": "`#PauzeAI`",
            "<strong>": "<b>",
            "</strong>": "</b>",
        }.get(original, "⟦" + token.group(0)[1:-1] + "0⟧")
    else:
        # The model wrote what the token stands for: only harmless when it is exactly that,
        # so it is changed the way models change it (a space, a letter case).
        replacement = original.replace("%(name)s", "%(Name)s").replace("{count}", "{ count }")
        replacement = replacement.replace("https://", "http://").replace("`", "'")
        if replacement == original:
            replacement = original.upper() if original.upper() != original else original + " "
    return text[: token.start()] + replacement + text[token.end() :]


def structure_broken(pair: Pair, data: "_Drawer") -> str | None:
    text = pair.faithful
    how = _choice(data, ["heading level", "list flattened", "marker changed", "quote lost"], "how")
    if how == "heading level" and text.startswith("#"):
        return "#" + text if data.draw(st.booleans(), label="deeper") else text[1:]
    if how == "list flattened" and re.match(r"^(-|\d+\.) ", text):
        return re.sub(r"^(-|\d+\.) ", "", text)
    if how == "marker changed" and re.match(r"^(-|\d+\.) ", text):
        return re.sub(r"^(-|\d+\.) ", _choice(data, ["* ", "1. ", "3) ", "-- "], "marker"), text)
    if how == "quote lost" and text.startswith(">"):
        return re.sub(r"^>\s?", "", text, flags=re.MULTILINE).strip()
    return None


def emphasis_unbalanced(pair: Pair, data: "_Drawer") -> str | None:
    runs = list(re.finditer(r"\*+", pair.faithful))
    text = pair.faithful
    if not runs:
        words = list(re.finditer(r"[^\W\d_]{4,}", text))
        if not words:
            return None
        word = _choice(data, words, "word")
        return text[: word.start()] + "**" + word.group(0) + text[word.end() :]
    run = _choice(data, runs, "run")
    replacement = _choice(data, ["", "*" * (len(run.group(0)) + 1), "_", '"'], "replacement")
    return text[: run.start()] + replacement + text[run.end() :]


def html_added(pair: Pair, data: "_Drawer") -> str:
    tag = _choice(
        data,
        [
            "<script>alert(1)</script>",
            "<b>",
            "<br>",
            "<img src=x onerror=alert(1)>",
            '<a href="https://evil.example">',
            "<!-- vertaald -->",
        ],
        "tag",
    )
    spaces = [m.start() for m in re.finditer(" ", pair.faithful)] or [len(pair.faithful)]
    at = _choice(data, spaces, "at")
    return pair.faithful[:at] + " " + tag + pair.faithful[at:]


def untranslated(pair: Pair, data: "_Drawer") -> str:
    return pair.protected.text


def third_language(pair: Pair, data: "_Drawer") -> str | None:
    # "Pausentag in Berlin" could be a Dutch title as well: short texts are left out.
    others = [
        p
        for p in PAIRS
        if p.name == pair.name
        and p.language != pair.language
        and len(_WORD.findall(p.faithful)) >= _WORDS_TO_TELL_LANGUAGES
    ]
    if not others:
        return None
    return _choice(data, others, "other language").faithful


def mixed_languages(pair: Pair, data: "_Drawer") -> str | None:
    """Some sentences in another language (or left in English), the rest translated."""
    found = sentences(pair.faithful)
    others = [p for p in PAIRS if p.name == pair.name and p.language != pair.language]
    other = _choice(data, others, "other language")
    theirs = sentences(other.faithful)
    if data.draw(st.booleans(), label="english"):
        theirs = sentences(pair.protected.text)
    if len(found) < 2 or len(theirs) != len(found):
        return None
    index = data.draw(st.integers(0, len(found) - 1), label="sentence")
    if len(_WORD.findall(theirs[index])) < _WORDS_IN_A_TELLING_SENTENCE:
        return None  # "Lies unseren Vorschlag, bevor du kommst." among Dutch: too few to tell
    found[index] = theirs[index]
    return " ".join(found)


def invisible_added(pair: Pair, data: "_Drawer") -> str:
    character = _choice(data, INVISIBLE, "character")
    at = data.draw(st.integers(0, len(pair.faithful)), label="at")
    return pair.faithful[:at] + character + pair.faithful[at:]


def blank_line_changed(pair: Pair, data: "_Drawer") -> str | None:
    text = pair.faithful
    if "\n>\n" in text:  # the quote's two paragraphs merged into one
        return text.replace("\n>\n", "\n", 1)
    spaces = [m.start() for m in re.finditer(r"(?<=[.!?]) ", text)]
    if not spaces:
        return None
    at = _choice(data, spaces, "at")
    return text[:at] + "\n\n" + text[at + 1 :]


def refusal(pair: Pair, data: "_Drawer") -> str:
    return _choice(data, REFUSALS, "refusal")


def empty(pair: Pair, data: "_Drawer") -> str:
    return _choice(data, ["", " ", "\n\n", '""', "``````"], "empty")


def as_json(pair: Pair, data: "_Drawer") -> str:
    key = _choice(data, ["translation", "text", "nl", "output"], "key")
    shape = _choice(data, ["object", "list", "cut"], "shape")
    encoded = json.dumps({key: pair.faithful}, ensure_ascii=False)
    if shape == "list":
        return json.dumps([pair.faithful], ensure_ascii=False)
    if shape == "cut":
        return encoded[: max(12, len(encoded) // 2)]
    return encoded


HARMLESS: dict[str, Damage] = {
    "chatter before": chatter_before,
    "chatter after": chatter_after,
    "fence": fence,
    "quoted": quoted,
}
HARMFUL: dict[str, Damage] = {
    "truncated": truncated,
    "looped": looped,
    "sentence dropped": sentence_dropped,
    "paragraph dropped": paragraph_dropped,
    "sentences swapped": sentences_swapped,
    "sentence from another segment": sentence_from_another_segment,
    "another segment": another_segment,
    "link target changed": link_target_changed,
    "link dropped": link_dropped,
    "link added": link_added,
    "number changed": number_changed,
    "placeholder damaged": placeholder_damaged,
    "structure broken": structure_broken,
    "emphasis unbalanced": emphasis_unbalanced,
    "html added": html_added,
    "untranslated": untranslated,
    "third language": third_language,
    "mixed languages": mixed_languages,
    "invisible added": invisible_added,
    "blank line changed": blank_line_changed,
    "refusal": refusal,
    "empty": empty,
    "json": as_json,
}
DAMAGES: dict[str, Damage] = {**HARMLESS, **HARMFUL}


@dataclass(frozen=True)
class Damaged:
    pair: Pair
    answer: str
    applied: tuple[str, ...]


@st.composite
def damaged_answers(draw, damages: dict[str, Damage] = DAMAGES, most: int = 3) -> Damaged:
    """A faithful answer with one to `most` damages applied in turn; the later ones damage
    what the earlier ones left (a fenced answer cut off, a looping answer with a preamble)."""
    data = _Drawer(draw)
    chosen = draw(st.lists(st.sampled_from(sorted(damages)), min_size=1, max_size=most))
    start = draw(st.sampled_from(PAIRS), label="pair")
    current = start
    applied = []
    for name in chosen:
        answer = damages[name](current, data)
        if answer is None:
            continue
        applied.append(name)
        # The next damage works on this answer, as if it were the translation.
        current = _Answered(current.name, current.source, current.language, "", answer)
    if not applied:
        return Damaged(start, current.faithful, ())
    return Damaged(start, current.faithful, tuple(applied))


class _Drawer:
    """`draw` of a composite strategy, read as `DataObject.draw` (labels are not kept)."""

    def __init__(self, draw) -> None:
        self._draw = draw

    def draw(self, strategy, label: str = ""):
        return self._draw(strategy)


@dataclass(frozen=True)
class _Answered(Pair):
    """A pair whose answer is already given with tokens (a damaged one, to damage further)."""

    answer: str = ""

    @cached_property
    def faithful(self) -> str:
        return self.answer
