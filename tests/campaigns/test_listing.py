"""Rows of events as lists render them: each state's action, escaping, languages, links."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.links import event_path
from turnout.campaigns.listing import EventRows, RowOptions, event_rows, signup_action
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam_event(**fields) -> LocalEvent:
    fields.setdefault("starts_at", datetime(2030, 5, 13, 14, tzinfo=AMSTERDAM))
    fields.setdefault("ends_at", datetime(2030, 5, 13, 16, tzinfo=AMSTERDAM))
    fields.setdefault("city", "The Hague")
    return LocalEventFactory(country="NL", timezone="Europe/Amsterdam", **fields)


@time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False)
def test_a_row_shows_place_time_venue_and_signup_here():
    event = amsterdam_event(venue="Plein", signup_url="")
    with translation.override("nl"):
        row = event_rows([event], show_country=True)
    assert f'<a class="event-place" href="/nl/events/{event.pk}/">Den Haag, Nederland</a>' in row
    assert '<time datetime="2030-05-13T14:00:00+02:00">ma 13 mei, 14:00–16:00 CEST</time>' in row
    assert " · Plein</div>" in row
    assert f'<a class="button" href="/nl/events/{event.pk}/#signup">Aanmelden' in row


@time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False)
def test_every_state_has_its_own_action():
    facebook = amsterdam_event(signup_url="https://www.facebook.com/events/1")
    tba = amsterdam_event(status=LocalEvent.Status.DETAILS_TBA)
    cancelled = amsterdam_event(status=LocalEvent.Status.CANCELLED)
    past = amsterdam_event(
        signup_url="https://lu.ma/abc",
        starts_at=datetime(2030, 4, 1, 14, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 4, 1, 16, tzinfo=AMSTERDAM),
    )
    with translation.override("en"):
        assert signup_action(facebook) == (
            '<a class="button" href="https://www.facebook.com/events/1" rel="noopener noreferrer'
            ' external">Sign up on Facebook<span class="visually-hidden"> (The Hague)</span></a>'
        )
        assert signup_action(tba) == '<span class="tba">Details to be announced</span>'
        assert signup_action(cancelled) == '<span class="status-cancelled">Cancelled</span>'
        assert signup_action(past).startswith('<span class="event-past">Took place</span> · <a ')
        assert "Event page on lu.ma" in signup_action(past)


def test_what_organizers_typed_is_escaped():
    campaign = CampaignFactory(title='<b>"Day"</b>')
    event = amsterdam_event(
        campaign=campaign,
        title="<script>alert(1)</script>",
        city='<img src=x onerror="1">',
        venue="Café & <Bar>",
        signup_url='https://lu.ma/x"onmouseover="alert(1)',
    )
    row = event_rows([event], show_title=True)
    assert "<script>" not in row and "<img" not in row and "<b>" not in row
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in row
    assert "Café &amp; &lt;Bar&gt;" in row
    assert 'href="https://lu.ma/x&quot;onmouseover=&quot;alert(1)"' in row
    assert '<span class="event-campaign"> · &lt;b&gt;&quot;Day&quot;&lt;/b&gt;</span>' in row


def test_a_nearby_row_carries_its_distance():
    event = amsterdam_event()
    row = EventRows(RowOptions(show_title=True)).row(event, distance="3.4 km")
    assert '<span class="event-distance">· 3.4 km</span>' in row


def test_event_paths_follow_the_active_language():
    event = amsterdam_event()
    for language in ("en", "nl"):
        with translation.override(language):
            assert event_path(event.pk) == reverse("campaigns:event_detail", args=[event.pk])
            assert event.get_absolute_url() == f"/{language}/events/{event.pk}/"


def test_rows_of_the_same_instant_keep_their_own_zones():
    # 12:00 in London and 13:00 in Amsterdam are the same instant: equal as datetimes, so a
    # cache keyed on them would give both rows the first one's local time.
    london = ZoneInfo("Europe/London")
    start = datetime(2030, 5, 13, 12, tzinfo=london)
    in_london = LocalEventFactory(
        city="London", country="GB", timezone="Europe/London", starts_at=start,
        ends_at=start + timedelta(hours=2),
    )  # fmt: skip
    in_amsterdam = amsterdam_event(
        starts_at=start.astimezone(AMSTERDAM), ends_at=(start + timedelta(hours=2))
    )
    with translation.override("en"):
        rows = event_rows([in_london, in_amsterdam])
    assert "12:00–14:00 BST" in rows
    assert "13:00–15:00 CEST" in rows
