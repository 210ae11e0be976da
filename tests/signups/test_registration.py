"""Signing up, double opt-in, capacity, the waitlist and cancelling, on real rows."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.services import cancel_event
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.selectors import count_signups_by_event
from turnout.signups.services.registration import (
    REPEAT_NOTICE_AFTER,
    Outcome,
    SignupClosed,
    cancel_signup,
    confirm_signup,
    sign_up,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def signup(event, email="ada@example.org", language="en", **fields):
    """Sign up, and let the delivery worker write the letter it owes, as it does at once."""
    result = sign_up(
        event=event,
        name=fields.pop("name", "Ada Lovelace"),
        email=email,
        language=language,
        accepted_code_of_conduct=fields.pop("accepted_code_of_conduct", True),
        now=fields.pop("now", NOW),
        **fields,
    )
    write_owed_letters()
    return result


def confirm(token, now=NOW):
    confirmed = confirm_signup(token=token, now=now)
    write_owed_letters()
    return confirmed


def kinds(to: str) -> list[str]:
    return list(
        OutboxMessage.objects.filter(to_email=to).order_by("id").values_list("kind", flat=True)
    )


def test_signup_awaits_confirmation_holds_no_place_and_queues_the_confirmation_email():
    event = LocalEventFactory(capacity=1)
    result = signup(event, phone="+31 6 1234 5678", wants_updates=True, language="nl")
    assert result.outcome == Outcome.CREATED
    row = Signup.objects.get()
    assert row.state == Signup.State.AWAITING_CONFIRMATION
    assert (row.phone, row.wants_updates, row.language) == ("+31 6 1234 5678", True, "nl")
    message = OutboxMessage.objects.get()
    assert message.kind == "confirm_request"
    assert message.language == "nl"
    assert message.subject.startswith("Bevestig je aanmelding")
    assert f"/nl/signups/{row.token}/" in message.body_text
    assert count_signups_by_event([event.pk])[event.pk]["confirmed"] == 0


def test_second_signup_with_same_email_changes_nothing_and_says_so_by_email():
    event = LocalEventFactory()
    first = signup(event, "ada@example.org", name="Ada")
    confirm(first.signup.token, now=NOW)
    later = NOW + REPEAT_NOTICE_AFTER
    again = signup(event, " ADA@Example.org ", name="Someone", phone="+1 555 0100", now=later)
    assert again.outcome == Outcome.ALREADY_SIGNED_UP
    row = Signup.objects.get()
    assert (row.name, row.phone, row.state) == ("Ada", "", Signup.State.CONFIRMED)
    assert kinds("ada@example.org") == ["confirm_request", "signup_confirmed", "already_signed_up"]
    notice = OutboxMessage.objects.get(kind="already_signed_up")
    assert "nothing changed" in notice.body_text
    assert "Confirmed" in notice.body_text


def test_confirmation_takes_a_place_until_the_event_is_full_then_waitlists():
    event = LocalEventFactory(capacity=2)
    tokens = [signup(event, f"p{i}@example.org").signup.token for i in range(3)]
    states = [confirm(token, now=NOW).state for token in tokens]
    assert states == ["confirmed", "confirmed", "waitlisted"]
    assert kinds("p2@example.org") == ["confirm_request", "waitlisted"]
    invite = OutboxMessage.objects.get(to_email="p0@example.org", kind="signup_confirmed")
    assert invite.attachments[0]["filename"] == "invite.ics"
    assert invite.attachments[0]["method"] == "REQUEST"


def test_confirming_twice_is_harmless():
    event = LocalEventFactory()
    token = signup(event).signup.token
    confirm(token, now=NOW)
    confirm(token, now=NOW + timedelta(minutes=5))
    assert Signup.objects.get().confirmed_at == NOW
    assert kinds("ada@example.org") == ["confirm_request", "signup_confirmed"]


def test_cancelling_a_place_promotes_the_longest_waiting_person_and_tells_them():
    event = LocalEventFactory(capacity=1)
    holder = SignupFactory(event=event, email="holder@example.org")
    later = SignupFactory(
        event=event, state="waitlisted", waitlisted_at=NOW, email="later@example.org"
    )
    earlier = SignupFactory(
        event=event,
        state="waitlisted",
        waitlisted_at=NOW - timedelta(hours=1),
        email="earlier@example.org",
    )
    cancel_signup(token=holder.token, now=NOW)
    holder.refresh_from_db(), later.refresh_from_db(), earlier.refresh_from_db()
    assert (holder.state, earlier.state, later.state) == ("cancelled", "confirmed", "waitlisted")
    assert kinds("earlier@example.org") == ["promoted"]
    assert kinds("holder@example.org") == ["signup_cancelled"]
    cancel_note = OutboxMessage.objects.get(to_email="holder@example.org")
    assert cancel_note.attachments[0]["method"] == "CANCEL"
    assert kinds("later@example.org") == []


def test_cancelling_twice_is_harmless_and_a_waitlisted_cancellation_promotes_nobody():
    event = LocalEventFactory(capacity=1)
    SignupFactory(event=event)
    waiting = SignupFactory(event=event, state="waitlisted", waitlisted_at=NOW)
    third = SignupFactory(event=event, state="waitlisted", waitlisted_at=NOW)
    cancel_signup(token=waiting.token, now=NOW)
    cancel_signup(token=waiting.token, now=NOW)
    third.refresh_from_db()
    assert third.state == "waitlisted"
    assert OutboxMessage.objects.filter(kind="signup_cancelled").count() == 1


def test_cancelled_signup_may_sign_up_again_and_must_confirm_again():
    event = LocalEventFactory()
    first = signup(event)
    confirm(first.signup.token, now=NOW)
    cancel_signup(token=first.signup.token, now=NOW)
    again = signup(event, name="Ada L.")
    assert again.outcome == Outcome.SIGNED_UP_AGAIN
    row = Signup.objects.get()
    assert (row.state, row.name) == ("awaiting_confirmation", "Ada L.")
    assert kinds("ada@example.org")[-1] == "confirm_request"


@pytest.mark.parametrize(
    "fields",
    [
        {"signup_url": "https://lu.ma/abc"},
        {"status": LocalEvent.Status.DETAILS_TBA},
        {"status": LocalEvent.Status.CANCELLED},
        {"status": LocalEvent.Status.PROPOSED},
        {
            "starts_at": datetime(2030, 4, 1, 12, tzinfo=UTC),
            "ends_at": datetime(2030, 4, 1, 14, tzinfo=UTC),
        },
    ],
    ids=["external-link", "tba", "cancelled", "proposed", "ended"],
)
def test_only_approved_upcoming_events_without_external_link_take_native_signups(fields):
    event = LocalEventFactory(**fields)
    with pytest.raises(SignupClosed):
        signup(event)
    assert not Signup.objects.exists() and not OutboxMessage.objects.exists()


def test_code_of_conduct_must_be_accepted():
    with pytest.raises(ValidationError):
        signup(LocalEventFactory(), accepted_code_of_conduct=False)
    assert not Signup.objects.exists()


def test_confirming_after_the_event_was_cancelled_is_refused():
    event = LocalEventFactory()
    token = signup(event).signup.token
    cancel_event(event=event)
    with pytest.raises(SignupClosed):
        confirm(token, now=NOW)
    assert Signup.objects.get().state == "awaiting_confirmation"


def test_counts_cover_every_state_and_every_requested_event():
    event, empty = LocalEventFactory(), LocalEventFactory()
    SignupFactory(event=event)
    SignupFactory(event=event, state="waitlisted")
    SignupFactory(event=event, state="waitlisted")
    counts = count_signups_by_event([event.pk, empty.pk])
    assert counts[event.pk] == {
        "awaiting_confirmation": 0,
        "confirmed": 1,
        "waitlisted": 2,
        "cancelled": 0,
        "attended": 0,
    }
    assert set(counts[empty.pk].values()) == {0}
