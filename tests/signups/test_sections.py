"""Apps above signups add to the manage page and the emails through the section registry."""

import pytest
from django.urls import reverse
from django.utils import timezone

from turnout.signups import emails, sections
from turnout.signups.sections import (
    MANAGE_PAGE,
    register_participant_section,
    render_participant_sections,
    unregister_participant_section,
)

from .factories import SignupFactory

pytestmark = pytest.mark.django_db

TEMPLATES_HERE = {
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": ["tests/signups/templates"],
    "APP_DIRS": True,
}


@pytest.fixture
def only_test_sections(monkeypatch):
    """The registry without the sections the installed apps registered."""
    monkeypatch.setattr(sections, "_sections", {})


@pytest.fixture
def shout_section(settings, only_test_sections):
    settings.TEMPLATES = [
        {**TEMPLATES_HERE, "OPTIONS": settings.TEMPLATES[0].get("OPTIONS", {})},
        *settings.TEMPLATES[1:],
    ]

    def context(signup, place):
        if signup.name == "Quiet":
            return None
        return {"word": f"<b>{signup.name}</b>"}

    register_participant_section("shout", template="sections_test/shout", context=context)
    yield
    unregister_participant_section("shout")


def test_a_section_speaks_on_the_manage_page_escaped(client, shout_section):
    signup = SignupFactory(name="Ada")
    page = client.get(reverse("signups:manage", kwargs={"token": signup.token})).content.decode()
    assert "SECTION &lt;b&gt;Ada&lt;/b&gt; manage" in page


def test_a_section_with_nothing_to_say_is_left_out(shout_section):
    signup = SignupFactory(name="Quiet")
    assert render_participant_sections(signup, MANAGE_PAGE) == ""


def test_sections_reach_both_parts_of_the_you_are_in_email(shout_section):
    signup = SignupFactory(name="Ada")
    email = emails.signup_confirmed(signup, now=timezone.now())
    assert "SECTION Ada confirmed_email (text)" in email.text
    assert "SECTION &lt;b&gt;Ada&lt;/b&gt; confirmed_email" in email.html


def test_unknown_places_are_refused():
    with pytest.raises(ValueError):
        register_participant_section(
            "x", template="x", context=lambda s, p: {}, places=frozenset({"nowhere"})
        )


def test_no_section_changes_nothing(only_test_sections):
    signup = SignupFactory(name="Ada")
    assert render_participant_sections(signup, MANAGE_PAGE) == ""
