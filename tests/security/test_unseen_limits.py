"""Unseen attacks on the limits: guessing a password for hours, a proposal form used to mail
anyone, a forged X-Forwarded-For to buy a fresh limit, a server address hidden inside IPv6, and
a private meeting place found again from the distances a nearby search reports."""

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import form_data
from turnout.accounts.password_limits import PER_ACCOUNT_AND_NETWORK, PER_IP
from turnout.campaigns.models import LocalEvent
from turnout.web import outbound

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_with_password():
    user = UserFactory(email="coordinator@example.org")
    user.set_password("correct horse battery staple")
    user.save()
    return user


def _guess(client: Client, email: str, password: str, **extra):
    return client.post(
        "/en/accounts/sign-in/password/", {"username": email, "password": password}, **extra
    )


def test_password_guesses_against_one_account_stop_at_the_limit_from_every_address_of_a_network(
    person_with_password,
):
    answers = [
        _guess(Client(REMOTE_ADDR=f"198.51.100.{n}"), "Coordinator@Example.org", f"guess{n}")
        for n in range(PER_ACCOUNT_AND_NETWORK + 2)
    ]
    assert [a.status_code for a in answers[:PER_ACCOUNT_AND_NETWORK]] == [200] * (
        PER_ACCOUNT_AND_NETWORK
    )
    refused = answers[-1]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many attempts to sign in" in refused.content.decode()
    # Past the limit the right password is not tried either: the answer tells a guesser nothing.
    right = _guess(Client(REMOTE_ADDR="198.51.100.99"), person_with_password.email,
                   "correct horse battery staple")  # fmt: skip
    assert right.status_code == 429
    assert "_auth_user_id" not in right.client.session


def test_password_guesses_from_one_address_stop_at_the_limit_whatever_the_forwarded_header():
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [
        _guess(
            client, f"person{n}@example.org", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        ).status_code
        for n in range(PER_IP + 1)
    ]
    assert statuses[:PER_IP] == [200] * PER_IP
    assert statuses[-1] == 429


def test_the_right_password_still_signs_in_within_the_limit(person_with_password):
    client = Client()
    _guess(client, person_with_password.email, "wrong")
    response = _guess(client, person_with_password.email, "correct horse battery staple")
    assert response.status_code == 302
    assert response["Location"] == "/en/dashboard/"


def test_the_password_limit_speaks_dutch(person_with_password):
    client = Client()
    for _ in range(PER_ACCOUNT_AND_NETWORK):
        client.post(
            "/nl/accounts/sign-in/password/", {"username": "x@example.org", "password": "x"}
        )
    response = client.post(
        "/nl/accounts/sign-in/password/", {"username": "x@example.org", "password": "x"}
    )
    assert response.status_code == 429
    assert "Te veel pogingen om in te loggen" in response.content.decode()


def _proposal(email: str, city: str = "Groningen") -> dict:
    return {
        "city": city, "venue": "Vismarkt", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Griet",
        "proposer_email": email,
    }  # fmt: skip


def test_the_proposal_form_cannot_mail_one_address_without_end(settings):
    from turnout.campaigns.proposals.models import EventProposal
    from turnout.notifications.models import OutboxMessage

    settings.PROPOSALS_PER_HOUR_PER_EMAIL = 3
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        path = f"/en/campaigns/{world.campaign.slug}/organize/"
        statuses = [
            Client(REMOTE_ADDR=f"198.51.100.{n}").post(path, _proposal("victim@example.org"))
            for n in range(5)
        ]
    assert [s.status_code for s in statuses] == [200, 200, 200, 429, 429]
    assert "Too many proposals" in statuses[-1].content.decode()
    assert EventProposal.objects.filter(proposer_email="victim@example.org").count() == 3
    assert OutboxMessage.objects.filter(to_email="victim@example.org").count() == 3


def test_the_proposal_form_cannot_fill_the_queue_from_one_address(settings):
    from turnout.campaigns.proposals.models import EventProposal

    settings.PROPOSALS_PER_HOUR = 2
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        path = f"/nl/campaigns/{world.campaign.slug}/organize/"
        client = Client(REMOTE_ADDR="203.0.113.9")
        statuses = [
            client.post(path, _proposal(f"p{n}@example.org"), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
            for n in range(3)
        ]
    assert [s.status_code for s in statuses] == [200, 200, 429]
    assert "Te veel voorstellen" in statuses[-1].content.decode()
    assert EventProposal.objects.filter(proposer_email__startswith="p").count() == 2


def test_a_forged_forwarded_header_buys_no_fresh_signup_limit(settings):
    settings.SIGNUP_RATE_PER_IP = 3
    settings.SIGNUP_RATE_PER_EMAIL = 100
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(REMOTE_ADDR="203.0.113.10")
        statuses = [
            client.post(
                f"/en/signups/events/{world.event.pk}/",
                form_data(email=f"s{n}@example.org"),
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 10.0.0.{n}",
                HTTP_X_REAL_IP=f"192.0.2.{n}",
                HTTP_FORWARDED=f"for=192.0.2.{n}",
            ).status_code
            for n in range(4)
        ]
    assert statuses == [302, 302, 302, 429]


# -- server-side requests: an address inside another address -----------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, the cloud's metadata
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b:1::a9fe:a9fe",  # NAT64's local-use prefix
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "::127.0.0.1",  # IPv4-compatible
        "::a9fe:a9fe",
        "fec0::1",  # site-local
        "::ffff:169.254.169.254",
    ],
)
def test_a_private_ipv4_address_written_inside_ipv6_is_not_public(address):
    assert not outbound.is_public(address)


@pytest.mark.parametrize("address", ["64:ff9b::5db8:d70e", "2002:5db8:d70e::1", "93.184.215.14"])
def test_a_public_ipv4_address_inside_ipv6_stays_public(address):
    assert outbound.is_public(address)


def test_a_press_link_to_the_metadata_address_through_nat64_is_never_fetched(monkeypatch):
    import httpx

    from tests.web.test_outbound_addresses import resolving

    resolving(monkeypatch, {"metadata.example": ["64:ff9b::a9fe:a9fe"]})
    client = outbound.http_client(timeout=2)
    with outbound.overall_deadline(2.0), client, pytest.raises(httpx.ConnectError, match="public"):
        client.get("http://metadata.example/latest/meta-data/")


# -- a private meeting place, found again from the distances a search reports -----------------


def test_a_private_meeting_place_cannot_be_found_by_moving_the_search():
    """Moving a search's centre until the event just enters its radius measures how far the
    place the search uses lies: that must be the public area (Utrecht's centre), never the
    exact meeting place."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        # The exact place is in Utrecht's north; the public sees only Utrecht's centre.
        event = LocalEventFactory(
            campaign=world.campaign,
            city="Utrecht",
            latitude=52.1200,
            longitude=5.1200,
            location_is_private=True,
            status=LocalEvent.Status.APPROVED,
        )
        client = Client()

        def found(latitude: float) -> bool:
            answer = client.get(
                "/api/v1/events/", {"near": f"{latitude:.6f},5.1200", "radius_km": "5"}
            )
            assert answer.status_code == 200, answer.content[:300]
            return any(item["id"] == event.pk for item in answer.json()["results"])

        south, north = 51.90, 52.12  # from out of reach to the place itself
        for _ in range(20):
            middle = (south + north) / 2
            south, north = (south, middle) if found(middle) else (middle, north)
    # Measured from the exact place, the event would enter the radius 5 km south of it.
    exact_edge = 52.1200 - 5 / 111.195
    assert abs(north - exact_edge) > 0.01  # over a kilometre away: the area, not the spot
