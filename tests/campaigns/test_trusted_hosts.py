"""Trusted hosts and the spam hold, as coordinators and proposers meet them: through the
proposal form, the confirmation link and the moderation queue."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.factories import CampaignFactory, UserFactory
from turnout.accounts.models import AuditEntry, User
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals import decisions, trust
from turnout.campaigns.proposals.models import EventProposal, TrustedHost
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db

QUEUE = "/{language}/dashboard/campaigns/{slug}/proposals/"


@pytest.fixture(autouse=True)
def _april_2030():
    with time_machine.travel(datetime(2030, 4, 1, 9, tzinfo=ZoneInfo("UTC")), tick=False):
        yield


def _campaign(slug: str, title: str, coordinator_email: str):
    campaign = CampaignFactory(
        slug=slug, title=title, starts_on=date(2030, 5, 13), ends_on=date(2030, 5, 14),
        is_open_for_proposals=True,
    )  # fmt: skip
    campaign.coordinators.add(UserFactory(email=coordinator_email))
    return campaign


@pytest.fixture
def campaign(db):
    return _campaign("may", "May action", "coord@example.org")


@pytest.fixture
def other_campaign(db):
    return _campaign("june", "June action", "june-coord@example.org")


@pytest.fixture
def coordinator(campaign):
    return campaign.coordinators.get()


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin@example.org", "a-long-admin-password")


def propose(client, *, slug="may", language="en", **changes) -> EventProposal:
    """Send the form as a volunteer, confirm the emailed link, return the proposal."""
    data = {
        "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Griet",
        "proposer_email": "Griet@Example.org",
    }  # fmt: skip
    data.update(changes)
    response = client.post(f"/{language}/campaigns/{slug}/organize/", data)
    assert response.status_code == 200
    deliver_due()
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/confirm/)", mail.outbox[-1].body).group(1)
    client.confirm_page = client.post(link).content.decode()
    deliver_due()
    return EventProposal.objects.latest("pk")


def decide(client, proposal, decision, *, slug="may", message=None):
    data = {"proposal": proposal.pk, f"p{proposal.pk}-decision": decision}
    if message is not None:
        data[f"p{proposal.pk}-message"] = message
    response = client.post(QUEUE.format(language="en", slug=slug), data, follow=True)
    deliver_due()
    proposal.refresh_from_db()
    return response


def as_visitor(client):
    client.logout()
    return client


def test_approve_and_trust_publishes_the_hosts_next_proposal_in_that_campaign_only(
    client, campaign, coordinator, other_campaign
):
    first = propose(client)
    client.force_login(coordinator)
    queue = client.get(QUEUE.format(language="en", slug="may")).content.decode()
    assert "Approve and trust this host" in queue
    assert "in every campaign" not in queue.split("Trusted hosts")[0]  # not an administrator
    response = decide(client, first, "approve_trust")
    assert "Its host is trusted in this campaign" in response.content.decode()
    assert first.state == "approved" and first.decided_by == coordinator
    trusted = TrustedHost.objects.get()
    assert (trusted.email, trusted.campaign, trusted.trusted_by) == (
        "griet@example.org",
        campaign,
        coordinator,
    )
    assert AuditEntry.objects.filter(action="host.trusted", actor=coordinator).exists()

    as_visitor(client)
    second = propose(client, title="Second march", proposer_email="griet@example.org ")
    assert "As a trusted host, your event is published right away" in client.confirm_page
    assert (second.state, second.published_by_trusted_host, second.decided_by) == (
        "approved",
        True,
        None,
    )
    assert second.event.status == LocalEvent.Status.APPROVED
    assert list(second.event.organizers.values_list("email", flat=True)) == ["griet@example.org"]
    assert mail.outbox[-1].subject == "Your event in Groningen is approved"
    entry = AuditEntry.objects.get(action="proposal.trusted_published")
    assert entry.actor is None and "published by a trusted host" in entry.summary
    event_page = reverse("campaigns:event_detail", kwargs={"pk": second.event.pk})
    assert client.get(event_page).status_code == 200

    elsewhere = propose(client, slug="june", title="June march")
    assert elsewhere.state == "pending" and not elsewhere.published_by_trusted_host

    client.force_login(coordinator)
    queue = client.get(QUEUE.format(language="en", slug="may")).content.decode()
    trusted_part = queue.split("Published by trusted hosts")[1]
    assert "Second march" in trusted_part and "Undo: unpublish" in trusted_part
    assert "griet@example.org" in trusted_part.split("Trusted hosts")[1]


def test_only_an_administrator_trusts_in_every_campaign(
    client, campaign, coordinator, other_campaign, admin_user
):
    first = propose(client)
    client.force_login(coordinator)
    response = decide(client, first, "approve_trust_everywhere")
    assert "Only an administrator can trust a host in every campaign." in response.content.decode()
    assert first.state == "pending" and not TrustedHost.objects.exists()  # nothing half-done

    client.force_login(admin_user)
    queue = client.get(QUEUE.format(language="en", slug="may")).content.decode()
    assert "Approve and trust this host in every campaign" in queue
    decide(client, first, "approve_trust_everywhere")
    assert TrustedHost.objects.get().campaign is None
    as_visitor(client)
    assert propose(client, slug="june").state == "approved"
    assert propose(client, slug="may", title="Again").state == "approved"


def test_staff_with_the_permission_may_trust_everywhere_coordinators_may_not(campaign, coordinator):
    staff = UserFactory(email="staff@example.org", is_staff=True)
    assert not trust.can_trust_everywhere(staff)
    staff.user_permissions.add(Permission.objects.get(codename="add_trustedhost"))
    staff = User.objects.get(pk=staff.pk)  # permissions are cached on the instance
    assert trust.can_trust_everywhere(staff)
    assert not trust.can_trust_everywhere(coordinator)
    with pytest.raises(PermissionDenied):
        trust.trust_host(
            email="x@example.org", campaign=None, actor=coordinator, now=timezone.now()
        )
    trust.trust_host(email="X@Example.org", campaign=None, actor=staff, now=timezone.now())
    assert trust.is_trusted_host("x@example.org", campaign)


def test_a_coordinator_of_another_campaign_cannot_trust_for_yours(client, campaign, other_campaign):
    proposal = propose(client)
    stranger = other_campaign.coordinators.get()
    client.force_login(stranger)
    response = client.post(
        QUEUE.format(language="en", slug="may"),
        {"proposal": proposal.pk, f"p{proposal.pk}-decision": "approve_trust"},
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        trust.trust_host(
            email="griet@example.org", campaign=campaign, actor=stranger, now=timezone.now()
        )
    assert not TrustedHost.objects.exists()
    assert EventProposal.objects.get().state == "pending"


def test_a_trusted_host_sending_spam_is_held_not_published(client, campaign, coordinator):
    trust.trust_host(
        email="griet@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    spam = propose(
        client,
        title="Cheap",
        description="[pills](https://pills.example/a) [casino](https://casino.example/b) "
        "[loans](https://loans.example/c)",
    )
    assert spam.state == "pending" and spam.is_held_as_spam and not spam.published_by_trusted_host
    assert spam.spam_score >= 50
    assert {reason["code"] for reason in spam.spam_reasons} == {"links", "link_markup"}
    assert "A coordinator will look at your proposal soon" in client.confirm_page
    assert spam.event.status == LocalEvent.Status.PROPOSED


@pytest.mark.parametrize(
    ("language", "held", "reason", "trusted_heading", "approve_trust"),
    [
        (
            "en",
            "Held as possible spam",
            "the address uses a throw-away email service (mailinator.com)",
            "Published by trusted hosts",
            "Approve and trust this host",
        ),
        (
            "nl",
            "Vastgehouden als mogelijke spam",
            "het adres gebruikt een wegwerp-e-maildienst (mailinator.com)",
            "Gepubliceerd door vertrouwde organisatoren",
            "Goedkeuren en deze organisator vertrouwen",
        ),
    ],
)
def test_the_queue_shows_held_proposals_with_reasons_and_the_trusted_section(
    client, campaign, coordinator, language, held, reason, trusted_heading, approve_trust
):
    propose(client, proposer_email="troll@inbox.mailinator.com", title="Held one")
    propose(client, proposer_email="ok@example.org", title="Fine one", city="Leiden")
    trust.trust_host(
        email="host@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    propose(client, proposer_email="host@example.org", title="Trusted one", city="Delft")
    client.force_login(coordinator)
    page = client.get(QUEUE.format(language=language, slug="may")).content.decode()
    held_part, rest = page.split('id="waiting-heading"')
    assert held in held_part and reason in held_part and "Held one" in held_part
    assert "Fine one" not in held_part
    waiting_part, trusted_part = rest.split('id="trusted-heading"')
    assert "Fine one" in waiting_part and approve_trust in waiting_part
    assert trusted_heading in trusted_part and "Trusted one" in trusted_part
    assert "host@example.org" in trusted_part


def test_a_held_proposal_is_released_or_rejected_never_dropped(client, campaign, coordinator):
    held = propose(client, proposer_email="x@yopmail.com")
    other = propose(client, proposer_email="y@yopmail.com", city="Leiden")
    client.force_login(coordinator)
    response = decide(client, held, "release")
    assert "waits with the other proposals" in response.content.decode()
    assert held.state == "pending" and not held.is_held_as_spam
    assert held.spam_reasons  # still shown beside it
    assert AuditEntry.objects.filter(action="proposal.released", actor=coordinator).exists()
    decide(client, other, "reject", message="This does not look like a real event.")
    assert other.state == "rejected"
    assert EventProposal.objects.count() == 2  # nothing deleted


def test_unpublishing_takes_a_trusted_publication_back_for_review(client, campaign, coordinator):
    trust.trust_host(
        email="griet@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    published = propose(client, title="Quick march")
    assert published.state == "approved"
    client.force_login(coordinator)
    response = client.post(
        QUEUE.format(language="en", slug="may"),
        {"after_look": "unpublish", "proposal": published.pk},
        follow=True,
    )
    assert "is no longer public and waits for your decision" in response.content.decode()
    published.refresh_from_db()
    assert published.state == "pending" and published.event.status == LocalEvent.Status.PROPOSED
    assert not published.event.organizers.exists()
    deliver_due()
    message = mail.outbox[-1]
    assert message.to == ["griet@example.org"]
    assert message.subject == "Your event in Groningen is back with the coordinators"
    assert "taken it back for a closer look" in message.body
    assert "Taken back from a trusted host" in response.content.decode()
    event_page = reverse("campaigns:event_detail", kwargs={"pk": published.event.pk})
    assert as_visitor(client).get(event_page).status_code == 404
    assert AuditEntry.objects.filter(action="proposal.unpublished").exists()
    client.force_login(coordinator)
    decide(client, published, "approve")
    assert published.state == "approved"
    assert published.event.organizers.get().email == "griet@example.org"


def test_a_dutch_host_hears_over_smtp_that_they_were_published_then_taken_back(
    client, campaign, coordinator, smtp_server
):
    trust.trust_host(
        email="griet@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    client.post("/nl/campaigns/may/organize/", {
        "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Griet",
        "proposer_email": "griet@example.org", "title": "Snelle mars",
    })  # fmt: skip
    deliver_due()
    (confirm,) = smtp_server.messages
    body = confirm.get_body(("plain",)).get_content()
    client.post(re.search(r"http://127\.0\.0\.1:8000(/\S+/confirm/)", body).group(1))
    deliver_due()
    published = EventProposal.objects.get()
    assert published.published_by_trusted_host
    approved = smtp_server.to("griet@example.org")[-1]
    assert approved["Subject"] == "Je evenement in Groningen is goedgekeurd"
    decisions.unpublish_trusted_proposal(proposal=published, actor=coordinator, now=timezone.now())
    deliver_due()
    taken_back = smtp_server.to("griet@example.org")[-1]
    # (a long encoded subject is folded onto its own line; mail readers unfold it)
    assert (
        taken_back["Subject"].strip() == "Je evenement in Groningen ligt weer bij de coördinatoren"
    )
    assert taken_back["Content-Language"] == "nl"
    text = taken_back.get_body(("plain",)).get_content()
    assert "Omdat je een vertrouwde organisator bent" in text


def test_stop_trusting_from_the_queue(client, campaign, coordinator, other_campaign):
    mine = trust.trust_host(
        email="griet@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    theirs = trust.trust_host(
        email="someone@example.org",
        campaign=other_campaign,
        actor=other_campaign.coordinators.get(),
        now=timezone.now(),
    )
    everywhere = TrustedHost.objects.create(email="all@example.org", campaign=None)
    client.force_login(coordinator)
    queue = client.get(QUEUE.format(language="en", slug="may")).content.decode()
    assert "someone@example.org" not in queue  # another campaign's trust
    assert "all@example.org" in queue and queue.count('name="after_look" value="untrust"') == 1
    path = QUEUE.format(language="en", slug="may")
    assert client.post(path, {"after_look": "untrust", "host": theirs.pk}).status_code == 404
    assert client.post(path, {"after_look": "untrust", "host": everywhere.pk}).status_code == 403
    response = client.post(path, {"after_look": "untrust", "host": mine.pk}, follow=True)
    assert "griet@example.org is no longer trusted" in response.content.decode()
    assert set(TrustedHost.objects.values_list("email", flat=True)) == {
        "someone@example.org", "all@example.org"
    }  # fmt: skip
    assert AuditEntry.objects.filter(action="host.untrusted", actor=coordinator).exists()
    as_visitor(client)
    assert propose(client).state == "pending"


def test_revised_proposals_are_scored_again_but_not_published_on_trust(
    client, campaign, coordinator
):
    proposal = propose(client)
    client.force_login(coordinator)
    decide(client, proposal, "changes", message="Please add a venue description.")
    trust.trust_host(
        email="griet@example.org", campaign=campaign, actor=coordinator, now=timezone.now()
    )
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/revise/)", mail.outbox[-1].body).group(1)
    as_visitor(client).post(
        link,
        {
            "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13", "starts": "14:00",
            "ends": "16:00", "signup_method": "native",
            "description": "https://a.example https://b.example https://c.example",
        },
    )  # fmt: skip
    proposal.refresh_from_db()
    assert proposal.state == "pending" and proposal.spam_score == 20
    assert [reason["code"] for reason in proposal.spam_reasons] == ["links"]


def test_the_admin_lists_grants_and_revokes_with_an_audit_trail(client, campaign, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/campaigns/trustedhost/add/", {"email": " Host@Example.org", "campaign": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    trusted = TrustedHost.objects.get()
    assert (trusted.email, trusted.campaign, trusted.trusted_by) == (
        "host@example.org",
        None,
        admin_user,
    )
    assert "host@example.org" in client.get("/admin/campaigns/trustedhost/").content.decode()
    client.post(f"/admin/campaigns/trustedhost/{trusted.pk}/delete/", {"post": "yes"})
    assert not TrustedHost.objects.exists()
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["host.trusted", "host.untrusted"]


def test_trusting_twice_changes_nothing(campaign, coordinator):
    now = timezone.now()
    first = trust.trust_host(email="a@example.org", campaign=campaign, actor=coordinator, now=now)
    again = trust.trust_host(email="A@example.org", campaign=campaign, actor=coordinator, now=now)
    assert first.pk == again.pk
    assert AuditEntry.objects.filter(action="host.trusted").count() == 1


def test_approve_and_trust_of_a_decided_proposal_trusts_nobody(client, campaign, coordinator):
    proposal = propose(client)
    decisions.approve_proposal(proposal=proposal, actor=coordinator, now=timezone.now())
    client.force_login(coordinator)
    response = decide(client, proposal, "approve_trust")
    assert "This proposal has been decided already." in response.content.decode()
    assert not TrustedHost.objects.exists()
