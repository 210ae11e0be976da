"""Markdown written for other site generators, made to read as it did on the movement's old site.

Pages brought from Hugo, Jekyll, Astro or Docusaurus carry their generator's template code:
shortcodes (`{{< youtube ID >}}`, `{{% notice %}}…{{% /notice %}}`), Liquid tags (`{% include
… %}`, `{{ site.title }}`) and MDX imports. Here a video or post shortcode becomes the post's
link on a line of its own, which the site shows behind a consent gate (`embeds.py`); a paired
shortcode keeps the text inside it; any other template code is dropped, since it meant something
only to the old generator, as are kramdown's attribute lines (`{: #id}`), whose id goes to the
heading above. Code blocks are left exactly as written.
"""

import re

from .headings import ATTRIBUTE_LINE

# The posts shortcodes and Liquid plugins name by their id, as the link `embeds.py` knows.
_POST_LINKS = {
    "youtube": "https://www.youtube.com/watch?v={id}",
    "vimeo": "https://vimeo.com/{id}",
    "instagram": "https://www.instagram.com/p/{id}/",
    "tweet": "https://twitter.com/{user}/status/{id}",
    "twitter": "https://twitter.com/{user}/status/{id}",
}
# Each pattern reads a line in one pass: the atomic groups and possessive quantifiers (`*+`)
# keep neighbouring parts that take the same characters from trying every split between them,
# which on a long hostile line (an event's description is markdown anyone may propose) took
# minutes. A part's trailing blanks are trimmed in code, not by the pattern, for the same reason.
_SHORTCODE = re.compile(r"\{\{[<%]\s*+(/?+)\s*+([\w-]++)([^{}]*)[>%]\}\}")
_LIQUID_TAG = re.compile(r"\{%-?+\s*+(\w++)([^{}]*)%\}")
_LIQUID_OUTPUT = re.compile(r"\{\{-?+\s*+[\w.\[\]'\" |:-]*+\}\}")
_MDX_LINE = re.compile(
    r"""^\s*(?:import\s[\w{},\s*]+\sfrom\s+['"][^'"]+['"]|export\s+(?:const|default)\b.*);?\s*$"""
)
# A component of a JSX-based generator on a line of its own ("<Banner title=… />"), which
# drew something only there; `<Embed … />` is a post (`embeds.py`) and is kept.
_COMPONENT_LINE = re.compile(r"^\s*+<(?!Embed\b)(?>[A-Z][A-Za-z0-9.]*\b)[^<>]*/>\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ID = re.compile(r"""(?:^|\s)(?:(?:id|video_id|name)=)?["']?([\w-]{3,})["']?""")


def portable_markdown(text: str) -> str:
    """`text` with the template code of other site generators turned into what it showed."""
    if not any(sign in text for sign in ("{{", "{%", "{:", "import ", "export ", "/>")):
        return text  # the usual page: nothing to do
    lines, fence = [], ""
    for line in text.split("\n"):
        if fence:
            lines.append(line)
            if line.strip().startswith(fence):
                fence = ""
            continue
        if match := _FENCE.match(line):
            fence = match.group(1)[0] * 3
            lines.append(line)
            continue
        if line.startswith(("    ", "\t")) and (not lines or not lines[-1].strip()):
            lines.append(line)  # an indented code block
            continue
        if _MDX_LINE.match(line) or _COMPONENT_LINE.match(line):
            continue
        if ATTRIBUTE_LINE.match(line.strip()):
            # kramdown's attributes for the block above: a heading keeps its id from them
            # (`headings.EXPLICIT_ID` reads "{: #id}"); anything else loses them.
            if lines and lines[-1].lstrip().startswith("#") and "#" in line:
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            continue
        lines.append(_without_template_code(line))
    return "\n".join(lines)


def _without_template_code(line: str) -> str:
    """The line without template code, its `code spans` as written."""
    parts = re.split(r"(`+[^`]*`+)", line)
    for index in range(0, len(parts), 2):
        part = _SHORTCODE.sub(_shortcode, parts[index])
        part = _LIQUID_TAG.sub(_liquid_tag, part)
        parts[index] = _LIQUID_OUTPUT.sub("", part)
    return "".join(parts)


def _shortcode(match: re.Match[str]) -> str:
    closing, name, arguments = match.groups()
    return "" if closing else _post_link(name, arguments.rstrip())


def _liquid_tag(match: re.Match[str]) -> str:
    name, arguments = match.groups()
    arguments = arguments.removesuffix("-")  # "-%}" trims blanks in Liquid: not an argument
    if name == "include" and (found := re.search(r"(youtube|vimeo|tweet|instagram)", arguments)):
        return _post_link(found.group(1), re.sub(r"^\s*\S+", "", arguments))
    return _post_link(name, arguments)


def _post_link(name: str, arguments: str) -> str:
    """A post's link on a line of its own for a shortcode naming one, else nothing."""
    template = _POST_LINKS.get(name.lower())
    if template is None:
        return ""
    ids = [m.group(1) for m in _ID.finditer(arguments) if not m.group(1).startswith("http")]
    if urls := re.findall(r"https?://\S+?(?=[\"'\s]|$)", arguments):
        return f"\n\n{urls[0]}\n\n"
    if not ids:
        return ""
    user = re.search(r"""user=["']?(\w{1,15})""", arguments)
    link = template.format(id=ids[-1], user=user.group(1) if user else "i")
    return f"\n\n{link}\n\n"
