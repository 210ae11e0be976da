"""What the answers tell: per city for coordinators, and never on the public report."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.followup.selectors import survey_summary
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

AFTER = datetime(2030, 6, 1, 12, tzinfo=UTC)
MOMENT = datetime(2030, 5, 14, 8, tzinfo=UTC)


def attended(event, answers=()):
    """One attended signup per answer (how, again) and one more without an answer."""
    for how, again in answers:
        signup = SignupFactory(event=event, state=Signup.State.ATTENDED)
        FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=MOMENT)
        SurveyAnswer.objects.create(
            signup=signup,
            how_was_it=how,
            would_come_again=again,
            comment="Secret: the marshals were late",
            answered_at=MOMENT,
        )
    SignupFactory(event=event, state=Signup.State.ATTENDED)


@pytest.fixture
def campaign():
    campaign = CampaignFactory(slug="may", title="May protest", starts_on=date(2030, 5, 13))
    amsterdam = LocalEventFactory(campaign=campaign, city="Amsterdam", status="completed")
    amsterdam_west = LocalEventFactory(campaign=campaign, city="Amsterdam ", status="completed")
    utrecht = LocalEventFactory(campaign=campaign, city="Utrecht", status="completed")
    online = LocalEventFactory(
        campaign=campaign,
        city="",
        country="",
        attendance_mode=LocalEvent.AttendanceMode.ONLINE,
        status="completed",
    )
    LocalEventFactory(campaign=campaign, city="Gouda", status="completed")  # nobody came
    attended(amsterdam, [(5, "yes"), (4, "yes")])
    attended(amsterdam_west, [(2, "no")])
    attended(utrecht)
    attended(online, [(3, "maybe")])
    SignupFactory(event=utrecht, state=Signup.State.CONFIRMED)  # a no-show counts nowhere here
    return campaign


def test_the_summary_is_per_city_with_attendance_satisfaction_and_come_again(campaign):
    lines = {(line.city, line.country): line for line in survey_summary(campaign)}
    assert list(lines) == [("Amsterdam", "NL"), ("Utrecht", "NL"), ("", "")]
    amsterdam = lines["Amsterdam", "NL"]
    assert (amsterdam.attended, amsterdam.answers) == (5, 3)
    assert amsterdam.average == pytest.approx(3.7)
    assert amsterdam.would_come_again_percent == 67
    utrecht = lines["Utrecht", "NL"]
    assert (utrecht.attended, utrecht.answers, utrecht.average) == (1, 0, None)
    assert utrecht.would_come_again_percent is None
    online = lines["", ""]
    assert (online.attended, online.answers, online.average) == (2, 1, 3.0)


def test_another_campaigns_answers_do_not_count(campaign):
    other = LocalEventFactory(campaign=CampaignFactory(), city="Amsterdam")
    attended(other, [(1, "no")])
    amsterdam = survey_summary(campaign)[0]
    assert amsterdam.answers == 3


def report_page(client, language="en", user=None):
    with time_machine.travel(AFTER, tick=False):  # sessions expire: sign in then too
        if user is not None:
            client.force_login(user)
        return client.get(f"/{language}/campaigns/may/report/").content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "average"),
    [("en", "How it went", "3.7"), ("nl", "Hoe het ging", "3,7")],
)
def test_a_coordinator_sees_satisfaction_per_city(client, campaign, language, heading, average):
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    html = report_page(client, language, user=coordinator)
    assert heading in html
    assert f"<td>{average}</td>" in html and "<td>67%</td>" in html
    assert "Secret: the marshals were late" not in html  # comments are not in the report


def test_the_public_report_shows_only_counts(client, campaign):
    html = report_page(client)
    assert "Attended" in html  # the counts are public
    assert "How it went" not in html and "3.7" not in html and "67%" not in html


@pytest.mark.parametrize("who", ["stranger", "organizer", "other coordinator"])
def test_people_who_do_not_coordinate_this_campaign_see_no_answers(client, campaign, who):
    user = UserFactory()
    if who == "organizer":
        campaign.events.first().organizers.add(user)
    elif who == "other coordinator":
        CampaignFactory().coordinators.add(user)
    html = report_page(client, user=user)
    assert "How it went" not in html and "3.7" not in html
