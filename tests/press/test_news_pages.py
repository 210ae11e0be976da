"""News pages as outlets publish them, read over real HTTP: encodings declared only in the page,
schema.org JSON-LD instead of Open Graph, dates in other tags and spellings, the outlet's name
after a bar in the title. Written here in the shapes such pages take, in several languages."""

import json
import socket
import threading
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.web.trickle import read_http_request, serving
from turnout.press.metadata import fetch_page_metadata
from turnout.press.page_reading import decode_page, parse_date, parse_metadata


def page_server(body: bytes, content_type: bytes = b"text/html"):
    def handle(connection: socket.socket, stop: threading.Event) -> None:
        read_http_request(connection)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\n"
        connection.sendall(head + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        connection.sendall(body)

    return serving(handle)


def fetched(body: bytes, content_type: bytes = b"text/html"):
    with page_server(body, content_type) as peer:
        return fetch_page_metadata(f"{peer.url}/news/2031/protest")


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True


def test_an_encoding_declared_only_in_the_page_is_used():
    """Windows-1251, said in an http-equiv tag; the HTTP header names no charset."""
    title = "Протест в Москве: люди требуют паузы в развитии ИИ"
    body = (
        '<html lang="ru"><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1251">'
        f"<title>{title}</title></head><body></body></html>"
    ).encode("cp1251")
    metadata = fetched(body)
    assert (metadata.title, metadata.language) == (title, "ru")


def test_shift_jis_with_a_meta_charset():
    title = "東京でAI開発の一時停止を求めるデモ"
    body = (
        '<html lang="ja"><head><meta charset="Shift_JIS">'
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="東都新聞"></head></html>'
    ).encode("shift_jis")
    metadata = fetched(body)
    assert (metadata.title, metadata.site_name, metadata.language) == (title, "東都新聞", "ja")


def test_the_header_charset_wins_and_latin_1_is_read_as_windows_1252():
    body = "<title>Manifestación en Sevilla: 5 € por pancarta</title>".encode("cp1252")
    metadata = fetched(body, b"text/html; charset=ISO-8859-1")
    assert metadata.title == "Manifestación en Sevilla: 5 € por pancarta"


def test_json_ld_in_a_graph_gives_headline_outlet_date_and_language():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Tagesblatt Online"},
            {
                "@type": ["NewsArticle"],
                "headline": "Klimaprotest vor dem Reichstag",
                "datePublished": "2031-05-13T09:30:00+02:00",
                "inLanguage": "de-DE",
                "publisher": {"@type": "Organization", "name": "Tagesblatt"},
            },
        ],
    }
    body = (
        "<html><head><title>Klimaprotest vor dem Reichstag | Tagesblatt</title></head><body>"
        f'<script type="application/ld+json">{json.dumps(graph)}</script></body></html>'
    ).encode()
    metadata = fetched(body)
    assert metadata.title == "Klimaprotest vor dem Reichstag"
    assert metadata.site_name == "Tagesblatt"
    assert metadata.published_on == date(2031, 5, 13)
    assert metadata.language == "de"


@pytest.mark.parametrize(
    ("tag", "value", "expected"),
    [
        ('itemprop="datePublished"', "2031-05-13", date(2031, 5, 13)),
        ('name="parsely-pub-date"', "2031-05-13T07:00:00Z", date(2031, 5, 13)),
        ('name="citation_publication_date"', "2031/05/13", date(2031, 5, 13)),
        ('name="DC.date.issued"', "20310513", date(2031, 5, 13)),
        ('name="pubdate"', "Tue, 13 May 2031 09:00:00 GMT", date(2031, 5, 13)),
        ('name="date"', "sometime in May", None),
        ('name="date"', "2031-02-30", None),
    ],
)
def test_the_date_in_the_tags_outlets_use(tag, value, expected):
    html = f'<html lang="fr"><head><meta {tag} content="{value}"><title>Marche à Lyon</title>'
    assert parse_metadata(html).published_on == expected


def test_the_outlet_after_a_bar_is_taken_off_the_title_only_when_it_is_the_outlet():
    def title(text: str, outlet: str) -> str:
        return parse_metadata(
            f'<title>{text}</title><meta property="og:site_name" content="{outlet}">'
        ).title

    assert title("Marsz w Krakowie – Gazeta Poranna", "Gazeta Poranna") == "Marsz w Krakowie"
    assert title("Vigil in Leeds - BBC News", "BBC News") == "Vigil in Leeds"
    assert title("Left | Right: a protest", "Daily") == "Left | Right: a protest"
    assert title("Only | the outlet", "") == "Only | the outlet"


def test_broken_json_ld_and_odd_languages_fall_back_quietly():
    html = (
        '<html lang="x-klingon"><head><title>Protest in Oslo</title>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<meta http-equiv="content-language" content="nb"></head></html>'
    )
    metadata = parse_metadata(html)
    assert (metadata.title, metadata.language) == ("Protest in Oslo", "")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_no_page_text_crashes_the_reading(text):
    html = f"<html><head><title>{text}</title></head><body>{text}</body></html>"
    for page in (text, html, f'<script type="application/ld+json">{text}</script>'):
        metadata = parse_metadata(page)
        assert len(metadata.title) <= 300 and len(metadata.language) in (0, 2)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "nonsense", "shift_jis", ""]))
def test_no_bytes_crash_the_decoding(body, declared):
    assert isinstance(decode_page(body, declared), str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_no_date_text_crashes_its_reading(text):
    assert parse_date(text) is None or isinstance(parse_date(text), date)
