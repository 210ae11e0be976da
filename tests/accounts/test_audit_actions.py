"""Audit actions are declared choices with labels in both languages; nothing else is recorded."""

import ast
from pathlib import Path

import pytest

import turnout
from tests.factories import UserFactory
from turnout.accounts.models import AuditAction, AuditEntry
from turnout.accounts.services import record_audit

SOURCE = Path(turnout.__file__).parent


def _audit_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record_audit":
                calls.append((f"{path.relative_to(SOURCE)}:{node.lineno}", node))
    return calls


def _actions_named(expression: ast.expr, where: str) -> list[str]:
    """Literal strings and AuditAction members; anything this test cannot read fails it."""
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return [expression.value]
    if (
        isinstance(expression, ast.Attribute)
        and isinstance(expression.value, ast.Name)
        and expression.value.id == "AuditAction"
    ):
        return [AuditAction[expression.attr].value]
    if isinstance(expression, ast.IfExp):
        return _actions_named(expression.body, where) + _actions_named(expression.orelse, where)
    raise AssertionError(f"{where}: pass a literal action or an AuditAction member")


def test_every_action_the_code_records_is_a_declared_choice():
    calls = _audit_calls()
    # The services of accounts, signups, press, media, translation, importers and campaigns.
    assert len(calls) >= 20
    used = set()
    for where, call in calls:
        (action,) = [keyword.value for keyword in call.keywords if keyword.arg == "action"]
        for name in _actions_named(action, where):
            assert name in AuditAction.values, f"{where}: {name!r} is not an AuditAction"
            used.add(name)
    # The grep reads every call: all 22 declared actions are recorded somewhere today. (One the
    # code stops recording stays declared, so old entries keep their label.)
    assert len(used) >= 22


@pytest.mark.django_db
@pytest.mark.parametrize(
    "action", ["role.grantd", "Role.granted", "", " role.granted", "role.granted\n", "x" * 80]
)
def test_an_undeclared_action_is_refused_and_nothing_is_written(action):
    with pytest.raises(ValueError, match="AuditAction"):
        record_audit(actor=None, action=action, summary="typo")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_the_log_and_its_filter_show_each_action_by_its_label_in_dutch(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    record_audit(actor=admin, action=AuditAction.PHOTO_UPLOAD, summary="Oslo square")
    record_audit(actor=None, action="signups.retention", summary="Anonymized 4 signups")
    # Written by an older version under a name no longer declared: shown as recorded.
    AuditEntry.objects.create(action="legacy.thing", summary="old entry")
    client.force_login(admin)
    dutch = client.get("/nl/accounts/audit/").content.decode()
    assert dutch.count("Foto geüpload") == 2  # in the table and in the filter menu
    assert dutch.count("Oude aanmeldingen geanonimiseerd") == 2
    assert "legacy.thing" in dutch
    assert "photo.upload<" not in dutch and "signups.retention<" not in dutch
    english = client.get("/en/accounts/audit/?action=photo.upload").content.decode()
    assert "Photo uploaded" in english and "Oslo square" in english
    assert "Anonymized 4 signups" not in english


@pytest.mark.django_db
def test_the_admin_lists_actions_by_their_label(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    record_audit(actor=admin, action="press.approve", summary="Approved a mention")
    client.force_login(admin)
    text = client.get("/admin/accounts/auditentry/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert text.count("Persbericht goedgekeurd") >= 2  # the row and the filter
