"""Administrators give and take roles; every change and every sensitive act is audited."""

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import NationalGroupFactory
from turnout.accounts import roles
from turnout.accounts.models import AuditEntry, User
from turnout.accounts.services import record_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)


def test_granting_a_role_adds_the_person_and_records_who_did_it(admin):
    campaign = CampaignFactory(title="May action")
    person = UserFactory(email="co@example.org")
    assert roles.grant_role(actor=admin, person=person, role=roles.Role.COORDINATOR, obj=campaign)
    assert list(campaign.coordinators.all()) == [person]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action) == (admin, "role.granted")
    assert entry.summary == f"co@example.org: coordinator of campaign “May action” (#{campaign.pk})"
    # Granting twice changes nothing and records nothing.
    assert not roles.grant_role(actor=admin, person=person, role="coordinator", obj=campaign)
    assert AuditEntry.objects.count() == 1


def test_revoking_a_role_removes_it_and_is_recorded(admin):
    group = NationalGroupFactory()
    person = UserFactory()
    group.leads.add(person)
    assert roles.revoke_role(actor=admin, person=person, role=roles.Role.LEAD, obj=group)
    assert not group.leads.exists()
    assert AuditEntry.objects.get().action == "role.revoked"


def test_a_role_needs_the_right_kind_of_object(admin):
    with pytest.raises(ValueError):
        roles.grant_role(actor=admin, person=admin, role=roles.Role.LEAD, obj=CampaignFactory())


def test_the_last_administrator_cannot_be_removed(admin):
    with pytest.raises(roles.LastAdministratorError):
        roles.revoke_role(actor=admin, person=admin, role=roles.Role.ADMINISTRATOR)
    other = UserFactory()
    roles.grant_role(actor=admin, person=other, role=roles.Role.ADMINISTRATOR)
    assert User.objects.get(pk=other.pk).is_superuser
    assert roles.revoke_role(actor=other, person=admin, role=roles.Role.ADMINISTRATOR)
    assert not User.objects.get(pk=admin.pk).is_superuser


def test_roles_page_gives_a_role_by_email_creating_the_person(client, admin):
    event = LocalEventFactory(city="Ghent", country="BE")
    client.force_login(admin)
    response = client.post(
        "/en/accounts/roles/",
        {"email": "New@Example.org", "name": "Nel", "role": "organizer", "event": event.pk},
        follow=True,
    )
    assert "new@example.org has the role now." in response.content.decode()
    person = User.objects.get(email="new@example.org")
    assert list(event.organizers.all()) == [person]
    assert person.name == "Nel" and not person.has_usable_password()
    assert "Ghent" in response.content.decode()


def test_roles_page_explains_a_missing_object(client, admin):
    client.force_login(admin)
    response = client.post("/en/accounts/roles/", {"email": "x@example.org", "role": "lead"})
    assert "Choose which one for this role." in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_roles_page_takes_a_role_away(client, admin):
    campaign = CampaignFactory()
    person = UserFactory()
    campaign.coordinators.add(person)
    client.force_login(admin)
    response = client.post(
        "/nl/accounts/roles/revoke/",
        {"person": person.pk, "role": "coordinator", "object": campaign.pk},
        follow=True,
    )
    assert not campaign.coordinators.exists()
    assert f"De rol is afgenomen van {person.email}." in response.content.decode()


def test_only_administrators_manage_roles_or_read_the_audit_log(client):
    coordinator = UserFactory()
    CampaignFactory().coordinators.add(coordinator)
    for path in ["/en/accounts/roles/", "/en/accounts/audit/"]:
        assert client.get(path).status_code == 302  # visitors are asked to sign in
    client.force_login(coordinator)
    for path in ["/en/accounts/roles/", "/en/accounts/audit/"]:
        assert client.get(path).status_code == 403
    assert client.post("/en/accounts/roles/revoke/", {}).status_code == 403


def test_audit_log_reads_who_did_what_and_filters(client, admin):
    campaign = CampaignFactory(title="November")
    record_audit(actor=admin, action="proposal.approved", target=campaign, summary="Approved Oslo")
    record_audit(actor=None, action="signups.export", summary="Exported 3 signups")
    client.force_login(admin)
    text = client.get("/en/accounts/audit/").content.decode()
    assert "Proposal approved" in text and "Approved Oslo" in text
    assert "Attendee list exported" in text and "the system or a visitor" in text
    filtered = client.get("/en/accounts/audit/?action=proposal.approved").content.decode()
    assert "Approved Oslo" in filtered and "Exported 3 signups" not in filtered
    by_person = client.get("/en/accounts/audit/?person=admin@example.org").content.decode()
    assert "Approved Oslo" in by_person and "Exported 3 signups" not in by_person
    dutch = client.get("/nl/accounts/audit/").content.decode()
    assert "Voorstel goedgekeurd" in dutch


def test_audit_log_pages_fifty_entries_at_a_time(client, admin):
    for number in range(51):
        record_audit(actor=admin, action="role.granted", summary=f"entry {number}")
    client.force_login(admin)
    first = client.get("/en/accounts/audit/").content.decode()
    assert "entry 50" in first and "entry 0<" not in first and "Page 1 of 2" in first
    assert "entry 0<" in client.get("/en/accounts/audit/?page=2").content.decode()


def test_changing_coordinators_in_the_back_office_is_audited(client, admin):
    campaign = CampaignFactory(title="Back office")
    person = UserFactory(email="bo@example.org")
    client.force_login(admin)
    change = f"/admin/campaigns/campaign/{campaign.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {
        name: value for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }  # fmt: skip
    data.update(
        {
            "starts_on": campaign.starts_on.isoformat(),
            "ends_on": campaign.ends_on.isoformat(),
            "coordinators": [person.pk],
            "reminder_hours": "[48, 3]",
            "events-TOTAL_FORMS": 0,
            "events-INITIAL_FORMS": 0,
            "events-MIN_NUM_FORMS": 0,
            "events-MAX_NUM_FORMS": 1000,
            "safety_defaults-TOTAL_FORMS": 0,
            "safety_defaults-INITIAL_FORMS": 0,
            "safety_defaults-MIN_NUM_FORMS": 0,
            "safety_defaults-MAX_NUM_FORMS": 1000,
        }  # fmt: skip
    )
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="role.granted")
    assert entry.actor == admin and "bo@example.org: coordinator" in entry.summary
