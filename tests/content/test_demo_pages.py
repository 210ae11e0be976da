"""The demo's content pages: the signup form links the code of conduct by its slug."""

from datetime import date

import pytest

from turnout.content.models import Page
from turnout.demo.loading import load_demo_data

pytestmark = pytest.mark.django_db


def test_demo_publishes_values_and_code_of_conduct_once(client, settings):
    load_demo_data(today=date(2030, 1, 1))
    load_demo_data(today=date(2030, 1, 1))
    page = Page.objects.get(slug=settings.CODE_OF_CONDUCT_SLUG)
    assert page.is_published and page.revisions.count() == 1
    assert Page.objects.filter(slug="values", status=Page.Status.PUBLISHED).exists()
    text = client.get("/en/code-of-conduct/").content.decode()
    assert '<h2 id="at-every-action">' in text
