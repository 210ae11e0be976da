"""A ninth round of ways a model damages its answers, in shapes the earlier rounds lack, drawn
at random for property tests: the answer for another segment of the page (segments swapped)
or this one's answered twice in a row, a list's items merged into one line, a heading turned
into bold text or bold text into a heading, a table's row split or its cells shifted, a
link's text and address swapped or the two links' tokens swapped, an image's alt text dropped,
its address changed or its "!" lost, a date range collapsed to its first day or an hour
range's end dropped, a count of people changed (also in words), a distance put in miles, an
emoji swapped, a hashtag split, an @handle translated, a right-to-left sentence with its full
stop at the wrong end, a safety disclaimer added inside the text, an HTML entity written
for a plain character or escaped twice, and the answer cut off mid-word.

`PAIRS` (`damage_ninth_pairs.py`) are faithful translations into 13 languages; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_ninth_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# The camp's date range and hour range as each answer writes them, and collapsed: the first
# day only, the opening hour only.
_RANGES = {
    "et": (("14.–16. juunini", "14. juunil"), ("10.00–18.00", "10.00")),
    "lv": (("no 14. līdz 16. jūnijam", "14. jūnijā"), ("no 10.00 līdz 18.00", "no 10.00")),
    "sl": (("od 14. do 16. junija", "14. junija"), ("od 10.00 do 18.00", "od 10.00")),
    "hr": (("od 14. do 16. lipnja", "14. lipnja"), ("od 10 do 18 sati", "od 10 sati")),
    "sr": (("од 14. до 16. јуна", "14. јуна"), ("од 10.00 до 18.00", "од 10.00")),
    "bg": (("от 14 до 16 юни", "на 14 юни"), ("от 10:00 до 18:00 ч.", "от 10:00 ч.")),
    "mk": (("од 14 до 16 јуни", "на 14 јуни"), ("од 10:00 до 18:00 часот", "од 10:00 часот")),
    "ka": (("14–16 ივნისს", "14 ივნისს"), ("10:00-დან 18:00-მდე", "10:00-დან")),
    "hy": (("հունիսի 14–16-ը", "հունիսի 14-ին"), ("10:00–18:00", "10:00-ից")),
    "he": (("בין 14 ל־16 ביוני", "ב־14 ביוני"), ("בין 10:00 ל־18:00", "מ־10:00")),
    "ur": (("14 سے 16 جون تک", "14 جون کو"), ("10:00 سے 18:00 بجے تک", "10:00 بجے سے")),
    "ta": (("ஜூன் 14–16 வரை", "ஜூன் 14 அன்று"), ("10:00–18:00 மணி வரை", "10:00 மணி முதல்")),
    "ja": (("6月14日〜16日", "6月14日"), ("10:00〜18:00", "10:00から")),
}
# "About 200 people" with another count, in words: "three hundred", "two thousand".
_OTHER_COUNTS = {
    "et": ("kolmsada", "kaks tuhat"), "lv": ("trīssimt", "divi tūkstoši"),
    "sl": ("tristo", "dva tisoč"), "hr": ("tristo", "dvije tisuće"), "sr": ("триста", "две хиљаде"),
    "bg": ("триста", "две хиляди"), "mk": ("триста", "две илјади"), "ka": ("სამასი", "ორი ათასი"),
    "hy": ("երեք հարյուր", "երկու հազար"), "he": ("שלוש מאות", "אלפיים"),
    "ur": ("تین سو", "دو ہزار"), "ta": ("முந்நூறு", "இரண்டாயிரம்"), "ja": ("三百", "二千"),
}  # fmt: skip
# The distance in miles, as each language writes them.
_MILES = {
    "et": "miili", "lv": "jūdzes", "sl": "milj", "hr": "milja", "sr": "миља", "bg": "мили",
    "mk": "милји", "ka": "მილი", "hy": "մղոն", "he": "מייל", "ur": "میل", "ta": "மைல்",
    "ja": "マイル",
}  # fmt: skip
_KILOMETRES = ("5 km", "5 км", "5 კმ", "5 կմ", "5 ק״מ", "5 کلومیٹر", "5 கி.மீ.", "5キロ")
_OTHER_EMOJI = ("🔥", "💣", "🎉", "✊")
_SPLIT_HASHTAGS = ("#Pause AI", "#Pause_AI", "# PauseAI", "#Pause-AI")
_TRANSLATED_HANDLES = {
    "et": "@PausAI", "lv": "@PauzeAI", "sl": "@PremorUI", "hr": "@PauzaUI", "sr": "@ПаузаВИ",
    "bg": "@ПаузаИИ", "mk": "@ПаузаВИ", "ka": "@პაუზაAI", "hy": "@ԴադարԱԲ", "he": "@עצירהAI",
    "ur": "@وقفہAI", "ta": "@இடைநிறுத்தம்AI", "ja": "@ポーズAI",
}  # fmt: skip
# A model's safety disclaimer, in the answer's language or in English.
_DISCLAIMERS = {
    "et": "(Palun järgige kohalikke seadusi ja protestige rahumeelselt.)",
    "lv": "(Lūdzu, ievērojiet vietējos likumus un protestējiet mierīgi.)",
    "sl": "(Prosimo, spoštujte lokalne zakone in protestirajte mirno.)",
    "hr": "(Molimo poštujte lokalne zakone i prosvjedujte mirno.)",
    "sr": "(Молимо поштујте локалне законе и протестујте мирно.)",
    "bg": "(Моля, спазвайте местните закони и протестирайте мирно.)",
    "mk": "(Ве молиме почитувајте ги локалните закони и протестирајте мирно.)",
    "ka": "(გთხოვთ, დაიცვათ ადგილობრივი კანონები და მშვიდობიანად გააპროტესტოთ.)",
    "hy": "(Խնդրում ենք հարգել տեղական օրենքները և բողոքել խաղաղ։)",
    "he": "(אנא כבדו את החוק המקומי והפגינו בדרכי שלום.)",
    "ur": "(براہ کرم مقامی قوانین کا احترام کریں اور پرامن احتجاج کریں۔)",
    "ta": "(தயவுசெய்து உள்ளூர் சட்டங்களை மதித்து அமைதியாகப் போராடுங்கள்.)",
    "ja": "（現地の法律を守り、平和的に抗議してください。）",
}
_ENGLISH_DISCLAIMERS = (
    "Disclaimer: please make sure any protest you join is legal and peaceful.",
    "(Note: I cannot encourage illegal activities; always follow local laws.)",
)
_RIGHT_TO_LEFT = {"he": ".", "ur": "۔"}


def _choice(data: _Drawer, options: list | tuple, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def another_segment(pair: Pair, data: _Drawer) -> str:
    """The faithful answer for another segment of the page (two segments swapped)."""
    others = [p for p in PAIRS if p.language == pair.language and p.name != pair.name]
    other = _choice(data, others, "other")
    # Its tokens are this segment's numbering: ⟦1⟧ of the other segment is not ⟦1⟧ here.
    return other.faithful


def answered_twice(pair: Pair, data: _Drawer) -> str:
    joiner = _choice(data, [" ", "\n", "\n\n"], "joiner")
    return f"{pair.faithful}{joiner}{pair.faithful}"


def list_merged(pair: Pair, data: _Drawer) -> str | None:
    """The list's items on one line: after one marker, joined by spaces, commas or bullets."""
    if pair.name != "checklist":
        return None
    items = [line.removeprefix("- ") for line in pair.faithful.split("\n")]
    joiner = _choice(data, [" ", "; ", " • ", " - "], "joiner")
    return _choice(data, ["- ", ""], "marker") + joiner.join(items)


def heading_and_bold_exchanged(pair: Pair, data: _Drawer) -> str | None:
    """The heading written as bold text, or the bold paragraph written as a heading."""
    if pair.name == "heading":
        text = pair.faithful.removeprefix("## ")
        words, token = text.rsplit(" ", 1)
        how = _choice(data, ["bold with anchor", "bold", "bold line"], "how")
        if how == "bold with anchor":
            return f"**{words}** {token}"
        if how == "bold":
            return f"**{words}**"
        return f"**{words}**\n{token}"
    if pair.name == "bold":
        level = _choice(data, ["# ", "## ", "### "], "level")
        return level + pair.faithful.strip("*")
    return None


def table_shifted(pair: Pair, data: _Drawer) -> str | None:
    """A row split over two lines, or a row's cells shifted or swapped."""
    if pair.name != "table":
        return None
    lines = pair.faithful.split("\n")
    at = _choice(data, [2, 3], "row")
    cells = [cell.strip() for cell in lines[at].strip("|").split("|")]
    how = _choice(data, ["split", "shifted", "swapped", "header swapped"], "how")
    if how == "split":
        lines[at : at + 1] = [f"| {cells[0]} |", f"| {cells[1]} |"]
    elif how == "shifted":
        lines[at] = f"| | {cells[0]} | {cells[1]} |"
    elif how == "swapped":
        lines[at] = f"| {cells[1]} | {cells[0]} |"
    else:
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]
        lines = [f"| {header[1]} | {header[0]} |", lines[1]]
        lines += [f"| {row[1]} | {row[0]} |" for row in rows[:1]] + [
            f"| {row[0]} | {row[1]} |" for row in rows[1:]
        ]
    return "\n".join(lines)


def link_damaged(pair: Pair, data: _Drawer) -> str | None:
    """A link's text and address swapped, the two links' tokens swapped, the image's alt text
    dropped, its address written out as another one, or its "!" lost (a link, not a picture)."""
    if pair.name != "links":
        return None
    text = pair.faithful
    how = _choice(data, ["text and address", "tokens", "alt", "src", "bang"], "how")
    if how == "text and address":
        return re.sub(r"\[([^\]]+)\]⟦1⟧", r"[⟦1⟧](\1)", text, count=1)
    if how == "tokens":
        return text.replace("⟦1⟧", "⟦X⟧").replace("⟦2⟧", "⟦1⟧").replace("⟦X⟧", "⟦2⟧")
    if how == "alt":
        return re.sub(r"!\[[^\]]*\]", "![]", text)
    if how == "src":
        src = _choice(data, ["(/media/photo.jpg)", "(https://pauseai.info/media/march.jpg)",
                             "(march.jpg)"], "src")  # fmt: skip
        return text.replace("⟦3⟧", src)
    return text.replace("![", "[")


def range_collapsed(pair: Pair, data: _Drawer) -> str | None:
    """The date range reduced to its first day, or the hour range to its opening hour."""
    if pair.name != "camp":
        return None
    whole, collapsed = _choice(data, _RANGES[pair.language], "range")
    assert whole in pair.faithful, (pair.language, whole)
    return pair.faithful.replace(whole, collapsed, 1)


def count_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "crowd":
        return None
    wrong = _choice(data, ["300", "2000", "20", *_OTHER_COUNTS[pair.language]], "count")
    return pair.faithful.replace("200", wrong, 1)


def unit_changed(pair: Pair, data: _Drawer) -> str | None:
    """The 5 km put in miles: the number kept, or converted (3 miles)."""
    if pair.name != "crowd":
        return None
    written = next(k for k in _KILOMETRES if k in pair.faithful)
    number = _choice(data, ["5", "3", "3,1"], "number")
    spaced = "" if pair.language == "ja" else " "
    return pair.faithful.replace(written, f"{number}{spaced}{_MILES[pair.language]}", 1)


def symbol_changed(pair: Pair, data: _Drawer) -> str | None:
    """The emoji swapped, the hashtag split or the @handle translated."""
    if pair.name != "crowd":
        return None
    how = _choice(data, ["emoji", "hashtag", "handle"], "how")
    if how == "emoji":
        return pair.faithful.replace("🌍", _choice(data, _OTHER_EMOJI, "emoji"))
    if how == "hashtag":
        return pair.faithful.replace("#PauseAI", _choice(data, _SPLIT_HASHTAGS, "hashtag"))
    return pair.faithful.replace("@PauseAI", _TRANSLATED_HANDLES[pair.language])


def right_to_left_stop_moved(pair: Pair, data: _Drawer) -> str | None:
    """A right-to-left sentence's full stop at its start, as a left-to-right editor shows it."""
    stop = _RIGHT_TO_LEFT.get(pair.language)
    if stop is None or not pair.faithful.endswith(stop) or pair.name in ("table", "links"):
        return None
    lines = pair.faithful.split("\n")
    at = _choice(data, range(len(lines)), "line")
    line = lines[at]
    if not line.endswith(stop):
        return None
    marker = re.match(r"(?:- |\*\*)?", line).group(0)
    body = line[len(marker) :].removesuffix("**").removesuffix(stop)
    lines[at] = f"{marker}{stop}{body}" + ("**" if line.endswith("**" + stop) else "")
    if marker == "**":
        lines[at] = f"**{stop}{line[2:-3]}**"
    return "\n".join(lines)


def disclaimer_added(pair: Pair, data: _Drawer) -> str:
    """A safety disclaimer after the first sentence (or line) of the answer, or in brackets
    inside its first sentence, without a full stop of its own."""
    disclaimer = _choice(data, [_DISCLAIMERS[pair.language], *_ENGLISH_DISCLAIMERS], "text")
    inline = re.search(r"[,、]|(?= [^ ]+$)", pair.faithful.split("\n")[0])
    if inline and data.draw(st.booleans(), label="inline"):
        aside = "(" + disclaimer.strip("()（）").rstrip(".։۔。") + ")"
        return f"{pair.faithful[: inline.start()]} {aside}{pair.faithful[inline.start() :]}"
    match = re.search(r"(?<=[.։۔。])\s|\n", pair.faithful)
    if match is None:
        return f"{pair.faithful} {disclaimer}"
    at = match.start()
    return f"{pair.faithful[:at]} {disclaimer}{pair.faithful[at:]}"


def entity_written(pair: Pair, data: _Drawer) -> str | None:
    """A plain character written as an HTML entity, or one escaped twice."""
    spaces = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", pair.faithful)]
    if not spaces:
        return None
    at = _choice(data, spaces, "where")
    entity = _choice(data, ["&nbsp;", "&amp;nbsp;", "&#32;", "&amp;#160;"], "entity")
    return pair.faithful[:at] + entity + pair.faithful[at + 1 :]


def cut_mid_word(pair: Pair, data: _Drawer) -> str | None:
    """The answer cut off inside its last word, as a token limit cuts it (CJK: mid-word)."""
    text = pair.faithful.rstrip("*")
    words = list(re.finditer(r"[^\W\d_]{3,}", text))
    if not words:
        return None
    last = words[-1]
    cut = last.start() + _choice(data, range(1, len(last.group(0)) - 1), "at")
    return text[:cut]


HARMFUL: dict[str, Damage] = {
    "another segment": another_segment,
    "answered twice": answered_twice,
    "list merged": list_merged,
    "heading and bold exchanged": heading_and_bold_exchanged,
    "table shifted": table_shifted,
    "link damaged": link_damaged,
    "range collapsed": range_collapsed,
    "count changed": count_changed,
    "unit changed": unit_changed,
    "symbol changed": symbol_changed,
    "right-to-left stop moved": right_to_left_stop_moved,
    "disclaimer added": disclaimer_added,
    "entity written": entity_written,
    "cut mid-word": cut_mid_word,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    # Another segment's translation: its numbers, marks, tokens or length are not this one's.
    "another segment": {"numbers", "numbers_added", "structure", "anchors", "missing",
                        "invented", "links", "symbols", "short", "long", "sentences",
                        "cities", "emphasis", "other_segment"},
    "answered twice": {"repeated", "repeated_sentence", "postamble", "long"},
    "list merged": {"structure"},
    "heading and bold exchanged": {"structure", "anchor_moved", "anchors", "missing"},
    "table shifted": {"structure", "table_cells"},
    "link damaged": {"links", "link_order", "missing", "added", "images"},
    "range collapsed": {"numbers"},
    "count changed": {"numbers"},
    "unit changed": {"units", "numbers"},
    "symbol changed": {"symbols"},
    "right-to-left stop moved": {"punctuation_side"},
    # Inside the text it is a sentence more or a remark in brackets; after it, text around
    # the translation.
    "disclaimer added": {"sentences", "postamble", "mixed_language", "long", "aside"},
    "entity written": {"entities"},
    # A heading cut off loses its anchor's token after the words; a table, its last "|".
    "cut mid-word": {"cut_off", "cut_word", "short", "emphasis", "missing", "anchors",
                     "structure"},
}  # fmt: skip
