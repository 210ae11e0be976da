"""A fourth sweep by an attacker who reads the source: feeds broken by a pasted control
character, calendar texts and parameters read back by a real parser, and hostile API
parameters (another event's people and a forged Host: test_attacker_fourth_reach.py)."""

import html
import io
from xml.dom import minidom

import icalendar
import pytest
import time_machine
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.signups.invites import invite_ics
from turnout.web.text import xml_text

pytestmark = pytest.mark.django_db

# -- feeds: what XML cannot hold ---------------------------------------------------------------

# Summaries as they arrive from a word processor or a chat app: a vertical tab (Word's line
# break), an escape, a form feed, next to text that looks like XML or CDATA.
SUMMARIES = {
    "nl": "Klimaatmars\x0bAmsterdam ]]> <b>samen</b> & verder",
    "de": "Demo in Berlin\x0c – bringt\x1b Schilder mit <![CDATA[ mit ]]>",
    "fr": "Marche pour le climat\x01 à Lyon, « venez » & partagez",
    "es": "Marcha por el clima\x08 en Madrid <script>alert(1)</script>",
    "ja": "気候マーチ\x0b東京 ]]>",
}


def _texts(document: minidom.Document, tag: str) -> list[str]:
    return [
        "".join(node.data for node in element.childNodes if node.nodeType == node.TEXT_NODE)
        for element in document.getElementsByTagName(tag)
    ]


@pytest.mark.parametrize(
    "path, tag", [("/feeds/campaigns.rss", "description"), ("/feeds/campaigns.atom", "summary")]
)
def test_a_control_character_in_a_campaign_does_not_break_the_feeds(client, path, tag):
    for number, (language, summary) in enumerate(SUMMARIES.items()):
        CampaignFactory(slug=f"{language}-{number}", title=f"Actie\x0b{language}", summary=summary)
    response = client.get(path)
    assert response.status_code == 200
    document = minidom.parseString(response.content)  # well-formed XML 1.0
    texts = "\n".join(_texts(document, tag))
    if path.endswith(".rss"):  # RSS has no text type: its description is escaped once more
        texts = html.unescape(texts)
    for summary in SUMMARIES.values():
        # Markup and CDATA stay text; only what XML cannot hold is left out.
        assert summary.translate(dict.fromkeys(range(0x20))) in texts
    assert "\x0b" not in response.content.decode()


XML_CHARACTERS = st.characters(codec="utf-8")


@settings(max_examples=40, deadline=None)
@given(title=st.text(XML_CHARACTERS, max_size=40), summary=st.text(XML_CHARACTERS, max_size=80))
def test_any_text_made_xml_text_is_written_and_read_back_by_both_feed_kinds(title, summary):
    for kind in (Rss201rev2Feed, Atom1Feed):
        feed = kind(title="Turnout", link="https://turnout.example/", description="Feeds")
        feed.add_item(
            title=xml_text(title),
            link="https://turnout.example/en/campaigns/may/",
            description=xml_text(summary),
        )
        out = io.StringIO()
        feed.write(out, "utf-8")
        document = minidom.parseString(out.getvalue().encode())
        assert xml_text(title).replace("\r", "\n") in "".join(_texts(document, "title"))


# -- calendars read back by a parser -----------------------------------------------------------

TITLE = 'Marche, "Paris"; ORGANIZER:mailto:evil@example.org \\ fin'
VENUE = "Place de la République, 75003; Paris"
DESCRIPTION = "Ligne 1\nZeile 2, mit; Kommas\\ und\n\nEND:VEVENT\nATTENDEE:mailto:evil@example.org"


def _vevents(body: bytes) -> list:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def test_commas_semicolons_backslashes_and_lines_come_back_as_typed_from_every_calendar(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        event = world.event
        LocalEvent.objects.filter(pk=event.pk).update(
            title=TITLE, venue=VENUE, description=DESCRIPTION
        )
        paths = (
            "/feeds/events.ics",
            f"/feeds/campaigns/{world.campaign.slug}.ics",
            f"/en/cards/events/{event.pk}.ics",
            f"/en/signups/{world.signup.token}/invite.ics",
        )
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            (vevent,) = [v for v in _vevents(response.content) if str(v["SUMMARY"]) == TITLE]
            assert str(vevent["LOCATION"]).startswith(VENUE), path
            assert "ATTENDEE" not in vevent, path
            if "DESCRIPTION" in vevent:
                assert "Zeile 2, mit; Kommas\\ und" in str(vevent["DESCRIPTION"]), path


@pytest.mark.parametrize(
    "name",
    [
        "Ada\\",  # a trailing backslash would escape the ";" before PARTSTAT
        'Émile "le Grand" Zola\\',
        "Jan de Vries; ROLE=CHAIR",
        "Müller, Jürgen:mailto:evil@example.org",
        "José \\; RSVP=TRUE",
        "李小龍\\",
    ],
)
def test_a_name_keeps_to_its_own_parameter_in_the_invite(name):
    signup = SignupFactory(event=LocalEventFactory(), name=name, email="ada@example.org")
    (vevent,) = _vevents(invite_ics(signup, now=NOW, method="REQUEST").encode())
    attendee = vevent["ATTENDEE"]
    assert str(attendee) == "mailto:ada@example.org"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["RSVP"] == "FALSE"
    assert attendee.params["CN"] == name.replace("\\", "")


# -- the API's query parameters ----------------------------------------------------------------

HOSTILE_QUERIES = [
    "page=99999999999999999999999",
    "page=-1",
    "page=0",
    "page=1e3",
    "page=%D9%A1",  # an Arabic-Indic one
    "page_size=-5",
    "page_size=99999999999999999999",
    "page_size=%EF%BC%95",  # a fullwidth five
    "near=NaN",
    "near=inf,inf",
    "near=52.1,5.1&radius_km=nan",
    "radius_km=1e309",
    "radius_km=-1",
    "campaign=%00",
    "country=%C4%B0T",  # a dotted capital I
    "lang=../../etc/passwd",
    "lang=%F0%9F%98%80",
    "near=%E2%80%AE52,5",  # a right-to-left override
    "q=" + "%25" * 300,
    "limit=-1&offset=-5",
    "format=xml",
]
API_PATHS = [
    "/api/v1/events/",
    "/api/v1/campaigns/",
    "/api/v1/groups/",
    "/api/v1/cities/",
    "/api/v1/events/abc/",
    "/api/v1/events/%D9%A1/",
    "/api/v1/events/99999999999999999999999/",
    "/api/v1/events/-1/",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_api_parameters_get_a_json_answer_never_a_server_error(client, query):
    LocalEventFactory(title="Klimaatstaking Utrecht", city="Utrecht")
    for path in API_PATHS:
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, (path, query)
        assert response["Content-Type"].startswith("application/json"), (path, query)
        response.json()
