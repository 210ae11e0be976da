"""Site builders' collection lists written as the <article> cards `page_html` reads: each
Squarespace summary item and each Webflow CMS item one card, with what the builder hides; and
a city picker's <select> written as the list it is; and a Blogger post's lines, each led by
a city in bold, as the items they are.

Squarespace's summary block of events writes each event as a "summary-item" whose title is a
div ("summary-title"), and both clocks of each hour, one shown by its style sheet ("5:00 PM"
beside "17:00"). Webflow's CMS list writes each entry as a "w-dyn-item" of divs named by the
site's author, hides the fields an entry leaves empty with "w-condition-invisible", and keeps
the text it shows for an empty list ("w-dyn-empty": "No items found.").
"""

import re

from .page_blocks import html_words

# The element that holds one entry of a collection.
_ITEM_START = re.compile(
    r"""<(div|li)\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?(?:summary-item|w-dyn-item)(?:\s[^"']*)?["'][^>]*>""",
    re.I,
)
# What the builder writes but does not show.
_HIDDEN_START = re.compile(
    r"""<(\w+)\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:w-condition-invisible|w-dyn-empty|"""
    r"""event-time-12hr)\b[^"']*["'][^>]*>""",
    re.I,
)
_SUMMARY_TITLE = re.compile(
    r"""<div\b[^>]*\bclass\s*=\s*["'][^"']*\bsummary-title\b[^"']*["'][^>]*>(.*?)</div\s*>""",
    re.I | re.S,
)

_SHOWN_TIME = re.compile(r"<time\b[^>]*\bevent-time-24hr\b[^>]*>(.*?)</time\s*>", re.I | re.S)


def collection_items_as_articles(content: str) -> str:
    """`content` with each entry of a collection list an <article> (its title, if it has one,
    a heading) and what the builder hides left out; as it was when it holds no such list."""
    if not _ITEM_START.search(content) and not _HIDDEN_START.search(content):
        return content
    content = _without_hidden(content)
    pieces, at = [], 0
    for start in _ITEM_START.finditer(content):
        if start.start() < at:
            continue  # an item inside an item
        end = _element_end(content, start)
        inner = _SUMMARY_TITLE.sub(r"<h3>\1</h3>", content[start.end() : end.start])
        inner = _SHOWN_TIME.sub(r"\1", inner)  # "17:00 – 19:00" read as one range
        pieces += [content[at : start.start()], f'<article data-entry="">{inner}</article>']
        at = end.stop
    return "".join([*pieces, content[at:]])


def picker_options_as_list(content: str) -> str:
    """`content` with a city picker's options a list ("<select><option>Praha – Klárov, 14:00
    </option>…" as "<ul><li>Praha – Klárov, 14:00</li>…"), its placeholder ("— vyber město
    —") and the form around it (label, button) left out."""
    if not _SELECT.search(content):
        return content
    content = _SELECT.sub(_options_as_list, content)
    return _FORM_PART.sub("", content)


def _options_as_list(select: re.Match[str]) -> str:
    items = [
        f"<li>{option.group(2)}</li>"
        for option in _OPTION.finditer(select.group())
        if not _PLACEHOLDER.search(option.group(1))
    ]
    return f"<ul>{''.join(items)}</ul>"


_SELECT = re.compile(r"<select\b.*?</select\s*>", re.I | re.S)
_OPTION = re.compile(r"<option\b([^>]*)>(.*?)(?=</option\s*>|<option\b|</select)", re.I | re.S)
# An option that stands for none: disabled, or of no value ("<option value="">").
_PLACEHOLDER = re.compile(r"""\bdisabled\b|\bvalue\s*=\s*(?:""|'')""", re.I)
_FORM_PART = re.compile(
    r"</?form\b[^>]*>|<label\b.*?</label\s*>|<button\b.*?</button\s*>|<input\b[^>]*>",
    re.I | re.S,
)


def bold_led_lines_as_list(content: str) -> str:
    """`content` with two or more lines each led by a name in bold, in HTML of lines and no
    paragraphs (a Blogger post: "<b>दिल्ली</b>: जंतर मंतर, …<br />"), written as the items of a
    list; a line in no bold after one is a part of its item ("पंजीकरण: <a>…</a>")."""
    if re.search(r"<(?:p|li)\b", content, re.I):
        return content
    lines = _LINE_BREAK.split(content)
    if sum(bool(_BOLD_LED_LINE.match(text)) for text in lines) < 2:
        return content
    written: list[str] = []
    item: list[str] = []
    for text in lines:
        if _BOLD_LED_LINE.match(text) or (item and html_words(text)[0]):
            if _BOLD_LED_LINE.match(text) and item:
                written.append("<ul><li>" + "<br>".join(item) + "</li></ul>")
                item = []
            item.append(text)
            continue
        if item:
            written.append("<ul><li>" + "<br>".join(item) + "</li></ul>")
            item = []
        written.append(f"<div>{text}</div>")
    if item:
        written.append("<ul><li>" + "<br>".join(item) + "</li></ul>")
    return "".join(written)


_BOLD_LED_LINE = re.compile(r"\s*<(strong|b)\b[^>]*>[^<\d]{1,60}</\1\s*>\s*[-–—|·,:：]", re.I)


_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)


def _without_hidden(content: str) -> str:
    while hidden := _HIDDEN_START.search(content):
        end = _element_end(content, hidden)
        content = content[: hidden.start()] + content[end.stop :]
    return content


def _element_end(content: str, start: re.Match[str]) -> slice:
    """Where the element `start` opens ends: its closing tag's span, or the end of `content`
    for an element left open."""
    name = start.group(1)
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 1
    for tag in tags.finditer(content, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return slice(tag.start(), tag.end())
    return slice(len(content), len(content))
