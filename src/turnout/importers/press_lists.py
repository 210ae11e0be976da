"""Press coverage lists: "- [Wired](https://...)", "- [Title — Outlet](https://...)".

Every external link of a press section is one mention, whatever its wording; the same article
listed under "Press coverage" and again under "Coverage" is one mention (compared as the press
app compares links: without fragment or tracking parameters).
"""

import re
from urllib.parse import urlsplit

from turnout.press.services import normalize_url

from .document import Block, is_only_links
from .records import PressRecord

_OUTLET_SEPARATORS = re.compile(r"\s+[—–|]\s+|\s+-\s+(?=[^-]+$)")


def read_press_list(blocks: list[Block], *, seen: set[str]) -> tuple[list[PressRecord], list[int]]:
    """(the new mentions in `blocks`, the lines of list items that link nowhere)."""
    found: list[PressRecord] = []
    unlinked: list[int] = []
    for block in blocks:
        if block.kind not in {"item", "paragraph"}:
            continue
        if block.kind == "paragraph" and not is_only_links(block):
            continue  # prose that links somewhere ("Learn more at ...") is not a mention
        external = [link for link in block.links if urlsplit(link.url).scheme in {"http", "https"}]
        if not external and block.kind == "item" and block.text.strip():
            unlinked.append(block.line)
        for link in external:
            key = normalize_url(link.url)
            if key in seen:
                continue
            seen.add(key)
            outlet, title = outlet_and_title(link.text, link.url)
            found.append(
                PressRecord(url=link.url.strip(), outlet=outlet, title=title, line=block.line)
            )
    return found, unlinked


def outlet_and_title(text: str, url: str) -> tuple[str, str]:
    """("Wired", "") for "Wired"; ("SFist", "A 'Stop the AI Race' Rally ...") for a title with
    its outlet after a dash; the site's name for a sentence ("The protest was covered in ...")."""
    text = " ".join(text.split()).strip(" .")
    pieces = _OUTLET_SEPARATORS.split(text)
    if len(pieces) > 1 and len(pieces[-1].split()) <= 4:
        return pieces[-1].strip()[:200], " - ".join(pieces[:-1]).strip()[:300]
    if text and len(text.split()) <= 4 and not text.endswith(("?", "!")):
        return text[:200], ""
    return site_name(url)[:200], text[:300]


def site_name(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")
