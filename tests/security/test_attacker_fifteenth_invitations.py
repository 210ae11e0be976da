"""The attacker's fifteenth round with co-organizers a trusted host brought in. A host whose
proposals publish without review invites a second address of their own as co-organizer
(accepted at once, while the event is public); the coordinators then take the event back for
an ordinary look. The host stopped organizing it, and their open invitations died (the
eleventh round), but the co-organizer they had already made stayed: the attendee list, its
export, messages to everyone who had signed up and the door, for an event the campaign no
longer shows. Now taking the event back ends the roles that came through the host's
invitations too; an organizer an administrator added stays."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from tests.factories import UserFactory
from tests.security.test_attacker_eleventh_invitations import LATER, _accept, _organizes
from tests.security.test_attacker_eleventh_invitations import invitation as invitation  # noqa: F401
from tests.security.world import NOW
from tests.signups.factories import SignupFactory
from turnout.campaigns.proposals import decisions
from turnout.campaigns.proposals.models import EventProposal

pytestmark = pytest.mark.django_db


def _take_back(event, host, coordinator):
    published = EventProposal.objects.create(
        event=event, proposer_name=host.name, proposer_email=host.email, token_hash="2" * 64,
        email_confirmed_at=NOW, state=EventProposal.State.APPROVED,
        published_by_trusted_host=True,
    )  # fmt: skip
    with time_machine.travel(LATER + timedelta(minutes=5), tick=False):
        decisions.unpublish_trusted_proposal(
            proposal=published, actor=coordinator, now=LATER + timedelta(minutes=5)
        )


def test_a_co_organizer_the_host_brought_in_goes_when_the_event_is_taken_back(invitation):  # noqa: F811
    _admin, coordinator, host, event, link = invitation
    SignupFactory(event=event, name="Zofia Kowalska", email="zofia@example.pl")
    _shown, accepted = _accept(link)
    assert accepted.status_code == 302 and _organizes(event, "pacynka@example.pl")
    kept = UserFactory(email="stefan@example.pl", name="Stefan")
    event.organizers.add(kept)  # by an administrator, not through the host

    _take_back(event, host, coordinator)

    assert not _organizes(event, "pacynka@example.pl")
    assert _organizes(event, "stefan@example.pl")
    client = Client()
    with time_machine.travel(LATER + timedelta(minutes=10), tick=False):
        client.force_login(event.organizers.model.objects.get(email="pacynka@example.pl"))
        listed = client.get(f"/en/signups/events/{event.pk}/attendees/")
    assert listed.status_code in (403, 404)
    assert "zofia@example.pl" not in listed.content.decode()
