"""The attacker's eleventh round with text that shows nothing, where the tenth round did not
look: it refused a signup's name of zero-width spaces or Hangul fillers, but the proposal form,
which anyone may send, took the same as the proposer's name (a blank line in the coordinators'
queue, a person nobody can address) and as the event's title (a blank row in the queue, then a
blank heading on the public page once approved). Every one-line form field now reads such text
as no text: a required field refuses it in words, an optional one is left empty."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django import forms
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.campaigns.proposals.models import EventProposal
from turnout.web.blank_text import shows_nothing
from turnout.web.text import SingleLineField

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 1, 9, tzinfo=UTC)

# What shows nothing, as invisible user names are made.
INVISIBLE = [
    "\u200b\u200b\u200b",  # zero-width spaces
    "\u3164\u3164",  # Hangul fillers
    "\u2800",  # the braille blank
    "\u200d\u2060\ufeff",  # a joiner, a word joiner, a byte order mark
    " \u200e\u115f ",  # a left-to-right mark and a Hangul choseong filler, among blanks
]
# Real names and titles of every script, with the marks and joiners they need.
SHOWN = [
    "Jana Schäfer",
    "김민준",  # Korean syllables, not fillers
    "प्रिया शर्मा",  # Devanagari with its vowel signs and virama
    "กิ่งแก้ว",  # Thai with tone marks
    "محمد\u200cرضا",  # Persian with a zero-width non-joiner inside
    "Zoë\u0301",  # a combining accent after a letter
]


def _proposal(**changes) -> dict:
    data = {
        "city": "Kassel", "venue": "Königsplatz", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Jana Schäfer",
        "proposer_email": "jana@example.de",
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.fixture
def campaign():
    with time_machine.travel(NOW, tick=False):
        yield CampaignFactory(slug="mai", starts_on=date(2030, 5, 13), is_open_for_proposals=True)


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_proposers_name_that_shows_nothing_is_asked_for_again(campaign, name):
    with time_machine.travel(NOW, tick=False):
        answer = Client().post("/en/campaigns/mai/organize/", _proposal(proposer_name=name))
    assert answer.status_code == 200  # the form again, saying what is missing
    assert "these characters show nothing" in answer.content.decode()
    assert not EventProposal.objects.exists()


@pytest.mark.parametrize("title", INVISIBLE)
def test_a_title_that_shows_nothing_never_becomes_the_events_title(campaign, title):
    with time_machine.travel(NOW, tick=False):
        Client().post("/en/campaigns/mai/organize/", _proposal(title=title))
    for proposal in EventProposal.objects.select_related("event"):
        assert not shows_nothing(proposal.event.title)
        assert not shows_nothing(proposal.proposer_name)


@pytest.mark.parametrize("name", SHOWN)
def test_names_and_titles_in_every_script_are_still_taken(campaign, name):
    with time_machine.travel(NOW, tick=False):
        answer = Client().post(
            "/en/campaigns/mai/organize/", _proposal(proposer_name=name, title=f"Demo {name}")
        )
    assert answer.status_code == 200  # the "check your inbox" page
    proposal = EventProposal.objects.select_related("event").get()
    assert proposal.proposer_name == name
    assert proposal.event.title == f"Demo {name}"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=30), required=st.booleans())
def test_a_one_line_field_gives_text_that_shows_something_or_nothing_at_all(text, required):
    field = SingleLineField(required=required, max_length=200)
    try:
        value = field.clean(text)
    except forms.ValidationError:
        assert required  # only an empty or invisible value is refused, and only when required
        return
    assert value == "" or not shows_nothing(value)
    assert "\n" not in value and "\r" not in value
