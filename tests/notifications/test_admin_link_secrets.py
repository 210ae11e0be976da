"""Staff who may read the outbox see that an email went out and what it said, not the
reader's own way into their signup, role, survey or alerts: every token in a link is cut to
its first characters. Before, a helper allowed only to view the outbox could copy a
participant's confirmation link from it and confirm, cancel or read their signup."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from tests.factories import LocalEventFactory, UserFactory
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.link_secrets import without_link_secrets
from turnout.notifications.models import OutboxMessage
from turnout.signups.services.registration import sign_up

OUTBOX = "/admin/notifications/outboxmessage/"
TOKEN = "kX3v_9QpL-2mZr7T0aWbYc4dEf5gHi6jKl8mNo1pQrs"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"https://turnout.example/nl/signups/{TOKEN}/confirm/", "/nl/signups/kX3v…/confirm/"),
        (f'<a href="https://x.example/alerts/{TOKEN}/stop/">stop</a>', "/alerts/kX3v…/stop/"),
        (f"Open https://x.example/survey?token={TOKEN}&lang=tr now", "?token=kX3v…&lang=tr"),
        (f'<a href="/roles/mine/{TOKEN}/accept/">ja</a>', '"/roles/mine/kX3v…/accept/"'),
        # Slugs, words and numbers of a link are not tokens.
        ("https://x.example/nl/campaigns/klimaatmars-utrecht-2027/", "klimaatmars-utrecht-2027"),
        ("https://x.example/events/123456789012345678/", "/events/123456789012345678/"),
        ("Demonstrationsteilnehmerinnen treffen sich am Rathaus.", "Demonstrationsteilnehmer"),
        # A token outside a link is text the organizer wrote, shown as written.
        (f"Code: {TOKEN}", TOKEN),
    ],
)
def test_tokens_in_links_are_cut_short(text, shown):
    assert shown in without_link_secrets(text)
    if "…" in shown:
        assert TOKEN not in without_link_secrets(text)


def _outbox_reader() -> Client:
    person = UserFactory(email="postkamer@voorbeeld.nl", is_staff=True)
    person.user_permissions.add(Permission.objects.get(codename="view_outboxmessage"))
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


@pytest.mark.django_db
def test_an_outbox_reader_cannot_take_a_participants_confirmation_link():
    event = LocalEventFactory(title="Klimaatmars", city="Utrecht", capacity=20)
    signup = sign_up(
        event=event, name="Ayşe Yılmaz", email="ayse@example.com.tr", language="tr",
        accepted_code_of_conduct=True, now=timezone.now(),
    ).signup  # fmt: skip
    outbox.write_owed_letters()
    letter = OutboxMessage.objects.get(to_email="ayse@example.com.tr")
    assert signup.token in letter.body_text  # the email itself holds the link

    page = _outbox_reader().get(f"{OUTBOX}{letter.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert signup.token not in html
    assert f"{signup.token[:4]}…" in html
    assert "Klimaatmars" in html  # what the email said is still there to read


@pytest.mark.django_db
def test_the_stop_link_and_an_invites_links_are_cut_too():
    message = outbox.enqueue(
        Email(
            kind="signup_confirmed", to="ada@example.nl", language="nl", subject="Tot zaterdag",
            text="Tot zaterdag!", html="<p>Tot zaterdag!</p>",
            unsubscribe_url=f"https://x.example/alerts/{TOKEN}/stop/",
        ),
        now=timezone.now(),
    )  # fmt: skip
    message.attachments = [
        {"filename": "invite.ics", "mimetype": "text/calendar",
         "content": f"BEGIN:VEVENT\r\nURL:https://x.example/nl/signups/{TOKEN}/\r\nEND:VEVENT"}
    ]  # fmt: skip
    message.save(update_fields=["attachments"])
    html = _outbox_reader().get(f"{OUTBOX}{message.pk}/change/").content.decode()
    assert TOKEN not in html
    assert len(re.findall("kX3v…", html)) >= 2
