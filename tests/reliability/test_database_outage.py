"""The database unreachable: a clean 503 in the visitor's language, then recovery by itself."""

import pytest
from django.db import OperationalError, connection

from tests.factories import LocalEventFactory
from tests.signups.factories import form_data
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


def refuse(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


@pytest.fixture
def unbroken_client(client):
    """The test client answers as the server would, instead of raising the view's error."""
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [
        ("/nl/", "Even niet beschikbaar", "probeer het zo meteen opnieuw"),
        ("/en/events/", "Briefly unavailable", "please try again shortly"),
    ],
)
def test_a_page_without_its_database_is_a_503_in_the_visitors_language(
    unbroken_client, path, heading, text
):
    with connection.execute_wrapper(refuse):
        response = unbroken_client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page and text in page
    assert 'lang="' + path.split("/")[1] + '"' in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_the_api_without_its_database_answers_503_in_json(unbroken_client):
    with connection.execute_wrapper(refuse):
        response = unbroken_client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "detail": "De dienst is even niet beschikbaar. Probeer het zo meteen opnieuw."
    }


def test_a_signup_sent_while_the_database_is_down_writes_nothing_and_can_be_sent_again(
    unbroken_client,
):
    event = LocalEventFactory()
    with connection.execute_wrapper(refuse):
        response = unbroken_client.post(f"/en/signups/events/{event.pk}/", form_data())
    assert response.status_code == 503
    assert Signup.objects.count() == 0
    response = unbroken_client.post(f"/en/signups/events/{event.pk}/", form_data())
    assert response.status_code == 302  # the database is back: the same form goes through
    assert Signup.objects.filter(event=event).count() == 1


def test_other_errors_are_still_a_plain_500(unbroken_client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("turnout.campaigns.views.render", explode)
    response = unbroken_client.get("/en/")
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
