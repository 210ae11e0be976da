"""Reading a submitted link's metadata from a real HTTP server on loopback."""

from datetime import date

import pytest

from turnout.press.metadata import UnsafeURL, check_fetchable, fetch_page_metadata


def test_open_graph_title_outlet_date_and_language_are_read(press_server):
    metadata = fetch_page_metadata(f"{press_server.url}/story")
    assert metadata.title == "Demonstranten willen een pauze in AI-ontwikkeling"
    assert metadata.site_name == "De Dagkrant"
    assert metadata.published_on == date(2024, 5, 13)
    assert metadata.language == "nl"


def test_plain_title_is_used_without_open_graph(press_server):
    metadata = fetch_page_metadata(f"{press_server.url}/plain")
    assert metadata.title == "Protest in Oslo & Bergen"
    assert metadata.site_name == ""


def test_redirects_are_followed(press_server):
    assert fetch_page_metadata(f"{press_server.url}/moved").site_name == "De Dagkrant"
    assert press_server.requests == ["/moved", "/story"]


@pytest.mark.parametrize("path", ["/missing", "/image"])
def test_error_pages_and_non_pages_give_no_metadata(press_server, path):
    metadata = fetch_page_metadata(f"{press_server.url}{path}")
    assert (metadata.title, metadata.site_name) == ("", "")


def test_a_server_too_slow_to_answer_gives_no_metadata_within_the_timeout(press_server):
    assert fetch_page_metadata(f"{press_server.url}/slow", timeout=0.2).title == ""


def test_an_unreachable_server_gives_no_metadata(press_server):
    server_url = press_server.url
    closed_port = int(server_url.rsplit(":", 1)[1]) + 1  # nothing listens there (usually)
    assert fetch_page_metadata(f"http://127.0.0.1:{closed_port}/x").title == ""


def test_private_addresses_are_never_fetched_unless_allowed(press_server, settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = False
    assert fetch_page_metadata(f"{press_server.url}/story").title == ""
    assert press_server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://localhost/",
        "ftp://example.org/file",
        "file:///etc/passwd",
    ],
)
def test_unsafe_urls_are_refused(url, settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(UnsafeURL):
        check_fetchable(url)
