"""The one way a person writes to many (`written_messages.write_to_many`), used by organizers
writing to attendees and coordinators writing to organizers: checked first, then one record
and one copy per recipient, all or nothing."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CampaignFactory, UserFactory
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage, WrittenMessage
from turnout.notifications.written_messages import deliveries, write_to_many

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def copy_for(address: str, subject: str, body: str) -> Email:
    return Email(kind="written", to=address, language="en", subject=subject, text=body, html="")


def test_each_recipient_gets_one_copy_of_the_checked_message_counted_in_its_record():
    author, campaign = UserFactory(), CampaignFactory()
    written = write_to_many(
        author=author,
        about=campaign,
        subject="  Flyers\n arrive ",
        body="\nOn Monday.\n",
        recipients=lambda: ["a@example.org", "b@example.org"],
        copy_for=copy_for,
        now=NOW,
    )
    assert written.subject == "Flyers arrive"  # folded onto one line, as the form shows it
    copies = OutboxMessage.objects.filter(written_message=written).order_by("to_email")
    assert [(c.to_email, c.subject, c.body_text) for c in copies] == [
        ("a@example.org", "Flyers arrive", "On Monday."),
        ("b@example.org", "Flyers arrive", "On Monday."),
    ]
    (delivery,) = deliveries(about=campaign)
    assert delivery.message == written and delivery.waiting == 2


def test_a_refused_message_reads_no_recipients_and_writes_nothing():
    def recipients() -> list[str]:
        raise AssertionError("recipients read for a message that is refused")

    with pytest.raises(ValidationError) as caught:
        write_to_many(
            author=UserFactory(),
            about=CampaignFactory(),
            subject="\n",
            body="x" * 10_001,
            recipients=recipients,
            copy_for=copy_for,
            now=NOW,
        )
    assert set(caught.value.message_dict) == {"subject", "body"}
    assert not WrittenMessage.objects.exists() and not OutboxMessage.objects.exists()


def test_a_copy_that_cannot_be_written_leaves_no_record_and_no_other_copy():
    """A hostile address (a header injection the outbox refuses) half-way through the list:
    nothing is kept, so the page never claims a message that only some received."""

    def copy_or_fail(address: str, subject: str, body: str) -> Email:
        if address == "bad":
            raise ValueError("no address")
        return copy_for(address, subject, body)

    with pytest.raises(ValueError):
        write_to_many(
            author=UserFactory(),
            about=CampaignFactory(),
            subject="Flyers",
            body="On Monday.",
            recipients=lambda: ["a@example.org", "bad", "b@example.org"],
            copy_for=copy_or_fail,
            now=NOW,
        )
    assert not WrittenMessage.objects.exists() and not OutboxMessage.objects.exists()
