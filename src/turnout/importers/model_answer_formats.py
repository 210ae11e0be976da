"""A model's answer about a page written in another format than the JSON asked for: YAML, TOML,
XML or an HTML table (`model_answer_markup`), a CSV or a markdown table, a table as JSON's
lists (its first row the fields' names), a field a line
("- **Город:** Казань"), or JSON with its keys left unquoted. Models asked for JSON still answer
so; each is read into the values JSON would give, and nothing more: which of them hold events is
for `model_answer` to say, and what they claim for `page_confirmation` to confirm.
"""

import csv
import re
import tomllib
from datetime import date, datetime, time

import yaml

from .model_answer_keys import answer_keys
from .model_answer_markup import markup_records

# A fenced block ("```yaml ... ```"), its closing fence optional (an answer cut off inside it).
_FENCE = re.compile(r"```[^\n]*\n(.*?)(?:```|\Z)", re.S)
# A markdown table's line between its header and its rows: "|---|:--:|".
_TABLE_RULE = re.compile(r"^[\s|:\-+]+$")
# The most rows read from one table, and the most levels of nesting kept from YAML or TOML.
_MOST_ROWS = 300
_DEEPEST = 12
# The most of an answer read as YAML or TOML (sixty events take a fifth of it), and brackets
# opened in a row that say it is no list of events but a bomb that parsers take seconds over.
_MOST_CHARS = 60_000
_DEEP_BRACKETS = re.compile(rf"(?:[\[{{]\s*(?:[^\s\[\]{{}},:]+\s*:\s*)?){{{_DEEPEST}}}")
# A key written without quotes where JSON needs them: `{city: "Utrecht"}`; strings skipped.
_BARE_KEY = re.compile(
    r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|(?<=[{,])(\s*)([^\W\d][\w-]*)(\s*:)'
)


def with_quoted_keys(chunk: str) -> str:
    """`chunk` with every bare key of an object quoted, strings left as they are."""
    return _BARE_KEY.sub(
        lambda m: m.group() if m.group(2) is None else f'{m.group(1)}"{m.group(2)}"{m.group(3)}',
        chunk,
    )


def other_format_values(text: str) -> list[object]:
    """The objects and lists `text` holds as a table, TOML or YAML: each fenced block's, else
    the whole text's; a block that reads as none of them is left out."""
    blocks = [match.group(1) for match in _FENCE.finditer(text)] or [text]
    values: list[object] = []
    for block in blocks:
        if len(block) > _MOST_CHARS or _DEEP_BRACKETS.search(block):
            continue
        for read in (markup_records, _table_rows, _toml_value, _yaml_value, _field_lines):
            value = read(block)
            if value:
                values.append(_plain(value, depth=0))
                break
    return values


# The fields an event's row must name two of to be one: a table's header, not any list.
_ROW_FIELDS = frozenset({"city", "date", "venue", "start", "signup_url"})


def json_table_rows(value: object) -> list[dict]:
    """A table written as JSON, a list of rows whose first names the fields ([["city", "date"],
    ["Tampere", "2027-10-23"]]), as an event for each row; [] for any other value."""
    if not isinstance(value, list) or len(value) < 2 or not isinstance(value[0], list):
        return []
    header = value[0]
    if not all(isinstance(name, str) for name in header):
        return []
    mapped = answer_keys(dict.fromkeys(header))
    names = list(mapped) if isinstance(mapped, dict) else []
    if len(names) != len(header) or len(_ROW_FIELDS & set(names)) < 2:
        return []
    rows = [row for row in value[1 : _MOST_ROWS + 1] if isinstance(row, list)]
    return [dict(zip(names, row, strict=True)) for row in rows if len(row) == len(names)]


def _table_rows(block: str) -> list[dict[str, str]]:
    """The rows of the first table in `block` (markdown, or CSV by comma, semicolon or tab) as
    {header: cell}: a line whose cells the next lines match in number is its header."""
    lines = [line for line in block.splitlines() if line.strip()]
    for first, header in enumerate(lines):
        names = _cells(header)
        if len(names) < 2:
            continue
        rows = []
        for line in lines[first + 1 : first + 1 + _MOST_ROWS]:
            if _TABLE_RULE.match(line) and "|" in header:
                continue
            cells = _cells(line, like=header)
            if len(cells) != len(names):
                break
            rows.append(dict(zip(names, cells, strict=True)))
        if rows:
            return rows
    return []


def _cells(line: str, like: str | None = None) -> list[str]:
    """A table line's cells, split as its header is (`like`) or as it looks."""
    template = like if like is not None else line
    if "|" in template:
        return [cell.strip() for cell in line.strip().strip("|").split("|")]
    delimiter = max(",;\t", key=template.count)
    if template.count(delimiter) == 0:
        return []
    return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter))]


# A line giving one field, as a list or in bold: "- **Город:** Казань", "* __Date__: 16/10".
_FIELD_LINE = re.compile(r"^\s*(?:[-*•]\s+|\d+[.)]\s+)?([*_]{0,2})([^\W\d][^:*_]{0,40}?)"
                         r"(?:\1)?\s*[:：]\s*(?:\1)?\s*(\S.*)$")  # fmt: skip


def _field_lines(block: str) -> list[dict[str, str]]:
    """The fields a block gives a line each, marked as a list or in bold (which YAML does not
    read): an event for each run of them, a new one where a field comes again."""
    events: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in block.splitlines()[: _MOST_ROWS * 12]:
        match = _FIELD_LINE.match(line)
        if match is None:
            continue
        key, value = match.group(2).strip(), match.group(3).strip().strip("*_ ")
        if key in current:
            events.append(current)
            current = {}
        current[key] = value
    events.append(current)
    return [event for event in events if len(event) >= 2]


def _toml_value(block: str) -> dict | None:
    try:
        return tomllib.loads(block)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None


class _TextLoader(yaml.BaseLoader):
    """YAML read as text only (no "13:00" as 780 minutes, no dates as objects), and no aliases:
    a few lines of them unfold into millions of values."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not read in a model's answer")
        return super().compose_node(parent, index)


def _yaml_value(block: str) -> dict | list | None:
    try:
        value = yaml.load(block, Loader=_TextLoader)  # noqa: S506 - text only, no aliases
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return value if isinstance(value, dict | list) else None


def _plain(value: object, *, depth: int) -> object:
    """`value` with dates and times as ISO text, nesting past `_DEEPEST` levels left out."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if depth >= _DEEPEST:
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v, depth=depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(item, depth=depth + 1) for item in value]
    return value
