"""The attacker's fifth round against the public forms' limits: one IPv6 subscriber taking a
fresh address of their own network for every request (a home gets a /56 or a /64: billions
of addresses), with forged forwarding headers on top, as no proxy is trusted."""

from datetime import date

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory
from tests.security.world import NOW
from tests.signups.factories import SignupFactory, form_data
from turnout.accounts import password_limits
from turnout.campaigns.proposals.models import EventProposal
from turnout.press.models import PressMention
from turnout.signups.models import PrivacyLinkRequest, Signup
from turnout.web import rate_limits

pytestmark = pytest.mark.django_db

# One home's /56 (2001:db8:4a1c:7f00::/56), as a provider hands it out; the attacker walks
# its 256 /64 networks and their addresses.
NEIGHBOUR = "2001:db8:4a1c:8000::1"  # the next subscriber's /56


class _Place:
    """What the forms need: a campaign taking proposals and an event taking signups."""

    def __init__(self):
        self.campaign = CampaignFactory(
            slug="may", starts_on=date(2030, 5, 13), is_open_for_proposals=True
        )
        self.event = LocalEventFactory(campaign=self.campaign, city="Utrecht")
        self.signup = SignupFactory(event=self.event, email="anouk@voorbeeld.nl")


def _walker(n: int) -> Client:
    """A client at the n-th address of the attacker's own network, lying about where it is."""
    return Client(
        REMOTE_ADDR=f"2001:db8:4a1c:7f{n:02x}:{n:x}::{n + 1:x}",
        HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        HTTP_X_REAL_IP=f"198.51.100.{n}",
    )


def test_a_signup_flood_from_every_address_of_one_home_stops_at_the_limit(settings):
    settings.SIGNUP_RATE_PER_IP = 3
    with time_machine.travel(NOW, tick=False):
        world = _Place()
        path = f"/en/signups/events/{world.event.pk}/"
        statuses = [
            _walker(n).post(path, form_data(name=f"Jürgen {n}", email=f"j{n}@beispiel.de"))
            for n in range(6)
        ]
        neighbour = Client(REMOTE_ADDR=NEIGHBOUR).post(
            path, form_data(name="Lotte Brandt", email="lotte@beispiel.de")
        )
    assert [s.status_code for s in statuses] == [302, 302, 302, 429, 429, 429]
    assert "Too many signups" in statuses[-1].content.decode()
    assert Signup.objects.filter(email__endswith="@beispiel.de").count() == 4
    assert neighbour.status_code == 302  # the next home is not punished for it


def _proposal(email: str) -> dict:
    return {
        "city": "Bordeaux", "venue": "Place de la Bourse", "day": "2030-05-13",
        "starts": "14:00", "ends": "16:00", "signup_method": "native",
        "proposer_name": "Camille Roux", "proposer_email": email,
    }  # fmt: skip


def test_a_proposal_flood_from_every_address_of_one_home_stops_at_the_limit(settings):
    settings.PROPOSALS_PER_HOUR = 2
    with time_machine.travel(NOW, tick=False):
        world = _Place()
        path = f"/nl/campaigns/{world.campaign.slug}/organize/"
        statuses = [_walker(n).post(path, _proposal(f"c{n}@exemple.fr")) for n in range(5)]
    assert [s.status_code for s in statuses] == [200, 200, 429, 429, 429]
    assert EventProposal.objects.filter(proposer_email__endswith="@exemple.fr").count() == 2


def test_privacy_links_for_many_addresses_from_one_home_stop_at_the_limit(settings):
    settings.SIGNUP_RATE_PER_IP = 2
    with time_machine.travel(NOW, tick=False):
        statuses = [
            _walker(n).post("/nl/signups/privacy/", {"email": f"p{n}@voorbeeld.nl"}).status_code
            for n in range(4)
        ]
    assert statuses[2:] == [429, 429]
    assert PrivacyLinkRequest.objects.count() == 2


def test_press_links_from_every_address_of_one_home_stop_at_the_limit(settings):
    settings.PRESS_SUBMISSIONS_PER_HOUR = 2
    with time_machine.travel(NOW, tick=False):
        world = _Place()
        path = f"/en/press/submit/campaign/{world.campaign.slug}/"
        statuses = [
            _walker(n)
            .post(
                path,
                {
                    "url": f"https://periodico.example/marcha-clima-{n}",
                    "outlet": "El Periódico",
                    "title": f"Miles marchan por el clima ({n})",
                    "published_on": "2030-05-13",
                    "language": "es",
                    "kind": "article",
                },
            )
            .status_code
            for n in range(4)
        ]
    assert statuses == [302, 302, 429, 429]
    assert PressMention.objects.filter(url__contains="periodico.example").count() == 2


@pytest.mark.parametrize(
    "address, subscriber",
    [
        ("203.0.113.7", "203.0.113.7"),  # IPv4: one address is one home (NAT shares it)
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("2001:db8:4a1c:7f00::1", "2001:db8:4a1c:7f00::/56"),
        ("2001:db8:4a1c:7fff:ffff::9", "2001:db8:4a1c:7f00::/56"),
        ("unknown", "unknown"),
        ("", "unknown"),
    ],
)
def test_a_client_is_counted_by_what_one_subscriber_holds(rf, address, subscriber):
    assert rate_limits.client_subscriber(rf.get("/", REMOTE_ADDR=address)) == subscriber


# One mailbox written the ways a phone keyboard, a copy from a PDF or a hostile script writes
# it: each either is that same address or is refused, never a second signup for one person.
SAME_MAILBOX = [
    "Noor.Jansen@Voorbeeld.NL",
    "noor.jansen@ｖｏｏｒｂｅｅｌｄ.nl",  # full-width letters in the domain
    "noor.jansen@voorbeeld\u3002nl",  # an ideographic full stop
    "noor.jansen@voor\u00adbeeld.nl",  # a soft hyphen, invisible
    "noor.jansen@voorbeeld.nl\u200b",  # a zero-width space after it
    "\u212aim@voorbeeld.nl",  # a Kelvin sign, which lower-cases to k
    "noor.jan\u017fen@voorbeeld.nl",  # a long s, which the validator takes for s
    "k\u0131m@voorbeeld.nl",  # a dotless i, which the validator takes for i
    "noor.jansen＠voorbeeld.nl",  # a full-width @
    "noor.janse\u0301n@voorbeeld.nl",  # a combining accent
]


def test_a_look_alike_spelling_of_one_address_is_never_a_second_signup(settings):
    settings.SIGNUP_RATE_PER_IP = 100
    settings.SIGNUP_RATE_PER_EMAIL = 100  # each spelling must reach the form's rules
    with time_machine.travel(NOW, tick=False):
        world = _Place()
        path = f"/en/signups/events/{world.event.pk}/"
        for address in ("noor.jansen@voorbeeld.nl", "kim@voorbeeld.nl", *SAME_MAILBOX):
            response = Client().post(path, form_data(name="Noor Jansen", email=address))
            assert response.status_code in {302, 400}, address
    assert sorted(Signup.objects.filter(event=world.event).values_list("email", flat=True)) == (
        sorted([world.signup.email, "kim@voorbeeld.nl", "noor.jansen@voorbeeld.nl"])
    )


def test_a_password_spray_from_every_address_of_one_home_stops_at_the_limit(monkeypatch):
    """One guess at each of many accounts (a spray), each from a fresh address of the home."""
    monkeypatch.setattr(password_limits, "PER_IP", 3)
    # At a fixed moment: the limit counts per hour, and a run that crossed the hour (CI did,
    # at 11:00) counted the guesses in two windows.
    with time_machine.travel(NOW, tick=False):
        statuses = [
            _walker(n)
            .post(
                "/en/accounts/sign-in/password/",
                {"username": f"persona{n}@ejemplo.es", "password": "Verano2030!"},
            )
            .status_code
            for n in range(5)
        ]
    assert statuses == [200, 200, 200, 429, 429]
