"""A sixth round of ways a model damages its answers, in shapes the earlier rounds lack, drawn
at random for property tests: a phone number's digits changed or reordered, a social handle
altered, an amount converted into another currency, a date moved to another calendar, the
weekday changed while the date stays, a numbered list renumbered, a table's column dropped or
its cells merged, a heading's level changed, a list cut off at a token limit, the model's
reasoning in <think> tags, a refusal in the target language, the answer for another segment,
the source quoted before the answer, half of the answer romanized, the answer in JSON, and
Unicode damage (mojibake, U+FFFD, stray joiners).

`PAIRS` (`damage_sixth_pairs.py`) are faithful translations into 22 languages; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

import json
import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_sixth_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]


# The source's Saturday in each answer, and another day in its place.
_WEEKDAYS = {
    "nl": ("zaterdag", ["zondag", "vrijdag"]),
    "de": ("Samstag", ["Sonntag", "Freitag"]),
    "fr": ("samedi", ["dimanche", "vendredi"]),
    "es": ("sábado", ["domingo", "viernes"]),
    "pt": ("sábado", ["domingo", "sexta-feira"]),
    "it": ("sabato", ["domenica", "venerdì"]),
    "pl": ("w sobotę", ["w niedzielę", "w piątek"]),
    "cs": ("v sobotu", ["v neděli", "v pátek"]),
    "tr": ("Cumartesi", ["Pazar", "Cuma"]),
    "ru": ("в субботу", ["в воскресенье", "в пятницу"]),
    "uk": ("в суботу", ["в неділю", "в п'ятницю"]),
    "ar": ("السبت", ["الأحد", "الجمعة"]),
    "he": ("ביום שבת", ["ביום ראשון", "ביום שישי"]),
    "fa": ("شنبه", ["یکشنبه", "جمعه"]),
    "hi": ("शनिवार", ["रविवार", "शुक्रवार"]),
    "ja": ("（土）", ["（日）", "（金）"]),
    "ko": ("토요일", ["일요일", "금요일"]),
    "zh": ("星期六", ["星期日", "星期五"]),
    "th": ("วันเสาร์", ["วันอาทิตย์", "วันศุกร์"]),
    "vi": ("thứ Bảy", ["Chủ nhật", "thứ Sáu"]),
    "id": ("Sabtu", ["Minggu", "Jumat"]),
    "sw": ("Jumamosi", ["Jumapili", "Ijumaa"]),
}
# 12 May 2029 in the calendar a model may move it to, without the original.
_OTHER_CALENDAR = {
    "th": ("12 พฤษภาคม 2029", "12 พฤษภาคม พ.ศ. 2572"),  # Buddhist era
    "fa": ("۱۲ مه ۲۰۲۹", "۲۲ اردیبهشت ۱۴۰۸"),  # Jalali
    "ar": ("12 مايو 2029", "28 ذو الحجة 1450 هـ"),  # Hijri
    "he": ("12 במאי 2029", "כ״ח באייר תשפ״ט"),  # Hebrew, in letters
    "ja": ("2029年", "令和11年"),  # the era of the emperor
    "zh": ("2029年", "民国118年"),
}
# €250 converted into the currency of the answer's readers, as a model may "help".
_CONVERTED = {
    "nl": ("€250", "$270"), "de": ("250 €", "270 $"), "fr": ("250 €", "270 $"),
    "es": ("250 €", "5.400 MXN"), "pt": ("250 €", "R$ 1.500"), "it": ("250 €", "270 USD"),
    "pl": ("250 €", "1070 zł"), "cs": ("250 €", "6300 Kč"), "tr": ("250 €", "9.000 ₺"),
    "ru": ("250 €", "25 000 ₽"), "uk": ("250 €", "11 000 ₴"), "ar": ("250 يورو", "270 دولارًا"),
    "he": ("250 אירו", "1,000 ₪"), "fa": ("۲۵۰ یورو", "۲۷۰ دلار"), "hi": ("€250", "₹22,500"),
    "ja": ("250ユーロ", "4万円"), "ko": ("250유로", "37만 원"), "zh": ("250欧元", "1,950元"),
    "th": ("250 ยูโร", "9,500 บาท"), "vi": ("250 €", "7.000.000 ₫"),
    "id": ("€250", "Rp4.300.000"), "sw": ("€250", "TSh 700,000"),
}  # fmt: skip
# A refusal in the answer's own language, as models write one.
_REFUSALS = {
    "nl": "Als taalmodel kan ik deze tekst niet vertalen.",
    "de": "Als KI-Sprachmodell kann ich diesen Text leider nicht übersetzen.",
    "fr": "En tant que modèle de langage, je ne peux pas traduire ce texte.",
    "es": "Lo siento, pero no puedo ayudar con esta solicitud.",
    "pt": "Desculpe, mas não posso ajudar com esse pedido.",
    "it": "Mi dispiace, ma non posso tradurre questo testo.",
    "pl": "Przepraszam, ale nie mogę przetłumaczyć tego tekstu.",
    "cs": "Omlouvám se, ale tento text nemohu přeložit.",
    "tr": "Üzgünüm, bu metni çeviremem.",
    "ru": "Извините, но я не могу перевести этот текст.",
    "uk": "Вибачте, але я не можу перекласти цей текст.",
    "ar": "عذرًا، لا يمكنني ترجمة هذا النص.",
    "he": "מצטער, אבל אני לא יכול לתרגם את הטקסט הזה.",
    "fa": "متأسفم، نمی‌توانم این متن را ترجمه کنم.",
    "hi": "क्षमा करें, मैं इस पाठ का अनुवाद नहीं कर सकता।",
    "ja": "申し訳ありませんが、この文章は翻訳できません。",
    "ko": "죄송하지만 이 텍스트는 번역할 수 없습니다.",
    "zh": "抱歉，我无法翻译这段文字。",
    "th": "ขออภัย ฉันไม่สามารถแปลข้อความนี้ได้",
    "vi": "Xin lỗi, tôi không thể dịch văn bản này.",
    "id": "Maaf, saya tidak dapat menerjemahkan teks ini.",
    "sw": "Samahani, siwezi kutafsiri maandishi haya.",
}
_THINKING = (
    "<think>\nThe user wants a translation. I keep the tokens as they are.\n</think>\n\n",
    "<thinking>Translate, keep ⟦n⟧ tokens.</thinking>\n",
    "<reasoning>Keep the numbers and the tokens.</reasoning> ",
)


# The fund's sentence with its second half transliterated into Latin letters.
_TRANSLITERATED = {
    "ru": ("на баннеры и звуковое оборудование", "na bannery i zvukovoe oborudovanie"),
    "uk": ("на банери та звукову апаратуру", "na banery ta zvukovu aparaturu"),
    "ar": ("للافتات ونظام الصوت", "lil-lafitat wa nizam al-sawt"),
    "he": ("לשלטים ולמערכת ההגברה", "la-shlatim u-la-maarekhet ha-hagbara"),
    "fa": ("برای پلاکاردها و سیستم صوتی لازم داریم", "baraye pelakardha va sistem-e souti "
           "lazem darim"),
    "hi": ("के लिए अभी भी €250 चाहिए", "ke liye abhi bhi €250 chahiye"),
    "ja": ("あと250ユーロが必要です", "ato 250 yuro ga hitsuyou desu"),
    "ko": ("아직 250유로가 더 필요합니다", "ajik 250 yuro-ga deo piryohamnida"),
    "zh": ("来购买横幅和音响设备", " lai goumai hengfu he yinxiang shebei"),
    "th": ("สำหรับป้ายผ้าและเครื่องเสียง", " samrap pai pha lae khrueang siang"),
}  # fmt: skip


def _choice(data: _Drawer, options: list, label: str):
    return data.draw(st.sampled_from(options), label=label)


def _phone(pair: Pair) -> re.Match | None:
    return re.search(r"\+31 6 1234 5678", pair.faithful)


def phone_changed(pair: Pair, data: _Drawer) -> str | None:
    """A digit of the phone number changed, two swapped, or its last groups reordered."""
    if not _phone(pair):
        return None
    wrong = _choice(
        data, ["+31 6 1234 5679", "+31 6 1243 5678", "+31 6 5678 1234", "+13 6 1234 5678"], "to"
    )
    return pair.faithful.replace("+31 6 1234 5678", wrong)


def handle_altered(pair: Pair, data: _Drawer) -> str | None:
    """The account's handle written otherwise: a letter changed, its underscore dropped, its
    @ dropped, or put in the target's language."""
    if "@PauseAI_NL" not in pair.faithful:
        return None
    wrong = _choice(data, ["@PauzeAI_NL", "@PauseAINL", "@PauseAI_DE", "PauseAI_NL", "@Pause_AI"],
                    "to")  # fmt: skip
    return pair.faithful.replace("@PauseAI_NL", wrong)


def weekday_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "date":
        return None
    right, wrongs = _WEEKDAYS[pair.language]
    return pair.faithful.replace(right, _choice(data, wrongs, "day"), 1)


def other_calendar(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "date" or pair.language not in _OTHER_CALENDAR:
        return None
    right, wrong = _OTHER_CALENDAR[pair.language]
    return pair.faithful.replace(right, wrong, 1)


def currency_converted(pair: Pair, data: _Drawer) -> str | None:
    """The amount converted, or only its sign changed ("250 $" for "250 €")."""
    if pair.name != "fund":
        return None
    right, wrong = _CONVERTED[pair.language]
    if "€" in right and data.draw(st.booleans(), label="sign only"):
        wrong = right.replace("€", _choice(data, ["$", "£", "¥", "₹"], "sign"))
    return pair.faithful.replace(right, wrong, 1)


def numbering_changed(pair: Pair, data: _Drawer) -> str | None:
    """A numbered list restarted, counted twice or counted backwards."""
    if pair.name != "steps":
        return None
    numbers = _choice(data, [("1", "1", "1"), ("1", "2", "1"), ("1", "2", "4"), ("3", "2", "1"),
                             ("0", "1", "2")], "numbers")  # fmt: skip
    text = pair.faithful
    for old, new in zip(("1", "2", "3"), numbers, strict=True):
        text = text.replace(f"\n{old}. ", f"\n§{new}. ", 1)
    return text.replace("§", "")


def cut_mid_list(pair: Pair, data: _Drawer) -> str | None:
    """The answer stops inside the list, as at a token limit, the server saying it stopped."""
    if pair.name != "steps":
        return None
    cut = pair.faithful.index("\n3. ") + _choice(data, [0, 3, 5], "where")
    return pair.faithful[:cut].rstrip()


def table_damaged(pair: Pair, data: _Drawer) -> str | None:
    """A column dropped, or two cells of a row merged into one."""
    if pair.name != "table":
        return None
    rows = pair.faithful.split("\n")
    if data.draw(st.booleans(), label="column"):
        return "\n".join("|" + row.split("|", 2)[2] for row in rows)
    row = _choice(data, [2, 3], "row")
    cells = rows[row].split("|")
    rows[row] = "|" + cells[1].rstrip() + " " + cells[2].strip() + " |"
    return "\n".join(rows)


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "heading":
        return None
    return _choice(data, ["# ", "### ", "#### "], "level") + pair.faithful.removeprefix("## ")


def thinking_shown(pair: Pair, data: _Drawer) -> str:
    """The model's reasoning, in the tags reasoning models use, before the answer."""
    return _choice(data, list(_THINKING), "thinking") + pair.faithful


def refusal(pair: Pair, data: _Drawer) -> str:
    return _REFUSALS[pair.language]


def another_segment(pair: Pair, data: _Drawer) -> str | None:
    """The faithful translation of another segment of the page, in the right language."""
    others = [
        other.faithful
        for other in PAIRS
        if other.language == pair.language and other.name not in (pair.name, "heading")
        and other.name != "table"
    ]  # fmt: skip
    return _choice(data, others, "other")


def source_quoted(pair: Pair, data: _Drawer) -> str:
    """The source, quoted, left before the answer, as in "X" → Y."""
    source = pair.protected.text
    how = _choice(data, ["arrow", "lines", "colon"], "how")
    if how == "arrow":
        return f'"{source}" → {pair.faithful}'
    if how == "lines":
        return f"> {source}\n\n{pair.faithful}"
    return f"“{source}”: {pair.faithful}"


def mojibake(pair: Pair, data: _Drawer) -> str | None:
    """UTF-8 read as Windows-1252 somewhere on the way: "é" becomes "Ã©", and in other scripts
    worse."""
    text = pair.faithful
    words = [w for w in re.findall(r"\w+", text) if any(ord(ch) > 127 for ch in w)]
    if not words:
        return None
    word = _choice(data, words, "word")
    garbled = word.encode("utf-8").decode("cp1252", errors="replace")
    return text.replace(word, garbled, 1)


def replacement_character(pair: Pair, data: _Drawer) -> str | None:
    """A character lost in decoding, shown as U+FFFD."""
    letters = [i for i, ch in enumerate(pair.faithful) if ch.isalpha()]
    where = _choice(data, letters, "where")
    return pair.faithful[:where] + "\ufffd" + pair.faithful[where + 1 :]


def stray_joiner(pair: Pair, data: _Drawer) -> str | None:
    """A zero-width joiner or non-joiner inside a word of a script that never joins."""
    text = pair.faithful
    spots = [
        i for i in range(1, len(text))
        if text[i - 1].isalpha() and text[i].isalpha() and _joinless(text[i - 1])
        and _joinless(text[i])
    ]  # fmt: skip
    if not spots:
        return None
    where = _choice(data, spots, "where")
    return text[:where] + _choice(data, ["\u200d", "\u200c"], "joiner") + text[where:]


def _joinless(ch: str) -> bool:
    """Latin, Greek, Cyrillic, Hebrew, Thai, kana and CJK: joiners mean nothing there."""
    code = ord(ch)
    return (
        code < 0x0590 or 0x0590 <= code < 0x0600 or 0x0E00 <= code < 0x0E80
        or 0x3040 <= code < 0xA000 or 0xAC00 <= code < 0xD7B0
    )  # fmt: skip


def half_transliterated(pair: Pair, data: _Drawer) -> str | None:
    """The answer's second half in Latin letters, as a model that slid into romanizing."""
    if pair.name != "fund" or pair.language not in _TRANSLITERATED:
        return None
    right, wrong = _TRANSLITERATED[pair.language]
    return pair.faithful.replace(right, wrong, 1)


def json_wrapped(pair: Pair, data: _Drawer) -> str:
    """The answer as the JSON object a structured-output prompt asks for."""
    key = _choice(data, ["translation", "text", "translated_text"], "key")
    return json.dumps({key: pair.faithful}, ensure_ascii=data.draw(st.booleans(), label="ascii"))


HARMFUL: dict[str, Damage] = {
    "phone changed": phone_changed,
    "handle altered": handle_altered,
    "weekday changed": weekday_changed,
    "other calendar": other_calendar,
    "currency converted": currency_converted,
    "numbering changed": numbering_changed,
    "cut mid-list": cut_mid_list,
    "table damaged": table_damaged,
    "heading level changed": heading_level_changed,
    "thinking shown": thinking_shown,
    "refusal": refusal,
    "another segment": another_segment,
    "source quoted": source_quoted,
    "mojibake": mojibake,
    "replacement character": replacement_character,
    "stray joiner": stray_joiner,
    "half transliterated": half_transliterated,
    "json wrapped": json_wrapped,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "phone changed": {"phone"},
    "handle altered": {"symbols"},
    "weekday changed": {"weekdays"},
    "other calendar": {"numbers", "numbers_added", "moments", "era"},
    "currency converted": {"currency", "numbers"},
    "numbering changed": {"structure"},
    "cut mid-list": {"structure", "cut_off"},
    "table damaged": {"structure"},
    "heading level changed": {"structure"},
    "thinking shown": {"markup", "preamble"},
    "refusal": {"refusal"},
    # Another segment's translation: its numbers, names, marks or length are not this one's.
    "another segment": {"numbers", "numbers_added", "names", "structure", "anchors", "missing",
                        "phone", "symbols", "short", "long", "sentences", "full_stop_added"},
    "source quoted": {"preamble", "quoted", "lines", "paragraphs", "partly_untranslated",
                      "mixed_language", "wrong_language"},
    "mojibake": {"encoding"},
    "replacement character": {"encoding"},
    "stray joiner": {"invisible"},
    "half transliterated": {"mixed_language", "partly_untranslated", "wrong_language"},
    "json wrapped": {"json"},
}  # fmt: skip
