"""Factories for signups and helpers to fill the public form like a person would."""

from datetime import datetime, timedelta

import factory
from django.utils import timezone

from tests.factories import LocalEventFactory
from turnout.signups import abuse
from turnout.signups.models import Signup


class SignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signup

    event = factory.SubFactory(LocalEventFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    language = "en"
    accepted_code_of_conduct = True
    state = Signup.State.CONFIRMED
    created_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(
        lambda s: s.created_at if s.state != Signup.State.AWAITING_CONFIRMATION else None
    )


def form_data(*, shown_at: datetime | None = None, **fields) -> dict:
    """What the signup form posts, as if it had been on screen for a minute."""
    shown_at = shown_at or timezone.now() - timedelta(minutes=1)
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "phone": "",
        "accepted_code_of_conduct": "on",
        "website": "",
        "stamp": abuse.issue_form_stamp(now=shown_at),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}
