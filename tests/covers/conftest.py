import pytest

from tests.factories import LocalEventFactory, UserFactory
from tests.scale.conftest import moto_server, s3_media  # noqa: F401  (S3 fixtures, test_s3.py)


@pytest.fixture
def event():
    return LocalEventFactory(city="Utrecht", title="Klimaatmars Utrecht")


@pytest.fixture
def campaign(event):
    return event.campaign


@pytest.fixture
def organizer(event):
    person = UserFactory(name="Anouk de Vries")
    event.organizers.add(person)
    return person


@pytest.fixture
def coordinator(campaign):
    person = UserFactory(name="Łukasz Nowak")
    campaign.coordinators.add(person)
    return person
