"""The count a confirmation decides by (signups/confirmation_statements.py), composed before
the event's lock as SQL of its own: it must find exactly the signups the rule of one inbox names
(`web.inboxes.inbox_key`, in any case), on SQLite and PostgreSQL alike, whatever characters
an address holds: "_" and "%" are LIKE's wildcards, "\\" its escape."""

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.signups.confirmation_statements import place_count
from turnout.signups.models import Signup
from turnout.web.email_addresses import normalize_email
from turnout.web.inboxes import inbox_key

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
HELD = (*Signup.HOLDS_PLACE, Signup.State.WAITLISTED)


def _signup(event, email, state):
    """A signup as the form stores it: the address in its one spelling (normalize_email)."""
    return Signup.objects.create(
        event=event, name="P", email=normalize_email(email), accepted_code_of_conduct=True,
        created_at=NOW, state=state, token=f"t-{Signup.objects.count()}-{email}",
    )  # fmt: skip


def _expected(event, signup) -> tuple[int, int]:
    taken = event.signups.filter(state__in=Signup.HOLDS_PLACE).count()
    inbox = inbox_key(signup.email).lower()
    same = sum(
        1
        for other in event.signups.exclude(pk=signup.pk).filter(state__in=HELD)
        if inbox_key(other.email).lower() == inbox
    )
    return taken, same


@pytest.mark.parametrize(
    ("held", "confirming", "same"),
    [
        ("a_b@example.nl", "axb@example.nl", 0),  # "_" is no wildcard
        ("a%b@example.nl", "a%bc@example.nl", 0),
        ("ab%@example.nl", "ab@example.nl", 0),
        ("a\\b@example.nl", "a\\b+x@example.nl", 1),
        ("Ada.Lovelace@Example.NL", "ada.lovelace+mars@example.nl", 1),
        ("ada@example.nl", "ada@example.nl.evil.org", 0),
        ("ada@mail.example.nl", "ada@example.nl", 0),
        ("adam@example.nl", "ada@example.nl", 0),
        ("a.d.a@gmail.com", "ADA+x@googlemail.com", 1),
        ("a.da@example.nl", "ada@example.nl", 0),  # dots count outside Gmail
        ("émile@exemple.fr", "émile+marche@exemple.fr", 1),
        ("ada@xn--bcher-kva.example", "ada+1@xn--bcher-kva.example", 1),
    ],
)
def test_the_count_finds_the_spellings_of_one_inbox(held, confirming, same):
    event = LocalEventFactory(capacity=10)
    _signup(event, "someone@example.org", Signup.State.CONFIRMED)
    _signup(event, held, Signup.State.WAITLISTED)
    _signup(event, "waiting@example.org", Signup.State.AWAITING_CONFIRMATION)
    signup = _signup(event, confirming, Signup.State.AWAITING_CONFIRMATION)
    assert place_count(signup).run() == (1, same) == _expected(event, signup)


def test_only_the_event_s_places_count():
    event, other = LocalEventFactory(capacity=10), LocalEventFactory(capacity=10)
    for n in range(3):
        _signup(event, f"p{n}@example.org", Signup.State.CONFIRMED)
    _signup(other, "ada@example.nl", Signup.State.CONFIRMED)
    _signup(event, "cancelled@example.org", Signup.State.CANCELLED)
    signup = _signup(event, "ada+2@example.nl", Signup.State.AWAITING_CONFIRMATION)
    assert place_count(signup).run() == (3, 0)


def test_an_event_without_signups_counts_nothing():
    signup = Signup(pk=10**9, event_id=LocalEventFactory().pk, email="ada@example.nl")
    assert place_count(signup).run() == (0, 0)


_LOCAL = st.text(alphabet="aAbB._%+\\-éß1", min_size=1, max_size=6)
_DOMAIN = st.sampled_from(["example.nl", "EXAMPLE.nl", "gmail.com", "googlemail.com", "x.org"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LOCAL, _DOMAIN, st.sampled_from(HELD)), max_size=6), _LOCAL, _DOMAIN)
def test_the_count_agrees_with_the_inbox_rule(held, local, domain):
    event = LocalEventFactory(capacity=10)
    stored = {normalize_email(f"{local}@{domain}")}
    for other_local, other_domain, state in held:
        if (email := normalize_email(f"{other_local}@{other_domain}")) not in stored:
            stored.add(email)
            _signup(event, email, state)
    signup = _signup(event, f"{local}@{domain}", Signup.State.AWAITING_CONFIRMATION)
    assert place_count(signup).run() == _expected(event, signup)
