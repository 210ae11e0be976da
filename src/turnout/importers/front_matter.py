"""Front matter as site generators write it, read more forgivingly than the site reads its own.

The site's reader (`turnout.content.frontmatter`) wants `date: 2024-11-21`; pages from Hugo,
Jekyll, Astro or Docusaurus also write `date: 2025-06-30T17:00:00+00:00`,
`date: 2024-03-22 10:00:00 +0100`, `date: '2024-8-20'`, `pubDate:` or TOML between `+++`
lines. The moment keeps its offset (`posted_at`); the day is `FrontMatter.date`.
"""

import datetime as dt
import re
import tomllib

import yaml
from dateutil import parser as date_parser

from turnout.content.frontmatter import (
    KNOWN_KEYS,
    FrontMatter,
    FrontMatterError,
    parse_front_matter,
    split_front_matter,
)

from .event_words import CITY_LABELS

_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
# Keys other generators use for the post's date when `date` is absent.
_DATE_KEYS = ("date", "pubDate", "publishDate", "published", "pubdate", "created")


def read_front_matter(text: str) -> tuple[FrontMatter, str, dt.datetime | None, list[str]]:
    """(front matter, body, the posted moment when it has a time, problems in plain words)."""
    if match := _TOML.match(text):
        try:
            data = tomllib.loads(match.group(1))
        except tomllib.TOMLDecodeError as error:
            return FrontMatter(), text[match.end() :], None, [f"TOML front matter: {error}"]
        return _from_mapping(data, text[match.end() :])
    try:
        front_matter, body = parse_front_matter(text)
    except FrontMatterError as error:
        raw, body = split_front_matter(text)
        try:
            data = yaml.safe_load(raw)
        except (yaml.YAMLError, ValueError):
            return FrontMatter(), body, None, [str(error)]
        if not isinstance(data, dict):
            return FrontMatter(), body, None, [str(error)]
        return _from_mapping(data, body)
    moment = front_matter.date if isinstance(front_matter.date, dt.datetime) else None
    if moment is not None:
        front_matter.date = moment.date()
    if front_matter.date is None:
        for key in _DATE_KEYS[1:]:
            if key in front_matter.extra:
                day, moment = read_moment(front_matter.extra[key])
                front_matter.date = day
                break
    return front_matter, body, moment, []


def _from_mapping(data: dict, body: str) -> tuple[FrontMatter, str, dt.datetime | None, list[str]]:
    problems = []
    day, moment = None, None
    for key in _DATE_KEYS:
        if data.get(key) is not None:
            day, moment = read_moment(data[key])
            if day is None:
                problems.append(f"{key} must look like 2024-11-21, not {data[key]!r}")
            break
    front_matter = FrontMatter(
        title=_text(data.get("title")),
        description=_text(data.get("description")),
        date=day,
        image=_text(data.get("image")),
        extra={k: v for k, v in data.items() if k not in KNOWN_KEYS},
    )
    return front_matter, body, moment, problems


def read_moment(value: object) -> tuple[dt.date | None, dt.datetime | None]:
    """(the day, the moment when a time is given) of a front-matter date in any usual form."""
    if isinstance(value, dt.datetime):
        return value.date(), value
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str) or not re.match(r"\s*\d{4}-\d{1,2}-\d{1,2}", value):
        return None, None
    try:
        parsed = date_parser.isoparse(value.strip())
    except (ValueError, OverflowError):
        try:
            parsed = date_parser.parse(value.strip(), yearfirst=True)
        except (ValueError, OverflowError):
            return None, None
    has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", value))
    return parsed.date(), (parsed if has_time else None)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def events_table(extra: dict) -> str:
    """The list of places a site generator's page keeps in its front matter (Hugo's params,
    Jekyll's page variables: "steden: [{stad: Amsterdam, plek: Museumplein, tijd: "14:00"}]"),
    written as the markdown table of events its template renders; "" when it keeps none.

    Only a list of mappings that each name a city under a key a table's city column would
    be labelled with counts, so that a menu or a list of authors is never read as events."""
    for value in extra.values():
        if not isinstance(value, list) or not value:
            continue
        rows = [row for row in value if isinstance(row, dict)]
        if len(rows) != len(value) or not all(_city_key(row) for row in rows):
            continue
        keys = list(dict.fromkeys(key for row in rows for key in row if _is_cell(row[key])))
        lines = ["| " + " | ".join(str(key) for key in keys) + " |", "|" + "---|" * len(keys)]
        for row in rows:
            lines.append("| " + " | ".join(_cell(row.get(key)) for key in keys) + " |")
        return "\n".join(lines)
    return ""


def _city_key(row: dict) -> str | None:
    labels = {label for words in CITY_LABELS.values() for label in words}
    return next((key for key in row if str(key).casefold() in labels), None)


def _is_cell(value: object) -> bool:
    return isinstance(value, str | int | float | dt.date | dt.time)


def _cell(value: object) -> str:
    if not _is_cell(value):
        return ""
    text = " ".join(str(value).replace("|", "/").split())
    return f"<{text}>" if re.fullmatch(r"https?://\S+", text) else text
