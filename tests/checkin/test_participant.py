"""A participant's own check-in code: on the manage page (with QR) and in the "you're in" email."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.signups.factories import SignupFactory
from turnout.checkin.codes import check_in_code, display_code
from turnout.signups import emails
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


def test_the_manage_page_shows_the_code_and_its_qr(client, event):
    ada = SignupFactory(event=event)
    page = client.get(reverse("signups:manage", kwargs={"token": ada.token})).content.decode()
    assert display_code(check_in_code(ada.token)) in page
    assert '<svg width="' in page and 'class="checkin-qr"' in page


@pytest.mark.parametrize(
    "state", [Signup.State.WAITLISTED, Signup.State.CANCELLED, Signup.State.AWAITING_CONFIRMATION]
)
def test_people_without_a_place_get_no_code(client, event, state):
    waiting = SignupFactory(event=event, state=state)
    page = client.get(reverse("signups:manage", kwargs={"token": waiting.token})).content.decode()
    assert display_code(check_in_code(waiting.token)) not in page
    assert "checkin-qr" not in page


def test_online_events_have_no_door(client, event):
    event.attendance_mode = event.AttendanceMode.ONLINE
    event.save()
    ada = SignupFactory(event=event)
    page = client.get(reverse("signups:manage", kwargs={"token": ada.token})).content.decode()
    assert "checkin-qr" not in page


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Your check-in code"), ("nl", "Je incheckcode")]
)
def test_the_you_are_in_email_gives_the_code_as_text(event, language, heading):
    ada = SignupFactory(event=event, language=language)
    email = emails.signup_confirmed(ada, now=timezone.now())
    code = display_code(check_in_code(ada.token))
    assert f"{heading}: {code}" in email.text
    assert code in email.html and heading in email.html
    assert "<svg" not in email.html  # email clients drop inline SVG
