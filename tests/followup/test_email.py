"""The follow-up as it arrives over real SMTP, in English and Dutch, and the links in it."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import LocalEventFactory
from tests.groups.factories import LocalGroupFactory
from tests.signups.factories import SignupFactory
from turnout.followup import services
from turnout.followup.models import SurveyAnswer
from turnout.notifications import outbox
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2030, 5, 13, 13, tzinfo=AMSTERDAM)
DUE = datetime(2030, 5, 14, 8, tzinfo=UTC)


@pytest.fixture
def event():
    group = LocalGroupFactory(city="Amsterdam")
    event = LocalEventFactory(
        title="Protest in Amsterdam",
        latitude=52.3676,
        longitude=4.9041,
        group=group,
        starts_at=START,
        ends_at=START + timedelta(hours=2),
    )
    LocalEventFactory(
        title="Meet-up Amsterdam",
        group=group,
        campaign=event.campaign,
        latitude=52.37,
        longitude=4.89,
        starts_at=datetime(2030, 6, 3, 19, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 6, 3, 21, tzinfo=AMSTERDAM),
    )
    LocalEventFactory(
        title="Protest in Utrecht",
        city="Utrecht",
        latitude=52.0907,
        longitude=5.1214,
        starts_at=datetime(2030, 6, 10, 14, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 6, 10, 16, tzinfo=AMSTERDAM),
    )
    return event


def deliver(smtp_server):
    services.queue_due_follow_ups(now=DUE)
    with time_machine.travel(DUE, tick=False):
        outbox.deliver_due()
    return smtp_server


def bodies(message) -> tuple[str, str]:
    return (
        message.get_body(("plain",)).get_content(),
        message.get_body(("html",)).get_content(),
    )


def test_the_thanks_arrives_in_english_with_survey_press_and_next_actions(event, smtp_server):
    ada = SignupFactory(
        event=event, state=Signup.State.ATTENDED, email="ada@example.org", name="Ada", language="en"
    )
    (message,) = deliver(smtp_server).to("ada@example.org")
    assert message["Subject"] == "Thank you for coming: Protest in Amsterdam"
    text, html = bodies(message)
    assert "Hello Ada," in text and "Thank you for coming to Protest in Amsterdam" in text
    for score in range(1, 6):
        link = f"/en/follow-up/{ada.token}/?how={score}"
        assert link in text and link in html
    assert "Great:" in text and ">Great</a>" in html
    assert f"/en/press/submit/event/{event.pk}/" in text
    assert "What's next near you" in text
    assert "Your group's next meet-up: Meet-up Amsterdam" in text
    assert "Protest in Utrecht" in text and "34 km" in text
    assert "Monday, 10 June 2030, 14:00–16:00 CEST · Utrecht · 34 km" in text


def test_the_dutch_thanks_and_the_gentler_no_show_version(event, smtp_server):
    SignupFactory(
        event=event, state=Signup.State.ATTENDED, email="jan@example.org", name="Jan", language="nl"
    )
    away = SignupFactory(
        event=event,
        state=Signup.State.CONFIRMED,
        email="els@example.org",
        name="Els",
        language="nl",
    )
    deliver(smtp_server)
    (thanks,) = smtp_server.to("jan@example.org")
    assert thanks["Subject"] == "Bedankt dat je er was: Protest in Amsterdam"
    assert thanks["Content-Language"] == "nl"
    text, html = bodies(thanks)
    assert "Hallo Jan," in text and "Hoe was het?" in text
    assert "Geweldig:" in text and ">Slecht</a>" in html
    assert "/nl/follow-up/" in text and "/nl/press/submit/event/" in text
    assert "Binnenkort bij jou in de buurt" in text
    assert "De volgende bijeenkomst van je groep: Meet-up Amsterdam" in text
    assert "maandag 10 juni 2030" in text
    (gentle,) = smtp_server.to("els@example.org")
    assert gentle["Subject"] == "Hopelijk zien we je de volgende keer: Protest in Amsterdam"
    text, html = bodies(gentle)
    assert "We hebben je niet gezien bij Protest in Amsterdam" in text
    assert "?how=" not in text  # no rating buttons for someone who was not there
    assert f"/nl/follow-up/{away.token}/" in text  # but a way in, if they were after all
    assert "Meet-up Amsterdam" in html


def test_hostile_names_and_titles_stay_text(smtp_server):
    event = LocalEventFactory(
        title="Tom & Jerry's <b>protest</b>", starts_at=START, ends_at=START + timedelta(hours=2)
    )
    SignupFactory(
        event=event, state=Signup.State.ATTENDED, email="o@example.org", name="Zoë O'Brien <script>"
    )
    (message,) = deliver(smtp_server).to("o@example.org")
    text, html = bodies(message)
    assert "Hello Zoë O'Brien <script>," in text
    assert "<script>" not in html and "Zoë O&#x27;Brien &lt;script&gt;" in html
    assert "<b>protest</b>" not in html
    assert message["Subject"] == "Thank you for coming: Tom & Jerry's <b>protest</b>"


def test_a_rating_link_from_the_email_opens_the_survey_and_only_a_post_saves(
    event, smtp_server, client
):
    SignupFactory(event=event, state=Signup.State.ATTENDED, email="ada@example.org")
    (message,) = deliver(smtp_server).to("ada@example.org")
    link = re.search(r"http://\S+/en/follow-up/[\w-]+/\?how=4", bodies(message)[0]).group(0)
    path = "/" + link.split("/", 3)[3]
    page = client.get(path)
    assert page.status_code == 200
    assert re.search(r'value="4"[^>]*checked', page.content.decode())
    assert not SurveyAnswer.objects.exists()
    answered = client.post(path.split("?")[0], {"how_was_it": "4", "would_come_again": "yes"})
    assert answered.status_code == 302
    assert SurveyAnswer.objects.get().how_was_it == 4
