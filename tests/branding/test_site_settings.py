"""The site settings reach every page, email and the admin, and only pass when readable."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from turnout.branding.models import CACHE_KEY, SiteSettings
from turnout.notifications.composition import compose

from .conftest import valid_form

pytestmark = pytest.mark.django_db
CHANGE_URL = "/admin/branding/sitesettings/1/change/"
ADD_URL = "/admin/branding/sitesettings/add/"


def test_without_a_row_the_site_uses_the_configured_name(client, settings):
    settings.TURNOUT_SITE_NAME = "Configured Name"
    page = client.get("/en/").content.decode()
    assert "<title>Configured Name</title>" in page or "Configured Name" in page
    assert not SiteSettings.objects.exists()


def test_admin_saves_the_settings_and_the_next_request_shows_them(admin_client):
    assert admin_client.get("/admin/branding/sitesettings/").url == ADD_URL
    response = admin_client.post(ADD_URL, valid_form(name="Klimaat Samen"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Klimaat Samen" in Client().get("/en/").content.decode()

    response = admin_client.post(CHANGE_URL, valid_form(name="Samen voor het Klimaat"))
    assert response.status_code == 302
    # The cached copy is gone: another visitor sees the new name at once.
    page = Client().get("/nl/").content.decode()
    assert "Samen voor het Klimaat" in page and "Klimaat Samen<" not in page


def test_saving_drops_the_cached_copy_for_every_server_sharing_the_cache():
    SiteSettings.objects.create(name="First")
    assert SiteSettings.current().name == "First"
    assert cache.get(CACHE_KEY).name == "First"
    SiteSettings.objects.filter(pk=1).update(name="Changed behind the cache's back")
    assert SiteSettings.current().name == "First"  # read from the cache, not the database
    site = SiteSettings.objects.get()
    site.name = "Second"
    site.save()
    assert cache.get(CACHE_KEY) is None
    assert SiteSettings.current().name == "Second"


def test_there_is_one_row_no_second_and_no_delete(admin_client):
    SiteSettings.objects.create(name="Only")
    assert admin_client.get(ADD_URL).status_code == 403
    assert admin_client.get("/admin/branding/sitesettings/1/delete/").status_code == 403
    assert admin_client.get("/admin/branding/sitesettings/").url == CHANGE_URL
    SiteSettings(name="Another").save()  # any save writes row 1
    assert SiteSettings.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "ratio"),
    [
        (
            {"text_on_brand_colour": "#777777", "brand_colour": "#ffffff"},
            "text_on_brand_colour",
            "4.48",
        ),
        ({"brand_colour": "#ffdd00", "text_on_brand_colour": "#000000"}, "brand_colour", "1.35"),
        ({"accent_colour": "#fde68a"}, "accent_colour", "1.2"),
    ],
)
def test_the_admin_refuses_colours_that_fail_aa_and_says_the_ratio(
    admin_client, changes, field, ratio
):
    response = admin_client.post(ADD_URL, valid_form(**changes))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors
    message = " ".join(errors[field])
    assert ratio in message
    assert "at least 4.5:1" in message or "at least 3:1" in message
    assert not SiteSettings.objects.exists()


def test_the_admin_says_why_in_dutch_too(admin_client):
    admin_client.cookies["django_language"] = "nl"
    response = admin_client.post(
        ADD_URL,
        valid_form(text_on_brand_colour="#777777", brand_colour="#ffffff"),
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    message = " ".join(response.context["adminform"].form.errors["text_on_brand_colour"])
    assert "contrastverhouding" in message and "4.48" in message


@pytest.mark.parametrize(
    "links",
    [
        '[{"label": "x", "url": "http://example.org"}]',
        '[{"label": "x", "url": "javascript:alert(1)"}]',
        '[{"label": "", "url": "https://example.org"}]',
        '[{"label": "x", "url": "https://example.org", "extra": 1}]',
        '[{"label": "x", "url": "https://example.org", "label_xx": "y"}]',  # no such language
        '[{"label_nl": "x", "url": "https://example.org"}]',  # no label for the others
        '[{"label": "x", "label_nl": "", "url": "https://example.org"}]',
        '[{"label": "x", "label_nl": ["y"], "url": "https://example.org"}]',
        '{"label": "x"}',
        "[" + ",".join(['{"label": "x", "url": "https://example.org"}'] * 11) + "]",
    ],
)
def test_links_must_be_a_short_list_of_https_addresses(admin_client, links):
    response = admin_client.post(ADD_URL, valid_form(social_links=links))
    assert "social_links" in response.context["adminform"].form.errors
    assert not SiteSettings.objects.exists()


def test_pages_carry_name_colours_footer_and_links():
    SiteSettings.objects.create(
        name="Klimaat Samen",
        tagline_en="Stronger together",
        tagline_nl="Samen sterk",
        brand_colour="#1D4ED8",
        footer_text_en="Run by volunteers in ten cities.",
        footer_text_nl="Gerund door vrijwilligers in tien steden.",
        social_links=[{"label": "Mastodon", "url": "https://mastodon.example.org/@k"}],
        footer_links=[{"label": "About", "url": "https://example.org/about"}],
    )
    english = Client().get("/en/").content.decode()
    dutch = Client().get("/nl/").content.decode()
    assert "Run by volunteers in ten cities." in english
    assert "Gerund door vrijwilligers in tien steden." in dutch
    assert '<meta name="theme-color" content="#1d4ed8">' in english
    assert 'href="https://mastodon.example.org/@k"' in english
    assert 'href="https://example.org/about"' in dutch
    assert "Stronger together" in english and "Samen sterk" in dutch
    css = Client().get("/brand.css")
    assert css["Content-Type"].startswith("text/css")
    assert "--accent: #1d4ed8;" in css.content.decode()
    assert Client().get("/brand.css", HTTP_IF_NONE_MATCH=css["ETag"]).status_code == 304


def test_a_link_is_labelled_in_the_language_of_the_page():
    SiteSettings.objects.create(
        name="Klimaat Samen",
        footer_links=[
            {"label": "About us", "label_nl": "Over ons", "url": "https://example.org/about"},
            {"label": "Shop", "url": "https://example.org/shop"},  # the same in every language
        ],
    )
    english = Client().get("/en/").content.decode()
    dutch = Client().get("/nl/").content.decode()
    assert ">About us</a>" in english and ">Over ons</a>" not in english
    assert ">Over ons</a>" in dutch and ">About us</a>" not in dutch
    assert ">Shop</a>" in english and ">Shop</a>" in dutch


def test_the_admin_takes_a_label_per_language(admin_client):
    links = '[{"label": "About us", "label_nl": "Over ons", "url": "https://example.org/a"}]'
    response = admin_client.post(ADD_URL, valid_form(footer_links=links))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert SiteSettings.objects.get().footer_links[0]["label_nl"] == "Over ons"


def test_hostile_text_in_the_settings_is_escaped():
    SiteSettings.objects.create(name="<script>alert(1)</script>", tagline_en='"><img src=x>')
    page = Client().get("/en/").content.decode()
    assert "<script>alert(1)" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;" in page


def test_favicon_exists_as_an_icon_with_sizes():
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert (
        b"".join(response.streaming_content if response.streaming else [response.content])[:4]
        == b"\x00\x00\x01\x00"
    )
    png = Client().get("/brand/icon-192.png")
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert Client().get("/brand/icon-7.png").status_code == 404
    page = Client().get("/en/").content.decode()
    assert 'rel="icon" href="/favicon.ico?v=' in page
    assert 'rel="apple-touch-icon"' in page


def test_languages_offered_limit_the_switcher_and_the_default_is_where_slash_leads():
    SiteSettings.objects.create(default_language="nl", languages_offered=["nl"])
    page = Client().get("/nl/").content.decode()
    switcher = re.search(r'class="language-switcher">(.*?)</nav>', page, re.S).group(1)
    assert 'hreflang="nl"' in switcher and 'hreflang="en"' not in switcher
    assert Client().get("/").url == "/nl/"


def test_slash_keeps_a_visitors_own_offered_choice():
    SiteSettings.objects.create(default_language="nl", languages_offered=["en", "nl"])
    visitor = Client()
    visitor.cookies["django_language"] = "en"
    assert visitor.get("/").url == "/en/"
    visitor.cookies["django_language"] = "de"
    assert visitor.get("/").url == "/nl/"
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="de-DE,fr;q=0.5").url == "/nl/"


def test_a_browser_language_that_is_not_offered_leads_to_the_default():
    SiteSettings.objects.create(default_language="nl", languages_offered=["nl"])
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="en").url == "/nl/"


def test_the_default_language_must_be_offered(admin_client):
    response = admin_client.post(
        ADD_URL, valid_form(default_language="nl", languages_offered=["en"])
    )
    assert "default_language" in response.context["adminform"].form.errors


def test_the_admin_header_shows_the_brand(admin_client):
    SiteSettings.objects.create(name="Klimaat Samen")
    page = admin_client.get("/admin/").content.decode()
    assert "Klimaat Samen" in page
    assert "Django administration" not in page and "Django site admin" not in page


@pytest.mark.parametrize("language", ["en", "nl"])
def test_emails_carry_the_brand_name_and_colour(language):
    SiteSettings.objects.create(name="Klimaat Samen", brand_colour="#1d4ed8")
    email = compose(
        kind="sign_in",
        template="accounts/email/sign_in",
        to="someone@example.org",
        language=language,
        context={"user": None, "link": "https://example.org/x", "code": "123456", "minutes": 15},
    )
    assert "Klimaat Samen" in email.html and "#1d4ed8" in email.html
    assert "Klimaat Samen" in email.subject


def test_the_change_page_previews_the_logo_and_the_contrast(admin_client):
    SiteSettings.objects.create(name="Klimaat Samen")
    page = admin_client.get(CHANGE_URL).content.decode()
    assert "No logo: the header shows the name only." in page
    assert "Button text" in page and "6.67:1" in page  # white on the default brand colour
    assert 'type="color"' in page
