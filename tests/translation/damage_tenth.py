"""A tenth round of ways a model damages its answers, drawn at random for property tests: an
e-mail or web address written out with one character changed, a phone number regrouped with
a digit changed, a date moved by a day, a 24-hour time read as a 12-hour one (15:00 as 3:00),
an amount or its currency changed, a "not" dropped or added, half the answer left in the
source's language, a list item dropped, a heading's level changed, a link's href translated,
a placeholder's name translated (%(city)s as %(stad)s), a "Note:" added after the answer in
its own language, the answer in quotation marks, a hashtag translated, an emoji dropped, a
count written in words changed ("drie steden" as "vier steden"), a person's name changed in
the answer's own script ("ماريا بيتروفا" as "ماريا سميرنوفا") and a city swapped.

`PAIRS` (`damage_tenth_pairs.py`) are faithful translations into ten languages; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_tenth_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# Addresses written out by the model with one character changed, instead of their token.
_OTHER_ADDRESSES = {
    "info@pauseai.nl": ("info@pauseal.nl", "info@pausea.nl", "lnfo@pauseai.nl",
                        "info@pauseai.n1", "info@pauseai.ml"),
    "https://pauseai.info/join": ("https://pauseai.info/jion", "https://pauseai.lnfo/join",
                                  "https://pauseal.info/join", "http://pauseai.info/join"),
}  # fmt: skip
_OTHER_PHONES = ("+31 20 123 4667", "+31 20 1234 576", "+31 (0)20 123 4576", "+32 20 123 4567",
                 "+31 201 234 568", "020 123 4576")  # fmt: skip
# Each answer's date and time of the march, as it writes them.
_DATES = {
    "nl": "14 juni", "de": "14. Juni", "fr": "14 juin", "es": "14 de junio", "ja": "6月14日",
    "ar": "14 يونيو", "he": "14 ביוני", "pl": "14 czerwca", "tr": "14 Haziran", "zh": "6月14日",
}  # fmt: skip
_TIMES = {
    "nl": "15:00", "de": "15:00 Uhr", "fr": "15 h", "es": "las 15:00", "ja": "15:00",
    "ar": "15:00", "he": "15:00", "pl": "15:00", "tr": "15:00'te", "zh": "15:00",
}  # fmt: skip
# The ticket's price as written, and that price in another currency.
_PRICES = {
    "nl": ("€ 12,50", ("$ 12,50", "£ 12,50")), "de": ("12,50 €", ("12,50 $", "12,50 Dollar")),
    "fr": ("12,50 €", ("12,50 $", "12,50 £")), "es": ("12,50 €", ("12,50 dólares", "12,50 $")),
    "ja": ("12.50ユーロ", ("12.50ドル", "12.50円")),
    "ar": ("12.50 يورو", ("12.50 دولار", "12.50 $")),
    "he": ("12.50 €", ("12.50 דולר", "12.50 ₪")), "pl": ("12,50 €", ("12,50 dolarów", "12,50 zł")),
    "tr": ("12,50 €", ("12,50 $", "12,50 ₺")), "zh": ("12.50欧元", ("12.50美元", "12.50日元")),
}  # fmt: skip
_OTHER_AMOUNTS = {"12,50": ("12,05", "21,50", "15,50", "2,50"),
                  "12.50": ("12.05", "21.50", "15.50", "2.50")}  # fmt: skip
# The march's "do not bring" and the same sentence without its "not".
_NEGATIONS = {
    "nl": ("Neem geen glazen flessen mee.", "Neem glazen flessen mee."),
    "de": ("Bringt keine Glasflaschen mit.", "Bringt Glasflaschen mit."),
    "fr": ("N'apportez pas de bouteilles en verre.", "Apportez des bouteilles en verre."),
    "es": ("No traigas botellas de vidrio.", "Trae botellas de vidrio."),
    "ja": ("持ってこないでください", "持ってきてください"),
    "ar": ("لا تحضروا", "أحضروا"),
    "he": ("אל תביאו", "הביאו"),
    "pl": ("Nie przynoście szklanych butelek.", "Przynieście szklane butelki."),
    "tr": ("getirmeyin", "getirin"),
    "zh": ("请不要携带玻璃瓶", "请携带玻璃瓶"),
}
# The appeal with a "not" it lacks: "we ask them not to pause", "do not join us".
_ADDED_NEGATIONS = {
    "nl": (("te pauzeren", "niet te pauzeren"), ("Doe mee", "Doe niet mee")),
    "de": (("zu pausieren", "nicht zu pausieren"), ("Mach mit", "Mach nicht mit")),
    "fr": (("de suspendre", "de ne pas suspendre"), ("Rejoignez-nous", "Ne nous rejoignez pas")),
    "es": (("que pausen", "que no pausen"), ("Únete a nosotros", "No te unas a nosotros")),
    "ar": (("انضموا إلينا", "لا تنضموا إلينا"), ("نطالب الحكومات", "لا نطالب الحكومات")),
    "he": (("אנחנו קוראים", "אנחנו לא קוראים"), ("הצטרפו אלינו", "אל תצטרפו אלינו")),
    "pl": (("Apelujemy", "Nie apelujemy"), ("Dołącz do nas", "Nie dołączaj do nas")),
    "tr": (("katılın", "katılmayın"), ("istiyoruz", "istemiyoruz")),
}
_APPEAL_EN = ("We ask governments to pause the training of the most powerful AI systems.",
              "Join us and make your voice heard.")  # fmt: skip
_HEADING_LEVELS = ("# ", "### ", "#### ")
_HREFS = ('<a href="/nl/plan">', '<a href="/en/ons-plan">', '<a href="/en/plan" title="plan">',
          "<a href='/en/plan'>", '<a href="/plan">')  # fmt: skip
_PLACEHOLDER_NAMES = {
    "nl": ("stad", "naam"), "de": ("stadt", "name_"), "fr": ("ville", "nom"),
    "es": ("ciudad", "nombre"), "ja": ("都市", "名前"), "ar": ("مدينة", "اسم"),
    "he": ("עיר", "שם"), "pl": ("miasto", "imie"), "tr": ("şehir", "isim"), "zh": ("城市", "名字"),
}  # fmt: skip
_NOTES = {
    "nl": "Opmerking: ik heb de afkorting „AI” onvertaald gelaten.",
    "de": "Hinweis: „KI“ ist die im Deutschen übliche Abkürzung für „AI“.",
    "fr": "Remarque : « IA » est l'abréviation française de « AI ».",
    "es": "Nota: he traducido «AI» como «IA», la sigla habitual en español.",
    "ja": "注：「AI」という略語はそのまま残しました。",
    "ar": "ملاحظة: تُرجمت كلمة AI إلى الذكاء الاصطناعي.",
    "he": "הערה: השארתי את המונח AI כפי שהוא.",
    "pl": "Uwaga: pozostawiłem skrót AI bez tłumaczenia.",
    "tr": "Not: AI kısaltmasını yapay zekâ olarak çevirdim.",
    "zh": "注：“AI”译为“人工智能”。",
}
_QUOTES = {
    "nl": ("“", "”"), "de": ("„", "“"), "fr": ("« ", " »"), "es": ("«", "»"), "ja": ("「", "」"),
    "ar": ('"', '"'), "he": ('"', '"'), "pl": ("„", "”"), "tr": ("“", "”"), "zh": ("“", "”"),
}  # fmt: skip
_PROSE = ("contact", "march", "tickets", "appeal", "speaker")
_TRANSLATED_HASHTAGS = {
    "nl": "#PauzeAI", "de": "#PauseKI", "fr": "#PauseIA", "es": "#PausaIA", "ja": "#AI一時停止",
    "ar": "#أوقفوا_الذكاء_الاصطناعي", "he": "#עצרו_את_הבינה", "pl": "#WstrzymajAI",
    "tr": "#YapayZekayıDurdur", "zh": "#暂停AI",
}  # fmt: skip
# "Three cities" as each answer writes it, and other counts in their place.
_COUNTS = {
    "nl": ("drie", ("vier", "twee", "vijf", "4")), "de": ("drei", ("vier", "zwei", "fünf", "4")),
    "fr": ("Trois", ("Quatre", "Deux", "Cinq", "4")), "es": ("tres", ("cuatro", "dos", "2")),
    "ja": ("三つ", ("四つ", "二つ", "五つ")), "ar": ("ثلاث", ("أربع", "خمس", "4")),
    "he": ("שלוש", ("ארבע", "חמש", "4")), "pl": ("trzy", ("cztery", "dwa", "4")),
    "tr": ("üç", ("dört", "iki", "beş")), "zh": ("三座", ("四座", "两座", "五座")),
}  # fmt: skip
# "Maria Petrova" as each answer writes her, and someone else with one of her names.
_NAMES = {
    "ja": ("マリア・ペトロワ", ("マリア・スミルノワ", "マリア・イワノワ", "アンナ・ペトロワ")),
    "ar": ("ماريا بيتروفا", ("ماريا سميرنوفا", "ماريا إيفانوفا", "فاطمة بيتروفا")),
    "he": ("מריה פטרובה", ("מריה סמירנובה", "מריה איבנובה", "דנה פטרובה")),
}
_LATIN_NAMES = ("Maria Smirnova", "Maria Ivanova", "Anna Petrova")
# Utrecht as each answer writes it, and Rotterdam written alike.
_CITIES = {
    "nl": ("uit Utrecht", "uit Rotterdam"), "de": ("aus Utrecht", "aus Rotterdam"),
    "fr": ("d'Utrecht", "de Rotterdam"), "es": ("de Utrecht", "de Rotterdam"),
    "ja": ("ユトレヒト", "ロッテルダム"), "ar": ("أوترخت", "روتردام"), "he": ("מאוטרכט", "מרוטרדם"),
    "pl": ("z Utrechtu", "z Rotterdamu"), "tr": ("Utrechtli", "Rotterdamlı"),
    "zh": ("乌得勒支", "鹿特丹"),
}  # fmt: skip


def _choice(data: _Drawer, options: list | tuple, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _token(pair: Pair, original: str) -> str:
    return f"⟦{pair.protected.originals.index(original) + 1}⟧"


def address_altered(pair: Pair, data: _Drawer) -> str | None:
    """The e-mail or web address written out with one character changed, not its token."""
    for original, others in _OTHER_ADDRESSES.items():
        if original in pair.protected.originals:
            other = _choice(data, others, "address")
            return pair.faithful.replace(_token(pair, original), other, 1)
    return None


def phone_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "contact":
        return None
    return pair.faithful.replace("+31 20 123 4567", _choice(data, _OTHER_PHONES, "phone"))


def day_moved(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "march":
        return None
    date = _DATES[pair.language]
    day = _choice(data, ["13", "15"], "day")
    return pair.faithful.replace(date, date.replace("14", day), 1)


def twelve_hour_clock(pair: Pair, data: _Drawer) -> str | None:
    """15:00 written as 3:00 (or 03:00), 19:30 as 7:30: the afternoon read as the morning."""
    if pair.name == "march":
        time = _TIMES[pair.language]
        return pair.faithful.replace(time, time.replace("15", _choice(data, ["3", "03"], "h")), 1)
    if pair.name == "greeting":
        return pair.faithful.replace("19", _choice(data, ["7", "07"], "hour"), 1)
    return None


def amount_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "tickets":
        return None
    written = "12,50" if "12,50" in pair.faithful else "12.50"
    return pair.faithful.replace(written, _choice(data, _OTHER_AMOUNTS[written], "amount"))


def currency_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "tickets":
        return None
    price, others = _PRICES[pair.language]
    return pair.faithful.replace(price, _choice(data, others, "price"))


def negation_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "march":
        return None
    said, unsaid = _NEGATIONS[pair.language]
    return pair.faithful.replace(said, unsaid)


def negation_added(pair: Pair, data: _Drawer) -> str | None:
    """A "not" the appeal lacks; Japanese and Chinese write one inside many words that say
    none ("非常", "未来"), so an added one is not judged there."""
    if pair.name != "appeal" or pair.language not in _ADDED_NEGATIONS:
        return None
    said, negated = _choice(data, _ADDED_NEGATIONS[pair.language], "where")
    return pair.faithful.replace(said, negated, 1)


def half_untranslated(pair: Pair, data: _Drawer) -> str | None:
    """One of the appeal's two sentences left in English."""
    if pair.name != "appeal":
        return None
    sentences = re.split(r"(?<=[.。])\s*", pair.faithful, maxsplit=1)
    at = _choice(data, [0, 1], "which")
    sentences[at] = _APPEAL_EN[at]
    return " ".join(sentences)


def list_item_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "bring":
        return None
    lines = pair.faithful.split("\n")
    del lines[_choice(data, [2, 3, 4], "item")]
    return "\n".join(lines)


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "bring":
        return None
    return _choice(data, _HEADING_LEVELS, "level") + pair.faithful.removeprefix("## ")


def href_translated(pair: Pair, data: _Drawer) -> str | None:
    """The link's tag written out with its href translated or rewritten, not its token."""
    if pair.name != "join":
        return None
    tag = _choice(data, _HREFS, "tag")
    return pair.faithful.replace(_token(pair, '<a href="/en/plan">'), tag, 1)


def placeholder_renamed(pair: Pair, data: _Drawer) -> str | None:
    """%(city)s written out as %(stad)s, or %(name)s as %(naam)s, not its token."""
    if pair.name != "greeting":
        return None
    city, name = _PLACEHOLDER_NAMES[pair.language]
    original, renamed = _choice(data, [("%(city)s", city), ("%(name)s", name)], "which")
    return pair.faithful.replace(_token(pair, original), f"%({renamed})s", 1)


def note_appended(pair: Pair, data: _Drawer) -> str | None:
    """A translator's note after the answer, in the answer's language: on a line or in a
    paragraph of its own, or after the last sentence of a paragraph."""
    joiners = ["\n\n", "\n", " "] if pair.name in _PROSE else ["\n\n"]
    joiner = _choice(data, joiners, "joiner")
    return f"{pair.faithful}{joiner}{_NOTES[pair.language]}"


def quoted(pair: Pair, data: _Drawer) -> str | None:
    if pair.name not in _PROSE:
        return None
    opening, closing = _QUOTES[pair.language]
    return f"{opening}{pair.faithful}{closing}"


def hashtag_translated(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "tickets":
        return None
    return pair.faithful.replace("#PauseAI", _TRANSLATED_HASHTAGS[pair.language])


def emoji_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "tickets":
        return None
    return pair.faithful.replace("🚌 ", "", 1)


def count_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "speaker":
        return None
    written, others = _COUNTS[pair.language]
    return pair.faithful.replace(written, _choice(data, others, "count"), 1)


def name_changed(pair: Pair, data: _Drawer) -> str | None:
    """One of "Maria Petrova"'s names changed: in Latin letters, or in the answer's script.
    Chinese writes a name in characters for its sound, which are not compared."""
    if pair.name != "speaker" or pair.language == "zh":
        return None
    written, others = _NAMES.get(pair.language, ("Maria Petrova", _LATIN_NAMES))
    return pair.faithful.replace(written, _choice(data, others, "name"), 1)


def city_swapped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "speaker":
        return None
    written, other = _CITIES[pair.language]
    return pair.faithful.replace(written, other, 1)


HARMFUL: dict[str, Damage] = {
    "address altered": address_altered,
    "phone changed": phone_changed,
    "day moved": day_moved,
    "twelve-hour clock": twelve_hour_clock,
    "amount changed": amount_changed,
    "currency changed": currency_changed,
    "negation dropped": negation_dropped,
    "negation added": negation_added,
    "half untranslated": half_untranslated,
    "list item dropped": list_item_dropped,
    "heading level changed": heading_level_changed,
    "href translated": href_translated,
    "placeholder renamed": placeholder_renamed,
    "note appended": note_appended,
    "quoted": quoted,
    "hashtag translated": hashtag_translated,
    "emoji dropped": emoji_dropped,
    "count changed": count_changed,
    "name changed": name_changed,
    "city swapped": city_swapped,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "address altered": {"missing", "added"},
    "phone changed": {"phone"},
    "day moved": {"numbers", "moments"},
    "twelve-hour clock": {"moments", "numbers"},
    "amount changed": {"numbers"},
    "currency changed": {"currency"},
    "negation dropped": {"negation"},
    "negation added": {"negation"},
    "half untranslated": {"partly_untranslated", "mixed_language"},
    "list item dropped": {"structure"},
    "heading level changed": {"structure"},
    "href translated": {"missing", "added", "markup"},
    "placeholder renamed": {"missing", "added"},
    "note appended": {"postamble"},
    "quoted": {"quoted"},
    "hashtag translated": {"symbols"},
    "emoji dropped": {"symbols"},
    "count changed": {"numbers"},
    "name changed": {"names"},
    "city swapped": {"cities"},
}
