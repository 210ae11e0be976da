"""Logos and favicons are stored cleaned: no camera metadata, no SVG that runs or fetches."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from turnout.branding.logos import LogoRejected, cleaned_logo
from turnout.branding.models import SiteSettings
from turnout.branding.svg import SvgRejected, sanitized_svg

from ..media.images import photo_with_gps
from ..media.test_processing import assert_no_metadata
from .conftest import valid_form

ADD_URL = "/admin/branding/sitesettings/add/"
CLEAN_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/>'
    b'</linearGradient><circle id="c" cx="5" cy="5" r="4"/></defs><title>Logo</title>'
    b'<use xlink:href="#c" fill="url(#g)"/><rect width="2" height="2" style="fill:#1d4ed8"/></svg>'
)
HOSTILE_SVGS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
    "handler on a shape": b'<svg xmlns="http://www.w3.org/2000/svg"><rect onClick="x()"/></svg>',
    "external href": b'<svg xmlns="http://www.w3.org/2000/svg" '
    b'xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://evil.example/x.svg#a"/>'
    b"</svg>",
    "javascript href": b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">'
    b"<rect/></a></svg>",
    "external image": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png"/>'
    b"</svg>",
    "css url": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/a)"/>'
    b"</svg>",
    "style element": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>',
    "foreign object": b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject>'
    b'<div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject></svg>',
    "xxe": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>',
    "not svg": b"<html><body>hi</body></html>",
    "svg without namespace": b"<svg><rect/></svg>",
    "broken": b'<svg xmlns="http://www.w3.org/2000/svg"><rect',
}


def test_a_plain_svg_is_kept_as_drawing():
    cleaned = sanitized_svg(b"<!-- made by hand -->" + CLEAN_SVG)
    assert b"made by hand" not in cleaned
    assert b"circle" in cleaned and b"linearGradient" in cleaned


@pytest.mark.parametrize("data", HOSTILE_SVGS.values(), ids=HOSTILE_SVGS.keys())
def test_hostile_svgs_are_refused_with_a_reason(data):
    with pytest.raises(SvgRejected) as refused:
        sanitized_svg(data)
    assert str(refused.value)
    with pytest.raises(LogoRejected):
        cleaned_logo(data, name="logo.svg")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_cleaned_or_refused_never_stored_raw(data):
    try:
        stored = cleaned_logo(b"<svg " + data, name="logo.svg")
    except LogoRejected:
        return
    assert stored.read().startswith(b"<?xml")


def test_a_raster_logo_loses_its_gps_and_camera_data():
    stored = cleaned_logo(photo_with_gps(size=(1600, 900), orientation=1), name="logo.jpg")
    data = stored.read()
    assert stored.name == "logo.png"
    assert_no_metadata(data)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.width <= 1024 and image.height <= 256


@pytest.mark.django_db
def test_the_admin_stores_a_cleaned_logo_and_serves_it(admin_client):
    upload = SimpleUploadedFile("logo.jpg", photo_with_gps(size=(600, 300), orientation=1))
    response = admin_client.post(ADD_URL, {**valid_form(), "logo": upload})
    assert response.status_code == 302, response.content.decode()[:3000]
    site = SiteSettings.objects.get()
    assert site.logo.name.startswith("branding/") and site.logo.name.endswith(".png")
    with default_storage.open(site.logo.name) as handle:
        assert_no_metadata(handle.read())
    served = Client().get(site.logo_url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    page = Client().get("/en/").content.decode()
    assert f'src="{site.logo_url}"'.replace("&", "&amp;") in page
    # The favicon is drawn from the raster logo now.
    assert Client().get("/favicon.ico").status_code == 200


@pytest.mark.django_db
def test_the_admin_refuses_a_hostile_svg_and_stores_nothing(admin_client, settings):
    upload = SimpleUploadedFile("logo.svg", HOSTILE_SVGS["onload"], "image/svg+xml")
    response = admin_client.post(ADD_URL, {**valid_form(), "logo": upload})
    assert response.status_code == 200
    assert "event handler" in " ".join(response.context["adminform"].form.errors["logo"])
    assert not SiteSettings.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_an_svg_logo_is_served_as_an_image_that_runs_nothing(admin_client):
    upload = SimpleUploadedFile("logo.svg", CLEAN_SVG, "image/svg+xml")
    assert admin_client.post(ADD_URL, {**valid_form(), "logo": upload}).status_code == 302
    site = SiteSettings.objects.get()
    served = Client().get(site.logo_url)
    assert served["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in served["Content-Security-Policy"]
    page = Client().get("/en/").content.decode()
    assert 'type="image/svg+xml"' in page  # the SVG is a favicon too
