"""The attacker's thirteenth round: secrets in the back office's lists.

The outbox hid a sign-in email's text on its page and kept its search box away from it, but
the admin filters a list by any field named in the address bar: `?body_text__contains=` a
guess answered "one row" or "none", and a helper allowed only to read the outbox read an
administrator's sign-in link a few characters at a time and signed in as them. The same
question found a participant's own link (`/admin/signups/signup/?token__startswith=`), which
the signup's page also showed outright, and the link to stop someone's alerts. The privacy
link (export and erase all that is held about a person, as their own request) was shown like
any other email. Now those fields answer no filter (400), the signup's page shows no token,
and a privacy link is one of the emails nobody reads in the admin.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts import sign_in
from turnout.alerts.models import AlertPreference
from turnout.notifications.models import OutboxMessage
from turnout.signups.services import privacy

pytestmark = pytest.mark.django_db

OUTBOX = "/admin/notifications/outboxmessage/"


def _reader(*codenames: str, superuser: bool = False) -> Client:
    person = UserFactory(email="postkamer@voorbeeld.nl", is_staff=True, is_superuser=superuser)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


def _administrators_sign_in_email() -> tuple[OutboxMessage, str, str]:
    root = UserFactory(email="beheer@voorbeeld.nl", is_staff=True, is_superuser=True)
    sign_in.request_sign_in(email=root.email, now=timezone.now())
    row = OutboxMessage.objects.get(to_email=root.email, kind="sign_in")
    link = re.search(r"/sign-in/link/([\w-]+)/", row.body_text).group(1)
    code = re.search(r"\b\d{6}\b", row.subject).group(0)
    return row, link, code


@pytest.mark.parametrize("superuser", [False, True])
def test_the_outbox_list_tells_no_sign_in_link_or_code_through_the_address_bar(superuser):
    row, link, code = _administrators_sign_in_email()
    client = _reader("view_outboxmessage", superuser=superuser)
    guesses = {
        "body_text__contains": link[:4], "body_html__contains": link[:4],
        "body_text__regex": f"link/{link[0]}", "subject__contains": code,
        "subject__endswith": code[-2:], "attachments__icontains": "a",
        "unsubscribe_url__contains": "stop",
    }  # fmt: skip
    for lookup, guess in guesses.items():
        answer = client.get(OUTBOX, {lookup: guess})
        assert answer.status_code == 400, lookup
        assert f"/{row.pk}/change/" not in answer.content.decode(), lookup
    # The list's own filters and its search by address still find the email.
    for query in ({"state": row.state}, {"kind": "sign_in"}, {"q": "beheer@voorbeeld.nl"}):
        answer = client.get(OUTBOX, query)
        assert answer.status_code == 200, query
        assert f"/{row.pk}/change/" in answer.content.decode(), query


def test_a_privacy_link_is_read_by_nobody_in_the_outbox():
    event = LocalEventFactory(title="Klimaatmars Utrecht")
    SignupFactory(event=event, email="noor@voorbeeld.nl", name="Noor")
    privacy.request_privacy_link(email="noor@voorbeeld.nl", language="nl", now=timezone.now())
    row = OutboxMessage.objects.get(kind="privacy_link")
    token = re.search(r"/privacy/([^/\s\"]+)/", row.body_text).group(1)
    client = _reader("view_outboxmessage", superuser=True)
    page = client.get(f"{OUTBOX}{row.pk}/change/")
    assert page.status_code == 200
    assert token not in page.content.decode()
    found = client.get(OUTBOX, {"q": token[:12]}).content.decode()
    assert f"/{row.pk}/change/" not in found
    # The link still works for the person it was sent to.
    assert Client().get(f"/nl/signups/privacy/{token}/").status_code == 200


def test_a_participants_own_link_is_neither_shown_nor_found_in_the_signups_list():
    signup = SignupFactory(event=LocalEventFactory(), name="Siddharth Rao")
    client = _reader("view_signup")
    page = client.get(f"/admin/signups/signup/{signup.pk}/change/")
    assert page.status_code == 200
    assert "Siddharth Rao" in page.content.decode()
    assert signup.token not in page.content.decode()
    for lookup in ("token", "token__startswith", "token__regex", "token__gte"):
        guess = signup.token if lookup == "token" else signup.token[:2]
        answer = client.get("/admin/signups/signup/", {lookup: guess})
        assert answer.status_code == 400, lookup
        assert f"/{signup.pk}/change/" not in answer.content.decode()
    # Filtering by what the list offers still works.
    answer = client.get("/admin/signups/signup/", {"state": signup.state})
    assert f"/{signup.pk}/change/" in answer.content.decode()


def test_the_link_that_stops_someones_alerts_is_found_by_no_filter():
    person = UserFactory(email="lotte@voorbeeld.nl")
    choice = AlertPreference.objects.create(
        user=person, kind="proposals", campaign=CampaignFactory(slug="mei")
    )
    client = _reader("view_alertpreference")
    answer = client.get("/admin/alerts/alertpreference/", {"token__startswith": choice.token[:3]})
    assert answer.status_code == 400
    page = client.get(f"/admin/alerts/alertpreference/{choice.pk}/change/").content.decode()
    assert "lotte@voorbeeld.nl" in page or str(person.pk) in page
    assert choice.token not in page
