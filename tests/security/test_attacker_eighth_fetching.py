"""The attacker's eighth round against the two places the server fetches an address a person
typed: a press link's page (its title and outlet) and a calendar feed. This machine's own
address spelled every way a resolver or a URL parser takes it (decimal, octal and hex numbers,
the short forms, 0, IPv4 inside IPv6, a trailing dot, userinfo before the host) must never
be connected to, whatever the spelling, and never be an error the person sees as a crash: the
press link gets no metadata, the feed is "not fetched" in words. A server on loopback counts
the connections it is offered; it must be offered none.

Django's URL validation, which the press form uses, also takes hosts that no request can be
made to (a snowman, a soft hyphen, full-width letters): httpx refuses them with an error that
is no `httpx.HTTPError`, which the fetchers did not expect. Such an address is "not fetched"
like any other: the press link waits for review with nothing read, the feed is refused in
words."""

import time
from collections.abc import Iterator

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from tests.factories import CampaignFactory
from tests.press.conftest import run_queued_tasks
from tests.web.trickle import Peer, serving, trickling_http
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar
from turnout.press.metadata import fetch_page_metadata
from turnout.press.models import PressMention

PAGE = b"<html><head><title>Interne beheerpagina</title></head><body>geheim</body></html>"
FEED = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

# 127.0.0.1 as resolvers (inet_aton) and URL parsers read it, and the addresses that reach it.
LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "2130706433",  # one decimal number
    "0x7f000001",  # one hex number
    "0x7f.0.0.1",
    "0177.0.0.1",  # octal
    "0177.0000.0000.0001",
    "127.1",  # a.b: the last part fills the rest
    "127.0.1",
    "0",  # 0.0.0.0: on Linux, this machine
    "0.0.0.0",
    "localhost",
    "LOCALHOST.",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]",
    "[::127.0.0.1]",  # IPv4-compatible
    "[::1]",
]


@pytest.fixture
def internal_page() -> Iterator[Peer]:
    """A page on loopback, as the server's own admin or a metadata service would be."""
    with serving(trickling_http(body=PAGE, interval=0)) as peer:
        yield peer


def _addresses(peer: Peer, path: str) -> list[str]:
    urls = [f"http://{host}:{peer.port}{path}" for host in LOOPBACK_SPELLINGS]
    # The host is what comes after the userinfo, whatever the userinfo looks like.
    urls += [
        f"http://nieuws.example@127.0.0.1:{peer.port}{path}",
        f"http://nieuws.example:80@2130706433:{peer.port}{path}",
        f"https://127.0.0.1:{peer.port}{path}",
    ]
    return urls


def _no_connection_reached(peer: Peer) -> None:
    time.sleep(0.1)  # let the accept loop notice a connection, were there one
    assert peer.connections == []


def test_a_press_link_to_this_machine_in_any_spelling_gets_no_metadata(internal_page, settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = False
    settings.PRESS_METADATA_TIMEOUT = 2
    for url in _addresses(internal_page, "/beheer"):
        metadata = fetch_page_metadata(url)
        assert metadata.title == "", url
    _no_connection_reached(internal_page)


def test_a_calendar_feed_on_this_machine_in_any_spelling_is_not_fetched(internal_page, settings):
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    for url in _addresses(internal_page, "/agenda.ics"):
        for spelled in (url, url.replace("http://", "webcal://", 1)):
            with pytest.raises(FeedUnavailable):
                fetch_calendar(spelled)
    _no_connection_reached(internal_page)


def test_an_operator_who_allows_private_addresses_still_gets_the_feed(settings):
    """The refusal is of the address, not of fetching: allowed, the same server answers."""
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True
    with serving(trickling_http(body=FEED, interval=0)) as peer:
        assert fetch_calendar(f"http://127.0.0.1:{peer.port}/agenda.ics") == FEED


# Hosts Django's URLField takes and httpx cannot spell in IDNA, and an IPv4 address with a
# leading zero, which an address typed into the calendar import reaches.
UNSPELLABLE = [
    "https://☃.example/artikel",
    "https://nieuws\u00ad.example/artikel",  # a soft hyphen, pasted from a word processor
    "https://ｎｉｅｕｗｓ.example/artikel",  # full-width letters of an East Asian keyboard
    "http://krant.example\u200d/artikel",
]


@pytest.mark.parametrize("url", [*UNSPELLABLE, "http://0177.0.0.1/artikel"])
def test_an_address_no_request_can_be_made_to_gives_no_metadata(url):
    assert fetch_page_metadata(url, timeout=1).title == ""


@pytest.mark.parametrize("url", [*UNSPELLABLE, "http://0177.0.0.1/agenda.ics"])
def test_an_address_no_request_can_be_made_to_is_no_feed_in_words(url):
    for spelled in (url, url.replace("https://", "webcal://", 1)):
        with pytest.raises(FeedUnavailable, match="could not fetch the feed"):
            fetch_calendar(spelled)


@pytest.mark.django_db
def test_a_press_link_the_form_takes_but_no_request_can_reach_is_read_without_a_failure(
    django_capture_on_commit_callbacks,
):
    CampaignFactory(slug="mei")
    client = Client(raise_request_exception=False)
    submitted = []
    for url in UNSPELLABLE:
        with django_capture_on_commit_callbacks(execute=True):
            answer = client.post("/nl/press/submit/campaign/mei/", {"url": url, "kind": "article"})
        assert answer.status_code < 500, url
        if answer.status_code == 302:
            submitted.append(url)
    assert submitted, "the form takes at least one of these addresses"
    assert run_queued_tasks() == len(submitted)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert sorted(PressMention.objects.values_list("url", flat=True)) == sorted(submitted)
    assert set(PressMention.objects.values_list("title", flat=True)) == {""}
