"""A calendar entry's description written in HTML (Google's "<html-blob>", Outlook's
X-ALT-DESC, Mobilizon and Teamup) as the markdown a description is kept in."""

import html as html_text
import re
from html.parser import HTMLParser

# Google wraps some descriptions in "<html-blob>"; Outlook's X-ALT-DESC is a whole document.
_TAG_NAMES = (
    r"p|br|a|b|i|u|s|em|strong|small|sub|sup|code|pre|blockquote|center|ul|ol|li|div|span|"
    r"h[1-6]|hr|img|html|head|body|meta|title|link|font|table|thead|tbody|tr|td|th|o:p"
)
HTML_TAG = re.compile(rf"</?({_TAG_NAMES})(?![\w:-])[^<>]{{0,500}}>", re.I)
_DECLARATION = re.compile(r"<[!?][^<>]{0,500}>")
# Any other "<" is text: Python's HTML parser takes quadratic time on runs of "<!--" or "</".
_NOT_A_TAG = re.compile(rf"<(?!/?(?:{_TAG_NAMES}|script|style)(?![\w:-])[^<>]{{0,500}}>)", re.I)


# A character reference closed by its ";" ("&#8211;", "&#x2019;", "&eacute;"): WordPress
# writes its titles, places and links with them. One without the ";" ("AT&T", "Q&A") is text.
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def with_characters_referenced(text: str) -> str:
    """`text` with the HTML character references in it as the characters they are."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(lambda match: html_text.unescape(match[0]), text)


def html_as_markdown(html: str) -> str:
    """HTML as the markdown a description is kept in: paragraphs, line breaks, lists, bold,
    italics and links; every other tag dropped, entities decoded."""
    reader = _HtmlReader()
    html = _DECLARATION.sub("", _without_comments(html))  # Outlook's "<!DOCTYPE …>", "<?xml …?>"
    reader.feed(_NOT_A_TAG.sub("&lt;", html))
    reader.close()
    return "".join(reader.parts).strip()


def _without_comments(html: str) -> str:
    kept, at = [], 0
    while (start := html.find("<!--", at)) != -1 and (end := html.find("-->", start + 4)) != -1:
        kept.append(html[at:start])
        at = end + 3
    return "".join(kept) + html[at:]


class _HtmlReader(HTMLParser):
    _BLOCKS = {"p", "div", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
    _UNSHOWN = {"script", "style", "head", "title"}
    _MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # The open link's address and where its text starts: one at a time, as HTML nests
        # none (joining nested ones again and again would take quadratic time).
        self._link: tuple[str, int] | None = None
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._UNSHOWN:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in self._MARKS:
            self.parts.append(self._MARKS[tag])
        elif tag == "a" and self._link is None:
            self._link = (dict(attrs).get("href") or "", len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._UNSHOWN:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in self._MARKS:
            self.parts.append(self._MARKS[tag])
        elif tag == "a" and self._link is not None:
            (href, start), self._link = self._link, None
            label = "".join(self.parts[start:]).strip()
            if re.match(r"https?://", href, re.I) and label and label != href:
                self.parts[start:] = [f"[{label}]({href})"]
            elif re.match(r"https?://", href, re.I) and not label:
                self.parts[start:] = [href]

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\xa0", " "))
