"""Tables of events a page writes in markdown or HTML, read as one list item per row, the
way a city bullet is written ("10/18/2025: Foley Square, New York, NY – RSVP")."""

import re
from functools import cache

from markdown_it.token import Token

from .dates import find_dates
from .details import is_cancelled
from .event_words import CITY_LABELS, SIGNUP
from .page_blocks import Block, Link, html_words, inline_words
from .page_month_grid import month_grid_items
from .places import PlaceNotUnderstood, read_place
from .times import TimeSpan, find_times, zone_named
from .vocabulary import WHEN_LABELS, WHERE_LABELS, fold, phrases


def table_rows(tokens: list[Token], start: int, offset: int) -> list[Block]:
    """A markdown table of events as one item per row (see `event_rows`)."""
    rows: list[tuple[int, list[tuple[str, list[Link]]]]] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append(((token.map[0] if token.map else 0) + offset, []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(inline_words(token))
    titled = [(text, links) for text, links in rows[0][1] if text.strip()] if rows else []
    if len(titled) == 1 and len(rows) > 2 and len(rows[0][1]) > 1:
        # "| Mahnwachen am 14. Juni 2027 | | |" over the labels: a title row, read as the
        # line before the table (it may give the day), the labels are the second row's.
        if events := event_rows(rows[1:]):
            (text, links) = titled[0]
            return [Block("paragraph", rows[0][0], text, text, links), *events]
    return event_rows(rows) or fact_rows(rows)


def fact_rows(rows: list[tuple[int, list[tuple[str, list[Link]]]]]) -> list[Block]:
    """A table of one event's facts, a label and its value a row ("| Tidspunkt | kl. 14–16 |",
    "| Mødested | Rådhuspladsen |"), as the lines "Tidspunkt: kl. 14–16" a city's section
    writes under its heading; [] for another table. Its header is often left empty."""
    facts = [
        (line, cells[0], cells[1])
        for line, cells in rows
        if len(cells) == 2 and cells[0][0].strip() and cells[1][0].strip()
    ]
    labelled = [fact for fact in facts if _is_fact_label(fact[1][0])]
    if len(labelled) < 2 or len(labelled) * 2 < len(facts) or any(len(c) > 2 for _, c in rows):
        return []
    text = "\n".join(
        f"{label.strip(' *_:')}: {value.strip()}" for _, (label, _), (value, _) in facts
    )
    links = [link for _, (_, first), (_, second) in facts for link in [*first, *second]]
    return [Block("paragraph", facts[0][0], text, text, links)]


def _is_fact_label(cell: str) -> bool:
    label = fold(cell.strip(" *_:"))
    return label in _known_labels() or label in phrases(SIGNUP)


# The column of a table that names the state, province or country of each row's city.
_REGION_LABELS = frozenset(
    {
        "state", "province", "region", "country", "land", "bundesland", "provincie", "pays",
        "etat", "pais", "estado", "provincia", "paese", "regione", "kraj", "wojewodztwo",
        "lan", "fylke",
    }
)  # fmt: skip


def event_rows(rows: list[tuple[int, list[tuple[str, list[Link]]]]]) -> list[Block]:
    """A table of events (date | city | venue | link, columns in any order) as one item per
    row, written the way a city bullet is: "10/18/2025: Foley Square, New York, NY – RSVP",
    or "Antwerpen – Groenplaats – 14u–16u" when no column gives the day; [] for another
    table. A state or country column left empty under a row that gives one (a merged cell)
    is that row's."""

    if len(rows) < 2:
        return []
    if grid := month_grid_items(rows, None):
        return grid
    roles = []
    # "Plats (samling kl. 12.00)": a label's note in brackets is no part of it, and a time
    # there is every row's.
    labels = [fold(_BRACKETS.sub("", text).strip(" *_:")) for text, _links in rows[0][1]]
    every_row_time = next((span for text, _ in rows[0][1] if (span := find_times(text))), None)
    # "Time (ET)": the zone of every row's hours in that column.
    zones = [_zone_in_brackets(text) for text, _links in rows[0][1]]
    # "Plaats" is a city or a venue in Dutch: a venue when another column is the city's.
    only_city = [
        label in phrases(CITY_LABELS) and label not in phrases(WHERE_LABELS) for label in labels
    ]
    for column, label in enumerate(labels):
        if label not in _known_labels() and (role := _role_of_cells(rows[1:], column)):
            roles.append(role)  # "Den | Město": labels in a language without a table of words
        elif label in phrases(WHEN_LABELS):
            roles.append("when")
        elif label in phrases(CITY_LABELS) and not (
            any(only_city) and label in phrases(WHERE_LABELS)
        ):
            roles.append("city")
        elif label in phrases(WHERE_LABELS):
            roles.append("venue")
        elif label in _REGION_LABELS:
            roles.append("region")
        else:
            roles.append("other")
    if "city" not in roles and "venue" not in roles and not _gives_days(rows[1:], roles):
        return []
    if "when" not in roles and "city" not in roles:
        return []
    blocks = []
    region = ""
    for line, cells in _with_merged_days(rows[1:], roles):
        by_role: dict[str, list[str]] = {"when": [], "venue": [], "city": [], "other": []}
        by_role["region"] = []
        links: list[Link] = []
        for role, zone, (text, cell_links) in zip(roles, zones, cells, strict=False):
            if zone and (span := find_times(text)) and not span.zone:
                text = f"{text} {zone}"
            if text.strip():
                by_role[role].append(" ".join(text.split()))
            links += cell_links
        # A date cell saying its event is off ("01.10.2027 abgesagt"): the day, then the word.
        for cell in list(by_role["when"]):
            day, _space, verdict = cell.rpartition(" ")
            if day and re.search(r"\d", day) and is_cancelled(verdict, None):
                by_role["when"][by_role["when"].index(cell)] = day
                by_role["other"].append(verdict)
        # "por confirmar" in the time column: the row opens with its place, not its hours,
        # and the words are a note on it, in brackets.
        notes = ""
        if not any(find_dates(when) or find_times(when) for when in by_role["when"]):
            notes = f" ({'; '.join(by_role['when'])})" if by_role["when"] else ""
            by_role["when"] = []
        if "region" in roles:
            region = ", ".join(by_role["region"]) or region
            by_role["city"] += [region] if region else []
        if by_role["when"]:
            place = ", ".join(by_role["venue"] + by_role["city"])
            text = f"{' '.join(by_role['when'])}: {place}"
        else:
            text = " – ".join([", ".join(by_role["city"]), *by_role["venue"]]) + notes
        if by_role["other"]:
            text += " – " + " – ".join(by_role["other"])
        if every_row_time and not find_times(text):
            text += " – " + _written(every_row_time)
        blocks.append(Block("item", line, text, text, links, is_row=True))
    return blocks


_BRACKETS = re.compile(r"\([^)]*\)")


def _zone_in_brackets(label: str) -> str:
    """ "ET" of a column labelled "Time (ET)", "" for any other label."""
    notes = [note.strip() for note in re.findall(r"\(([^)]*)\)", label)]
    return next((note for note in notes if zone_named(note)), "")


def _written(span: TimeSpan) -> str:
    starts = span.starts.strftime("%H:%M")
    return f"{starts}–{span.ends.strftime('%H:%M')}" if span.ends else starts


def _with_merged_days(
    rows: list[tuple[int, list[tuple[str, list[Link]]]]], roles: list[str]
) -> list[tuple[int, list[tuple[str, list[Link]]]]]:
    """The rows with a day cell left empty under the row that gives it taking that day (a
    cell merged over the rows of one day, as a Markdown table can only write it), and any
    cell of ditto marks taking the cell above it."""

    merged = []
    above: dict[int, tuple[str, list[Link]]] = {}
    previous: list[tuple[str, list[Link]]] = []
    for line, cells in rows:
        cells = list(cells)
        for column, (text, _links) in enumerate(cells):
            if _DITTO.fullmatch(text.strip()) and column < len(previous):
                text = previous[column][0]
                cells[column] = (text, [])
            if column >= len(roles) or roles[column] != "when":
                continue
            if text.strip() and find_dates(text):
                above[column] = (text, [])
            elif text.strip():
                above.pop(column, None)
            elif column in above:
                cells[column] = above[column]
        merged.append((line, cells))
        previous = cells
    return merged


# A cell that repeats the one above it: ditto marks ("″", "〃", "\""), "dto.", "dito",
# "idem", "id.", German "s.o." ("siehe oben"), "do." and "same".
_DITTO = re.compile(
    r"[″〃\"”“„']{1,2}|(?:dto|dito|ditto|idem|s\.\s?o|same(?: as above)?)\.?|(?:id|do)\.", re.I
)


def _role_of_cells(rows: list[tuple[int, list[tuple[str, list[Link]]]]], column: int) -> str:
    """ "when" for a column of days or hours, "city" for one of cities, "" for another: what
    a column headed by a word the tables lack holds."""

    cells = [cells[column][0].strip() for _line, cells in rows if column < len(cells)]
    cells = [cell for cell in cells if cell]
    if not cells:
        return ""
    if all(find_dates(cell) or find_times(cell) for cell in cells):
        return "when"
    cities = 0
    for cell in cells:
        try:
            cities += not read_place([cell]).venue
        except PlaceNotUnderstood:
            pass
    return "city" if cities * 4 >= len(cells) * 3 else ""


@cache
def _known_labels() -> frozenset[str]:
    """The labels of columns the tables of words know, in every language."""

    return frozenset(
        [*phrases(WHEN_LABELS), *phrases(CITY_LABELS), *phrases(WHERE_LABELS), *_REGION_LABELS]
    )


def _gives_days(rows: list[tuple[int, list[tuple[str, list[Link]]]]], roles: list[str]) -> bool:
    """Whether the "when" column of a table without places gives days ("Sunday 7 February
    2027 | Pacific islands | [Humanitix](…)"): the days of the one place the page names."""

    whens = [
        text
        for _line, cells in rows
        for role, (text, _links) in zip(roles, cells, strict=False)
        if role == "when"
    ]
    return bool(whens) and all(find_dates(text) for text in whens if text.strip())


_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=</tr\s*>|<tr\b|</table\s*>|\Z)", re.I | re.S)
_HTML_CELL = re.compile(r"<t([hd])\b([^>]*)>(.*?)(?=</t[hd]\s*>|<t[hd]\b|</tr\s*>|\Z)", re.I | re.S)
_COLSPAN = re.compile(r"""colspan\s*=\s*["']?(\d+)""", re.I)


def html_table_rows(content: str, line: int) -> list[Block]:
    """A table of events written in HTML inside the markdown, read as a markdown one is; a
    cell spanning several rows (`rowspan`, a day over its cities) is each of those rows'."""
    if not re.match(r"\s*<table\b", content, re.I):
        return []
    rows: list[tuple[int, list[tuple[str, list[Link]]]]] = []
    spanning: dict[int, tuple[int, tuple[str, list[Link]]]] = {}  # column: (rows left, cell)
    for row in _HTML_ROW.finditer(content):
        cells: list[tuple[str, list[Link]]] = []
        for _kind, attributes, inner in _HTML_CELL.findall(row.group(1)):
            _take_spanning(cells, spanning)
            cell = html_words(inner)
            if (down := _ROWSPAN.search(attributes)) and int(down.group(1)) > 1:
                spanning[len(cells)] = (min(int(down.group(1)), _MOST_SPANNED) - 1, cell)
            cells.append(cell)
            span = _COLSPAN.search(attributes)
            cells += [("", [])] * (min(int(span.group(1)), 20) - 1 if span else 0)
        _take_spanning(cells, spanning)
        rows.append((line + content[: row.start()].count("\n"), cells))
    return event_rows(rows)


def _take_spanning(
    cells: list[tuple[str, list[Link]]], spanning: dict[int, tuple[int, tuple[str, list[Link]]]]
) -> None:
    """Put the cells of rows above that span down to this row where they stand."""
    while (left := spanning.get(len(cells))) is not None and left[0] > 0:
        column = len(cells)
        cells.append(left[1])
        spanning[column] = (left[0] - 1, left[1])
        if left[0] == 1:
            del spanning[column]


_ROWSPAN = re.compile(r"""rowspan\s*=\s*["']?(\d+)""", re.I)
_MOST_SPANNED = 50
