"""One inbox, one place. An event of 50 places took one signup an address, and "ada+1@" to
"ada+50@" (or, at Gmail, "a.da@", "ad.a@", …) all reach one inbox, where every confirmation
link arrives: one person filled the event and left the town on the waitlist. A confirmation
now asks, under the event's lock, whether another spelling of the inbox already holds a place
or a waitlist spot there, and says so in words; real people at one domain each get theirs."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.signups.models import Signup
from turnout.signups.services.registration import InboxHasPlace, confirm_signup, sign_up

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def _sign_up(event, email):
    return sign_up(
        event=event, name="Ada", email=email, language="en", accepted_code_of_conduct=True,
        now=NOW,
    ).signup  # fmt: skip


@pytest.fixture
def event():
    return LocalEventFactory(title="Klimaatmars", city="Utrecht", capacity=3)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ada@example.nl", "ada+2@example.nl"),
        ("ada+1@example.nl", "ADA@example.nl"),
        ("ada.lovelace@gmail.com", "adalovelace@googlemail.com"),
        ("a.da+x@gmail.com", "ada@gmail.com"),
    ],
)
def test_a_second_spelling_of_an_inbox_takes_no_second_place(event, first, second):
    confirm_signup(token=_sign_up(event, first).token, now=NOW)
    alias = _sign_up(event, second)
    with pytest.raises(InboxHasPlace, match="another spelling of this address"):
        confirm_signup(token=alias.token, now=NOW)
    alias.refresh_from_db()
    assert alias.state == Signup.State.AWAITING_CONFIRMATION
    assert event.signups.filter(state=Signup.State.CONFIRMED).count() == 1


def test_fifty_tags_of_one_inbox_leave_the_places_to_others(event):
    for n in range(1, 6):
        signup = _sign_up(event, f"ada+{n}@example.nl")
        try:
            confirm_signup(token=signup.token, now=NOW)
        except InboxHasPlace:
            pass
    for name in ("bram", "chris"):
        confirm_signup(token=_sign_up(event, f"{name}@example.nl").token, now=NOW)
    confirmed = event.signups.filter(state=Signup.State.CONFIRMED)
    assert sorted(confirmed.values_list("email", flat=True)) == [
        "ada+1@example.nl", "bram@example.nl", "chris@example.nl",
    ]  # fmt: skip


def test_a_waitlist_spot_counts_as_the_inbox_s_one(event):
    for name in ("bram", "chris", "dirk"):
        confirm_signup(token=_sign_up(event, f"{name}@example.nl").token, now=NOW)
    spot = confirm_signup(token=_sign_up(event, "ada@example.nl").token, now=NOW)
    assert spot.state == Signup.State.WAITLISTED
    with pytest.raises(InboxHasPlace):
        confirm_signup(token=_sign_up(event, "ada+w@example.nl").token, now=NOW)


def test_a_cancelled_place_frees_the_inbox_for_another_spelling(event):
    first = _sign_up(event, "ada@example.nl")
    confirm_signup(token=first.token, now=NOW)
    Signup.objects.filter(pk=first.pk).update(state=Signup.State.CANCELLED)
    again = confirm_signup(token=_sign_up(event, "ada+terug@example.nl").token, now=NOW)
    assert again.state == Signup.State.CONFIRMED


def test_an_event_without_places_to_take_asks_nothing():
    open_event = LocalEventFactory(capacity=None)
    for address in ("ada@example.nl", "ada+2@example.nl"):
        signup = confirm_signup(token=_sign_up(open_event, address).token, now=NOW)
        assert signup.state == Signup.State.CONFIRMED


def test_the_confirmation_page_says_so_in_words(event):
    confirm_signup(token=_sign_up(event, "ada@example.nl").token, now=NOW)
    alias = _sign_up(event, "ada+2@example.nl")
    response = Client().post(f"/en/signups/{alias.token}/confirm/", follow=True)
    assert response.status_code == 200
    assert "ada@example.nl, another spelling of this address, is already signed up" in (
        response.content.decode()
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["", "+a", "+b", ".", "+x.y"]), min_size=1, max_size=6))
def test_however_an_inbox_is_spelled_it_holds_one_place(tags):
    event = LocalEventFactory(capacity=10)
    for tag in tags:
        local = "a.da" if tag == "." else f"ada{tag}"
        signup = _sign_up(event, f"{local}@gmail.com")
        try:
            confirm_signup(token=signup.token, now=NOW)
        except InboxHasPlace:
            pass
    held = event.signups.filter(state__in=(Signup.State.CONFIRMED, Signup.State.WAITLISTED))
    assert held.count() == 1
