"""What the tests of each round of unseen pages read a page with: a page around a body, its
one campaign's events, and the soundness every reading of hostile text must keep."""

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
