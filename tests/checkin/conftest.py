from datetime import timedelta

import pytest
import time_machine

from tests.factories import LocalEventFactory, UserFactory


@pytest.fixture
def event(db):
    return LocalEventFactory(title="Protest in Utrecht", city="Utrecht", venue="Neude")


@pytest.fixture
def organizer(event):
    user = UserFactory(email="door@example.org")
    event.organizers.add(user)
    return user


@pytest.fixture
def at_the_door(event):
    """Half an hour before the start: people are arriving."""
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False) as traveller:
        yield traveller
