"""Links that Python cannot take apart (a full-width colon in the host, as a phone keyboard
writes it; an unclosed IPv6 bracket; a port out of range) stay text: a page or a calendar
with one is read for everything else, never refused with a traceback."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_feeds import read_calendar
from turnout.importers.document import Link, is_address
from turnout.importers.protest_pages import read_markdown_page

from .calendar_builders import calendar, vevent

BROKEN = [
    "https://lu：.ma/klimaat",
    "https://www.eventbrit：e.co.uk/e/1?utm_source=x",
    "https://[2001:db8::1/aanmelden",
    "http://[::1",
    "https://www.meetup.com:99999/x/events/1",
]


@pytest.mark.parametrize("url", BROKEN)
def test_what_cannot_be_taken_apart_links_nowhere(url):
    assert not is_address(url)
    assert Link("aanmelden", url).url == ""


@pytest.mark.parametrize("url", BROKEN)
def test_a_page_with_such_a_link_is_read_for_its_events(url):
    page = (
        "---\ntitle: Klimaatmars 12 april 2031\n---\n\n## Locaties\n\n"
        f"- **Utrecht** – Neude, 14:00 – [aanmelden]({url})\n"
        f"- Groningen, Vismarkt, 13:00 – {url}\n"
        "- Leiden, Beestenmarkt, 12:00 – [aanmelden](https://lu.ma/leiden-klimaat)\n"
    )
    (campaign,) = read_markdown_page(page, name="p.md").campaigns
    by_city = {event.city: event for event in campaign.events}
    assert set(by_city) == {"Utrecht", "Groningen", "Leiden"}
    # (markdown writes a full-width colon's host as punycode, "xn--lu-0v3n.ma": an address.)
    assert "[" not in by_city["Utrecht"].signup_url and "：" not in by_city["Utrecht"].signup_url
    assert by_city["Leiden"].signup_url == "https://lu.ma/leiden-klimaat"


@pytest.mark.parametrize("url", BROKEN)
def test_a_calendar_description_with_such_a_link_is_read(url):
    ics = calendar(
        vevent(
            "k@example.org",
            "SUMMARY:Klimaatwake",
            "DTSTART;TZID=Europe/Amsterdam:20310412T140000",
            f"DESCRIPTION:Aanmelden: {url} of https://www.facebook.com[/events/1",
        )
    )
    (entry,) = read_calendar(ics, source="k.ics").entries
    assert entry.title == "Klimaatwake"


_URLISH = st.lists(
    st.sampled_from(["https://", "http://", "[", "]", ":", "：", "/", "?", "=", "&", "lu.ma",
                     "::1", "99999", "utm_source", "é", "#", "@", "%", "\u200b", " "]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(_URLISH)
def test_no_link_breaks_the_page_reader(url):
    page = f"## 12 April 2031\n\n- Utrecht, Neude – [aanmelden]({url})\n- Leiden – {url}\n"
    read_markdown_page(page, name="p.md")
