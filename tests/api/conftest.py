from datetime import UTC, date, datetime

import pytest
import time_machine

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory


@pytest.fixture(autouse=True)
def first_of_may_2030():
    with time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def organizer(db):
    return UserFactory(email="organizer.secret@example.org", name="Orla Organizer")


@pytest.fixture
def may(db, organizer):
    campaign = CampaignFactory(slug="may", title="May action", starts_on=date(2030, 5, 13))
    campaign.coordinators.add(organizer)
    for city, country, zone, lat, lon in [
        ("London", "GB", "Europe/London", 51.5074, -0.1278),
        ("Oxford", "GB", "Europe/London", 51.752, -1.2577),
        ("Den Haag", "NL", "Europe/Amsterdam", 52.0705, 4.3007),
    ]:
        event = LocalEventFactory(
            campaign=campaign, city=city, country=country, timezone=zone,
            latitude=lat, longitude=lon,
        )  # fmt: skip
        event.organizers.add(organizer)
    LocalEventFactory(campaign=campaign, city="Berlin", country="DE", status="cancelled",
                      timezone="Europe/Berlin")  # fmt: skip
    LocalEventFactory(campaign=campaign, city="Hidden", country="FR", status="proposed")
    CampaignFactory(slug="secret-draft", status="draft")
    return campaign
