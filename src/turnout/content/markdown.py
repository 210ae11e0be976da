"""The one markdown renderer of the site: CommonMark to sanitized HTML.

Headings get stable ids (`headings.py`), posts of social networks become consent gates
(`embeds.py`), and images from other sites become links, so that nothing on a page loads from a
third party before the visitor agrees. nh3 sanitizes everything the author wrote; the consent
gates, written by our own template, are put in afterwards.
"""

import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .embeds import bare_url_rule, embed_block_rule, render_embed_gate
from .foreign_syntax import portable_markdown
from .headings import TocEntry, assign_heading_ids, table_of_contents

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img",
    "div", "section", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "class"},
    "img": {"src", "alt", "title"},
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "th": {"align"}, "td": {"align"}, "ol": {"start", "class"}, "li": {"id", "class"},
    "div": {"class"}, "p": {"class"}, "section": {"class"}, "sup": {"class"}, "hr": {"class"},
}  # fmt: skip
# Notes and asides as MkDocs (`!!! warning "Heat"`) and Docusaurus (`:::tip`) write them.
ASIDE_KINDS = ("note", "tip", "info", "warning", "caution", "danger", "important", "abstract",
               "success", "question", "failure", "bug", "example", "quote", "hint", "attention",
               "error", "seealso", "todo")  # fmt: skip
# The classes the footnotes and asides are drawn with; an author can set no other.
ALLOWED_CLASSES = frozenset(
    {
        "admonition",
        "admonition-title",
        "footnote-ref",
        "footnote-item",
        "footnote-backref",
        "footnotes",
        "footnotes-list",
        "footnotes-sep",
        *ASIDE_KINDS,
    }  # fmt: skip
)
# Posts shown behind a consent gate in one text; later ones are plain links. A page embeds a
# few; an event's description (anyone may propose one) with thousands took seconds a view.
MAX_EMBEDS = 20
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?\d+(?::\d+)?")
_TASK = re.compile(r"^\[([ xX])\]\s+")


@dataclass
class RenderedDocument:
    html: SafeString
    toc: list[TocEntry] = field(default_factory=list)


# Browsers drop tabs and line breaks anywhere in an address, and read a run of two or more
# slashes or backslashes at its start as "another host follows" (the WHATWG URL standard):
# "///evil.example/a.png", or two slashes with a tab between, name that host where `urlsplit`
# sees a path on this site.
_IGNORED_IN_ADDRESS = re.compile(r"[\t\n\r]")
_HOST_SLASHES = re.compile(r"^[/\\]{2,}")


def is_own_site(url: str) -> bool:
    """Whether a browser showing a page of this site would fetch `url` from this site."""
    address = _IGNORED_IN_ADDRESS.sub("", url).strip()
    parts = urlsplit(_HOST_SLASHES.sub("//", address))
    if not parts.scheme and not parts.netloc:
        return True  # a path on this site
    return parts.netloc.lower() == urlsplit(settings.SITE_URL).netloc.lower()


def third_party_images_to_links(state: StateCore) -> None:
    """Core rule: an image hosted elsewhere becomes a link to it, so it loads only on a click."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        for child in block.children:
            src = str(child.attrGet("src") or "")
            if child.type != "image" or is_own_site(src):
                children.append(child)
                continue
            link = Token("link_open", "a", 1, attrs={"href": src})
            label = Token("text", "", 0, content=child.content or src)
            children += [link, label, Token("link_close", "a", -1)]
        block.children = children


_RAW_BLOCK = re.compile(r"^<(script|style)\b[^>]*>", re.I)


def raw_script_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: a `<script>` or `<style>` block (pages exported from other sites carry
    them) is dropped whole, rather than shown as text."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _RAW_BLOCK.match(first)
    if not match:
        return False
    closing = f"</{match.group(1).lower()}>"
    for number in range(start, end):
        if closing in state.src[state.bMarks[number] : state.eMarks[number]].lower():
            break
    else:
        return False
    if not silent:
        state.line = number + 1
    return True


def task_list_marks(state: StateCore) -> None:
    """Core rule: a list item opening with "[ ]" or "[x]" (GitHub's task lists) shows a box,
    not brackets; a drawn one, since a page's checkbox would seem to do something."""
    for index, token in enumerate(state.tokens):
        if token.type != "inline" or index < 2 or state.tokens[index - 2].type != "list_item_open":
            continue
        if not token.children:
            continue
        first = token.children[0]
        if first.type == "text" and (match := _TASK.match(first.content)):
            mark = "☐ " if match.group(1) == " " else "☑ "
            first.content = mark + first.content[match.end() :]


def _aside(kind: str):
    def render(self, tokens, index, options, env) -> str:
        if tokens[index].nesting == 1:
            return f'<div class="admonition {kind}">\n'
        return "</div>\n"

    return render


def _kept_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's filter: only the classes and ids the plugins draw with, never an author's own."""
    if attribute == "class":
        return " ".join(name for name in value.split() if name in ALLOWED_CLASSES) or None
    if attribute == "id" and tag in {"a", "li"}:
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    return value


def _build_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.use(footnote_plugin).use(admon_plugin)
    for kind in ASIDE_KINDS:
        parser.use(container_plugin, kind, render=_aside(kind))
    parser.core.ruler.after("inline", "task_lists", task_list_marks)
    parser.block.ruler.before(
        "table", "embed", embed_block_rule, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    parser.block.ruler.before("table", "raw_script", raw_script_rule, {"alt": ["paragraph"]})
    parser.core.ruler.after("block", "bare_url_embeds", bare_url_rule)
    parser.core.ruler.after("inline", "heading_ids", assign_heading_ids)
    parser.core.ruler.after("heading_ids", "third_party_images", third_party_images_to_links)
    return parser


parser = _build_parser()


def render_document(text: str) -> RenderedDocument:
    """Render markdown (without front matter) to safe HTML and its table of contents."""
    tokens = parser.parse(portable_markdown(text or ""))
    # Each embed is rendered as a marker no author can guess, and the gate replaces it
    # after sanitizing: the gate's form and data attributes are ours, not the author's.
    nonce = secrets.token_hex(8)
    gates: dict[str, str] = {}
    for token in tokens:
        if token.type != "embed":
            continue
        embed, url = token.meta["embed"], token.meta["url"]
        token.type, token.nesting = "html_block", 0
        if embed is not None and len(gates) < MAX_EMBEDS:
            marker = f"<p>turnout-embed-{nonce}-{len(gates)}</p>"
            gates[marker] = render_embed_gate(embed)
            token.content = f"{marker}\n"
        elif url:  # a site we do not embed, or one post too many: a plain link
            token.content = f'<p><a href="{escape(url)}">{escape(url)}</a></p>\n'
        else:
            token.content = ""
    html = parser.renderer.render(tokens, parser.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_kept_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    if gates:  # one pass over the page, not one per gate
        markers = re.compile("|".join(re.escape(marker) for marker in gates))
        clean = markers.sub(lambda found: gates.pop(found.group(0), ""), clean)
    # Sanitized by nh3 above; the gates come from our own template.
    return RenderedDocument(html=mark_safe(clean), toc=table_of_contents(tokens))  # noqa: S308


def render_markdown(text: str) -> SafeString:
    """Render markdown to HTML that is safe to put on a page, whatever the author wrote."""
    return render_document(text).html
