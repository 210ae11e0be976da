"""Sign-in by email against a stranger who knows an organizer's address: they must not use up
the owner's sign-in emails or spoil the owner's code, must meet a limit per network whatever
address they type, and must learn nothing from the answers about who has an account; nor may
they use up a participant's privacy link requests. Real requests from several
client addresses through the test client, real mail over SMTP on loopback."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client

from tests.factories import UserFactory
from tests.security.world import NOW
from tests.signups.factories import SignupFactory
from turnout.accounts import sign_in
from turnout.accounts.models import SignInCode, SignInRequest
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import deliver_due, write_owed_letters

pytestmark = pytest.mark.django_db

OWNER = "marijke.organisator@voorbeeld.nl"
STRANGER_NETWORK = "198.51.100.{}"  # one /24: a household, an office, a café
OWNER_ADDRESS = "203.0.113.44"


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _ask(email: str, remote_addr: str, language: str = "nl") -> tuple[Client, HttpResponse]:
    """Ask for a sign-in email to `email` from `remote_addr`; the client (its session knows
    the address) and the answer."""
    client = Client(REMOTE_ADDR=remote_addr)
    return client, client.post(f"/{language}/accounts/sign-in/", {"email": email})


def _code_in(message) -> str:
    """The six-digit code in the subject of an email (received over SMTP, or in the outbox)."""
    subject = message.subject if isinstance(message, OutboxMessage) else message["Subject"]
    return re.search(r"\b(\d{6})\b", str(subject)).group(1)


def test_a_stranger_asking_again_and_again_does_not_lock_the_owner_out(smtp_server):
    UserFactory(email=OWNER, language="nl")
    for attempt in range(12):
        _client, answer = _ask(OWNER, STRANGER_NETWORK.format(10 + attempt))
        assert answer.status_code == 302
    deliver_due()
    assert len(smtp_server.to(OWNER)) == sign_in.MAX_REQUESTS_PER_HOUR  # the stranger's share

    owner, answer = _ask(OWNER, OWNER_ADDRESS)
    assert answer.status_code == 302
    deliver_due()
    newest = smtp_server.to(OWNER)[-1]
    assert len(smtp_server.to(OWNER)) == sign_in.MAX_REQUESTS_PER_HOUR + 1
    signed_in = owner.post("/nl/accounts/sign-in/code/", {"code": _code_in(newest)})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/nl/dashboard/"


def _emails_to(address: str) -> list[OutboxMessage]:
    """The sign-in emails written for `address` (by the delivery run's first step), oldest first."""
    write_owed_letters()
    return list(OutboxMessage.objects.filter(to_email=address, kind="sign_in").order_by("pk"))


def test_a_stranger_with_many_networks_still_leaves_the_owners_known_network_open():
    owner = UserFactory(email=OWNER, language="en")
    # The owner signed in from home last week.
    with time_machine.travel(NOW - timedelta(days=7), tick=False):
        home, _answer = _ask(OWNER, OWNER_ADDRESS, language="en")
        home.post("/en/accounts/sign-in/code/", {"code": _code_in(_emails_to(OWNER)[-1])})
    assert SignInCode.objects.filter(user=owner, used_at__isnull=False).count() == 1
    before = len(_emails_to(OWNER))
    # Eight networks, five asks each: forty, past the account's own cap.
    for network in range(8):
        for host in range(5):
            _ask(OWNER, f"192.0.{network}.{host + 1}", language="en")
    flood = len(_emails_to(OWNER)) - before
    assert flood == sign_in.MAX_EMAILS_PER_ACCOUNT_PER_HOUR

    # A network the owner never signed in from meets the account's cap ...
    _ask(OWNER, "100.64.7.7", language="en")
    assert len(_emails_to(OWNER)) - before == flood
    # ... the owner's own network does not.
    again, _answer = _ask(OWNER, "203.0.113.80", language="en")  # the same /24, another address
    emails = _emails_to(OWNER)
    assert len(emails) - before == flood + 1
    answer = again.post("/en/accounts/sign-in/code/", {"code": _code_in(emails[-1])})
    assert answer.status_code == 302 and answer["Location"] == "/en/dashboard/"


@pytest.mark.parametrize(
    "addresses",
    [
        # a known account (French), an unknown address (Spanish), one more (German)
        ("coordinatrice@exemple.fr", "nadie@ejemplo.es", "niemand@beispiel.de"),
    ],
)
def test_one_network_may_ask_only_so_often_and_the_refusal_says_nothing_about_accounts(
    addresses, smtp_server
):
    UserFactory(email=addresses[0], language="en")
    limit = sign_in.REQUESTS_PER_NETWORK_PER_HOUR
    for attempt in range(limit):
        _client, answer = _ask(addresses[attempt % 3], STRANGER_NETWORK.format(attempt + 1), "en")
        assert answer.status_code == 302
    refusals = {}
    for email in addresses:
        _client, refused = _ask(email, STRANGER_NETWORK.format(200), "en")
        body = refused.content.decode().replace(email, "ADDRESS")
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
        refusals[email] = (refused.status_code, refused["Retry-After"], body)
        assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
        assert 'class="message error"' in body and 'name="email"' in body
    assert len(set(refusals.values())) == 1  # the same answer for an account and for nobody
    assert SignInRequest.objects.count() == limit  # a refused ask writes nothing
    # Another network is not held back by this one.
    assert _ask(addresses[0], "192.0.2.1", "en")[1].status_code == 302


def test_the_network_is_kept_as_a_keyed_digest_not_as_the_address():
    UserFactory(email=OWNER)
    _ask(OWNER, "198.51.100.23")
    (asked,) = SignInRequest.objects.all()
    assert asked.network and "198.51.100" not in asked.network
    assert asked.network == sign_in.network_digest("198.51.100.0/24")
    write_owed_letters()
    (code,) = SignInCode.objects.all()
    assert code.network == asked.network


def test_a_strangers_wrong_codes_do_not_spoil_the_owners_code(smtp_server):
    UserFactory(email=OWNER, language="nl")
    owner, _answer = _ask(OWNER, OWNER_ADDRESS)
    deliver_due()
    code = _code_in(smtp_server.to(OWNER)[-1])
    # The stranger asks for the same address (their session now names it) and guesses.
    stranger, _answer = _ask(OWNER, STRANGER_NETWORK.format(66))
    wrong = [f"{(int(code) + step) % 10**6:06d}" for step in range(1, 9)]
    for guess in [*wrong, code]:  # past their network's limit even the right code is refused
        answer = stranger.post("/nl/accounts/sign-in/code/", {"code": guess})
        assert answer.status_code == 200 and "_auth_user_id" not in stranger.session
    signed_in = owner.post("/nl/accounts/sign-in/code/", {"code": code})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/nl/dashboard/"


def test_guesses_from_many_networks_together_still_void_a_code():
    UserFactory(email=OWNER)
    owner, _answer = _ask(OWNER, OWNER_ADDRESS)
    (email,) = _emails_to(OWNER)
    code = _code_in(email)
    guess = f"{(int(code) + 1) % 10**6:06d}"
    for network in range(sign_in.MAX_CODE_ATTEMPTS_IN_ALL // sign_in.MAX_CODE_ATTEMPTS):
        stranger, _answer = _ask(OWNER, f"192.0.{network}.9")
        for _ in range(sign_in.MAX_CODE_ATTEMPTS):
            stranger.post("/nl/accounts/sign-in/code/", {"code": guess})
    answer = owner.post("/nl/accounts/sign-in/code/", {"code": code})
    assert answer.status_code == 200 and "_auth_user_id" not in owner.session


def test_a_stranger_cannot_use_up_a_participants_privacy_link_requests():
    # Someone signed up for an event; a stranger who knows the address asks for their privacy
    # link again and again (from one network), then the person asks from their own.
    participant = "lotte.deelnemer@voorbeeld.nl"
    SignupFactory(email=participant)
    for attempt in range(6):
        Client(REMOTE_ADDR=STRANGER_NETWORK.format(attempt + 1)).post(
            "/nl/signups/privacy/", {"email": participant}
        )
    own = Client(REMOTE_ADDR=OWNER_ADDRESS).post("/nl/signups/privacy/", {"email": participant})
    assert own.status_code == 200
    write_owed_letters()
    links = OutboxMessage.objects.filter(to_email=participant, kind="privacy_link")
    assert links.count() == 3 + 1  # the stranger's network's share, and the person's own
