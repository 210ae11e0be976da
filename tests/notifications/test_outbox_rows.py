"""Outbox rows written by the INSERT composed once per database (outbox.outbox_rows and
write_rows, web/insert_statements.py): the ORM's statement and values for any email, and the
row read back is the email."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.notifications import outbox
from turnout.notifications.composition import Attachment, Email
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60)
ATTACHMENT = st.builds(
    Attachment, filename=st.just("invite.ics"), content=TEXT, mimetype=st.just("text/calendar"),
    method=st.sampled_from(["", "REQUEST", "CANCEL"]),
)  # fmt: skip
EMAIL = st.builds(
    Email, kind=st.sampled_from(["confirm_request", "waitlisted"]), to=st.emails(),
    language=st.sampled_from(["en", "nl"]), subject=TEXT, text=TEXT, html=TEXT,
    attachments=st.lists(ATTACHMENT, max_size=2).map(tuple),
)  # fmt: skip


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(email=EMAIL, seconds=st.integers(min_value=-(10**7), max_value=10**7))
def test_an_outbox_rows_values_are_what_the_orm_composes(email, seconds):
    now = NOW + timedelta(seconds=seconds)
    row = outbox._row(email, now=now, dedupe_key=None)
    sql, params = outbox._OUTBOX_ROW.orm_statement(row)
    assert outbox._OUTBOX_ROW.sql() == sql
    assert plain(outbox._OUTBOX_ROW.values(row)) == plain(params)


def plain(values) -> list:
    """PostgreSQL's JSON values are psycopg wrappers, equal by what they wrap."""
    return [getattr(value, "obj", value) for value in values]


def test_written_rows_read_back_as_their_emails():
    invite = Attachment(filename="invite.ics", content="BEGIN:VCALENDAR\r\nÉté\r\n",
                        mimetype="text/calendar", method="REQUEST")  # fmt: skip
    emails = [
        Email(kind="confirm_request", to=f"p{n}@example.org", language="nl",
              subject=f"Bevestig {n}: Zoë & co", text=f"Hallo {n}", html=f"<p>{n}</p>",
              attachments=(invite,) if n % 2 else ())
        for n in range(5)
    ]  # fmt: skip
    assert outbox.write_rows(outbox.outbox_rows(emails, now=NOW)) == 5
    stored = list(OutboxMessage.objects.order_by("id"))
    assert [m.to_email for m in stored] == [e.to for e in emails]
    for message, email in zip(stored, emails, strict=True):
        assert (message.subject, message.body_text, message.body_html, message.language) == (
            email.subject, email.text, email.html, email.language,
        )  # fmt: skip
        assert message.state == OutboxMessage.State.PENDING and message.next_attempt_at == NOW
        assert len(message.attachments) == len(email.attachments)
    assert stored[1].attachments[0]["content"] == invite.content
    assert len({m.message_id for m in stored}) == 5
