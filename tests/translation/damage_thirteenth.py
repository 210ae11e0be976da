"""A thirteenth round of ways a model damages its answers, drawn at random for property tests, over
a whole page in Greek, Finnish, Hebrew, Korean, Ukrainian, Catalan and Vietnamese: a city's date
moved to another day or its time changed, another city of the same country named, a link's
address "localised" to a language's subdomain or folder, the table's values under other columns
or a row dropped, the image's address changed, a sentence written twice, a list item merged into
the one before, a heading's level changed, the model's sign-off in the target language after the
page, the page's second half left in English, and the numbers of the list or the table in digits
of another script (Arabic-Indic, Persian, Devanagari, Bengali), which no reader of these
languages uses.

`PAIRS` (`damage_thirteenth_pairs.py`) are faithful translations of one page; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_thirteenth_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# A closing remark in the page's language, as a chat model adds it.
SIGN_OFFS = {
    "el": ("Ελπίζω η μετάφραση να σας φανεί χρήσιμη! Πείτε μου αν χρειάζεστε αλλαγές.",
           "Αυτή είναι η μετάφραση της σελίδας στα ελληνικά."),
    "fi": ("Toivottavasti käännöksestä on apua! Kerro, jos haluat muutoksia.",
           "Tässä oli sivun käännös suomeksi."),
    "he": ("מקווה שהתרגום יעזור לכם! ספרו לי אם תרצו שינויים.",
           "זה התרגום של הדף לעברית."),
    "ko": ("번역이 도움이 되었기를 바랍니다! 수정이 필요하면 말씀해 주세요.",
           "이상으로 페이지의 한국어 번역을 마칩니다."),
    "uk": ("Сподіваюся, переклад буде корисним! Дайте знати, якщо потрібні зміни.",
           "Це переклад сторінки українською мовою."),
    "ca": ("Espero que la traducció us sigui útil! Digueu-me si voleu canvis.",
           "Aquesta és la traducció de la pàgina al català."),
    "vi": ("Hy vọng bản dịch này hữu ích! Hãy cho tôi biết nếu bạn cần chỉnh sửa.",
           "Đây là bản dịch của trang sang tiếng Việt."),
}  # fmt: skip
# For each city of the list (in its order), another city of its country, as each language
# names it: Thessaloniki (Piraeus in Korean), Tampere, Haifa, Busan, Lviv.
OTHER_CITIES = {
    "el": ("Θεσσαλονίκη", "Τάμπερε", "Χάιφα", "Μπουσάν", "Λβιβ"),
    "fi": ("Thessaloniki", "Tampere", "Haifa", "Busan", "Lviv"),
    "he": ("סלוניקי", "טמפרה", "חיפה", "פוסאן", "לבוב"),
    "ko": ("피레아스", "탐페레", "하이파", "부산", "리비우"),
    "uk": ("Салоніки", "Тампере", "Хайфа", "Пусан", "Львів"),
    "ca": ("Tessalònica", "Tampere", "Haifa", "Busan", "Lviv"),
    "vi": ("Thessaloniki", "Tampere", "Haifa", "Busan", "Lviv"),
}
# Digits no reader of these languages uses: Arabic-Indic, Persian, Devanagari, Bengali.
_OTHER_DIGITS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯")
_SIGN_UP = "(https://pauseai.info/join)"
_PRESS = "(https://pauseai.info/press)"
_IMAGE = "(/images/june-2029.jpg)"
_OTHER_IMAGES = (
    "/images/june-2028.jpg",
    "/images/juni-2029.jpg",
    "/{language}/images/june-2029.jpg",
)
_ITEM = re.compile(r"- ")
# A day of the month in a list item: not an hour, not minutes ("12:00", Finnish "12.00").
_DAY = re.compile(r"(?<![\d:.])(9|10)(?![\d:]|\.\d)")
_TIME = re.compile(r"(\d{1,2})([:.])(\d{2})")
_FULL_STOP = re.compile(r"(?<=[.!?])\s")


def _choice(data: _Drawer, options, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _token(pair: Pair, original: str) -> str:
    return f"⟦{pair.protected.originals.index(original) + 1}⟧"


def _lines(pair: Pair) -> list[str]:
    return pair.faithful.split("\n")


def _items(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _ITEM.match(line)]


def _rows(lines: list[str]) -> list[int]:
    """The table's rows of data: not its header, not its delimiter row."""
    table = [i for i, line in enumerate(lines) if line.startswith("|")]
    return table[2:]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def day_moved(pair: Pair, data: _Drawer) -> str | None:
    """A city's day of the month changed in the list: the 9th said as the 8th, the 10th as
    the 9th, ..."""
    lines = _lines(pair)
    index = _choice(data, _items(lines), "item")
    day = _DAY.search(lines[index]).group(1)
    other = _choice(data, [d for d in ("8", "9", "10", "11", "19") if d != day], "day")
    lines[index] = _DAY.sub(other, lines[index], count=1)
    return "\n".join(lines)


def time_changed(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    index = _choice(data, _items(lines), "item")
    hour, mark, minutes = _TIME.search(lines[index]).groups()
    other = _choice(
        data,
        [f"{int(hour) + 1}{mark}{minutes}", f"{hour}{mark}{'30' if minutes == '00' else '00'}"],
        "time",
    )
    lines[index] = _TIME.sub(other, lines[index], count=1)
    return "\n".join(lines)


def city_swapped(pair: Pair, data: _Drawer) -> str | None:
    """A city of the list named as another of its country, there only or in the table too."""
    lines = _lines(pair)
    items = _items(lines)
    which = _choice(data, range(len(items)), "city")
    city = lines[items[which]][2:].split(":")[0]
    other = OTHER_CITIES[pair.language][which]
    everywhere = _choice(data, [False, True], "everywhere")
    for index in [items[which], *(_rows(lines) if everywhere else [])]:
        lines[index] = lines[index].replace(city, other, 1)
    return "\n".join(lines)


def link_localised(pair: Pair, data: _Drawer) -> str | None:
    """A link's address written out, pointing to the language's subdomain or folder."""
    original = _choice(data, [_SIGN_UP, _PRESS], "link")
    path = original.rsplit("/", 1)[1]
    address = _choice(
        data,
        [f"(https://{pair.language}.pauseai.info/{path}",
         f"(https://pauseai.info/{pair.language}/{path}"],
        "address",
    )  # fmt: skip
    return pair.faithful.replace(_token(pair, original), address, 1)


def image_address_changed(pair: Pair, data: _Drawer) -> str | None:
    address = _choice(data, _OTHER_IMAGES, "image").format(language=pair.language)
    return pair.faithful.replace(_token(pair, _IMAGE), f"({address})", 1)


def table_columns_swapped(pair: Pair, data: _Drawer) -> str | None:
    """Two columns' values swapped under the headers the source has."""
    first, second = _choice(data, [(0, 1), (1, 2), (0, 2)], "columns")
    lines = _lines(pair)
    for index in _rows(lines):
        cells = _cells(lines[index])
        cells[first], cells[second] = cells[second], cells[first]
        lines[index] = _row(cells)
    return "\n".join(lines)


def table_row_dropped(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    del lines[_choice(data, _rows(lines), "row")]
    return "\n".join(lines)


def sentence_doubled(pair: Pair, data: _Drawer) -> str | None:
    """The first sentence of the opening paragraph written twice, in a row or at its end."""
    blocks = pair.faithful.split("\n\n")
    index = next(i for i, block in enumerate(blocks) if _token(pair, _SIGN_UP) in block)
    paragraph = blocks[index]
    first = _FULL_STOP.split(paragraph, maxsplit=1)[0]
    blocks[index] = _choice(
        data, [paragraph.replace(first, f"{first} {first}", 1), f"{paragraph} {first}"], "where"
    )
    return "\n\n".join(blocks)


def item_merged(pair: Pair, data: _Drawer) -> str | None:
    """A list item joined to the one before it, as one line."""
    lines = _lines(pair)
    index = _choice(data, _items(lines)[1:], "item")
    joiner = _choice(data, ["; ", ", ", " "], "joiner")
    lines[index - 1] += joiner + lines.pop(index)[2:]
    return "\n".join(lines)


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    index = _choice(data, [i for i, line in enumerate(lines) if line.startswith("#")], "heading")
    marks, _space, words = lines[index].partition(" ")
    level = _choice(data, [m for m in ("#", "##", "###") if m != marks], "level")
    lines[index] = f"{level} {words}"
    return "\n".join(lines)


def signed_off(pair: Pair, data: _Drawer) -> str | None:
    remark = _choice(data, SIGN_OFFS[pair.language], "remark")
    return pair.faithful + _choice(data, ["\n\n", "\n\n---\n\n"], "joiner") + remark


def second_half_in_english(pair: Pair, data: _Drawer) -> str | None:
    """From a block near the middle on, the page as the source has it (the faithful pages
    have the source's blocks, one for one)."""
    blocks, source = pair.faithful.split("\n\n"), pair.protected.text.split("\n\n")
    half = _choice(data, [len(blocks) // 2 - 1, len(blocks) // 2, len(blocks) // 2 + 1], "from")
    return "\n\n".join(blocks[:half] + source[half:])


def digits_of_another_script(pair: Pair, data: _Drawer) -> str | None:
    """The list's or the table's numbers in digits its readers do not use."""
    digits = str.maketrans("0123456789", _choice(data, _OTHER_DIGITS, "digits"))
    lines = _lines(pair)
    chosen = _choice(data, [_items(lines), _rows(lines)], "where")
    for index in chosen:
        lines[index] = lines[index].translate(digits)
    return "\n".join(lines)


HARMFUL: dict[str, Damage] = {
    "day moved": day_moved,
    "time changed": time_changed,
    "city swapped": city_swapped,
    "link localised": link_localised,
    "image address changed": image_address_changed,
    "table columns swapped": table_columns_swapped,
    "table row dropped": table_row_dropped,
    "sentence doubled": sentence_doubled,
    "list item merged": item_merged,
    "heading level changed": heading_level_changed,
    "signed off": signed_off,
    "second half in English": second_half_in_english,
    "digits of another script": digits_of_another_script,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "day moved": {"moments", "numbers"},
    "time changed": {"moments", "numbers"},
    "city swapped": {"cities"},
    "link localised": {"missing", "added"},
    "image address changed": {"missing", "added"},
    "table columns swapped": {"table_cells"},
    "table row dropped": {"structure"},
    "sentence doubled": {"repeated_sentence", "sentences"},
    "list item merged": {"structure", "merged"},
    "heading level changed": {"structure"},
    "signed off": {"postamble"},
    "second half in English": {"partly_untranslated", "mixed_language"},
    "digits of another script": {"digits"},
}
