"""A fifteenth round of ways a model damages its answers, drawn at random for property tests,
over a whole rally page in Swedish, Danish, Czech, Romanian, Hungarian, Turkish, Hindi,
Indonesian, Thai and Japanese: the date's day changed in the language's own date format, its
weekday changed where the page names that day again further on, the afternoon time put on a
12-hour clock wrongly (2.30 for 14.30, "morning" for "afternoon"), the link's address
localized or its path translated, the e-mail address altered, a list item dropped or two
merged, a heading's level changed, a table row lost, the emphasis moved onto other words, a
line saying the text was translated by AI (in the page's language), a paragraph or a heading
left in English, a count changed in the language's own grouping (१३,५०० for 12,500,
1万3500人), the city swapped for another of its country under its name in that language, and
the speaker's given name changed (in Japanese the family name).

`PAIRS` (`damage_fifteenth_pairs.py`) are faithful translations of one page; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_fifteenth_pairs import LANGUAGES, PAIRS, SOURCE

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# The paragraph's date as each language writes it, and that date a day or ten days later.
DATES = {
    "sv": ("3 oktober 2032", ("4 oktober 2032", "13 oktober 2032")),
    "da": ("3. oktober 2032", ("4. oktober 2032", "13. oktober 2032")),
    "cs": ("3. října 2032", ("4. října 2032", "13. října 2032")),
    "ro": ("3 octombrie 2032", ("4 octombrie 2032", "13 octombrie 2032")),
    "hu": ("2032. október 3-án", ("2032. október 4-én", "2032. október 13-án")),
    "tr": ("3 Ekim 2032", ("4 Ekim 2032", "13 Ekim 2032")),
    "hi": ("३ अक्टूबर २०३२", ("४ अक्टूबर २०३२", "१३ अक्टूबर २०३२")),
    "id": ("3 Oktober 2032", ("4 Oktober 2032", "13 Oktober 2032")),
    "th": ("3 ตุลาคม 2032", ("4 ตุลาคม 2032", "13 ตุลาคม 2032")),
    "ja": ("2032年10月3日", ("2032年10月4日", "2032年10月13日")),
}
# The paragraph's Sunday, and Saturday in its place (the closing line still says Sunday).
WEEKDAYS = {
    "sv": ("Söndagen", "Lördagen"), "da": ("Søndag den", "Lørdag den"),
    "cs": ("V neděli", "V sobotu"), "ro": ("Duminică,", "Sâmbătă,"),
    "hu": ("Vasárnap,", "Szombaton,"), "tr": ("Pazar günü", "Cumartesi günü"),
    "hi": ("रविवार,", "शनिवार,"), "id": ("hari Minggu,", "hari Sabtu,"),
    "th": ("วันอาทิตย์ที่", "วันเสาร์ที่"), "ja": ("（日）", "（土）"),
}  # fmt: skip
# The paragraph's time, and it on a 12-hour clock without its afternoon, or in the morning.
TIMES = {
    "sv": ("klockan 14.30", ("klockan 2.30", "klockan 2.30 på morgonen")),
    "da": ("kl. 14.30", ("kl. 2.30", "kl. 2.30 om morgenen")),
    "cs": ("ve 14:30", ("ve 2:30", "ve 2:30 ráno")),
    "ro": ("la ora 14:30", ("la ora 2:30", "la ora 2:30 dimineața")),
    "hu": ("14:30-kor", ("2:30-kor", "hajnali 2:30-kor")),
    "tr": ("saat 14.30'da", ("saat 2.30'da", "sabah saat 2.30'da")),
    "hi": ("दोपहर २:३० बजे", ("२:३० बजे", "सुबह २:३० बजे")),
    "id": ("pukul 14.30", ("pukul 2.30", "pukul 2.30 pagi")),
    "th": ("เวลา 14.30 น.", ("เวลา 2.30 น.", "เวลา 02.30 น.")),
    "ja": ("午後2時30分", ("2時30分", "午前2時30分")),
}
# The bold count, and it changed as the language writes it.
COUNTS = {
    "sv": ("12 500 personer", ("13 500 personer", "1 250 personer")),
    "da": ("12.500 mennesker", ("13.500 mennesker", "12.000 mennesker")),
    "cs": ("12\u00a0500 lidí", ("13\u00a0500 lidí", "2\u00a0500 lidí")),
    "ro": ("12.500 de oameni", ("13.500 de oameni", "125.000 de oameni")),
    "hu": ("12\u202f500 ember", ("13\u202f500 ember", "12\u202f000 ember")),
    "tr": ("12.500 kişi", ("13.500 kişi", "21.500 kişi")),
    "hi": ("१२,५०० लोग", ("१३,५०० लोग", "१,२५० लोग")),
    "id": ("12.500 orang", ("13.500 orang", "12.050 orang")),
    "th": ("12,500 คน", ("13,500 คน", "1,250 คน")),
    "ja": ("1万2500人", ("1万3500人", "2万1500人")),
}
# Vienna as each language names it (declined where the page declines it), and Graz so: a city
# of the same country, as a model that mixes up two events writes it.
CITIES = {
    "sv": ("Wien", "Graz"), "da": ("Wien", "Graz"), "cs": ("Vídni", "Grazu"),
    "ro": ("Viena", "Graz"), "hu": ("Bécs", "Graz"), "tr": ("Viyana", "Graz"),
    "hi": ("वियना", "ग्राज़"), "id": ("Wina", "Graz"), "th": ("เวียนนา", "กราซ"),
    "ja": ("ウィーン", "グラーツ"),
}  # fmt: skip
# The speaker's name as the page writes it, and with another given name.
SPEAKERS = {
    "sv": ("Anna Kovács", "Eva Kovács"), "da": ("Anna Kovács", "Eva Kovács"),
    "cs": ("Anna\nKovácsová", "Marie\nKovácsová"), "ro": ("Anna Kovács", "Ioana Kovács"),
    "hu": ("Kovács\nAnna", "Kovács\nÉva"), "tr": ("Anna Kovács", "Ayşe Kovács"),
    "hi": ("अन्ना कोवाच", "मारिया कोवाच"), "id": ("Anna Kovács", "Dewi Kovács"),
    "th": ("แอนนา โควาช", "มาเรีย โควาช"), "ja": ("アンナ・コヴァーチ", "アンナ・シュミット"),
}  # fmt: skip
# A line saying the page was translated by a machine, as a model adds it in the language.
DISCLAIMERS = {
    "sv": "(Översatt med AI)",
    "da": "*Denne tekst er maskinoversat og kan indeholde fejl.*",
    "cs": "(Přeloženo pomocí umělé inteligence)",
    "ro": "*Acest text a fost tradus automat cu ajutorul AI.*",
    "hu": "(Mesterséges intelligenciával fordítva)",
    "tr": "*Bu metin yapay zekâ ile çevrilmiştir.*",
    "hi": "(एआई द्वारा अनुवादित)",
    "id": "*Teks ini diterjemahkan oleh AI dan mungkin mengandung kesalahan.*",
    "th": "(แปลโดย AI)",
    "ja": "（この文章はAIによって翻訳されました）",
}
# Where a model puts a localized address: the path in the language, or a language folder.
_LOCALIZED_PATHS = {
    "sv": "wien/rutt", "da": "wien/rute", "cs": "viden/trasa", "ro": "viena/traseu",
    "hu": "becs/utvonal", "tr": "viyana/guzergah", "hi": "viyana/marg", "id": "wina/rute",
    "th": "vienna/sen-thang", "ja": "uin/ruto",
}  # fmt: skip
_ALTERED_ADDRESSES = ("presse@pauseai.info", "press@pauseai.org", "pres@pauseai.info")


def _choice(data: _Drawer, options, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _replaced(text: str, old: str, new: str, *, count: int = -1) -> str | None:
    """`text` with `old` as `new`; None where `old` is not in it (the change cannot apply)."""
    return text.replace(old, new, count) if old in text else None


def _token(pair: Pair, original: str) -> str:
    return f"⟦{pair.protected.originals.index(original) + 1}⟧"


def day_changed(pair: Pair, data: _Drawer) -> str | None:
    written, changed = DATES[pair.language]
    return _replaced(pair.faithful, written, _choice(data, changed, "date"))


def weekday_changed(pair: Pair, data: _Drawer) -> str | None:
    written, changed = WEEKDAYS[pair.language]
    return _replaced(pair.faithful, written, changed)


def twelve_hour_wrongly(pair: Pair, data: _Drawer) -> str | None:
    written, changed = TIMES[pair.language]
    return _replaced(pair.faithful, written, _choice(data, changed, "time"))


def link_localized(pair: Pair, data: _Drawer) -> str | None:
    """The link's address written out with its path in the language, or under a language
    folder, or on the language's own domain."""
    token = _token(pair, "(https://pauseai.info/vienna/route)")
    path = _LOCALIZED_PATHS[pair.language]
    written = _choice(
        data,
        [f"(https://pauseai.info/{path})", f"(https://pauseai.info/{pair.language}/vienna/route)",
         f"(https://pauseai.{pair.language}/vienna/route)"],
        "address",
    )  # fmt: skip
    return pair.faithful.replace(token, written)


def address_altered(pair: Pair, data: _Drawer) -> str | None:
    token = _token(pair, "press@pauseai.info")
    return pair.faithful.replace(token, _choice(data, _ALTERED_ADDRESSES, "address"))


def item_dropped_or_merged(pair: Pair, data: _Drawer) -> str | None:
    lines = pair.faithful.split("\n")
    items = [i for i, line in enumerate(lines) if line.startswith("- ")]
    first = _choice(data, items[:-1], "item")
    if _choice(data, ["dropped", "merged"], "how") == "dropped":
        del lines[first]
    else:
        joiner = "、" if pair.language == "ja" else ", " if pair.language != "th" else " "
        lines[first] += joiner + lines.pop(first + 1)[2:]
    return "\n".join(lines)


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    lines = pair.faithful.split("\n")
    headings = [i for i, line in enumerate(lines) if line.startswith("#")]
    index = _choice(data, headings, "heading")
    marks, rest = lines[index].split(" ", 1)
    level = _choice(data, [n for n in (1, 2, 3) if n != len(marks)], "level")
    lines[index] = "#" * level + " " + rest
    return "\n".join(lines)


def table_row_lost(pair: Pair, data: _Drawer) -> str | None:
    """A row of the table dropped, or two rows' cells run into one row."""
    lines = pair.faithful.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith("|") and "---" not in line][1:]
    index = _choice(data, rows[:-1], "row")
    if _choice(data, ["dropped", "joined"], "how") == "dropped":
        del lines[index]
    else:
        first, second = lines[index].strip("| ").split(" | "), lines.pop(index + 1)
        later = second.strip("| ").split(" | ")
        lines[index] = f"| {first[0]} | {first[1]}; {later[0]} {later[1]} |"
    return "\n".join(lines)


def emphasis_moved(pair: Pair, data: _Drawer) -> str | None:
    """The bold taken off the count and put on the city or the speaker's name."""
    count = COUNTS[pair.language][0]
    answer = pair.faithful.replace(f"**{count}**", count)
    target = _choice(data, [CITIES[pair.language][0], SPEAKERS[pair.language][0]], "onto")
    return answer.replace(target, f"**{target}**", 1)


def ai_disclaimer(pair: Pair, data: _Drawer) -> str | None:
    """A line or a bracket saying the page was translated by AI, after the page, after its
    first paragraph, or at the end of its last one."""
    note = DISCLAIMERS[pair.language]
    where = _choice(data, ["after the page", "after the first paragraph", "last paragraph"],
                    "where")  # fmt: skip
    blocks = pair.faithful.split("\n\n")
    if where == "after the page":
        return pair.faithful + "\n\n" + note
    if where == "after the first paragraph":
        blocks.insert(2, note)
    else:
        blocks[-1] += " " + note
    return "\n\n".join(blocks)


def paragraph_in_english(pair: Pair, data: _Drawer) -> str | None:
    """The first or the last paragraph left as the source has it."""
    source = Pair(pair.name, SOURCE, pair.language, SOURCE).faithful.split("\n\n")
    blocks = pair.faithful.split("\n\n")
    index = _choice(data, [1, len(blocks) - 1], "paragraph")
    blocks[index] = source[index]
    return "\n\n".join(blocks)


def heading_in_english(pair: Pair, data: _Drawer) -> str | None:
    """The list's heading ("What to bring") left as the source has it."""
    lines = pair.faithful.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("## "))
    lines[index] = "## What to bring " + lines[index].rsplit(" ", 1)[1]
    return "\n".join(lines)


def count_changed(pair: Pair, data: _Drawer) -> str | None:
    written, changed = COUNTS[pair.language]
    return _replaced(pair.faithful, written, _choice(data, changed, "count"))


def city_swapped(pair: Pair, data: _Drawer) -> str | None:
    """Vienna named as Graz where the page names it first, or everywhere."""
    vienna, prague = CITIES[pair.language]
    count = _choice(data, [1, -1], "how many")
    return _replaced(pair.faithful, vienna, prague, count=count)


def speaker_renamed(pair: Pair, data: _Drawer) -> str | None:
    written, other = SPEAKERS[pair.language]
    return _replaced(pair.faithful, written, other)


HARMFUL: dict[str, Damage] = {
    "day changed": day_changed,
    "weekday changed": weekday_changed,
    "12-hour clock wrongly": twelve_hour_wrongly,
    "link localized": link_localized,
    "address altered": address_altered,
    "item dropped or merged": item_dropped_or_merged,
    "heading level changed": heading_level_changed,
    "table row lost": table_row_lost,
    "emphasis moved": emphasis_moved,
    "AI disclaimer": ai_disclaimer,
    "paragraph in English": paragraph_in_english,
    "heading in English": heading_in_english,
    "count changed": count_changed,
    "city swapped": city_swapped,
    "speaker renamed": speaker_renamed,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "day changed": {"numbers", "weekdays", "moments"},
    "weekday changed": {"weekdays"},
    "12-hour clock wrongly": {"numbers", "moments"},
    "link localized": {"links", "added"},
    "address altered": {"missing", "added", "addresses"},
    "item dropped or merged": {"structure"},
    "heading level changed": {"structure"},
    "table row lost": {"structure", "table_cells"},
    "emphasis moved": {"emphasis_moved"},
    "AI disclaimer": {"translation_note", "postamble", "aside"},
    "paragraph in English": {"untranslated", "partly_untranslated", "mixed_language"},
    "heading in English": {"partly_untranslated", "mixed_language"},
    "count changed": {"numbers"},
    "city swapped": {"cities"},
    "speaker renamed": {"names"},
}
