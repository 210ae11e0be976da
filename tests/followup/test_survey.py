"""The survey page: a GET never writes, a POST saves or says clearly what is wrong."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.followup.forms import SurveyForm, rating_from_link
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.signups.models import Signup
from turnout.signups.services.privacy import erase_personal_data

pytestmark = pytest.mark.django_db

SENT = datetime(2030, 5, 14, 8, tzinfo=UTC)


@pytest.fixture
def signup():
    event = LocalEventFactory(title="Protest in Utrecht", city="Utrecht")
    signup = SignupFactory(event=event, state=Signup.State.ATTENDED, email="ada@example.org")
    FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=SENT)
    return signup


def url(signup, language="en") -> str:
    return f"/{language}/follow-up/{signup.token}/"


@pytest.mark.parametrize("how", ["1", "3", "5", "", "0", "6", "x", "44", "-1", "٣"])
def test_opening_any_link_saves_nothing(client, signup, how):
    page = client.get(url(signup) + f"?how={how}")
    assert page.status_code == 200
    assert not SurveyAnswer.objects.exists()
    assert page["Cache-Control"].startswith("max-age=0")
    assert '<meta name="robots" content="noindex">' in page.content.decode()


def test_the_chosen_rating_is_preselected_and_nothing_else(client, signup):
    html = client.get(url(signup) + "?how=2").content.decode()
    checked = re.findall(r"<input[^>]*checked[^>]*>", html)
    assert len(checked) == 1 and 'value="2"' in checked[0]
    assert "checked" not in client.get(url(signup) + "?how=9").content.decode()


def test_an_earlier_answer_is_shown_and_a_new_link_changes_only_the_rating(client, signup):
    client.post(url(signup), {"how_was_it": "3", "would_come_again": "no", "comment": "Cold"})
    html = client.get(url(signup) + "?how=5").content.decode()
    checked = re.findall(r"<input[^>]*checked[^>]*>", html)
    assert ['value="5"' in c for c in checked] == [True, False]
    assert 'value="no"' in checked[1] and "Cold</textarea>" in html
    assert SurveyAnswer.objects.get().how_was_it == 3


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["How was it?", "Would you come again?", "Great", "Maybe", "Send my answer"]),
        (
            "nl",
            [
                "Hoe was het?",
                "Zou je nog eens komen?",
                "Geweldig",
                "Misschien",
                "Verstuur mijn antwoord",
            ],
        ),
    ],
)
def test_the_page_speaks_both_languages(client, signup, language, texts):
    html = client.get(url(signup, language)).content.decode()
    for text in texts:
        assert text in html


def test_posting_saves_and_thanks_and_answering_again_replaces(client, signup):
    response = client.post(
        url(signup), {"how_was_it": "5", "would_come_again": "yes", "comment": "Goed geregeld!"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/follow-up/{signup.token}/thanks/"
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you for your answer" in thanks
    client.post(url(signup), {"how_was_it": "2", "would_come_again": "maybe", "comment": ""})
    answer = SurveyAnswer.objects.get()
    assert (answer.how_was_it, answer.would_come_again, answer.comment) == (2, "maybe", "")
    again = client.get(url(signup)).content.decode()
    assert "You have answered already" in again


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"would_come_again": "yes"}, "Choose how it was, from Great to Bad."),
        ({"how_was_it": "7", "would_come_again": "yes"}, "Choose how it was, from Great to Bad."),
        ({"how_was_it": "4"}, "Say whether you would come again: yes, maybe or no."),
        ({"how_was_it": "4", "would_come_again": "often"}, "Say whether you would come again"),
        (
            {"how_was_it": "4", "would_come_again": "no", "comment": "x" * 501},
            "Ensure this value has at most 500 characters",
        ),
    ],
)
def test_bad_answers_are_refused_clearly_and_nothing_is_saved(client, signup, data, message):
    page = client.post(url(signup), data)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert 'role="alert"' in page.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_dutch_errors(client, signup):
    page = client.post(url(signup, "nl"), {"how_was_it": "4"})
    assert "Zeg of je nog eens zou komen: ja, misschien of nee." in page.content.decode()


def test_unknown_links_and_people_without_a_follow_up_find_nothing(client, signup):
    assert client.get("/en/follow-up/not-a-token/").status_code == 404
    other = SignupFactory(event=signup.event, state=Signup.State.ATTENDED)
    assert client.get(url(other)).status_code == 404  # no follow-up was sent to them
    assert (
        client.post(url(other), {"how_was_it": "4", "would_come_again": "yes"}).status_code == 404
    )
    assert not SurveyAnswer.objects.exists()


def test_the_link_dies_when_the_person_is_erased_and_the_comment_goes(client, signup):
    old = url(signup)
    client.post(old, {"how_was_it": "4", "would_come_again": "yes", "comment": "I am Ada, call me"})
    erase_personal_data(email="ada@example.org", now=SENT + timedelta(days=1))
    answer = SurveyAnswer.objects.get()
    assert answer.comment == ""
    assert (answer.how_was_it, answer.would_come_again) == (4, "yes")  # anonymous counts stay
    assert client.get(old).status_code == 404


def test_deleting_the_signup_deletes_follow_up_and_answer(client, signup):
    client.post(url(signup), {"how_was_it": "4", "would_come_again": "yes"})
    signup.delete()
    assert not FollowUp.objects.exists() and not SurveyAnswer.objects.exists()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    how=st.one_of(st.text(max_size=5), st.integers(-10, 10).map(str)),
    again=st.one_of(st.sampled_from(["yes", "maybe", "no", "YES", " yes"]), st.text(max_size=8)),
    comment=st.text(max_size=600),
)
def test_the_form_accepts_exactly_the_scale_and_the_three_answers(how, again, comment):
    form = SurveyForm({"how_was_it": how, "would_come_again": again, "comment": comment})
    expected = (
        how.strip() in {"1", "2", "3", "4", "5"}
        and again in {"yes", "maybe", "no"}
        and len(comment.strip()) <= 500
        and "\x00" not in comment
    )
    assert form.is_valid() == expected, form.errors
    if expected:
        assert form.cleaned_data["how_was_it"] in range(1, 6)


@given(st.one_of(st.text(max_size=10), st.sampled_from(["٣", "５", "3 ", "03", "+3"])))
def test_a_link_chooses_a_rating_only_with_a_digit_from_one_to_five(value):
    chosen = rating_from_link(value)
    assert chosen == (int(value) if value in {"1", "2", "3", "4", "5"} else None)
