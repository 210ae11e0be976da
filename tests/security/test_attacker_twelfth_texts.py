"""The attacker's twelfth round with bidi overrides in the other texts of several lines that one
person writes and others read: the twins of the descriptions and instructions made clean in
this round and the last.

- an organizer's message to every attendee, sent by email: "\\u202e" in it turns a phone number
  or an address around in each recipient's mail client;
- a role's briefing (where the marshals stand, whom the legal observers call), read only by the
  people in the role, on their page and in their reminders;
- a group's description, written by its leads and shown on its public page.

Each keeps its lines and its right-to-left words, and loses the overrides, embeddings,
isolates and control characters (`web.text.multi_line`)."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.signups.factories import SignupFactory
from turnout.groups.services import update_group_page
from turnout.notifications.models import OutboxMessage
from turnout.notifications.written_messages import checked_message
from turnout.roles.models import EventRole
from turnout.roles.services import add_role, change_role

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 6, 2, 9, tzinfo=UTC)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# A Spanish-Arabic text: a lawyer's number written backwards behind an override, an escape
# sequence that colours a terminal, a slogan in an isolate.
WRITTEN = (
    "Nos vemos en la Puerta del Sol.\r\n"
    "Abogada de guardia: \u202e321 654 789 43+\u202c\x1b[31m\n\n"
    "\u2067لا للحرب\u2069 – traed pancartas."
)
STORED = (
    "Nos vemos en la Puerta del Sol.\n"
    "Abogada de guardia: 321 654 789 43+[31m\n\n"
    "لا للحرب – traed pancartas."
)


def test_an_organizers_message_reaches_every_attendee_without_an_override():
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(title="Concentración Madrid", city="Madrid", country="ES")
        organizer = UserFactory(email="organiza@example.es")
        event.organizers.add(organizer)
        for number, name in enumerate(["Lucía García", "Omar Haddad", "Marta Pérez"]):
            SignupFactory(event=event, name=name, email=f"persona{number}@example.es")
        client = Client()
        client.force_login(organizer)
        answer = client.post(
            f"/en/signups/events/{event.pk}/attendees/message/",
            {"subject": "Mañana", "body": WRITTEN},
        )
    assert answer.status_code == 302
    bodies = list(OutboxMessage.objects.values_list("body_text", flat=True))
    assert len(bodies) == 3
    for body in bodies:
        assert STORED in body
        assert not set(BIDI + "\x1b") & set(body)


def test_a_roles_briefing_is_stored_without_an_override_when_added_and_changed():
    event = LocalEventFactory(city="Madrid", country="ES")
    role = add_role(event=event, kind=EventRole.Kind.MARSHAL, capacity=4, briefing=WRITTEN, now=NOW)
    assert role.briefing == STORED
    changed = change_role(role=role, capacity=4, briefing="\u202e" + WRITTEN, is_required=False)
    assert EventRole.objects.get(pk=changed.pk).briefing == STORED


def test_a_groups_description_is_stored_without_an_override():
    group = LocalGroupFactory(city="Madrid", slug="madrid")
    update_group_page(
        group=group, name="Madrid", city="Madrid", description=WRITTEN, is_active=True,
        channels=[],
    )  # fmt: skip
    group.refresh_from_db()
    assert group.description == STORED
    answer = Client().get(f"/en/groups/{group.slug}/")
    assert answer.status_code == 200
    assert "Puerta del Sol" in answer.content.decode()
    assert not set(BIDI) & set(answer.content.decode())


@settings(max_examples=60, deadline=None)
@given(body=st.text(min_size=1, max_size=80))
def test_no_message_body_keeps_an_override_or_loses_a_word(body):
    try:
        _subject, checked = checked_message(subject="Hola", body=body)
    except ValidationError as error:  # a body that is nothing once cleaned, refused in words
        assert set(error.message_dict) == {"body"}
        return
    assert not set(BIDI) & set(checked)
    words = [w for w in body.translate(dict.fromkeys(map(ord, BIDI))).split() if w.isprintable()]
    assert all(word in checked for word in words)
