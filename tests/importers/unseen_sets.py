"""A set of protest pages nobody here wrote (`fixtures/unseenN/`) with what a careful person
imports from each (`expected.yaml`), scored as the third set counts (`score_plan`)."""

from pathlib import Path

import yaml

from tests.importers.test_page_shapes import recovered
from tests.importers.test_unseen_pages_third import score_plan
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import MarkdownPlan

FIXTURES = Path(__file__).parent / "fixtures"


class UnseenSet:
    def __init__(self, folder: str) -> None:
        self.pages = FIXTURES / folder
        self.expected = yaml.safe_load((self.pages / "expected.yaml").read_text(encoding="utf-8"))

    def read(self, name: str) -> MarkdownPlan:
        return read_markdown_page((self.pages / name).read_text(encoding="utf-8"), name=name)

    def score(self, name: str, expected: dict) -> tuple[int, int, list[str]]:
        """(facts found, facts expected, what was missed) for one page."""
        return score_plan(name, self.read(name), expected)

    def assert_recovered(self, label: str, *, at_least_pages: int, share: float = 0.95) -> None:
        """At least `share` of the set's expected facts are read, and every page is scored."""
        found_share, found, total, missed = recovered(self.expected, self.score)
        print(f"\n{label}: recovered {found} of {total} expected facts: {found_share:.1%}")
        print("\n".join(missed))
        assert len(self.expected) >= at_least_pages
        assert sorted(self.expected) == sorted(p.name for p in self.pages.glob("*.md"))
        assert found_share >= share, "\n".join(missed)
