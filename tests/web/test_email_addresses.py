"""One spelling per email address, whichever way a person types it and wherever: the signup
form, sign-in, privacy requests, invitations and roles all go through `normalize_email`."""

from datetime import UTC, datetime

import pytest

from tests.factories import LocalEventFactory
from turnout.accounts.models import User
from turnout.accounts.roles import find_or_create_person
from turnout.signups.selectors import signups_for_email
from turnout.signups.services.registration import Outcome, sign_up
from turnout.web.email_addresses import normalize_email

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
DECOMPOSED_E = "e\u0301"  # "é" typed as e + combining acute accent (macOS, some keyboards)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Ada@Example.ORG\n", "ada@example.org"),
        ("\tada@example.org ", "ada@example.org"),
        ("ADA@BÜCHER.example", "ada@bücher.example"),
        ("ada@xn--bcher-kva.example", "ada@bücher.example"),  # the same domain, in ASCII
        ("ada@XN--BCHER-KVA.EXAMPLE", "ada@bücher.example"),
        (f"ren{DECOMPOSED_E}e@example.org", "renée@example.org"),
        (f"ada@caf{DECOMPOSED_E}.example", "ada@café.example"),
        ("Ünïcode@faß.example", "ünïcode@faß.example"),  # IDNA 2008 keeps ß
        ("Ζωή@Παράδειγμα.example", "ζωή@παράδειγμα.example"),
        # Letters Django's validator takes for ASCII ones are stored as those letters.
        ("\u017fam@example.org", "sam@example.org"),  # a long s
        ("l\u0131on@example.org", "lion@example.org"),  # a Turkish dotless i
        ("L\u0130ON@example.org", "lion@example.org"),  # a Turkish capital dotted I
        ("\u212aim@example.org", "kim@example.org"),  # a Kelvin sign
    ],
)
def test_each_way_of_typing_an_address_gives_one_spelling(typed, stored):
    assert normalize_email(typed) == stored
    assert normalize_email(stored) == stored  # normalizing twice changes nothing


@pytest.mark.parametrize(
    "not_an_address", ["", "   ", "ada", "@", "ada@", "a@-bad-.example", "a@b..c", "x@@y.org"]
)
def test_text_that_is_not_an_address_is_only_trimmed_and_lowered(not_an_address):
    # Validation belongs to the form or field: normalizing never raises.
    assert normalize_email(f" {not_an_address.upper()} ") == not_an_address.strip().lower()


@pytest.mark.django_db
def test_one_person_signs_up_once_however_the_address_is_typed():
    event = LocalEventFactory()
    spellings = [
        "Renée@Bücher.example",
        f" REN{DECOMPOSED_E.upper()}E@xn--bcher-kva.example ",
    ]
    outcomes = [
        sign_up(
            event=event,
            name="Renée",
            email=email,
            language="en",
            accepted_code_of_conduct=True,
            now=NOW,
        ).outcome
        for email in spellings
    ]
    assert outcomes == [Outcome.CREATED, Outcome.ALREADY_SIGNED_UP]
    assert list(event.signups.values_list("email", flat=True)) == ["renée@bücher.example"]
    assert signups_for_email("renee@bucher.example").count() == 0
    assert signups_for_email(f"REN{DECOMPOSED_E}E@XN--BCHER-KVA.example").count() == 1


@pytest.mark.django_db
def test_accounts_are_found_and_made_under_one_spelling():
    made = User.objects.create_user(f" Ren{DECOMPOSED_E}e@xn--bcher-kva.EXAMPLE ")
    assert made.email == "renée@bücher.example"
    assert find_or_create_person(email="RENÉE@BÜCHER.example") == made
    assert User.objects.count() == 1


def test_no_letter_the_validator_takes_is_stored_outside_ascii():
    """Every character Django's validator lets into an address's local part that is not
    ASCII (its patterns ignore case) is stored as the ASCII letter it stood for."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    for code_point in range(0x80, 0x30000):
        address = f"a{chr(code_point)}b@example.org"
        try:
            validate_email(address)
        except ValidationError:
            continue
        assert normalize_email(address).isascii(), hex(code_point)
