"""Front matter: the YAML block between `---` lines that opens a markdown page."""

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
KNOWN_KEYS = ("title", "description", "date", "image")


class FrontMatterError(ValueError):
    """The front matter is not a YAML mapping; the message says where and why."""


@dataclass
class FrontMatter:
    title: str = ""
    description: str = ""
    date: dt.date | None = None
    image: str = ""
    extra: dict = field(default_factory=dict)


def split_front_matter(text: str) -> tuple[str, str]:
    """(the raw YAML between the `---` lines, the markdown body after them)."""
    match = _BLOCK.match(text or "")
    if not match:
        return "", text or ""
    return match.group(1), text[match.end() :]


def parse_front_matter(text: str) -> tuple[FrontMatter, str]:
    """The page's front matter and its markdown body; raises FrontMatterError on bad YAML."""
    raw, body = split_front_matter(text)
    if not raw.strip():
        return FrontMatter(), body
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise FrontMatterError(str(error)) from error
    except ValueError as error:  # a timestamp YAML reads but the calendar lacks: 2024-02-30
        raise FrontMatterError(f"not a real date or time: {error}") from error
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a list of `key: value` lines")
    when = data.get("date")
    if isinstance(when, str):
        try:
            when = dt.date.fromisoformat(when.strip())
        except ValueError as error:
            raise FrontMatterError(f"date must look like 2024-11-21, not {when!r}") from error
    elif when is not None and not isinstance(when, dt.date):
        raise FrontMatterError(f"date must look like 2024-11-21, not {when!r}")
    return (
        FrontMatter(
            title=_text(data.get("title")),
            description=_text(data.get("description")),
            date=when,
            image=_text(data.get("image")),
            extra={k: v for k, v in data.items() if k not in KNOWN_KEYS},
        ),
        body,
    )


def join_front_matter(values: dict, body: str) -> str:
    """Write front matter back in front of a body (used for translated pages)."""
    if not values:
        return body
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000).strip()
    return f"---\n{dumped}\n---\n{body}"


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()
