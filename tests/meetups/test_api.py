"""The API lists each date as an event, with the series it belongs to."""

import pytest

from tests.factories import LocalEventFactory

from .conftest import make_series

pytestmark = pytest.mark.django_db


def test_dates_are_events_with_their_series_and_one_offs_have_none(client, group, lead):
    series = make_series(group, lead)
    LocalEventFactory(campaign=None, group=group, title="Picnic")
    response = client.get("/api/v1/events/", {"group": group.slug})
    assert response.status_code == 200
    rows = response.json()["results"]
    dated = [row for row in rows if row["series"]]
    assert len(dated) == 6
    assert {row["series"]["uid"] for row in dated} == {str(series.uid)}
    assert dated[0]["series"]["rrule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert dated[0]["series"]["recurrence_id"] == "2030-03-05T19:00:00+01:00"
    assert dated[0]["series"]["url"].endswith(series.get_absolute_url())
    assert [row["series"] for row in rows if row["title"] == "Picnic"] == [None]
    one = client.get(f"/api/v1/events/{dated[1]['id']}/").json()
    assert one["series"]["recurrence_id"] == "2030-03-19T19:00:00+01:00"
