"""Pages written the way movements write them, and how many of their facts the importer reads.

`fixtures/pages/` holds 29 pages in English, German, Dutch, French, Spanish, Catalan and
Swedish (Hugo, Jekyll and TOML front matter, emoji lines, "When & Where" headings, dated
series, cancelled events, action and group pages); `expected.yaml` lists, per page, the facts
a person reads in it. The share of those facts the importer recovers must stay above 90 %.
"""

from datetime import date
from pathlib import Path

import pytest
import yaml

from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord, MarkdownPlan

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))
TARGET = 0.90


def read(name: str) -> MarkdownPlan:
    return read_markdown_page((PAGES / name).read_text(encoding="utf-8"), name=name)


def kind_of(plan: MarkdownPlan) -> str:
    if plan.campaigns:
        return "campaign"
    return "group" if plan.groups else "content"


def event_facts(event: EventRecord) -> dict:
    return {
        "city": event.city,
        "country": event.country,
        "day": event.day,
        "last_day": event.last_day,
        "starts": event.starts.strftime("%H:%M") if event.starts else None,
        "ends": event.ends.strftime("%H:%M") if event.ends else None,
        "zone": event.timezone,
        "venue": event.venue,
        "signup": event.signup_url,
        "cancelled": event.is_cancelled,
    }


def score(name: str, expected: dict) -> tuple[int, int, list[str]]:
    """(facts found, facts expected, what was missed) for one page."""
    plan = read(name)
    found, total, missed = 0, 0, []

    def check(what: str, want, got) -> None:
        nonlocal found, total
        total += 1
        if isinstance(want, date) or got == want:
            found += got == want
        if got != want:
            missed.append(f"{name}: {what}: expected {want!r}, read {got!r}")

    check("kind", expected["kind"], kind_of(plan))
    campaign = plan.campaigns[0] if plan.campaigns else None
    group = plan.groups[0] if plan.groups else None
    if "title" in expected:
        page_title = campaign.title if campaign else (plan.pages[0].title if plan.pages else "")
        check("title", expected["title"], page_title)
    if "coordination" in expected:
        coordination = campaign.coordination_url if campaign else ""
        if group is not None:
            coordination = next((url for _kind, url in group.channels), "")
        check("coordination", expected["coordination"], coordination)
    for key in ("city", "country"):
        if key in expected:
            check(key, expected[key], getattr(group, key, None))
    if "press" in expected:
        check("press", expected["press"], [p.url for p in campaign.press] if campaign else [])
    events = list(campaign.events) if campaign else []
    for index, wanted in enumerate(expected.get("events", [])):
        match = next((e for e in events if e.city == wanted["city"]), None)
        if match is None and index < len(events) and len(events) == len(expected["events"]):
            match = events[index]
        got = event_facts(match) if match else {}
        if match is not None:
            events.remove(match)
        for key, want in wanted.items():
            check(f"event {wanted['city']} {key}", want, got.get(key))
    return found, total, missed


def test_the_importer_recovers_at_least_90_percent_of_the_facts_of_unseen_shapes():
    found = total = 0
    missed: list[str] = []
    for name, expected in EXPECTED.items():
        page_found, page_total, page_missed = score(name, expected)
        found += page_found
        total += page_total
        missed += page_missed
    share = found / total
    print(f"\nrecovered {found} of {total} expected facts: {share:.1%}")
    print("\n".join(missed))
    assert len(EXPECTED) >= 25
    assert share >= TARGET, "\n".join(missed)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_page_is_read_into_the_kind_a_person_sees(name):
    assert kind_of(read(name)) == EXPECTED[name]["kind"]
