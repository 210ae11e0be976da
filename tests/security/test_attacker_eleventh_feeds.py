"""The attacker's eleventh round at the campaign feeds, read as a feed reader reads them: the
text of an RSS `<description>` and of an Atom `<summary type="html">` is HTML, which the reader
parses again and shows. A campaign's summary is text a coordinator typed; written there as it
was, "<img src=x onerror=...>" became an image with a handler in every reader that does not
clean what it shows, and "Kom ook <3 & neem je buren mee" lost its heart. An XML parser alone,
which earlier rounds used, sees only text in both feeds.

Atom now marks the summary as text; RSS has no way to say so, and its description is escaped
once more."""

from html.parser import HTMLParser
from xml.dom import minidom

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.web.text import xml_text

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

# Summaries as coordinators write them, with markup that must stay text.
SUMMARIES = [
    'Klimaatmars <img src=x onerror="alert(1)"> door Utrecht',
    "Kom ook <3 & neem je buren mee",
    "Marche à Lyon <a href='javascript:alert(2)'>inscription</a>",
    "Demo in Köln: <script>alert(3)</script> Schilder mitbringen",
    "東京で行進 <iframe src=https://evil.example></iframe>",
    "مسيرة في الرباط <svg onload=alert(4)>",
]


class _Elements(HTMLParser):
    """The elements a feed reader would build from a summary parsed as HTML."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append(tag)


def _elements(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def _entries(body: bytes, entry: str, summary: str) -> list:
    document = minidom.parseString(body)
    found = []
    for item in document.getElementsByTagName(entry):
        (element,) = item.getElementsByTagName(summary)
        text = "".join(node.data for node in element.childNodes if node.nodeType == node.TEXT_NODE)
        found.append((element.getAttribute("type"), text))
    return found


@pytest.mark.parametrize("summary", SUMMARIES)
def test_an_atom_summary_is_shown_as_the_text_the_coordinator_typed(summary):
    CampaignFactory(slug="summary", title="Klimaatmars", summary=summary)
    response = Client().get("/feeds/campaigns.atom")
    assert response.status_code == 200
    ((kind, text),) = _entries(response.content, "entry", "summary")
    assert kind == "text"  # a reader shows it as it is, never as markup
    assert summary in text


@pytest.mark.parametrize("summary", [SUMMARIES[0], SUMMARIES[2]])
def test_an_rss_description_holds_no_markup_a_reader_would_build(summary):
    CampaignFactory(slug="summary", title="Klimaatmars", summary=summary)
    response = Client().get("/feeds/campaigns.rss")
    assert response.status_code == 200
    ((_kind, text),) = _entries(response.content, "item", "description")
    assert _elements(text) == []


def test_a_plain_summary_reads_the_same_in_both_feeds():
    CampaignFactory(slug="summary", title="Klimaatmars", summary="Samen lopen we door Utrecht.")
    client = Client()
    ((kind, atom),) = _entries(client.get("/feeds/campaigns.atom").content, "entry", "summary")
    ((_kind, rss),) = _entries(client.get("/feeds/campaigns.rss").content, "item", "description")
    assert kind == "text"
    assert atom == rss
    assert atom.endswith("Samen lopen we door Utrecht.")


@settings(max_examples=30, deadline=None)
@given(summary=st.text(st.characters(codec="utf-8"), max_size=80))
def test_any_summary_is_written_as_readable_atom_text(summary):
    from turnout.campaigns.models import Campaign

    Campaign.objects.filter(slug="any").delete()
    CampaignFactory(slug="any", title="Actiedag", summary=summary)
    response = Client().get("/feeds/campaigns.atom")
    assert response.status_code == 200
    ((kind, text),) = _entries(response.content, "entry", "summary")
    assert kind == "text"
    typed = xml_text(summary).replace("\r", "\n").strip()
    assert typed in text.replace("\r", "\n")
