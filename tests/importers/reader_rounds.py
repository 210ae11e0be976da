"""What each round of a damaging model reader (`reader6_damage` and later) reads a page with:
the page as a content page the rules could not read, a model that answers a given reply, and
the event an honest answer about the page gives."""

from datetime import UTC, date, datetime, time
from pathlib import Path
from types import SimpleNamespace

from turnout.importers.document import read_document
from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import PageReader
from turnout.importers.records import MarkdownPlan, PageRecord

from .reader3_pages import AnsweringProvider

# A budget that allows every call.
_ANY_SPENDING = SimpleNamespace(allows=lambda text: True, record=lambda **kwargs: None)


class ReaderRound:
    """A round's pages (name: text) and, per page, its honest event and the gazetteer's name
    for the event's city."""

    def __init__(self, pages: dict[str, str], honest: dict[str, tuple[dict, str]]) -> None:
        self.pages, self.honest = pages, honest

    def page_plan(self, name: str) -> tuple[str, MarkdownPlan]:
        """The page's text and the rules' reading of it fixed to "a content page" (the model
        is asked about pages the rules could not read)."""
        text = self.pages[name]
        record = PageRecord(Path(name).stem, read_document(text).title, [], text, name[:2])
        return text, MarkdownPlan(pages=[record])

    def read(self, name: str, reply: str, finish_reason: str = "stop") -> MarkdownPlan:
        """The plan of page `name` completed by a model that answers `reply`."""
        text, plan = self.page_plan(name)
        provider = AnsweringProvider(reply, finish_reason)
        reader = PageReader(provider=provider, budget=_ANY_SPENDING, now=datetime.now(UTC))  # type: ignore[arg-type]
        complete_with_model(plan, text=text, name=name, reader=reader)
        return plan

    def kept(self, name: str, **changes) -> list[tuple]:
        """The event an honest answer about page `name` gives, with `changes` made to it."""
        given, city = self.honest[name]
        clock = [time.fromisoformat(given[k]) if given.get(k) else None for k in ("start", "end")]
        row = {"city": city, "day": date.fromisoformat(given["date"]), "starts": clock[0],
               "ends": clock[1], "venue": given["venue"],
               "signup_url": given["signup_url"]}  # fmt: skip
        return [tuple((row | changes).values())]
