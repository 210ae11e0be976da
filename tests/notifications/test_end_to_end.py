"""A participant's whole journey over real SMTP, run by `turnout worker --batch`."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from icalendar import Calendar

from tests.factories import LocalEventFactory
from tests.signups.factories import form_data
from turnout.campaigns.calendar import event_uid
from turnout.campaigns.services import cancel_event, save_event_changes
from turnout.signups.models import Signup

# The worker closes and reopens database connections, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def run_worker() -> None:
    call_command("worker", batch=True, verbosity=0)


def link_in(message, pattern: str) -> str:
    text = message.get_body(("plain",)).get_content()
    return re.search(pattern, text).group(0)


def invite_of(message) -> Calendar:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_content())


def test_signup_confirmation_invite_change_and_cancellation_arrive_by_smtp(client, smtp_server):
    event = LocalEventFactory(
        title="Protest in Utrecht",
        city="Utrecht",
        venue="Neude",
        timezone="Europe/Amsterdam",
    )
    with time_machine.travel(NOW, tick=False):
        client.post(f"/nl/signups/events/{event.pk}/", form_data(email="ada@example.org"))
        run_worker()
    (confirm,) = smtp_server.to("ada@example.org")
    assert confirm["Subject"] == "Bevestig je aanmelding: Protest in Utrecht"
    assert confirm["Content-Language"] == "nl"
    assert "Bevestig mijn aanmelding" in confirm.get_body(("html",)).get_content()
    manage = link_in(confirm, r"http://\S+/nl/signups/[\w-]+/")

    page = client.get(manage.removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 200
    with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
        client.post(manage.removeprefix("http://127.0.0.1:8000") + "confirm/")
        run_worker()
    youre_in = smtp_server.to("ada@example.org")[1]
    assert youre_in["Subject"] == "Je bent erbij: Protest in Utrecht"
    assert manage in youre_in.get_body(("plain",)).get_content()
    calendar = invite_of(youre_in)
    assert calendar["METHOD"] == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == event_uid(event)
    assert vevent["SEQUENCE"] == 0
    assert vevent["DTSTART"].dt == event.starts_at
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(vevent["ATTENDEE"]) == "mailto:ada@example.org"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"

    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        save_event_changes(event=event, changed_fields=["starts_at", "ends_at"])
        run_worker()
    changed = smtp_server.to("ada@example.org")[2]
    assert changed["Subject"] == "Gewijzigd: Protest in Utrecht"
    assert "De tijd van het evenement is veranderd." in changed.get_body(("plain",)).get_content()
    (updated,) = invite_of(changed).walk("VEVENT")
    assert str(updated["UID"]) == event_uid(event)
    assert updated["SEQUENCE"] == 1
    assert updated["DTSTART"].dt == event.starts_at

    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        cancel_event(event=event)
        run_worker()
    cancelled = smtp_server.to("ada@example.org")[3]
    calendar = invite_of(cancelled)
    assert calendar["METHOD"] == "CANCEL"
    (gone,) = calendar.walk("VEVENT")
    assert (str(gone["UID"]), gone["SEQUENCE"], gone["STATUS"]) == (
        event_uid(event),
        2,
        "CANCELLED",
    )
    assert len(smtp_server.messages) == 4
    assert len(set(smtp_server.message_ids())) == 4


def test_a_cancellation_gives_the_place_to_the_waitlist_and_both_hear_by_smtp(client, smtp_server):
    event = LocalEventFactory(capacity=1, title="Vigil")
    with time_machine.travel(NOW, tick=False):
        for email in ("first@example.org", "second@example.org"):
            client.post(f"/en/signups/events/{event.pk}/", form_data(email=email))
        for signup in Signup.objects.order_by("id"):
            client.post(f"/en/signups/{signup.token}/confirm/")
        run_worker()
    assert smtp_server.to("second@example.org")[-1]["Subject"] == "You're on the waitlist: Vigil"
    first = Signup.objects.get(email="first@example.org")
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        client.post(f"/en/signups/{first.token}/cancel/")
        run_worker()
    promoted = smtp_server.to("second@example.org")[-1]
    assert promoted["Subject"] == "A place opened up, you're in: Vigil"
    assert invite_of(promoted)["METHOD"] == "REQUEST"
    assert invite_of(smtp_server.to("first@example.org")[-1])["METHOD"] == "CANCEL"
    assert Signup.objects.get(email="second@example.org").state == "confirmed"
