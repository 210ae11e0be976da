"""The attacker's eleventh round with co-organizer invitations that outlive their sender's
role. An organizer (anyone whose event was approved) invites addresses of their own; the
coordinators or an administrator then take the organizer role away, or take back an event a
trusted host published. The invitations already sent stayed good for two weeks: opened after
the removal, each made its holder an organizer, with the attendee list, its export, messages
to everyone and the door. Now an invitation is only as good as its sender's right to invite:
once the sender may no longer edit the event, the link opens nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.security.test_unseen_attacks_more import _link
from tests.security.world import NOW
from turnout.accounts import roles
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db

LATER = NOW + timedelta(minutes=30)


@pytest.fixture
def invitation():
    """An event in Kraków whose organizer has invited an address; the admin and the link."""
    with time_machine.travel(NOW, tick=False):
        admin = UserFactory(email="admin@example.pl", is_staff=True, is_superuser=True)
        coordinator = UserFactory(email="koordynator@example.pl", name="Ewa Nowak")
        campaign = CampaignFactory(slug="marsz")
        campaign.coordinators.add(coordinator)
        organizer = UserFactory(email="olga@example.pl", name="Olga Wiśniewska")
        event = LocalEventFactory(
            campaign=campaign, city="Kraków", country="PL", timezone="Europe/Warsaw"
        )
        event.organizers.add(organizer)
        client = Client()
        client.force_login(organizer)
        client.post(f"/en/dashboard/events/{event.pk}/organizers/", {"email": "pacynka@example.pl"})
        deliver_due()
    return admin, coordinator, organizer, event, _link(mail.outbox[-1])


def _accept(link: str):
    with time_machine.travel(LATER, tick=False):
        client = Client()
        return client.get(link), client.post(link)


def _organizes(event, email: str) -> bool:
    return event.organizers.filter(email__iexact=email).exists()


def test_an_invitation_from_someone_no_longer_organizing_makes_nobody_an_organizer(invitation):
    admin, _coordinator, organizer, event, link = invitation
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        roles.revoke_role(actor=admin, person=organizer, role=roles.Role.ORGANIZER, obj=event)
    shown, accepted = _accept(link)
    assert shown.status_code == 410 and accepted.status_code == 410
    assert not _organizes(event, "pacynka@example.pl")


def test_an_invitation_from_a_deactivated_account_makes_nobody_an_organizer(invitation):
    _admin, _coordinator, organizer, event, link = invitation
    organizer.is_active = False
    organizer.save(update_fields=["is_active"])
    _shown, accepted = _accept(link)
    assert accepted.status_code == 410
    assert not _organizes(event, "pacynka@example.pl")


def test_an_invitation_from_someone_still_organizing_or_coordinating_still_works(invitation):
    _admin, coordinator, _organizer, event, link = invitation
    _shown, accepted = _accept(link)
    assert accepted.status_code == 302
    assert _organizes(event, "pacynka@example.pl")
    # A coordinator's own invitation does not depend on organizing the event.
    with time_machine.travel(LATER, tick=False):
        client = Client()
        client.force_login(coordinator)
        client.post(f"/en/dashboard/events/{event.pk}/organizers/", {"email": "marek@example.pl"})
        deliver_due()
    _shown, accepted = _accept(_link(mail.outbox[-1]))
    assert accepted.status_code == 302
    assert _organizes(event, "marek@example.pl")


def test_a_trusted_hosts_invitations_end_when_their_event_is_taken_back(invitation):
    from turnout.campaigns.proposals import decisions
    from turnout.campaigns.proposals.models import EventProposal

    _admin, coordinator, organizer, event, link = invitation
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        published = EventProposal.objects.create(
            event=event, proposer_name=organizer.name, proposer_email=organizer.email,
            token_hash="1" * 64, email_confirmed_at=NOW, state=EventProposal.State.APPROVED,
            published_by_trusted_host=True,
        )  # fmt: skip
        decisions.unpublish_trusted_proposal(
            proposal=published, actor=coordinator, now=NOW + timedelta(minutes=5)
        )
    _shown, accepted = _accept(link)
    assert accepted.status_code == 410
    assert not _organizes(event, "pacynka@example.pl")
