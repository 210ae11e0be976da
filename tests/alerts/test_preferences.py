"""Who gets what: each kind's default, a person's own choice, and "off"."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.factories import CampaignFactory, UserFactory
from turnout.alerts.models import AlertPreference
from turnout.alerts.preferences import (
    choose_by_token,
    choose_frequency,
    choosing,
    preference_of,
    preferences_with_tokens,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "chosen", "asked", "gets_it"),
    [
        # Defaults, when the person never chose.
        ("proposals", None, "immediately", True),
        ("proposals", None, "daily", False),
        ("signups", None, "daily", True),
        ("signups", None, "hourly", False),
        ("nearly_full", None, "immediately", True),
        # Their own choice.
        ("proposals", "daily", "daily", True),
        ("proposals", "daily", "immediately", False),
        ("signups", "hourly", "hourly", True),
        ("signups", "hourly", "daily", False),
        # Off is off.
        ("proposals", "off", "immediately", False),
        ("proposals", "off", "daily", False),
        ("signups", "off", "daily", False),
        ("signups", "off", "hourly", False),
        ("nearly_full", "off", "immediately", False),
    ],
)
def test_who_gets_what(campaign, kind, chosen, asked, gets_it):
    person = UserFactory()
    scope = {"campaign": campaign} if kind == "proposals" else {}
    if chosen:
        choose_frequency(user=person, kind=kind, frequency=chosen, **scope)
    chosen_people = [user for user, _row in choosing([person], kind=kind, frequency=asked, **scope)]
    assert (person in chosen_people) is gets_it


def test_an_inactive_person_gets_nothing(campaign):
    person = UserFactory(is_active=False)
    assert choosing([person], kind="signups", frequency="daily") == []


def test_a_choice_per_campaign_does_not_change_another_campaign(campaign):
    other = CampaignFactory()
    person = UserFactory()
    choose_frequency(user=person, kind="proposals", campaign=campaign, frequency="off")
    assert preference_of(person, kind="proposals", campaign=campaign).is_off
    assert preference_of(person, kind="proposals", campaign=other).effective_frequency == (
        "immediately"
    )


@pytest.mark.parametrize(
    ("kind", "frequency"),
    [
        ("proposals", "hourly"),
        ("signups", "immediately"),
        ("nearly_full", "daily"),
        ("signups", ""),
    ],
)
def test_a_frequency_the_kind_does_not_offer_is_refused(campaign, kind, frequency):
    person = UserFactory()
    scope = {"campaign": campaign} if kind == "proposals" else {}
    with pytest.raises(ValidationError):
        choose_frequency(user=person, kind=kind, frequency=frequency, **scope)
    assert not AlertPreference.objects.exists()
    [row] = preferences_with_tokens([person], kind=kind, **scope).values()
    with pytest.raises(ValidationError):
        choose_by_token(token=row.token, frequency=frequency)
    row.refresh_from_db()
    assert row.frequency == ""


def test_proposal_choices_need_a_campaign_and_the_others_none(campaign):
    person = UserFactory()
    with pytest.raises(ValueError):
        preference_of(person, kind="proposals")
    with pytest.raises(ValueError):
        preference_of(person, kind="signups", campaign=campaign)
    with pytest.raises(IntegrityError):
        AlertPreference.objects.create(user=person, kind="signups", campaign=campaign)


def test_stopping_forgets_the_digest_mark_so_switching_on_starts_afresh(campaign):
    person = UserFactory()
    row = choose_frequency(user=person, kind="signups", frequency="hourly")
    AlertPreference.objects.filter(pk=row.pk).update(
        digest_sent_up_to=datetime(2030, 1, 1, tzinfo=UTC)
    )
    choose_by_token(token=row.token, frequency="off")
    row.refresh_from_db()
    assert (row.frequency, row.digest_sent_up_to) == ("off", None)
