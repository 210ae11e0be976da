"""The campaign report: its numbers against the data, the page it turns into, the print view."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.media.images import plain_image
from tests.press.factories import PressMentionFactory
from turnout.campaigns.models import Campaign
from turnout.media import services as media_services
from turnout.organizing.report import campaign_report
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db
AFTER = date(2030, 6, 1)


def add_signups(event, **per_state):
    moment = datetime(2030, 5, 1, tzinfo=UTC)
    for state, count in per_state.items():
        for n in range(count):
            Signup.objects.create(
                event=event,
                email=f"{state}{n}@example.org",
                state=state,
                created_at=moment,
                attended_at=moment + timedelta(days=14) if state == "attended" else None,
            )


@pytest.fixture
def finished(db):
    campaign = CampaignFactory(slug="may", title="May protest", starts_on=date(2030, 5, 13))
    utrecht = LocalEventFactory(campaign=campaign, city="Utrecht", status="completed")
    LocalEventFactory(campaign=campaign, city="Den Haag", status="completed")
    LocalEventFactory(
        campaign=campaign,
        city="Oslo",
        country="NO",
        timezone="Europe/Oslo",
        status="completed",
        signup_url="https://www.facebook.com/events/1",
    )
    LocalEventFactory(campaign=campaign, city="Paris", country="FR", status="cancelled")
    LocalEventFactory(campaign=campaign, city="Rome", country="IT", status="rejected")
    PressMentionFactory(campaign=campaign, title="Public story")
    PressMentionFactory(campaign=campaign, title="Pending story", state="pending")
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    media_services.upload_photos(
        uploads=[media_services.Upload("a.png", plain_image(size=(500, 300)))],
        uploaded_by=coordinator,
        now=datetime(2030, 5, 14, tzinfo=UTC),
        event=utrecht,
        alt_text="Banner in Utrecht",
    )
    return campaign


def test_report_counts_places_signups_attendance_press_and_photos(finished):
    utrecht = finished.events.get(city="Utrecht")
    haag = finished.events.get(city="Den Haag")
    add_signups(
        utrecht, confirmed=3, attended=5, cancelled=2, waitlisted=1, awaiting_confirmation=4
    )
    add_signups(haag, confirmed=2)
    report = campaign_report(finished, today=AFTER)
    assert (report.reach.cities, report.reach.countries) == (3, 2)
    assert report.event_count == 3  # cancelled and rejected events did not take part
    assert [c.name for c in report.countries] == ["Netherlands", "Norway"]
    lines = {line.event.city: line for c in report.countries for line in c.lines}
    assert (lines["Utrecht"].signups, lines["Utrecht"].attended) == (8, 5)
    assert (lines["Den Haag"].signups, lines["Den Haag"].attended) == (2, None)
    assert (lines["Oslo"].signups, lines["Oslo"].attended) == (None, None)  # on Facebook
    assert (report.signups, report.events_with_signups) == (10, 2)
    assert (report.attended, report.events_with_attendance) == (5, 1)
    assert [m.title for m in report.press] == ["Public story"]
    assert [p.photo.alt_text for p in report.photos] == ["Banner in Utrecht"]


def test_when_every_event_took_signups_elsewhere_the_report_says_nothing_about_signups(finished):
    finished.events.update(signup_url="https://www.facebook.com/events/1")
    report = campaign_report(finished, today=AFTER)
    assert (report.signups, report.attended, report.events_with_signups) == (None, None, 0)
    assert report.reach.cities == 3


def test_updated_on_is_the_day_of_the_last_change_shown_in_the_report(finished):
    long_ago = datetime(2030, 5, 1, tzinfo=UTC)
    Campaign.objects.filter(pk=finished.pk).update(updated_at=long_ago)
    for related in (finished.events, finished.photos, finished.press_mentions):
        related.update(updated_at=long_ago)
    finished.refresh_from_db()
    assert campaign_report(finished, today=AFTER).updated_on == date(2030, 5, 1)
    with time_machine.travel(datetime(2030, 5, 20, 12, tzinfo=UTC), tick=False):
        PressMentionFactory(campaign=finished, title="Late story")
    with time_machine.travel(datetime(2030, 5, 25, 12, tzinfo=UTC), tick=False):
        PressMentionFactory(campaign=finished, title="Not shown", state="pending")
    assert campaign_report(finished, today=AFTER).updated_on == date(2030, 5, 20)


@time_machine.travel(datetime(2030, 6, 1, 12, tzinfo=UTC), tick=False)
def test_after_its_window_the_campaign_page_is_its_report(client, finished):
    add_signups(finished.events.get(city="Utrecht"), confirmed=2, attended=3)
    text = client.get("/en/campaigns/may/").content.decode()
    assert 'id="report-heading"' in text
    assert "<dt>Cities</dt><dd>3</dd>" in text and "<dt>Countries</dt><dd>2</dd>" in text
    assert "<dt>Signed up</dt><dd>5</dd>" in text and "<dt>Attended</dt><dd>3</dd>" in text
    assert "Updated on" in text and "/en/campaigns/may/report/" in text
    assert "Public story" in text and 'alt="Banner in Utrecht"' in text
    dutch = client.get("/nl/campaigns/may/").content.decode()
    assert "<dt>Steden</dt><dd>3</dd>" in dutch and "Bijgewerkt op" in dutch


@time_machine.travel(datetime(2030, 5, 13, 12, tzinfo=UTC), tick=False)
def test_during_its_window_the_campaign_page_is_not_a_report(client, finished):
    text = client.get("/en/campaigns/may/").content.decode()
    assert 'id="report-heading"' not in text
    assert client.get("/en/campaigns/may/report/").status_code == 404


@time_machine.travel(datetime(2030, 6, 1, 12, tzinfo=UTC), tick=False)
def test_the_printable_report_lists_every_place_with_its_numbers(client, finished):
    add_signups(finished.events.get(city="Utrecht"), confirmed=4)
    response = client.get("/en/campaigns/may/report/")
    assert response.status_code == 200
    text = response.content.decode()
    assert '<th scope="row">Utrecht</th>' in text and '<th scope="row">Oslo</th>' in text
    assert "Paris" not in text and "Rome" not in text
    assert "<td>4</td>" in text
    assert 'loading="lazy"' not in text  # every photo is there when the page is printed
    assert "Public story" in text and "Pending story" not in text
    assert client.get("/nl/campaigns/may/report/").status_code == 200
