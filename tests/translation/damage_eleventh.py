"""An eleventh round of ways a model damages its answers, drawn at random for property tests:
a placeholder's number written in the script's own digits (⟦১⟧, ⟦๑⟧), an e-mail address
written out with its local part translated (press@ as prensa@), a web address transliterated
into the answer's script or its path translated, a "not" dropped from a future ("we will not
stop" as "we will stop"), a month changed ("13 May" as "13 March"), a disclaimer in the
answer's language after it ("this translation was machine-generated"), the answer in a code
fence or in the quotation marks its language uses, a heading's level changed, a list item
dropped, a table's column dropped, a Chinese name swapped for another ("Li Wei" as "Wang
Fang"), and the answer in a closely related language (Russian for Ukrainian, Spanish for
Catalan, Malay for Indonesian, Estonian for Finnish).

`PAIRS` (`damage_eleventh_pairs.py`) are faithful translations into ten languages; each
damage returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that
pair. `REASONS` names the problems each damage must be refused with.
"""

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_eleventh_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# The digits of the scripts that have their own, by language.
_DIGITS = {"bn": "০১২৩৪৫৬৭৮৯", "th": "๐๑๒๓๔๕๖๗๘๙"}
# press@pauseai.info with its local part translated.
_EMAILS = {
    "uk": ("преса@pauseai.info", "presa@pauseai.info"), "ro": ("presa@pauseai.info",),
    "vi": ("baochi@pauseai.info", "báochí@pauseai.info"), "th": ("ข่าว@pauseai.info",),
    "id": ("pers@pauseai.info",), "sw": ("habari@pauseai.info", "wanahabari@pauseai.info"),
    "he": ("עיתונות@pauseai.info",), "bn": ("সংবাদ@pauseai.info",),
    "ca": ("premsa@pauseai.info",), "fi": ("lehdisto@pauseai.info", "media@pauseai.info"),
}  # fmt: skip
# https://pauseai.info/press in the answer's script, or with its path translated.
_ADDRESSES = {
    "uk": ("https://паузеаі.інфо/прес", "https://pauseai.info/presa"),
    "ro": ("https://pauseai.info/presa",), "vi": ("https://pauseai.info/bao-chi",),
    "th": ("https://พอสเอไอ.info/press", "https://pauseai.info/ข่าว"),
    "id": ("https://pauseai.info/pers",), "sw": ("https://pauseai.info/habari",),
    "he": ("https://פאוזאיי.אינפו/press", "https://pauseai.info/עיתונות"),
    "bn": ("https://পজএআই.info/প্রেস",), "ca": ("https://pauseai.info/premsa",),
    "fi": ("https://pauseai.info/lehdisto", "https://pauseai.fi/press"),
}  # fmt: skip
# The appeal's "we will not stop" and the same without its "not".
_NEGATIONS = {
    "ro": ("Nu ne vom opri", "Ne vom opri"),
    "vi": ("sẽ không dừng lại", "sẽ dừng lại"), "th": ("เราจะไม่หยุด", "เราจะหยุด"),
    "id": ("tidak akan berhenti", "akan berhenti"), "sw": ("Hatutaacha", "Tutaacha"),
    "he": ("לא נעצור", "נעצור"), "bn": ("আমরা থামব না", "আমরা থামব"),
    "ca": ("No ens aturarem", "Ens aturarem"), "fi": ("Emme lopeta", "Lopetamme"),
}  # fmt: skip
# May as the answer writes it, and March written alike.
_MONTHS = {
    "uk": ("травня", "березня"), "ro": ("mai", "martie"), "vi": ("tháng 5", "tháng 3"),
    "th": ("พฤษภาคม", "มีนาคม"), "id": ("Mei", "Maret"), "sw": ("Mei", "Machi"),
    "he": ("במאי", "במרץ"), "bn": ("মে", "মার্চ"), "ca": ("de maig", "de març"),
    "fi": ("toukokuuta", "maaliskuuta"),
}  # fmt: skip
_DISCLAIMERS = {
    "uk": "Застереження: цей переклад виконано автоматично, він може містити помилки.",
    "ro": "Avertisment: această traducere a fost generată automat și poate conține erori.",
    "vi": "Lưu ý: bản dịch này được tạo tự động và có thể có sai sót.",
    "th": "ข้อจำกัดความรับผิดชอบ: คำแปลนี้สร้างโดยเครื่องและอาจมีข้อผิดพลาด",
    "id": "Penafian: terjemahan ini dibuat oleh mesin dan mungkin mengandung kesalahan.",
    "sw": "Kanusho: tafsiri hii imetengenezwa na mashine na huenda ikawa na makosa.",
    "he": "הבהרה: תרגום זה נוצר באופן אוטומטי ועשוי להכיל שגיאות.",
    "bn": "দাবিত্যাগ: এই অনুবাদটি যন্ত্রের মাধ্যমে তৈরি এবং এতে ভুল থাকতে পারে।",
    "ca": "Avís: aquesta traducció s'ha generat automàticament i pot contenir errors.",
    "fi": "Vastuuvapauslauseke: tämä käännös on konekäännös ja voi sisältää virheitä.",
}
_FENCES = ("```\n", "```markdown\n", "```text\n", "``` \n")
# The quotation marks of each language: Finnish opens and closes with "”".
_QUOTES = {
    "uk": ("«", "»"), "ro": ("„", "”"), "vi": ("“", "”"), "th": ("“", "”"), "id": ("“", "”"),
    "sw": ("“", "”"), "he": ("„", "”"), "bn": ("“", "”"), "ca": ("«", "»"), "fi": ("”", "”"),
}  # fmt: skip
_PROSE = ("rally", "contact", "appeal", "speakers", "members")
_HEADING_LEVELS = ("# ", "## ", "#### ")
# Chinese names in place of "Li Wei", where the answer keeps it in Latin letters; written in
# the answer's script, a name of one syllable per part is a gap (see the test module).
_LATIN_CHINESE_NAMES = ("Wang Fang", "Zhang Ming", "Liu Yang", "Chen Jing")
# The appeal in the language next to the one asked for.
_NEIGHBOURS = {
    "uk": "Мы не остановимся, пока крупнейшие лаборатории ИИ не возьмут паузу. "
    "Присоединяйтесь к нам на улицах.",
    "ca": "No nos detendremos hasta que los mayores laboratorios de IA hagan una pausa. Únete "
    "a nosotros en las calles.",
    "id": "Kami tidak akan berhenti selagi makmal AI terbesar tidak berhenti seketika. "
    "Sertailah kami di jalan raya.",
    "fi": "Me ei peatu enne, kui suurimad tehisintellekti laborid pausi teevad. Ühinege "
    "meiega tänavatel.",
}


def _choice(data: _Drawer, options: list | tuple, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _token(pair: Pair, original: str) -> str:
    return f"⟦{pair.protected.originals.index(original) + 1}⟧"


def placeholder_in_own_digits(pair: Pair, data: _Drawer) -> str | None:
    """A ⟦n⟧ token's number written in the script's digits, as the answer writes numbers."""
    if pair.language not in _DIGITS or not pair.protected.originals:
        return None
    number = _choice(data, range(1, len(pair.protected.originals) + 1), "token")
    own = "".join(_DIGITS[pair.language][int(digit)] for digit in str(number))
    return pair.faithful.replace(f"⟦{number}⟧", f"⟦{own}⟧", 1)


def email_local_part_translated(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "contact":
        return None
    email = _choice(data, _EMAILS[pair.language], "email")
    return pair.faithful.replace(_token(pair, "press@pauseai.info"), email, 1)


def address_transliterated(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "contact":
        return None
    address = _choice(data, _ADDRESSES[pair.language], "address")
    return pair.faithful.replace(_token(pair, "https://pauseai.info/press"), address, 1)


def negation_dropped(pair: Pair, data: _Drawer) -> str | None:
    """The "not" of "we will not stop" dropped. Ukrainian says "not" in the clause with
    "until" too ("доки ... не зроблять"), which stays: see the test module's gaps."""
    if pair.name != "appeal" or pair.language == "uk":
        return None
    said, unsaid = _NEGATIONS[pair.language]
    return pair.faithful.replace(said, unsaid, 1)


def month_changed(pair: Pair, data: _Drawer) -> str | None:
    """13 May as 13 March: the first date, or both."""
    if pair.name != "rally":
        return None
    may, march = _MONTHS[pair.language]
    return pair.faithful.replace(may, march, _choice(data, [1, -1], "how many"))


def disclaimer_appended(pair: Pair, data: _Drawer) -> str | None:
    joiners = ["\n\n", "\n", " "] if pair.name in _PROSE else ["\n\n"]
    joiner = _choice(data, joiners, "joiner")
    return f"{pair.faithful}{joiner}{_DISCLAIMERS[pair.language]}"


def code_fenced(pair: Pair, data: _Drawer) -> str | None:
    return f"{_choice(data, _FENCES, 'fence')}{pair.faithful}\n```"


def quoted(pair: Pair, data: _Drawer) -> str | None:
    if pair.name not in _PROSE:
        return None
    opening, closing = _QUOTES[pair.language]
    return f"{opening}{pair.faithful}{closing}"


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "steps":
        return None
    return _choice(data, _HEADING_LEVELS, "level") + pair.faithful.removeprefix("### ")


def list_item_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "steps":
        return None
    lines = pair.faithful.split("\n")
    del lines[_choice(data, [2, 3, 4], "item")]
    return "\n".join(lines)


def table_column_dropped(pair: Pair, data: _Drawer) -> str | None:
    """One column gone from every row, the rule's too."""
    if pair.name != "table":
        return None
    column = _choice(data, [0, 1, 2], "column")
    rows = []
    for line in pair.faithful.split("\n"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        del cells[column]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def chinese_name_swapped(pair: Pair, data: _Drawer) -> str | None:
    """Another Chinese name for "Li Wei", in an answer that keeps him in Latin letters."""
    if pair.name != "speakers" or "Li Wei" not in pair.faithful:
        return None
    return pair.faithful.replace("Li Wei", _choice(data, _LATIN_CHINESE_NAMES, "name"), 1)


def neighbour_language(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "appeal" or pair.language not in _NEIGHBOURS:
        return None
    return _NEIGHBOURS[pair.language]


HARMFUL: dict[str, Damage] = {
    "placeholder in own digits": placeholder_in_own_digits,
    "email local part translated": email_local_part_translated,
    "address transliterated": address_transliterated,
    "negation dropped": negation_dropped,
    "month changed": month_changed,
    "disclaimer appended": disclaimer_appended,
    "code fenced": code_fenced,
    "quoted": quoted,
    "heading level changed": heading_level_changed,
    "list item dropped": list_item_dropped,
    "table column dropped": table_column_dropped,
    "chinese name swapped": chinese_name_swapped,
    "neighbour language": neighbour_language,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "placeholder in own digits": {"missing", "invented"},
    "email local part translated": {"missing", "added"},
    "address transliterated": {"missing", "added"},
    "negation dropped": {"negation"},
    "month changed": {"moments"},
    "disclaimer appended": {"postamble", "aside"},
    "code fenced": {"fence"},
    "quoted": {"quoted"},
    "heading level changed": {"structure"},
    "list item dropped": {"structure"},
    "table column dropped": {"structure", "table_cells"},
    "chinese name swapped": {"names"},
    "neighbour language": {"wrong_language"},
}
