"""The attacker's eighth round against the site's email as a relay: someone whose event was
approved (and so organizes it) typing any address into the co-organizer invitation, once per
victim or again and again at one; asking an attendee to take a role and taking it away in a
loop; writing to everyone at the event, or a coordinator to every organizer, in a loop. Each
email goes out from the site's address with the organizer's words in it; an hourly bound per
sender, per recipient and per event keeps the site from mailing anyone without end."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.roles.factories import EventRoleFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.proposals.models import OrganizerInvitation
from turnout.notifications.models import OutboxMessage, WrittenMessage
from turnout.notifications.written_messages import MESSAGES_PER_HOUR_ABOUT_ONE as MESSAGES_PER_HOUR
from turnout.organizing.dashboard.forms import InviteForm
from turnout.organizing.dashboard.services import (
    INVITATIONS_PER_HOUR_BY_ONE_PERSON,
    INVITATIONS_PER_HOUR_TO_ONE_ADDRESS,
)
from turnout.roles.models import RoleAssignment
from turnout.roles.views import ASKS_PER_HOUR_TO_ONE_ATTENDEE
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 2, 9, 0, tzinfo=UTC)
VICTIM = "slachtoffer@example.net"


def _organizer(email: str, city: str = "Groningen"):
    person = UserFactory(email=email)
    event = LocalEventFactory(city=city, title=f"Goedkope horloges! Klik hier — {city}")
    event.organizers.add(person)
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return event, client


def _invite(client: Client, event, address: str):
    response = client.post(f"/en/dashboard/events/{event.pk}/organizers/", {"email": address})
    assert response.status_code < 500
    return response


def _mail_to(address: str) -> int:
    return OutboxMessage.objects.filter(to_email=address).count()


@time_machine.travel(NOW, tick=False)
def test_inviting_one_address_again_and_again_mails_it_only_a_few_times():
    event, client = _organizer("horloges@example.org")
    for _ in range(30):
        answer = _invite(client, event, VICTIM)
    assert _mail_to(VICTIM) == INVITATIONS_PER_HOUR_TO_ONE_ADDRESS
    assert OrganizerInvitation.objects.count() == INVITATIONS_PER_HOUR_TO_ONE_ADDRESS
    assert "Too many invitations" in answer.content.decode()


@time_machine.travel(NOW, tick=False)
def test_look_alike_spellings_of_the_address_share_its_limit():
    """Capitals, an accent typed decomposed, the domain in punycode or full-width letters, a long
    s (which the validator takes for an s): one inbox, one limit."""
    event, client = _organizer("horloges@example.org")
    spellings = [
        "jose@bücher.example",
        "JOSE@BÜCHER.EXAMPLE",
        "jose@bu\u0308cher.example",
        "Jose@xn--bcher-kva.example",
        " jose@bücher.example ",
        "jose@ｂüｃｈｅｒ.example",
        "jo\u017fe@bücher.example",
    ]
    # Each is an address the form takes, so only the shared limit can stop it.
    assert all(InviteForm({"email": address}).is_valid() for address in spellings)
    for address in spellings * 3:
        _invite(client, event, address)
    assert OutboxMessage.objects.count() == INVITATIONS_PER_HOUR_TO_ONE_ADDRESS


@time_machine.travel(NOW, tick=False)
def test_one_organizer_cannot_mail_a_list_of_strangers():
    event, client = _organizer("horloges@example.org")
    for number in range(3 * INVITATIONS_PER_HOUR_BY_ONE_PERSON):
        _invite(client, event, f"ontvanger{number}@example.net")
    assert OutboxMessage.objects.count() == INVITATIONS_PER_HOUR_BY_ONE_PERSON


@time_machine.travel(NOW, tick=False)
def test_many_organizers_together_still_mail_one_address_only_a_few_times():
    for number, city in enumerate(["Assen", "Emmen", "Zwolle", "Tilburg", "Venlo", "Breda"]):
        event, client = _organizer(f"organisator{number}@example.org", city)
        for _ in range(3):
            _invite(client, event, VICTIM)
    assert _mail_to(VICTIM) == INVITATIONS_PER_HOUR_TO_ONE_ADDRESS


def test_invitations_go_out_again_an_hour_later_and_for_other_organizers_meanwhile():
    with time_machine.travel(NOW, tick=False) as clock:
        event, client = _organizer("horloges@example.org")
        for number in range(INVITATIONS_PER_HOUR_BY_ONE_PERSON + 5):
            _invite(client, event, f"ontvanger{number}@example.net")
        other_event, other_client = _organizer("eerlijk@example.org", "Delft")
        assert _invite(other_client, other_event, "femke@example.nl").status_code == 302
        assert _mail_to("femke@example.nl") == 1
        clock.move_to(NOW + timedelta(hours=1, minutes=1))
        client.force_login(event.organizers.get())
        assert _invite(client, event, "nieuw@example.net").status_code == 302
    assert _mail_to("nieuw@example.net") == 1


# -- an attendee asked to take a role and taken off it, in a loop --------------------------------


def _door():
    organizer = UserFactory(email="rollen@example.org")
    event = LocalEventFactory(city="Arnhem")
    event.organizers.add(organizer)
    role = EventRoleFactory(event=event, capacity=3)
    attendee = SignupFactory(
        event=event, name="Lotte", email="lotte@example.nl", state=Signup.State.CONFIRMED
    )
    client = Client(raise_request_exception=False)
    client.force_login(organizer)
    return event, role, attendee, client


def _ask_and_take_away(client: Client, event, role, attendee) -> int:
    answer = client.post(
        f"/en/roles/events/{event.pk}/ask/", {"role": role.pk, "signup": attendee.pk}
    )
    assert answer.status_code < 500
    for assignment in RoleAssignment.objects.filter(signup=attendee):
        removed = client.post(f"/en/roles/events/{event.pk}/assignments/{assignment.pk}/remove/")
        assert removed.status_code < 500
    return answer.status_code


@time_machine.travel(NOW, tick=False)
def test_asking_and_taking_a_role_away_in_a_loop_mails_the_attendee_a_few_times():
    event, role, attendee, client = _door()
    statuses = [_ask_and_take_away(client, event, role, attendee) for _ in range(20)]
    # Each ask that went through is two emails: asked, and taken off the role.
    assert _mail_to(attendee.email) == 2 * ASKS_PER_HOUR_TO_ONE_ATTENDEE
    assert statuses.count(302) == ASKS_PER_HOUR_TO_ONE_ATTENDEE
    assert set(statuses[ASKS_PER_HOUR_TO_ONE_ATTENDEE:]) == {400}
    refused = client.post(
        f"/en/roles/events/{event.pk}/ask/", {"role": role.pk, "signup": attendee.pk}
    )
    assert "Too many role requests" in refused.content.decode()


def test_a_loop_at_one_attendee_leaves_the_others_and_the_next_hour_open():
    with time_machine.travel(NOW, tick=False) as clock:
        event, role, attendee, client = _door()
        for _ in range(ASKS_PER_HOUR_TO_ONE_ATTENDEE + 2):
            _ask_and_take_away(client, event, role, attendee)
        other = SignupFactory(
            event=event, name="Daan", email="daan@example.nl", state=Signup.State.CONFIRMED
        )
        assert _ask_and_take_away(client, event, role, other) == 302
        clock.move_to(NOW + timedelta(hours=1, minutes=1))
        client.force_login(event.organizers.get())
        assert _ask_and_take_away(client, event, role, attendee) == 302


# -- a message to everyone at an event, sent in a loop -------------------------------------------


def _message(client: Client, path: str, number: int):
    answer = client.post(
        path, {"subject": f"Belangrijk nieuws {number}", "body": "Kom allemaal naar het plein."}
    )
    assert answer.status_code < 500
    return answer


def test_messages_to_an_events_attendees_in_a_loop_reach_each_attendee_a_few_times():
    with time_machine.travel(NOW, tick=False) as clock:
        event, role, attendee, client = _door()
        SignupFactory(event=event, email="daan@example.nl", state=Signup.State.CONFIRMED)
        quiet_event, quiet_client = _organizer("stil@example.org", "Nijmegen")
        SignupFactory(event=quiet_event, email="mila@example.nl", state=Signup.State.CONFIRMED)
        path = f"/en/signups/events/{event.pk}/attendees/message/"
        answers = [_message(client, path, number) for number in range(20)]
        assert _mail_to("lotte@example.nl") == _mail_to("daan@example.nl") == MESSAGES_PER_HOUR
        assert [a.status_code for a in answers].count(302) == MESSAGES_PER_HOUR
        assert "messages were sent in the last hour" in answers[-1].content.decode()
        assert WrittenMessage.objects.count() == MESSAGES_PER_HOUR
        # Another event's organizer writes to their own people meanwhile.
        quiet_path = f"/en/signups/events/{quiet_event.pk}/attendees/message/"
        assert _message(quiet_client, quiet_path, 1).status_code == 302
        assert _mail_to("mila@example.nl") == 1
        clock.move_to(NOW + timedelta(hours=1, minutes=1))
        client.force_login(event.organizers.get())
        assert _message(client, path, 99).status_code == 302
    assert _mail_to("lotte@example.nl") == MESSAGES_PER_HOUR + 1


@time_machine.travel(NOW, tick=False)
def test_a_coordinators_messages_to_organizers_in_a_loop_reach_each_a_few_times():
    event, _client = _organizer("organisator@example.org", "Haarlem")
    coordinator = UserFactory(email="coordinatie@example.org")
    event.campaign.coordinators.add(coordinator)
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    path = f"/en/dashboard/campaigns/{event.campaign.slug}/message/"
    for number in range(15):
        _message(client, path, number)
    assert _mail_to("organisator@example.org") == MESSAGES_PER_HOUR
