"""The audit log in the reader's language: objects by name (or "deleted ..."), local times."""

from datetime import UTC, datetime

import pytest

from tests.factories import LocalEventFactory, UserFactory
from turnout.accounts.models import AuditAction, AuditEntry
from turnout.accounts.services import record_audit

pytestmark = pytest.mark.django_db


def test_the_log_names_objects_and_says_which_are_gone_in_both_languages(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    kept = LocalEventFactory(title="Protest in Utrecht <b>")
    gone = LocalEventFactory(title="Protest in Gouda")
    record_audit(actor=admin, action="signups.export", target=kept, summary="12 signups")
    record_audit(actor=admin, action="signups.export", target=gone, summary="3 signups")
    gone_id = gone.pk
    gone.delete()
    AuditEntry.objects.create(
        action="legacy.thing", target_type="nosuch.model", target_id="abc", summary="old"
    )
    client.force_login(admin)
    english = client.get("/en/accounts/audit/").content.decode()
    assert "Protest in Utrecht &lt;b&gt;" in english
    assert f"deleted local event #{gone_id}" in english
    assert "campaigns.localevent" not in english
    assert "deleted nosuch.model #abc" in english
    dutch = client.get("/nl/accounts/audit/").content.decode()
    assert f"lokaal evenement #{gone_id} (verwijderd)" in dutch
    assert "Gegevens van aanmeldingen geëxporteerd" in dutch or "geëxporteerd" in dutch


def test_timestamps_in_details_and_the_time_column_read_as_local_dates(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    entry = record_audit(
        actor=admin,
        action=AuditAction.PHOTO_UPLOAD,
        summary="Exported 4 signups as CSV at 2026-03-12T09:05:00.123456+00:00",
    )
    AuditEntry.objects.filter(pk=entry.pk).update(
        created_at=datetime(2026, 3, 12, 9, 5, tzinfo=UTC)
    )
    client.force_login(admin)
    dutch = client.get("/nl/accounts/audit/").content.decode()
    assert "at 2026-03-12T09" not in dutch
    assert "12 maart 2026" in dutch
    english = client.get("/en/accounts/audit/").content.decode()
    assert "at 2026-03-12T09" not in english and "12 March 2026" in english
