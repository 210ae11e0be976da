"""Once the event is over a signup is no longer cancelled, whichever way the request comes:
the service refuses with a message, the record of who came stays as it was."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
from turnout.signups.services.registration import CancellingClosed, cancel_signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_signup():
    now = timezone.now()
    event = LocalEventFactory(
        capacity=1, starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    SignupFactory(event=event, state=Signup.State.WAITLISTED, waitlisted_at=now - timedelta(days=1))
    return SignupFactory(event=event, state=Signup.State.ATTENDED)


def test_the_service_refuses_to_cancel_after_the_event_with_a_message(past_signup):
    with pytest.raises(CancellingClosed) as refused:
        cancel_signup(token=past_signup.token, now=past_signup.event.ends_at)
    assert refused.value.messages == [
        "The event is over, so this signup can no longer be cancelled."
    ]
    past_signup.refresh_from_db()
    assert (past_signup.state, past_signup.cancelled_at) == (Signup.State.ATTENDED, None)
    assert not OutboxMessage.objects.exists()
    assert past_signup.event.signups.filter(state=Signup.State.WAITLISTED).count() == 1


def test_cancelling_just_before_the_end_still_works(past_signup):
    cancel_signup(token=past_signup.token, now=past_signup.event.ends_at - timedelta(seconds=1))
    past_signup.refresh_from_db()
    assert past_signup.state == Signup.State.CANCELLED


def test_a_posted_cancel_after_the_event_says_why_and_changes_nothing(client, past_signup):
    response = client.post(f"/nl/signups/{past_signup.token}/cancel/", follow=True)
    text = response.content.decode()
    assert response.status_code == 200
    assert "kan deze aanmelding niet meer worden geannuleerd" in text
    past_signup.refresh_from_db()
    assert past_signup.state == Signup.State.ATTENDED
