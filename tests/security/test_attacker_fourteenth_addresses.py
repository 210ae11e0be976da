"""The attacker's fourteenth round with spellings of one inbox that the tenth and twelfth rounds
did not try: Django's EmailValidator takes a quoted local part ('"ada"@example.nl', and with a
backslash pair inside, '"a\\da"@') and a last label ending in a full stop of another script
("example.nl。", full-width "example.nl．"), which it reads as part of the top-level domain.

Mail servers hand '"ada"@' to ada@ (RFC 5321 4.1.2: the quotes are only a way of writing the
same mailbox), and IDNA reads the other full stops as the root's dot, which a mail server drops.
Kept as typed, each was another key for one inbox: a second place at an event of few places, a
"friend" the referrer brought herself, a fresh per-inbox limit. The full stop also stored
"ada@example.nl." (with the root's dot), which the site's own mail sending then refuses: a
person who signed up and never got their confirmation. Now `web.email_addresses` writes both as
the plain address, and addresses that need their quotes keep them."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.referrals import selectors as referrals
from turnout.signups.models import Signup
from turnout.signups.services.registration import InboxHasPlace, confirm_signup, sign_up
from turnout.web.email_addresses import normalize_email
from turnout.web.inboxes import inbox_key

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)

# Each reaches ada@example.nl's inbox, and each passes the signup form's EmailField.
SPELLINGS = [
    '"ada"@example.nl',
    '"ADA"@Example.NL',
    '"a\\da"@example.nl',
    '"ada+bis"@example.nl',
    "ada@example.nl。",  # ideographic full stop (Chinese and Japanese keyboards)
    "ada@example.nl．",  # full-width full stop
    "ada@example.nl｡",  # half-width ideographic full stop
    '"ada"@EXAMPLE.nl．',
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_each_spelling_passes_the_form_and_is_stored_as_the_plain_address(spelling):
    validate_email(spelling)  # the form takes it: the attacker's premise
    stored = normalize_email(spelling)
    assert inbox_key(stored) == "ada@example.nl"
    assert '"' not in stored
    assert not stored.endswith(".")
    validate_email(stored)  # and the site's mail sending, which checks again, writes to it


@pytest.mark.parametrize(
    "address",
    [
        '"ada smith"@example.nl',  # a space: the quotes are part of the address
        '"ada@home"@example.nl',
        '"ada..lovelace"@example.nl',  # two dots in a row need their quotes too
    ],
)
def test_a_local_part_that_needs_its_quotes_keeps_them(address):
    assert normalize_email(address) == address


@pytest.mark.django_db
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_quoted_or_full_stop_spelling_takes_no_second_place(spelling):
    event = LocalEventFactory(title="Fietsdemo", city="Groningen", capacity=2)

    def signed_up(email):
        return sign_up(
            event=event, name="Ada", email=email, language="nl",
            accepted_code_of_conduct=True, now=NOW,
        ).signup  # fmt: skip

    confirm_signup(token=signed_up("ada@example.nl").token, now=NOW)
    alias = signed_up(spelling)
    try:
        confirm_signup(token=alias.token, now=NOW)
    except InboxHasPlace:
        pass
    confirmed = event.signups.filter(state=Signup.State.CONFIRMED)
    assert list(confirmed.values_list("email", flat=True)) == ["ada@example.nl"]
    assert not Signup.objects.filter(email__contains='"').exists()
    assert not Signup.objects.filter(email__endswith=".").exists()


@pytest.mark.django_db
def test_the_referrer_quoting_her_own_address_brings_no_one():
    event = LocalEventFactory(title="Marcha por el clima", city="Sevilla", capacity=None)

    def confirmed(email, via=""):
        result = sign_up(
            event=event, name="Alguien", email=email, language="es",
            accepted_code_of_conduct=True, via=via, now=NOW,
        )  # fmt: skip
        return confirm_signup(token=result.signup.token, now=NOW)

    ada = confirmed("ada.lovelace@gmail.com")
    for own in ('"ada.lovelace"@gmail.com', '"adalovelace+amiga"@googlemail.com'):
        assert confirmed(own, via=ada.referral_code).referred_by_id is None
    friend = confirmed("lucia@correo.example", via=ada.referral_code)
    assert friend.referred_by_id == ada.pk  # a real friend still counts
    for again in ('"lucia"@correo.example', "lucia@correo.example。"):
        confirmed(again, via=ada.referral_code)
    assert referrals.friends_brought(ada) == 1


_ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*/=?^_`{|}~-", min_size=1)


@settings(max_examples=60, deadline=None)
@given(
    atoms=st.lists(_ATOM, min_size=1, max_size=3),
    domain=st.sampled_from(["example.nl", "bücher.example", "gmail.com", "correo.example"]),
    stop=st.sampled_from(["", "。", "．", "｡"]),
)
def test_quotes_and_other_full_stops_never_make_a_second_key(atoms, domain, stop):
    local = ".".join(atoms)
    plain = f"{local}@{domain}"
    try:
        validate_email(plain)
    except ValidationError:
        return  # not an address the form would take in the first place
    assert inbox_key(f'"{local}"@{domain}{stop}') == inbox_key(plain)
    assert normalize_email(f'"{local}"@{domain.upper()}{stop}') == normalize_email(plain)
