"""Every form that sends a person back somewhere (sign-in's ?next=, the city banner, consent
to embeds, the photo queue) keeps to this site through the one check, `web.next_address`."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from turnout.web.next_address import safe_next, safe_return

ELSEWHERE = [
    "//evil.example/",
    "/\\evil.example",
    "\\/evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "https://evil.example/",
    "http://testserver@evil.example/",
    "/\uff0fevil.example",
    "java\nscript:alert(1)",
    "",
]


def request(secure: bool = False):
    return RequestFactory().get("/", secure=secure)


@pytest.mark.parametrize("candidate", ELSEWHERE)
def test_nothing_that_leads_elsewhere_is_kept(candidate):
    assert safe_next(request(), candidate) == ""
    assert safe_return(request(), candidate) == ""


def test_a_path_on_this_site_is_kept_as_written():
    assert safe_next(request(), "/nl/events/?near=Utrecht#map") == "/nl/events/?near=Utrecht#map"


def test_a_whole_address_of_this_site_becomes_its_path():
    assert safe_return(request(), "http://testserver/nl/p/over/?a=1#embed-2") == (
        "/nl/p/over/?a=1#embed-2"
    )
    assert safe_return(request(), "http://testserver") == "/"
    # Not taken by a page asked over https: it would send the person to plain http.
    assert safe_return(request(secure=True), "http://testserver/nl/") == ""
    assert safe_return(request(), "http://[fe80::1/") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("candidate", ELSEWHERE)
def test_the_city_banner_sends_nobody_elsewhere(client, candidate):
    answer = client.post(reverse("geo:choose_city"), {"next": candidate, "action": "forget"})
    assert answer.status_code == 302
    assert answer["Location"] == reverse("campaigns:home")


@pytest.mark.django_db
def test_the_city_banner_returns_to_the_page_it_was_on(client):
    answer = client.post(
        reverse("geo:choose_city"), {"next": "/en/events/?page=2", "action": "forget"}
    )
    assert answer["Location"] == "/en/events/?page=2"


@pytest.mark.django_db
@pytest.mark.parametrize("candidate", ["//evil.example/", "https://evil.example/x"])
def test_consent_returns_to_this_site_only(client, candidate):
    answer = client.post(
        reverse("content:consent"),
        {"decision": "allow", "provider": "youtube", "next": candidate},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert answer.status_code == 302
    assert answer["Location"] == reverse("content:consent")


@pytest.mark.django_db
def test_consent_returns_to_the_referring_page_of_this_site(client):
    answer = client.post(
        reverse("content:consent"),
        {"decision": "allow", "provider": "youtube", "anchor": "embed-1"},
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_REFERER="http://testserver/en/p/about/",
    )
    assert answer["Location"] == "/en/p/about/#embed-1"
