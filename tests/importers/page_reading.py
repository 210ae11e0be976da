"""What the tests of each round of unseen pages read a page with: a page around a body, its
one campaign's events, and the soundness every reading of hostile text must keep."""

import pytest

from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord


def page_with(body: str, *, title: str = "Day of Action – 12 June 2027", lang: str = "") -> str:
    language = f"lang: {lang}\n" if lang else ""
    return f"---\ntitle: {title}\ndate: 2027-05-01\n{language}---\n\n{body}\n"


def events_of(page: str) -> list[EventRecord]:
    """The events of the one campaign `page` reads into."""
    (campaign,) = read_markdown_page(page, name="p.md").campaigns
    return campaign.events


def assert_reads_soundly(body: str) -> None:
    """A page holding `body` reads without raising: each campaign ends on or after its start,
    each event has a city or is online, and none ends without a start."""
    plan = read_markdown_page(page_with(body), name="r.md")
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        for event in campaign.events:
            assert event.is_online or event.city
            assert event.ends is None or event.starts is not None


def page_facts(event: EventRecord) -> tuple:
    """What a round's expected list gives of each event: its place, day, hours on the place's
    clock and that clock's zone, venue, signup link and whether it is called off."""
    return (
        event.city,
        event.country,
        event.day,
        event.starts,
        event.ends,
        event.timezone,
        event.venue,
        event.signup_url,
        event.is_cancelled,
    )


def each_page(expected: dict, gaps: dict[str, str]) -> list:
    """The pages of a round as test parameters, a page that does not read yet a strict xfail
    with its reason."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=gaps[name]))
        if name in gaps
        else name
        for name in expected
    ]


def assert_page_reads_into(pages: dict[str, str], expected: dict[str, list], name: str) -> None:
    """Page `name` reads into one campaign with exactly its expected events: one more is an
    invented one."""
    (campaign,) = read_markdown_page(pages[name], name=name).campaigns
    assert [page_facts(event) for event in campaign.events] == expected[name]
