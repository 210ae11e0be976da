"""The attacker's seventh round against the per-address limits: invisible characters in the
domain that Django's form accepts and Django's mail sending drops, so that one inbox would be
many keys (and mail-bombed past every limit) while each email still reaches it."""

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.mail.message import sanitize_address
from django.core.validators import validate_email
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory
from tests.security.world import NOW
from tests.signups.factories import form_data
from turnout.notifications.mime import mime_message
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
from turnout.web.email_addresses import normalize_email

# Code points RFC 3454 maps to nothing (table B.1) that survive IDNA 2008's own mapping:
# zero-width non-joiner and joiner, the Mongolian todo soft hyphen.
KEPT_BY_IDNA_2008 = ["\u200c", "\u200d", "\u1806"]
# And the rest of table B.1, which IDNA 2008 drops too.
INVISIBLE = [
    *KEPT_BY_IDNA_2008,
    "\u00ad",
    "\u034f",
    "\u180b",
    "\u200b",
    "\u2060",
    "\ufe0f",
    "\ufeff",
]

VICTIM = "marieke.devries@voorbeeld.nl"


def _delivered_to(address: str) -> str:
    """The address Django's SMTP backend hands the mail server for `address`."""
    return sanitize_address(address, "utf-8")


@pytest.mark.parametrize(
    "address",
    [
        "marieke.devries@voor\u200dbeeld.nl",
        "marieke.devries@voorbeeld\u200c.nl",
        "marieke.devries@v\u200co\u200do\u200crbeeld.nl",
        "marieke.devries@voorbeeld.nl\u200d",
        "marieke.devries@voor\u1806beeld.nl",
        "MARIEKE.DEVRIES@VOOR\u200dBEELD.NL",
    ],
)
def test_an_invisible_joiner_in_the_domain_is_the_same_inbox_for_every_limit(address):
    validate_email(address)  # the form lets it in
    assert _delivered_to(address).lower() == VICTIM  # and the mail reaches the victim's inbox
    assert normalize_email(address) == VICTIM  # so it must be the victim's key too


@given(
    positions=st.lists(st.integers(0, len("voorbeeld.nl")), min_size=1, max_size=6),
    marks=st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=6),
)
def test_any_invisible_characters_anywhere_in_the_domain_give_the_one_key(positions, marks):
    domain = list("voorbeeld.nl")
    for position, mark in zip(sorted(positions, reverse=True), marks, strict=False):
        domain.insert(position, mark)
    address = f"marieke.devries@{''.join(domain)}"
    try:
        validate_email(address)
    except ValidationError:
        return  # refused by the form: no key at all
    assert normalize_email(address) == VICTIM
    assert normalize_email(normalize_email(address)) == VICTIM


@pytest.mark.django_db
def test_joiners_in_the_domain_buy_no_second_signup_and_no_fresh_limit(settings):
    """A script signs the victim up for every event of a campaign, one spelling per event:
    the per-address limit counts them all as the one inbox they reach."""
    settings.SIGNUP_RATE_PER_IP = 100
    settings.SIGNUP_RATE_PER_EMAIL = 2
    spellings = [VICTIM] + [f"marieke.devries@voor{mark}beeld.nl" for mark in KEPT_BY_IDNA_2008]
    with time_machine.travel(NOW, tick=False):
        campaign = CampaignFactory(slug="juni")
        events = [LocalEventFactory(campaign=campaign, city=city) for city in ("Gent", "Zwolle")]
        statuses = []
        for n, address in enumerate(spellings):
            event = events[n % 2]
            client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
            response = client.post(
                f"/en/signups/events/{event.pk}/", form_data(name="Marieke", email=address)
            )
            statuses.append(response.status_code)
    assert statuses == [302, 302, 429, 429]
    assert sorted(Signup.objects.values_list("email", flat=True)) == [VICTIM, VICTIM]


@pytest.mark.parametrize("address", ["juergen@straße.example", "eleni@τεστς.example"])
def test_a_deviation_letter_in_the_domain_is_delivered_where_it_is_keyed(address):
    """Django encodes a domain with IDNA 2003, which makes ß and ς ss and σ: the outbox
    hands the backend the IDNA 2008 form, so the mail goes where the address is keyed."""
    row = OutboxMessage(to_email=address, subject="Hallo", body_text="Hallo", language="de")
    (handed,) = mime_message(row).to
    assert handed.isascii()
    assert normalize_email(_delivered_to(handed)) == normalize_email(address)
    assert normalize_email(_delivered_to(address)) != normalize_email(address)  # Django alone
