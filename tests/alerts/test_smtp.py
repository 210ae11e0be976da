"""Every alert arrives over real SMTP, in the recipient's language, with a link that works."""

import re
from datetime import timedelta

import pytest
import time_machine

from tests.signups.factories import SignupFactory, form_data
from turnout.alerts.models import AlertPreference
from turnout.alerts.nearly_full import queue_nearly_full_notes
from turnout.alerts.proposal_alerts import queue_proposal_alerts, record_wait
from turnout.alerts.signup_digests import queue_signup_digests
from turnout.notifications import outbox

from .conftest import NOW, make_proposal

pytestmark = pytest.mark.django_db


def deliver():
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        return outbox.deliver_due()


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def manage_link(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/\w\w/alerts/[\w-]+/)", text_of(message)).group(1)


def test_every_alert_arrives_in_english_and_dutch_with_its_own_stop_link(
    smtp_server, client, campaign, event
):
    record_wait(proposal=make_proposal(campaign, proposer_name="Zoë <script>"), now=NOW)
    queue_proposal_alerts(now=NOW)
    SignupFactory(
        event=event, name="Ada & Bob", created_at=NOW - timedelta(days=1), email="ada@example.net"
    )
    queue_signup_digests(now=NOW)
    for _ in range(90):
        SignupFactory(event=event)
    queue_nearly_full_notes(now=NOW)
    report = deliver()
    assert len(report.sent) == 6 and not report.failed

    received = {(str(m["To"]), m["Subject"]) for m in smtp_server.messages}
    assert received == {
        ("coco@example.org", "Proposal waiting: Climate vigil in Groningen (May action)"),
        ("kees@example.org", "Voorstel wacht: Climate vigil in Groningen (May action)"),
        ("olga@example.org", "1 new signup: March in Utrecht"),
        ("otto@example.org", "1 nieuwe aanmelding: March in Utrecht"),
        ("olga@example.org", "Nearly full: March in Utrecht"),
        ("otto@example.org", "Bijna vol: March in Utrecht"),
    }
    for message in smtp_server.messages:
        language = message["Content-Language"]
        footer = "Change or stop these emails" if language == "en" else "Deze e-mails wijzigen"
        assert footer in text_of(message) and footer in html_of(message)
        assert manage_link(message).startswith(f"/{language}/alerts/")
        assert "<script>" not in html_of(message)
    [digest] = [m for m in smtp_server.to("olga@example.org") if "signup" in m["Subject"]]
    assert "Ada &amp; Bob" in html_of(digest) and "Ada & Bob" in text_of(digest)
    assert "ada@example.net" not in text_of(digest) + html_of(digest)

    # The link in Otto's nearly-full note stops exactly that, for him alone.
    [note] = [m for m in smtp_server.to("otto@example.org") if "vol" in m["Subject"]]
    link = manage_link(note)
    assert "Stop deze e-mails" in client.get(link).content.decode()
    client.post(link, {"stop": "1"})
    stopped = AlertPreference.objects.filter(frequency="off")
    assert [(row.user.email, row.kind) for row in stopped] == [("otto@example.org", "nearly_full")]


def test_every_alert_carries_a_one_click_unsubscribe_that_only_a_post_uses(
    smtp_server, client, campaign, event
):
    """Mail programs show "Unsubscribe" for List-Unsubscribe and, with List-Unsubscribe-Post,
    POST `List-Unsubscribe=One-Click` to it from their own servers (RFC 8058): no cookie, no
    CSRF token. A link scanner's GET must not stop anything."""
    record_wait(proposal=make_proposal(campaign), now=NOW)
    queue_proposal_alerts(now=NOW)
    for _ in range(90):
        SignupFactory(event=event)
    queue_nearly_full_notes(now=NOW)
    deliver()
    assert len(smtp_server.messages) == 4
    links = {}
    for message in smtp_server.messages:
        header = str(message["List-Unsubscribe"]).strip()
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        found = re.fullmatch(r"<http://127\.0\.0\.1:8000(/(\w\w)/alerts/[\w-]+/stop/)>", header)
        assert found, header
        assert found.group(2) == message["Content-Language"]
        links[str(message["To"])] = found.group(1)
    assert len(set(links.values())) == 4  # each person's own

    from django.test import Client

    mail_program = Client(enforce_csrf_checks=True)
    link = links["kees@example.org"]
    assert mail_program.get(link).status_code == 405
    assert mail_program.post(link, {"other": "1"}).status_code == 302  # to the page, no change
    assert not AlertPreference.objects.filter(frequency="off").exists()
    answer = mail_program.post(link, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    stopped = AlertPreference.objects.filter(frequency="off")
    assert [(row.user.email, row.kind) for row in stopped] == [("kees@example.org", "proposals")]
    unknown = link.replace("/alerts/", "/alerts/x").rstrip("/") + "/"
    assert mail_program.post(unknown, {"List-Unsubscribe": "One-Click"}).status_code == 404


def test_mail_people_asked_for_one_by_one_has_no_unsubscribe_header(smtp_server, client, event):
    with time_machine.travel(NOW, tick=False):
        answer = client.post(f"/en/signups/events/{event.pk}/", form_data(email="solo@example.net"))
    assert answer.status_code == 302
    deliver()
    assert smtp_server.to("solo@example.net")
    for message in smtp_server.messages:
        assert message["List-Unsubscribe"] is None
