"""What site builders and exports leave in a page's markdown, taken out before it is read.

Notion and Google Docs leave zero-width characters, Hugo its shortcodes, Notion and
Squarespace `<details>` folds around each city's details. Apart from `document` so that the
reading of markdown does not mix with the tidying of one builder's habits.
"""

import re


def export_residue_removed(body: str) -> str:
    """`body` without what site builders and exports leave in it: zero-width characters
    (Notion, Google Docs), Hugo shortcodes (a button's link kept as a markdown link), and
    `<details>` folds, which are read as the event cards they are (the summary a heading over
    the details). Every line keeps its number."""
    body = _INVISIBLE.sub("", body)
    if "{{" in body:
        body = _SHORTCODE_LINK.sub(r"[\3](\2)", body)
        body = _SHORTCODE.sub("", body)
    if "<details" in body.lower():
        body = _DETAILS.sub(_details_as_card, body)
    return body


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# {{< button href="https://lu.ma/x" >}}Sign up{{< /button >}}
_SHORTCODE_LINK = re.compile(
    r"\{\{[<%]\s*(\w+)\s[^}]*?\b(?:href|url|link)=[\"']([^\"']+)[\"'][^}]*?[>%]\}\}"
    r"(.*?)\{\{[<%]\s*/\1\s*[>%]\}\}"
)
_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}")
_DETAILS = re.compile(
    r"<details\b[^>]*>\s*<summary\b[^>]*>(.*?)</summary>(.*?)</details\s*>", re.I | re.S
)


def _details_as_card(match: re.Match) -> str:
    summary, details = match.group(1), match.group(2)
    lines = [line.strip() for line in details.split("\n") if line.strip()]
    card = f"<div><h3>{summary.strip()}</h3><p>{'<br>'.join(lines)}</p></div>"
    return card + "\n" * match.group().count("\n")
