"""The attacker's twelfth round against "bring a friend": the counts of who brought whom.

A participant's share link counts each confirmed signup that came through it, and the
organizers see who brought most. The code refused only the referrer's own address; but
"ada+1@", "ada+2@" and, at Gmail, "a.da@" all reach Ada's one inbox, so she confirmed as many
"friends" as she liked and topped the list alone; a friend signed up twice as "piet+x@" counted
twice. Now a link counts an inbox (`web.inboxes.inbox_key`) once, and never the referrer's own.
Real friends, at any service, still count."""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.referrals import selectors
from turnout.signups.services.registration import confirm_signup, sign_up

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def _signed_up(event, email, *, via=""):
    result = sign_up(
        event=event, name="Somebody", email=email, language="en",
        accepted_code_of_conduct=True, via=via, now=NOW,
    )  # fmt: skip
    return confirm_signup(token=result.signup.token, now=NOW)


@pytest.fixture
def ada():
    event = LocalEventFactory(title="Marche pour le climat", city="Lyon", capacity=None)
    return _signed_up(event, "ada.lovelace@gmail.com")


SELF = [
    "ada.lovelace+1@gmail.com", "adalovelace@gmail.com", "Ada.Love.Lace@googlemail.com",
    "ADA.LOVELACE+ami@GMAIL.COM",
]  # fmt: skip


@pytest.mark.parametrize("address", SELF)
def test_the_referrers_own_inbox_under_another_spelling_brings_no_one(ada, address):
    newcomer = _signed_up(ada.event, address, via=ada.referral_code)
    assert newcomer.referred_by_id is None
    assert selectors.friends_brought(ada) == 0
    assert selectors.top_referrers_of_event(ada.event) == []


def test_one_friend_under_many_tags_counts_once(ada):
    for tag in ("", "+a", "+b", "+manif"):
        _signed_up(ada.event, f"pierre.martin{tag}@laposte.example", via=ada.referral_code)
    assert selectors.friends_brought(ada) == 1


def test_real_friends_at_any_service_each_count(ada):
    friends = [
        "camille.dubois@gmail.com", "yusuf@orange.example", "lea+marche@proton.example",
        "zhang.wei@qq.example", "o.nowak@wp.example",
    ]  # fmt: skip
    for address in friends:
        _signed_up(ada.event, address, via=ada.referral_code)
    assert selectors.friends_brought(ada) == len(friends)
    assert [r.brought for r in selectors.top_referrers_of_event(ada.event)] == [len(friends)]


@settings(max_examples=30, deadline=None)
@given(tags=st.lists(st.text("abcxyz019-", min_size=1, max_size=6), max_size=5))
def test_no_set_of_tags_on_one_inbox_brings_more_than_one(tags):
    event = LocalEventFactory(city="Lyon", capacity=None)  # no place to hold: counts alone
    ada = _signed_up(event, "ada@lyon.example")
    for number, tag in enumerate(tags):
        _signed_up(event, f"bob+{tag}{number}@lyon.example", via=ada.referral_code)
        _signed_up(event, f"ada+{tag}{number}@lyon.example", via=ada.referral_code)
    assert selectors.friends_brought(ada) == min(len(tags), 1)
