"""The proposal form: "to be announced" beside its label, the signup link only for signing up
elsewhere, a number of places, and an automatic title that names the city once."""

# ruff: noqa: F811 - the fixtures of test_proposals, used by name

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.campaigns.proposals.forms import ProposalForm

from .test_proposals import _april_2030, campaign, proposal_data, propose  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_form_shows_the_tba_box_beside_its_label_and_the_link_in_its_own_block(
    client, campaign
):
    html = client.get("/en/campaigns/may/organize/").content.decode()
    assert re.search(
        r'<div class="form-check">\s*<input type="checkbox" name="venue_tba" id="id_venue_tba">\s*'
        r'<label for="id_venue_tba">The venue is still to be announced</label>',
        html,
    )
    assert re.search(r'<div class="signup-url-field">.*?name="signup_url"', html, re.S)
    assert 'name="capacity"' in html and f'max="{MAX_CAPACITY}"' in html
    dutch = client.get("/nl/campaigns/may/organize/").content.decode()
    assert "Plaatsen (optioneel)" in dutch


def test_the_link_is_ignored_when_people_sign_up_here_and_required_elsewhere(client, campaign):
    propose(client, signup_method="native", signup_url="https://lu.ma/abc")
    assert LocalEvent.objects.get().signup_url == ""
    response = propose(client, signup_method="external", signup_url="", city="Utrecht")
    assert "Give the link where people sign up." in response.content.decode()
    assert LocalEvent.objects.count() == 1


def test_the_number_of_places_becomes_the_events_capacity(client, campaign):
    propose(client, capacity="40")
    assert LocalEvent.objects.get().capacity == 40
    propose(client, capacity="", city="Utrecht")
    assert LocalEvent.objects.get(city="Utrecht").capacity is None


@pytest.mark.parametrize("capacity", ["0", "-3", str(MAX_CAPACITY + 1), "99999999999999999999999"])
def test_impossible_numbers_of_places_are_refused(client, campaign, capacity):
    response = propose(client, capacity=capacity)
    assert response.status_code == 200 and not LocalEvent.objects.exists()


def test_the_automatic_title_names_the_city_once(client):
    CampaignFactory(
        slug="may", title="Protest in Utrecht", is_open_for_proposals=True,
        starts_on="2030-05-13", ends_on="2030-05-14",
    )  # fmt: skip
    propose(client, city="Utrecht")
    propose(client, city="Amersfoort")
    titles = set(LocalEvent.objects.values_list("title", flat=True))
    assert titles == {"Protest in Utrecht", "Protest in Utrecht · Amersfoort"}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.sampled_from(["native", "external", "other", ""]),
    url=st.one_of(st.just(""), st.just("https://lu.ma/x"), st.text(max_size=40)),
    capacity=st.one_of(
        st.just(""), st.integers(-5, MAX_CAPACITY + 5).map(str), st.text(max_size=8)
    ),
)
def test_any_signup_input_gives_a_clear_answer(campaign, method, url, capacity):
    form = ProposalForm(
        proposal_data(signup_method=method, signup_url=url, capacity=capacity), campaign=campaign
    )
    if form.is_valid():
        data = form.cleaned_data
        assert method in {"native", "external"}
        assert (data["signup_url"] == "") == (method == "native")
        assert data["capacity"] is None or 1 <= data["capacity"] <= MAX_CAPACITY
    else:
        assert form.errors
