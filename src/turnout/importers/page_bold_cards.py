"""Cards of cities written one under another in a single paragraph, each a name in bold over
its emoji lines, set apart as headings before the page is read.

Posts copied from Instagram or WhatsApp write "**Recife**" over "📍 Marco Zero" and "🕑 15h",
then "**Salvador**" over its own lines, with no blank line between the cards: markdown reads
them as one paragraph, and so as one card. A heading interrupts a paragraph without a blank
line, so each name becomes one ("### Recife") and every line keeps its number.
"""

import re

# A line that is a name in bold and nothing else (not a label: "**Wann:**", "**Where**:").
_BOLD_NAME = re.compile(r"^[ \t]*\*\*([^*:\n]{2,60}?)\*\*[ \t]*$")
# A line opening with an emoji that stands for a label: a pin, a clock, a calendar, a link.
_EMOJI_LINE = re.compile(r"^[ \t]*[📍📌🗓📅📆⏰🕐-🕧🔗🎟]")
# A line that is a name after an emoji marking it out (not one of a label), as a Facebook
# event's description heads each city's lines: "🔴 İSTANBUL" over "📅 …", "⏰ …", "📍 …".
_MARKED_NAME = re.compile(
    r"^[ \t]*(?:[🔴🟠🟡🟢🔵🟣🟤⚫⚪🟥🟧🟨🟩🟦🟪🔶🔷🔸🔹📣📢🚩✊⭐🌍🌎🌏]|[▶➡►][\ufe0f]?)"
    r"\ufe0f?[ \t]*([^\W\d_][^\d:\n*#]{1,40}?)[ \t]*$"
)


def bold_cards_as_headings(body: str) -> str:
    """`body` with each name in bold over emoji lines made a heading, where a paragraph holds
    two such cards or more, and each name after an emoji that marks it out over emoji lines
    made one where the page holds two such or more; every other line as it was."""
    lines = body.split("\n")
    marked = [
        number
        for number in range(len(lines) - 1)
        if _MARKED_NAME.match(lines[number]) and _EMOJI_LINE.match(lines[number + 1])
    ]
    if len(marked) >= 2:
        for number in marked:
            if name := _MARKED_NAME.match(lines[number]):
                lines[number] = f"### {name.group(1).strip()}"
    if "**" not in body:
        return "\n".join(lines)
    for start, end in _paragraphs(lines):
        titles = [
            number
            for number in range(start, end - 1)
            if _BOLD_NAME.match(lines[number]) and _EMOJI_LINE.match(lines[number + 1])
        ]
        if len(titles) < 2:
            continue
        for number in titles:
            if bold := _BOLD_NAME.match(lines[number]):
                lines[number] = f"### {bold.group(1).strip()}"
    return "\n".join(lines)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the last) of each run of lines that are not blank."""
    runs: list[tuple[int, int]] = []
    start = None
    for number, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            runs.append((start, number))
            start = None
    return runs
