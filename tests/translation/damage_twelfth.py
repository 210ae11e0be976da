"""A twelfth round of ways a model damages its answers, drawn at random for property tests,
over whole Markdown pages rather than single sentences: a heading's level changed, a list
losing or gaining an item, a table losing a row or a column, a link's address changed or the
link dropped (its words kept), an image's address changed, the front matter's keys or its
data (a date, a flag) translated, the code block or the video shortcode translated, the
HTML comment that marks the summary dropped, a footnote's marker dropped, the second half of
the page left in English, the page cut off at a paragraph's end, and the whole answer
written twice.

`PAIRS` (`damage_twelfth_pairs.py`) are faithful translations of two pages into three
languages; each damage returns the damaged answer with ⟦n⟧ tokens, or None where it cannot
happen to that pair. `REASONS` names the problems each damage must be refused with.
"""

import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_twelfth_pairs import LANGUAGES, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS"]

# Front matter's keys as a model translating every word writes them.
_KEYS = {
    "pt": {"title": "título", "date": "data", "draft": "rascunho", "description": "descrição"},
    "pl": {"title": "tytuł", "date": "data", "draft": "szkic", "description": "opis"},
    "tr": {"title": "başlık", "date": "tarih", "draft": "taslak", "description": "açıklama"},
}
# Data of the front matter ("date: 2029-05-13", "draft: false") said in words.
_FRONT_MATTER_DATA = {
    "pt": (("draft: false", "draft: falso"), ("date: 2029-05-13", "date: 13 de maio de 2029")),
    "pl": (("draft: false", "draft: nie"), ("date: 2029-05-13", "date: 13.05.2029")),
    "tr": (("draft: false", "draft: yanlış"), ("date: 2029-05-13", "date: 13 Mayıs 2029")),
}
# A list item more, in each language, with the page's list marker.
_EXTRA_ITEMS = {
    "page": {"pt": "- Um chapéu", "pl": "- Kapelusz", "tr": "- Bir şapka"},
    "press": {"pt": "4. Siga-nos nas redes sociais.", "pl": "4. Obserwuj nas w sieci.",
              "tr": "4. Bizi sosyal medyada takip edin."},
}  # fmt: skip
# Each page's link: the token's original, and what a changed address puts there.
_LINKS = {"page": "(https://pauseai.info/proposal)", "press": "[photos]"}
_CHANGED_LINKS = {
    "page": ("(https://pauseai.info/propostas)", "(https://pauseai.info/proposal-pt)",
             "(https://pauseai.org/proposal)"),
    "press": ("[photos]: https://pauseai.info/imprensa/fotos",
              "[photos]: https://pauseai.info/press/photo"),
}  # fmt: skip
_ITEM = re.compile(r"(?:- |\d+\. )")
# The code block and the shortcode "translated".
_CODE = {
    "pt": "```\npip instalar cartazes\n```",
    "pl": "```\npip zainstaluj transparenty\n```",
    "tr": "```\npip kur pankartlar\n```",
}
_SHORTCODES = {
    "pt": "{{< vídeo dQw4w9WgXcQ >}}",
    "pl": "{{< wideo dQw4w9WgXcQ >}}",
    "tr": "{{< video dQw4w9WgXcQ >}}",
}
_IMAGES = ("/images/lisboa-2029.jpg", "/imagens/lisbon-2029.jpg", "/images/lisbon-2028.jpg")


def _choice(data: _Drawer, options: list | tuple, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _token(pair: Pair, original: str) -> str:
    return f"⟦{pair.protected.originals.index(original) + 1}⟧"


def _lines(pair: Pair) -> list[str]:
    return pair.faithful.split("\n")


def heading_level_changed(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    index = _choice(data, [i for i, line in enumerate(lines) if line.startswith("#")], "heading")
    marks, _space, words = lines[index].partition(" ")
    lines[index] = (
        _choice(data, [m for m in ("#", "##", "###") if m != marks], "level") + " " + words
    )
    return "\n".join(lines)


def _items(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _ITEM.match(line)]


def list_item_dropped(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    del lines[_choice(data, _items(lines), "item")]
    return "\n".join(lines)


def list_item_added(pair: Pair, data: _Drawer) -> str | None:
    lines = _lines(pair)
    items = _items(lines)
    extra = _EXTRA_ITEMS[pair.name][pair.language]
    lines.insert(_choice(data, [*items, items[-1] + 1], "where"), extra)
    return "\n".join(lines)


def _has_table(pair: Pair) -> bool:
    return "\n|" in pair.faithful


def table_row_dropped(pair: Pair, data: _Drawer) -> str | None:
    if not _has_table(pair):
        return None
    lines = _lines(pair)
    rows = [i for i, line in enumerate(lines) if line.startswith("|") and "---" not in line]
    del lines[_choice(data, rows, "row")]
    return "\n".join(lines)


def table_column_dropped(pair: Pair, data: _Drawer) -> str | None:
    if not _has_table(pair):
        return None
    column = _choice(data, [0, 1], "column")
    lines = []
    for line in _lines(pair):
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            line = f"| {cells[1 - column]} |"
        lines.append(line)
    return "\n".join(lines)


def link_address_changed(pair: Pair, data: _Drawer) -> str | None:
    """The address written out in place of its token, changed; for a reference link, the
    line that defines it."""
    address = _choice(data, _CHANGED_LINKS[pair.name], "address")
    original = "[photos]: https://pauseai.info/press/photos" if pair.name == "press" else None
    return pair.faithful.replace(_token(pair, original or _LINKS[pair.name]), address, 1)


def link_dropped(pair: Pair, data: _Drawer) -> str | None:
    """The link's words kept as plain text, its brackets and address gone."""
    token = _token(pair, _LINKS[pair.name])
    start = pair.faithful.index(token)
    opening = pair.faithful.rindex("[", 0, start)
    words = pair.faithful[opening + 1 : start - 1]
    return pair.faithful[:opening] + words + pair.faithful[start + len(token) :]


def image_address_changed(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "page":
        return None
    address = f"({_choice(data, _IMAGES, 'image')})"
    return pair.faithful.replace(_token(pair, "(/images/lisbon-2029.jpg)"), address, 1)


def front_matter_keys_translated(pair: Pair, data: _Drawer) -> str | None:
    keys = _choice(data, [["title"], ["date", "draft", "description"], list(_KEYS["pt"])], "keys")
    answer = pair.faithful
    for key in keys:
        answer = answer.replace(f"\n{key}:", f"\n{_KEYS[pair.language][key]}:", 1)
    return answer


def front_matter_data_translated(pair: Pair, data: _Drawer) -> str | None:
    """A date or a flag of the front matter written as the language would say it."""
    if pair.name != "page":
        return None
    said = _choice(data, _FRONT_MATTER_DATA[pair.language], "value")
    return pair.faithful.replace(said[0], said[1], 1)


def code_translated(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "page":
        return None
    return pair.faithful.replace(_token(pair, "```\npip install signs\n```"), _CODE[pair.language])


def shortcode_translated(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "page":
        return None
    token = _token(pair, "{{< youtube dQw4w9WgXcQ >}}")
    return pair.faithful.replace(token, _SHORTCODES[pair.language])


def comment_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "page":
        return None
    return pair.faithful.replace(_token(pair, "<!--more-->") + "\n\n", "", 1)


def footnote_dropped(pair: Pair, data: _Drawer) -> str | None:
    if pair.name != "press":
        return None
    return pair.faithful.replace(_token(pair, "[^1]"), "", 1)


def second_half_untranslated(pair: Pair, data: _Drawer) -> str | None:
    """From a block near the middle on, the page as the source has it (the faithful pages
    have the source's blocks, one for one)."""
    blocks, source = pair.faithful.split("\n\n"), pair.protected.text.split("\n\n")
    half = _choice(data, [len(blocks) // 2 - 1, len(blocks) // 2], "from")
    return "\n\n".join(blocks[:half] + source[half:])


def truncated_at_paragraph(pair: Pair, data: _Drawer) -> str | None:
    blocks = pair.faithful.split("\n\n")
    return "\n\n".join(blocks[: _choice(data, range(3, len(blocks) - 1), "blocks")])


def doubled(pair: Pair, data: _Drawer) -> str | None:
    return pair.faithful + _choice(data, ["\n\n", "\n"], "joiner") + pair.faithful


HARMFUL: dict[str, Damage] = {
    "heading level changed": heading_level_changed,
    "list item dropped": list_item_dropped,
    "list item added": list_item_added,
    "table row dropped": table_row_dropped,
    "table column dropped": table_column_dropped,
    "link address changed": link_address_changed,
    "link dropped": link_dropped,
    "image address changed": image_address_changed,
    "front matter keys translated": front_matter_keys_translated,
    "front matter data translated": front_matter_data_translated,
    "code translated": code_translated,
    "shortcode translated": shortcode_translated,
    "comment dropped": comment_dropped,
    "footnote dropped": footnote_dropped,
    "second half untranslated": second_half_untranslated,
    "truncated at a paragraph": truncated_at_paragraph,
    "doubled": doubled,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "heading level changed": {"structure"},
    "list item dropped": {"structure"},
    "list item added": {"structure"},
    "table row dropped": {"structure"},
    "table column dropped": {"structure", "table_cells"},
    "link address changed": {"missing", "added"},
    "link dropped": {"missing"},
    "image address changed": {"missing", "added"},
    "front matter keys translated": {"front_matter"},
    "front matter data translated": {"front_matter"},
    "code translated": {"missing", "added"},
    "shortcode translated": {"missing", "added"},
    "comment dropped": {"missing"},
    "footnote dropped": {"missing"},
    "second half untranslated": {"partly_untranslated", "copied", "wrong_language"},
    "truncated at a paragraph": {"missing", "short", "structure"},
    "doubled": {"repeated", "structure"},
}
