"""What a page wrote in HTML inside its markdown, read into blocks as markdown is.

Exports and site builders leave a page's text as HTML: WordPress and Google Docs their lists
("<ul><li>…"), Squarespace, Wix and Elementor layout divs holding headings and paragraphs, a
card per city (a heading, or a paragraph that is only a name in bold, over its details). Apart
from `document` so that the reading of markdown's tokens does not mix with the habits of HTML.
"""

import html
import re
from dataclasses import replace

from .details import is_cancelled
from .event_words import PAST_EVENTS
from .page_blocks import Block, Link, html_words, is_struck_line
from .page_collections import (
    bold_led_lines_as_list,
    collection_items_as_articles,
    picker_options_as_list,
)
from .page_tables import html_table_rows
from .vocabulary import contains_phrase


def html_blocks(content: str, line: int) -> list[Block]:
    """The blocks of a piece of HTML: a list's items, a table's rows, and the paragraphs and
    cards around them, each on the line it starts on; [] for HTML that is no text (an embed,
    a script, a form)."""
    # A whole document without scripts pasted in (Google Docs' "Web page" export): its <head>
    # and style sheet are no text of the page, its <html> and <body> only wrap that text. (A
    # saved page with scripts is an event site's, read through its structured data.)
    if not _SCRIPT.search(content):
        content = _with_bold_classes_inline(content)
        content = _DOCUMENT_WRAPPING.sub(lambda wrap: "\n" * wrap.group().count("\n"), content)
    content = picker_options_as_list(collection_items_as_articles(content))
    if _is_layout_table(content):
        content = _LAYOUT_TAG.sub("<div>", content)
    if past := _past_heading(content):
        # An organizer's event list with its past events under their own heading
        # (Eventbrite's "Past events"): those were held, and are none of the page's; what
        # follows the next heading of its rank or above is again.
        start, end = past.start(), _next_heading_end(content, past)
        before = html_blocks(content[:start], line) if content[:start].strip() else []
        after_line = line + content[:end].count("\n")
        after = html_blocks(content[end:], after_line) if content[end:].strip() else []
        return [*before, Block("other", line + content[:start].count("\n")), *after]
    content = bold_led_lines_as_list(_bold_led_paragraphs_as_list(content))
    whole = _html_list_items(content, line) or html_table_rows(content, line)
    if whole:
        return whole
    cards = list(_ARTICLE.finditer(content))
    if len(cards) < 2 or not all(
        _ANY_HEADING.search(card.group(1)) or _ENTRY.match(card.group()) for card in cards
    ):
        return _html_flow(content, line)
    blocks: list[Block] = []
    at = 0
    for card in cards:
        blocks += _html_flow(content[at : card.start()], line + content[:at].count("\n"))
        blocks.append(_article_card(card.group(1), line + content[: card.start()].count("\n")))
        at = card.end()
    return blocks + _html_flow(content[at:], line + content[:at].count("\n"))


_SCRIPT = re.compile(r"<script\b", re.I)
_DOCUMENT_WRAPPING = re.compile(
    r"<head\b.*?</head\s*>|<style\b.*?</style\s*>|</?(?:html|body)\b[^>]*>|<!doctype[^>]*>",
    re.I | re.S,
)


# A class its style sheet makes bold (".c1{font-weight:700}"): Google Docs marks bold so.
_BOLD_CLASS = re.compile(r"\.([\w-]+)\s*\{[^}]*font-weight:\s*(?:bold|[6-9]00)", re.I)
_CLASSED_SPAN = re.compile(r"""<span\b([^>]*?)\bclass\s*=\s*["']([^"']*)["']""", re.I)


def _with_bold_classes_inline(content: str) -> str:
    """`content` with each span of a class its style sheet makes bold written bold inline."""
    bold = {
        name
        for sheet in re.findall(r"<style\b.*?</style\s*>", content, re.I | re.S)
        for name in _BOLD_CLASS.findall(sheet)
    }
    if not bold:
        return content

    def inline(span: re.Match[str]) -> str:
        if bold.isdisjoint(span.group(2).split()):
            return span.group()
        return f'{span.group()} style="font-weight:700"'

    return _CLASSED_SPAN.sub(inline, content)


# A paragraph opening with a name in bold and then a dash, each line of it one of
# the name's details: how Google Docs and Wix write a list without bullets ("<p><span
# style="font-weight:700">București</span><span>&nbsp;– Piața Victoriei, ora 18:00<br>
# Înscriere: …</span></p>"). Not a day in bold ("<strong>Sobota 12. června</strong>, 14:00"),
# nor a label ("<strong>Wann</strong>: Samstag").
_BOLD_LED_PARAGRAPH = re.compile(
    r"<p\b[^>]*>\s*(?:<span\b[^>]*>\s*)*"
    r"<(?:strong|b|span\b[^>]*font-weight:\s*(?:bold|[6-9]00)[^>]*)>[^<\d]{1,60}</(?:strong|b|span)>"
    r"(?:\s*</span>)*\s*(?:<span\b[^>]*>)?(?:\s|&nbsp;|&#160;|\u00a0)*[-–—·|]"
    r"(?:(?!</p\s*>|<p\b).)*</p\s*>",
    re.I | re.S,
)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)


def _bold_led_paragraphs_as_list(content: str) -> str:
    """`content` with two or more paragraphs each led by a name in bold written as the items
    of a list, a paragraph's lines its item's parts."""
    led = list(_BOLD_LED_PARAGRAPH.finditer(content))
    if len(led) < 2:
        return content

    def as_item(paragraph: re.Match[str]) -> str:
        inner = re.sub(r"\A<p\b[^>]*>|</p\s*>\Z", "", paragraph.group(), flags=re.I)
        return "<ul><li>" + _LINE_BREAK.sub("</span><br><span>", inner) + "</li></ul>"

    return _BOLD_LED_PARAGRAPH.sub(as_item, content)


def _past_heading(content: str) -> re.Match[str] | None:
    for heading in _ANY_HEADING.finditer(content):
        words = html_words(heading.group(2))[0]
        if len(re.findall(r"\w+", words)) <= 3 and contains_phrase(words, PAST_EVENTS, None):
            return heading
    return None


def _next_heading_end(content: str, past: re.Match[str]) -> int:
    """Where the past section under `past` ends: at the next heading of its rank or above."""
    rank = int(past.group(1))
    for heading in _ANY_HEADING.finditer(content, past.end()):
        if int(heading.group(1)) <= rank:
            return heading.start()
    return len(content)


# Email newsletters (Mailchimp, Sendinblue) lay their text out in tables nested in tables:
# such a table holds no rows of data but the flow of the mail, read as its divs would be.
_LAYOUT_TAG = re.compile(r"</?(?:table|tbody|thead|tfoot|tr|td|th|center)\b[^>]*>", re.I)
_TABLE_TAG = re.compile(r"<(/?)table\b", re.I)


def _is_layout_table(content: str) -> bool:
    depth = 0
    for tag in _TABLE_TAG.finditer(content):
        depth += -1 if tag.group(1) else 1
        if depth > 1:
            return True
    return False


# The event lists of WordPress's The Events Calendar and of Squarespace write each event as
# an <article>: its title a heading, its day, hours and venue before or after it.
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article\s*>", re.I | re.S)
_ENTRY = re.compile(r"<article data-entry", re.I)  # `page_collections`' cards
_ANY_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_CARD_BREAK = re.compile(
    r"</?(?:p|div|section|header|footer|address|time|h[1-6]|br|li|ul|ol)\b[^>]*>", re.I
)


_SPANS_ON_LINES = re.compile(r"</span>\s*\n\s*<span\b", re.I)


def _article_card(inner: str, line: int) -> Block:
    """One <article> of an event list as one item: its heading first, then its other pieces
    ("Hà Nội – Chủ Nhật, 14 tháng 11, 2027 – 6:30 SA – 8:30 SA – Hồ Hoàn Kiếm")."""
    if heading := _ANY_HEADING.search(inner):
        title, links = html_words(heading.group(2))
        rest = inner[: heading.start()] + "<br>" + inner[heading.end() :]
    else:  # an entry of a collection list: its first field is its title
        title, links, rest = "", [], inner
    # Spans set on lines of their own are fields of their own ("<span>Tepi Sungai Deli</span>"
    # over "<span>Jl. Brigjend Katamso, Medan</span>" in an <address>).
    rest = _SPANS_ON_LINES.sub("</span><br><span", rest)
    pieces = [html_words(piece) for piece in _CARD_BREAK.split(rest)]
    texts = [title, *(text for text, _links in pieces if text)]
    text = " – ".join(t for t in texts if t)
    return Block(
        "item", line, text, text, [*links, *(link for _t, more in pieces for link in more)]
    )


def _html_flow(content: str, line: int) -> list[Block]:
    """The blocks of HTML that holds no event cards: its lists, tables and text."""
    blocks: list[Block] = []
    at = 0
    for match in _HTML_LIST.finditer(content):
        piece = content[at : match.start()]
        before = _html_text(piece, line + content[:at].count("\n"))
        blocks += before
        at_line = line + content[: match.start()].count("\n")
        if match.group(1).lower() == "table":  # a wiki's table amid its notes (Confluence)
            blocks += html_table_rows(match.group(), at_line) or [Block("other", at_line)]
        elif match.group(1).lower() == "dl":
            blocks += _definition_items(match.group(), at_line)
        elif (
            _ICON_LIST.match(match.group())
            and (heading := _ENDING_HEADING.search(piece))
            and _are_fields(fields := _html_list_items(match.group(), at_line))
        ):
            # Elementor's card: a heading widget over an icon list widget of its fields
            # ("<h3>Rosario</h3>" over "📅 Sáb 12/6", "🕑 18 hs", "📍 Monumento a la Bandera").
            title, links = html_words(heading.group(2))
            if before and before[-1].text == title:
                blocks.pop()
            text = " – ".join([title, *(field.text for field in fields)])
            links += [link for field in fields for link in field.links]
            blocks.append(Block("item", at_line, text, text, links))
        elif (buttons := _html_list_items(match.group(), at_line)) and _are_card_buttons(
            buttons, before
        ):
            # Carrd writes a card's buttons as a list after its text ("<h2>Nairobi</h2><p>…
            # </p><ul class="buttons"><li><a>Jisajili</a></li></ul>"): the card's links.
            blocks[-1] = replace(
                blocks[-1], links=[*blocks[-1].links, *(b.links[0] for b in buttons)]
            )
        else:
            blocks += buttons
        at = match.end()
    return blocks + _html_text(content[at:], line + content[:at].count("\n"))


# A list whose items are a card's fields, each after its icon (Elementor's icon list).
_ICON_LIST = re.compile(r"""<[uo]l\b[^>]*\bclass\s*=\s*["'][^"']*icon-list""", re.I)
# A heading that ends the HTML before such a list, but for the containers it closes.
_ENDING_HEADING = re.compile(
    r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>(?:\s*</?(?:div|section|span)\b[^>]*>)*\s*\Z", re.I | re.S
)


def _are_fields(items: list[Block]) -> bool:
    """Whether each item is one field of a card, not a line of its own ("Berlin – 14:00")."""
    return bool(items) and not any(_FIELDS_APART.search(item.text) for item in items)


_FIELDS_APART = re.compile(r"\s[-–—|·]\s|,")

# Buttons are a few items, each one link of a word or two.
_MOST_BUTTONS = 3
_BUTTON_WORDS = 2


def _are_card_buttons(buttons: list[Block], before: list[Block]) -> bool:
    """Whether a list straight after a card's text holds nothing but its buttons."""
    return (
        bool(before)
        and before[-1].kind == "item"
        and len(buttons) <= _MOST_BUTTONS
        and all(
            len(b.links) == 1 and len(b.text.split()) <= _BUTTON_WORDS and b.text == b.links[0].text
            for b in buttons
        )
    )


# HTML a page writes its text in (a Notion callout is an <aside>; not an embed, a script or
# a form, which are read apart).
_HTML_TEXT = re.compile(r"\s*<(?:p|div|section|article|aside|h[1-6]|span|strong|b)\b", re.I)
_HTML_NOT_TEXT = re.compile(
    r"<(?:script|iframe|blockquote|form|embed|object|style)\b|consent", re.I
)
_LEADING_CLOSERS = re.compile(r"\A(?:\s*</(?:div|section|article|aside|span)\s*>)+")
_HTML_LIST = re.compile(r"<(ul|ol|table|dl)\b.*?</\1\s*>", re.I | re.S)
# A heading, or a paragraph that is nothing but a short name in bold (how Wix and Google Docs
# write a city's card: "<p><span style="font-weight:bold">Hà Nội</span></p>").
_HTML_HEADING = re.compile(
    r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>"
    r"|<p\b[^>]*>\s*(?:<span\b[^>]*>\s*)*"
    r"<(strong|b|span\b[^>]*font-weight:\s*(?:bold|[6-9]00)[^>]*)>([^<]{1,60})</(?:strong|b|span)>"
    r"\s*(?:</span>\s*)*</p\s*>",
    re.I | re.S,
)
_CARD_END = re.compile(r"</(?:article|section|li)\s*>|<(?:footer|nav|aside)\b", re.I)
_HTML_BREAK = re.compile(r"</?(?:p|div|section|article|aside|h[1-6]|br|li|ul|ol)\b[^>]*>", re.I)


def _html_text(content: str, line: int) -> list[Block]:
    """Paragraphs a page wrote in HTML ("<p>Join us on <strong>12 April</strong></p>") as
    paragraphs; a card (a heading of the piece's deepest level over its details:
    "<h3>Tucson, AZ</h3><p>…</p>") as one item whose parts are read as a city bullet's
    ("Tucson, AZ – Pima County … – 6:00 PM – 9:00 PM MST – Sign up"). A heading above the
    cards ("<h2>Saturday 8 May we ride</h2>") is a paragraph of its own."""
    # What follows a list may open by closing the list's containers ("</div></div><div>…").
    opening = _LEADING_CLOSERS.sub("", content)
    if not content.strip() or not _HTML_TEXT.match(opening) or _HTML_NOT_TEXT.search(content):
        return []
    # "<p><strong>INSTÄLLT</strong></p>" under a city's heading says its state, no name.
    headings = [
        heading
        for heading in _HTML_HEADING.finditer(content)
        if heading.group(1) or not is_cancelled(heading.group(4), None)
    ]
    levels = [_level(heading) for heading in headings]
    deepest = max(levels, default=0)
    blocks: list[Block] = []
    at, card = 0, None  # card: the text and line of the heading whose details follow
    for heading, level in [*zip(headings, levels, strict=True), (None, 0)]:
        end = heading.start() if heading else len(content)
        # A card ends with its container: a footer's or a menu's links are none of its own.
        own_end: re.Match[str] | None = _CARD_END.search(content, at, end) if card else None
        after: list[tuple[str, list]] = _pieces(content[own_end.start() : end]) if own_end else []
        pieces = _pieces(content[at : own_end.start() if own_end else end])
        number = line + content[:at].count("\n")
        if card and pieces:
            text = " – ".join([card[0], *(text for text, _links in pieces)])
            links = [link for _text, piece_links in pieces for link in piece_links]
            blocks.append(Block("item", card[1], text, text, card[2] + links))
            tail = line + content[: own_end.start()].count("\n") if own_end else number
            blocks += [Block("paragraph", tail, text, text, links) for text, links in after]
        else:
            pieces += after
            if card:
                pieces = [card[::2], *pieces]
            blocks += [Block("paragraph", number, text, text, links) for text, links in pieces]
        if heading is None:
            break
        text, links = html_words(heading.group(2) or heading.group(4) or "")
        if wrapping := _WRAPPING_ANCHOR.search(content, at, heading.start()):
            # "<a href="…/e/climate-walk-dublin-tickets-…"><h3>Climate Walk Dublin</h3></a>":
            # an event card whose title is its link.
            if _ANCHOR_END.match(content, heading.end()):
                links = [Link(text, html.unescape(wrapping.group(1))), *links]
        number = line + content[: heading.start()].count("\n")
        card = (text, number, links) if text and level == deepest else None
        if text and level != deepest:
            blocks.append(Block("paragraph", number, text, text, links))
        at = heading.end()
    return blocks


# An anchor opened just before a heading and closed just after it.
_WRAPPING_ANCHOR = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>\s*\Z""", re.I)
_ANCHOR_END = re.compile(r"\s*</a\s*>", re.I)


def _level(heading: re.Match) -> int:
    return int(heading.group(1)) if heading.group(1) else 7


def _pieces(content: str) -> list[tuple[str, list]]:
    pieces = [html_words(piece) for piece in _HTML_BREAK.split(content)]
    return [(text, links) for text, links in pieces if text]


_HTML_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?=</li\s*>|<li\b|</[uo]l\s*>|\Z)", re.I | re.S)


def _html_list_items(content: str, line: int) -> list[Block]:
    """The items of a list a WordPress or Google Docs export left as HTML ("<ul><li>…"),
    read as markdown bullets are: their words, and their anchors as links."""
    if not re.match(r"\s*<(?:ul|ol|li)\b", content, re.I):
        return []
    items = []
    for match in _HTML_ITEM.finditer(content):
        text, links = html_words(match.group(1))
        if len(pieces := _pieces(match.group(1))) > 1:
            # An item of an event site's cards ("<li><article><a><div>Toronto</div></a>
            # <div>Sat, Jun 12, 12:00 PM</div><div>CPP Investments</div>"): its fields apart.
            text = " – ".join(piece for piece, _links in pieces)
        number = line + content[: match.start()].count("\n")
        # "<li><del>Lille – 14h</del></li>" is written in markdown so: called off.
        source = f"~~{text}~~" if is_struck_line(match.group(1)) else text
        if text:
            items.append(Block("item", number, text, source, links))
    return items


_TERM = re.compile(r"<dt\b[^>]*>(.*?)</dt\s*>((?:(?!<dt\b).)*)", re.I | re.S)
_DEFINITION = re.compile(r"<dd\b[^>]*>(.*?)(?=</dd\s*>|<dd\b|\Z)", re.I | re.S)


def _definition_items(content: str, line: int) -> list[Block]:
    """A description list ("<dl><dt>Liège</dt><dd>Place Saint-Lambert · 14h30</dd>") as one
    item per term, written as a city bullet is: "Liège – Place Saint-Lambert · 14h30"."""
    items = []
    for term in _TERM.finditer(content):
        title, links = html_words(term.group(1))
        pieces = [html_words(definition) for definition in _DEFINITION.findall(term.group(2))]
        text = " – ".join([title, *(text for text, _links in pieces if text)])
        number = line + content[: term.start()].count("\n")
        if title:
            links += [link for _text, more in pieces for link in more]
            items.append(Block("item", number, text, text, links))
    return items
