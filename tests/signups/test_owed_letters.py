"""The emails a signup owes, written by the delivery worker from the signup row.

Each owed letter becomes exactly one outbox row; a letter the signup no longer matches is not
written; one that cannot be composed holds back no other; a worker that dies while writing
leaves every letter owed for the next run.
"""

import logging
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.signups import emails as signup_emails
from turnout.signups.metrics import signup_metrics
from turnout.signups.models import Signup
from turnout.signups.services.privacy import erase_personal_data
from turnout.signups.services.registration import cancel_signup, confirm_signup, sign_up

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def signing_up(event, email: str, *, language: str = "en", name: str = "Ada") -> Signup:
    return sign_up(
        event=event, name=name, email=email, language=language,
        accepted_code_of_conduct=True, now=NOW,
    ).signup  # fmt: skip


def kinds(to: str) -> list[str]:
    rows = OutboxMessage.objects.filter(to_email=to).order_by("id")
    return list(rows.values_list("kind", flat=True))


def test_a_signup_owes_its_request_until_a_run_writes_it_once():
    event = LocalEventFactory(title="Zitprotest in Gent")
    signup = signing_up(event, "ines@example.org", language="nl", name="Inès")
    assert Signup.objects.get().letter_due == "confirm_request"
    assert not OutboxMessage.objects.exists()

    assert outbox.write_owed_letters() == 1
    message = OutboxMessage.objects.get()
    assert (message.kind, message.language) == ("confirm_request", "nl")
    assert message.subject == "Bevestig je aanmelding: Zitprotest in Gent"
    assert signup.token in message.body_text and "Inès" in message.body_text
    assert Signup.objects.get().letter_due == ""
    assert outbox.write_owed_letters() == 0
    assert OutboxMessage.objects.count() == 1


def test_each_outcome_owes_its_own_letter():
    event = LocalEventFactory(capacity=1, title="Die-in")
    first, second = signing_up(event, "a@example.org"), signing_up(event, "b@example.org")
    outbox.write_owed_letters()
    assert confirm_signup(token=first.token, now=NOW).letter_due == "signup_confirmed"
    assert confirm_signup(token=second.token, now=NOW).letter_due == "waitlisted"
    assert outbox.write_owed_letters() == 2
    assert kinds("a@example.org") == ["confirm_request", "signup_confirmed"]
    assert kinds("b@example.org") == ["confirm_request", "waitlisted"]
    invite = OutboxMessage.objects.get(kind="signup_confirmed")
    assert invite.attachments[0]["filename"] == "invite.ics"


def test_a_letter_the_signup_no_longer_matches_is_not_written():
    event = LocalEventFactory(capacity=1)
    holder = SignupFactory(event=event, email="holder@example.org")
    waiting = signing_up(event, "waiting@example.org")
    gone = signing_up(event, "gone@example.org")
    erased = signing_up(event, "erased@example.org")
    outbox.write_owed_letters()
    confirm_signup(token=waiting.token, now=NOW)  # full: owes "you're on the waitlist"
    # Before the worker comes: the holder cancels, so the waitlisted person is promoted and
    # told so; one person cancels, one has their data erased.
    cancel_signup(token=holder.token, now=NOW)
    cancel_signup(token=gone.token, now=NOW)
    erase_personal_data(email="erased@example.org", now=NOW)
    Signup.objects.filter(email="").update(letter_due="confirm_request")  # as if left owed
    outbox.write_owed_letters()
    assert kinds("waiting@example.org") == ["confirm_request", "promoted"]
    assert kinds("gone@example.org") == ["confirm_request"]
    erased.refresh_from_db()
    assert (erased.email, erased.letter_due) == ("", "")  # owed, and nobody to write to
    assert not OutboxMessage.objects.filter(to_email="").exists()
    assert not Signup.objects.exclude(letter_due="").exists()


def test_on_sqlite_a_mark_changed_while_its_letter_was_composed_is_written_anew(monkeypatch):
    """SQLite composes outside the write lock; PostgreSQL holds the rows (a change waits)."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL locks the owed rows while composing")
    event = LocalEventFactory(capacity=5)
    signing_up(event, "ann@example.org")
    bob = signing_up(event, "bob@example.org")
    compose = signup_emails.confirmation_request

    def bob_confirms_meanwhile(signup):
        if signup.pk == bob.pk:  # his link, clicked from another device's earlier email
            confirm_signup(token=bob.token, now=NOW)
        return compose(signup)

    with monkeypatch.context() as patched:
        patched.setattr(signup_emails, "confirmation_request", bob_confirms_meanwhile)
        outbox.write_owed_letters()

    assert kinds("ann@example.org") == ["confirm_request"]
    assert kinds("bob@example.org") == []  # the request is moot: he is in
    assert Signup.objects.get(pk=bob.pk).letter_due == "signup_confirmed"
    outbox.write_owed_letters()
    assert kinds("bob@example.org") == ["signup_confirmed"]


def test_a_letter_that_cannot_be_composed_holds_back_no_other(monkeypatch, caplog):
    event = LocalEventFactory()
    compose = signup_emails.confirmation_request

    def broken_for_bob(signup):
        if signup.name == "Bob":
            raise ValueError("a template fault")
        return compose(signup)

    monkeypatch.setattr(signup_emails, "confirmation_request", broken_for_bob)
    for name in ("Ann", "Bob", "Cas"):
        signing_up(event, f"{name.lower()}@example.org", name=name)
    with caplog.at_level(logging.ERROR, logger="turnout.signups.owed_letters"):
        assert outbox.write_owed_letters() == 3
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "ann@example.org",
        "cas@example.org",
    ]
    assert "confirm_request email of signup" in caplog.text
    assert outbox.write_owed_letters() == 0  # logged once, not retried on every run


def test_a_worker_dying_while_writing_leaves_every_letter_owed(monkeypatch):
    event = LocalEventFactory()
    for n in range(3):
        signing_up(event, f"p{n}@example.org")

    def dies(*args, **kwargs):
        raise SystemExit("killed")

    with monkeypatch.context() as patched:
        patched.setattr(outbox, "write_rows", dies)
        with pytest.raises(SystemExit):
            outbox.write_owed_letters()
    assert not OutboxMessage.objects.exists()
    assert Signup.objects.filter(letter_due="confirm_request").count() == 3
    assert outbox.write_owed_letters() == 3
    assert OutboxMessage.objects.count() == 3


def test_many_owed_letters_are_written_in_batches(monkeypatch):
    monkeypatch.setattr(outbox, "LETTERS_AT_A_TIME", 4)
    event = LocalEventFactory()
    for n in range(10):
        signing_up(event, f"p{n}@example.org")
    assert outbox.write_owed_letters() == 10
    assert OutboxMessage.objects.count() == 10


def test_owed_letters_are_part_of_the_backlog_in_the_metrics():
    event = LocalEventFactory()
    signing_up(event, "a@example.org")
    (_, owed) = signup_metrics(now=NOW)
    counts = {sample.labels["letter"]: sample.value for sample in owed.samples}
    assert counts == {
        "confirm_request": 1, "signup_confirmed": 0, "waitlisted": 0, "already_signed_up": 0,
    }  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_delivery_run_writes_the_owed_letters_and_sends_them_over_smtp(smtp_server):
    event = LocalEventFactory(title="Klimaatmars", starts_at=NOW + timedelta(days=30))
    signing_up(event, "ada@example.org", language="nl")
    report = outbox.deliver_due()
    assert len(report.sent) == 1
    (message,) = smtp_server.to("ada@example.org")
    assert message["Subject"] == "Bevestig je aanmelding: Klimaatmars"


def test_a_long_delivery_run_writes_letters_owed_meanwhile(monkeypatch, settings):
    """A surge's run sends hundreds of emails: a signup during it does not wait for its end."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.setattr(outbox, "LETTERS_EVERY_SECONDS", 0)
    event = LocalEventFactory()
    for n in range(3):
        signing_up(event, f"early{n}@example.org")
    claim_next = outbox.claim_next
    calls = []

    def claim_and_sign_up_meanwhile(**kwargs):
        calls.append(1)
        if len(calls) == 2:  # the run has sent one email: someone signs up now
            signing_up(event, "meanwhile@example.org")
        return claim_next(**kwargs)

    monkeypatch.setattr(outbox, "claim_next", claim_and_sign_up_meanwhile)
    report = outbox.deliver_due()
    assert len(report.sent) == 4
    assert kinds("meanwhile@example.org") == ["confirm_request"]
    assert OutboxMessage.objects.get(to_email="meanwhile@example.org").state == "sent"
