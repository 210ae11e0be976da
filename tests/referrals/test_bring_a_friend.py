"""Bring a friend: share codes, counting who came through whose link, and who sees it."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory, form_data
from turnout.referrals import selectors, services
from turnout.signups.forms import REFERRAL_CODE
from turnout.signups.models import Signup, new_referral_code
from turnout.signups.services.registration import confirm_signup, sign_up
from turnout.web.models import RateCounter

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def event():
    return LocalEventFactory(title="Protest in Utrecht", city="Utrecht", capacity=50)


def signed_up(event, email, *, via="", confirm=True, name="Friend"):
    result = sign_up(
        event=event,
        name=name,
        email=email,
        language="en",
        accepted_code_of_conduct=True,
        via=via,
        now=NOW,
    )
    if confirm:
        return confirm_signup(token=result.signup.token, now=NOW)
    return result.signup


def test_codes_are_long_unambiguous_and_match_the_form_rule():
    codes = {new_referral_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert REFERRAL_CODE.match(code)
        assert not set(code) & set("01ilo")


def test_confirming_gives_a_share_code_and_waiting_for_confirmation_does_not(event):
    waiting = signed_up(event, "waiting@example.org", confirm=False)
    assert waiting.referral_code is None
    confirmed = signed_up(event, "ada@example.org")
    assert confirmed.referral_code and REFERRAL_CODE.match(confirmed.referral_code)


@pytest.mark.parametrize(
    ("case", "counts"),
    [
        ("the code of someone at the event", True),
        ("a code from another event", False),
        ("their own code", False),
        ("a code nobody has", False),
    ],
)
def test_who_a_new_signup_is_counted_for(event, case, counts):
    ada = signed_up(event, "ada@example.org", name="Ada")
    elsewhere = signed_up(LocalEventFactory(city="Gouda"), "bob@example.org")
    via = {
        "the code of someone at the event": ada.referral_code,
        "a code from another event": elsewhere.referral_code,
        "their own code": ada.referral_code,
        "a code nobody has": new_referral_code(),
    }[case]
    email = "ada@example.org" if case == "their own code" else "friend@example.org"
    if case == "their own code":
        ada.state = Signup.State.CANCELLED  # signing up again with one's own link
        ada.save()
    friend = signed_up(event, email, via=via)
    assert (friend.referred_by_id == ada.pk) is counts


def test_only_confirmed_friends_who_still_come_are_counted(event):
    ada = signed_up(event, "ada@example.org", name="Ada")
    signed_up(event, "one@example.org", via=ada.referral_code)
    signed_up(event, "two@example.org", via=ada.referral_code)
    signed_up(event, "unconfirmed@example.org", via=ada.referral_code, confirm=False)
    cancelled = signed_up(event, "three@example.org", via=ada.referral_code)
    cancelled.state = Signup.State.CANCELLED
    cancelled.save()
    assert selectors.friends_brought(ada) == 2
    (top,) = selectors.top_referrers_of_event(event)
    assert (top.signup, top.brought) == (ada, 2)
    assert selectors.top_referrers_of_campaign(event.campaign)[0].brought == 2
    assert selectors.total_brought(Signup.objects.filter(event=event)) == 2


def test_older_signups_get_a_code_once(event):
    old = SignupFactory(event=event, referral_code=None)
    first = services.ensure_share_code(old)
    again = services.ensure_share_code(Signup.objects.get(pk=old.pk))
    assert first == again and REFERRAL_CODE.match(first)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_share_link_reaches_the_friend_and_counts(client, event, language):
    ada = signed_up(event, "ada@example.org", name="Ada Lovelace")
    manage = client.get(f"/{language}/signups/{ada.token}/").content.decode()
    link = re.search(r'value="(http://[^"]+\?via=(\w+))"', manage)
    assert link and link.group(2) == ada.referral_code
    assert {"en": "Bring a friend", "nl": "Neem iemand mee"}[language] in manage

    friend_page = client.get(link.group(1).removeprefix("http://127.0.0.1:8000")).content.decode()
    assert f'name="via" value="{ada.referral_code}"' in friend_page
    assert "Ada" not in friend_page  # nothing names the referrer to the friend

    with time_machine.travel(NOW - timedelta(minutes=5), tick=False):
        data = form_data(email="friend@example.org", name="Grace", via=ada.referral_code)
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/{language}/signups/events/{event.pk}/", data)
    assert response.status_code == 302
    friend = Signup.objects.get(email="friend@example.org")
    assert friend.referred_by == ada
    confirm_signup(token=friend.token, now=NOW)
    manage = client.get(f"/{language}/signups/{ada.token}/").content.decode()
    assert {"en": "1 person signed up through your link", "nl": "1 persoon heeft zich"}[
        language
    ] in manage


def test_a_mangled_code_never_stops_a_signup(client, event):
    with time_machine.travel(NOW - timedelta(minutes=5), tick=False):
        data = form_data(email="friend@example.org", via="<script>alert(1)</script>")
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/en/signups/events/{event.pk}/", data)
    assert response.status_code == 302
    assert Signup.objects.get(email="friend@example.org").referred_by is None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(via=st.text(max_size=300))
def test_no_via_text_crashes_the_event_page_or_the_form(client, event, via):
    RateCounter.objects.all().delete()  # the rate limits are not what this tests
    page = client.get(f"/en/events/{event.pk}/", {"via": via.replace("\x00", "")})
    assert page.status_code == 200
    with time_machine.travel(NOW - timedelta(minutes=5), tick=False):
        data = form_data(email="friend@example.org", via=via)
    with time_machine.travel(NOW, tick=False):
        response = client.post(f"/en/signups/events/{event.pk}/", data)
    assert response.status_code in (302, 400)


def test_unconfirmed_and_cancelled_people_get_no_share_block(client, event):
    waiting = signed_up(event, "waiting@example.org", confirm=False)
    assert "Bring a friend" not in client.get(f"/en/signups/{waiting.token}/").content.decode()
    gone = signed_up(event, "gone@example.org")
    gone.state = Signup.State.CANCELLED
    gone.save()
    assert "Bring a friend" not in client.get(f"/en/signups/{gone.token}/").content.decode()


def test_who_brought_most_is_for_organizers_and_coordinators_only(client, event):
    ada = signed_up(event, "ada@example.org", name="Ada Lovelace")
    signed_up(event, "friend@example.org", via=ada.referral_code)
    organizer, coordinator, stranger = UserFactory(), UserFactory(), UserFactory()
    event.organizers.add(organizer)
    event.campaign.coordinators.add(coordinator)
    other_campaign = CampaignFactory()

    client.force_login(stranger)
    assert client.get(f"/en/share/events/{event.pk}/").status_code == 403
    assert client.get(f"/en/share/campaigns/{event.campaign.slug}/").status_code == 403

    client.force_login(organizer)
    page = client.get(f"/en/share/events/{event.pk}/").content.decode()
    assert "Ada Lovelace" in page and "ada@example.org" not in page
    assert client.get(f"/en/share/campaigns/{event.campaign.slug}/").status_code == 403

    client.force_login(coordinator)
    page = client.get(f"/nl/share/campaigns/{event.campaign.slug}/").content.decode()
    assert "Ada Lovelace" in page and "Wie nam er iemand mee" in page
    assert client.get(f"/en/share/campaigns/{other_campaign.slug}/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_you_are_in_email_carries_the_share_link_over_smtp(client, smtp_server):
    event = LocalEventFactory(title="Protest in Utrecht", city="Utrecht")
    with time_machine.travel(NOW, tick=False):
        result = sign_up(
            event=event,
            name="Ada",
            email="ada@example.org",
            language="nl",
            accepted_code_of_conduct=True,
            now=NOW,
        )
        confirm_signup(token=result.signup.token, now=NOW)
        call_command("worker", batch=True, verbosity=0)
    youre_in = smtp_server.to("ada@example.org")[-1]
    code = Signup.objects.get(email="ada@example.org").referral_code
    text = youre_in.get_body(("plain",)).get_content()
    html = youre_in.get_body(("html",)).get_content()
    assert f"?via={code}" in text and f"?via={code}" in html
    assert "Neem iemand mee" in text
    assert "Ik ga naar Protest in Utrecht" in text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_after_cancelling_the_manage_page_offers_what_else_is_near(client, language):
    utrecht = LocalEventFactory(city="Utrecht", latitude=52.09, longitude=5.12)
    LocalEventFactory(
        campaign=utrecht.campaign,
        title="Protest in Amersfoort",
        city="Amersfoort",
        latitude=52.16,
        longitude=5.39,
    )
    LocalEventFactory(
        title="Protest in Tokyo", city="Tokyo", country="JP", latitude=35.7, longitude=139.7
    )
    gone = SignupFactory(event=utrecht, state=Signup.State.CANCELLED, language=language)
    page = client.get(f"/{language}/signups/{gone.token}/").content.decode()
    heading = {"en": "Other ways to take part near you", "nl": "Andere manieren om mee te doen"}
    assert heading[language] in page
    assert "Protest in Amersfoort" in page and "Protest in Tokyo" not in page
