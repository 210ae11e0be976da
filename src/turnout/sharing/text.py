"""Plain text for previews: a summary as a chat app or a search engine shows it."""

from django.utils.html import strip_tags

from turnout.content.markdown import render_markdown
from turnout.web.text import single_line

SUMMARY_LENGTH = 200


def plain_summary(markdown_text: str, *, max_length: int = SUMMARY_LENGTH) -> str:
    """Markdown as one line of plain text, cut at `max_length` with "…"."""
    if not markdown_text:
        return ""
    text = strip_tags(render_markdown(markdown_text))
    # strip_tags leaves entities; a preview is plain text, not HTML.
    from html import unescape

    return single_line(unescape(text), max_length=max_length)
