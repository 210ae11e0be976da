"""Survey answers reach the event's organizers and the coordinators, and nobody else."""

from datetime import UTC, datetime

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.signups.models import Signup
from turnout.signups.services.privacy import anonymize_expired_signups

pytestmark = pytest.mark.django_db

MOMENT = datetime(2030, 5, 14, 8, tzinfo=UTC)
COMMENT = "Loved it & the <marshals> — Ada, 06-12345678"


@pytest.fixture
def event():
    event = LocalEventFactory(title="Protest in Utrecht", city="Utrecht", status="completed")
    signup = SignupFactory(event=event, state=Signup.State.ATTENDED)
    FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=MOMENT)
    SurveyAnswer.objects.create(
        signup=signup, how_was_it=5, would_come_again="yes", comment=COMMENT, answered_at=MOMENT
    )
    return event


def answers_page(client, event, user=None, language="en"):
    if user is not None:
        client.force_login(user)
    return client.get(f"/{language}/follow-up/event/{event.pk}/")


@pytest.mark.parametrize("role", ["organizer", "coordinator"])
def test_organizers_and_coordinators_read_the_answers_and_comments(client, event, role):
    user = UserFactory()
    if role == "organizer":
        event.organizers.add(user)
    else:
        event.campaign.coordinators.add(user)
    page = answers_page(client, event, user)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Loved it &amp; the &lt;marshals&gt; — Ada, 06-12345678" in html
    assert "Great" in html and "100%" in html


def test_the_answers_page_in_dutch(client, event):
    user = UserFactory()
    event.organizers.add(user)
    html = answers_page(client, event, user, language="nl").content.decode()
    assert "Antwoorden op de enquête" in html and "Geweldig" in html


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other organizer", "other coordinator"])
def test_nobody_else_learns_anything(client, event, who):
    user = None
    if who != "anonymous":
        user = UserFactory()
    if who == "other organizer":
        LocalEventFactory(campaign=event.campaign).organizers.add(user)
    elif who == "other coordinator":
        CampaignFactory().coordinators.add(user)
    page = answers_page(client, event, user)
    assert page.status_code in (302, 404)
    assert COMMENT not in page.content.decode()


def test_answers_are_not_in_the_api_or_feeds(client, event):
    for path in [
        "/api/v1/events/",
        f"/api/v1/events/{event.pk}/",
        f"/api/v1/campaigns/{event.campaign.slug}/",
        "/feeds/events.ics",
        f"/feeds/campaigns/{event.campaign.slug}.ics",
        "/feeds/campaigns.rss",
    ]:
        body = client.get(path).content.decode()
        assert "Loved it" not in body, path
        assert "how_was_it" not in body and "would_come_again" not in body, path


def test_the_retention_sweep_clears_comments_and_keeps_the_anonymous_rating(event):
    anonymize_expired_signups(now=datetime(2031, 1, 1, tzinfo=UTC))
    answer = SurveyAnswer.objects.get()
    assert answer.comment == "" and answer.how_was_it == 5
    assert answer.signup.is_anonymized


def test_the_participants_own_export_has_their_role_and_survey_answer(client, event):
    """The privacy export lists what roles and follow-up hold about the person too."""
    from tests.roles.factories import EventRoleFactory
    from turnout.roles.models import RoleAssignment
    from turnout.signups.selectors import personal_data

    signup = Signup.objects.get(event=event)
    marshal = EventRoleFactory(event=event, kind="other", custom_name="Banner carrier", capacity=2)
    RoleAssignment.objects.create(role=marshal, signup=signup, state="accepted", created_at=MOMENT)
    SignupFactory(event=event, email="other@example.org")  # holds nothing of these

    data = personal_data(signup.email)
    [entry] = data["signups"]
    assert entry["role"] == {
        "name": "Banner carrier",
        "state": "accepted",
        "since": MOMENT.isoformat(),
    }
    assert entry["survey_answer"] == {
        "how_was_it": 5,
        "would_come_again": "yes",
        "comment": COMMENT,
        "answered_at": MOMENT.isoformat(),
    }
    assert entry["referral_code"] == signup.referral_code
    [other] = personal_data("other@example.org")["signups"]
    assert "role" not in other and "survey_answer" not in other
