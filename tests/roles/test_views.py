"""Role pages: the organizers' page and the participant's answers from their manage page;
who may see what, in English and Dutch."""

import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.roles.forms import RoleForm
from turnout.roles.models import EventRole, RoleAssignment

from .factories import EventRoleFactory

pytestmark = pytest.mark.django_db

BRIEFING = "Meet at the fountain at 12:30; the legal line is 020 555 0101."


@pytest.fixture
def event():
    return LocalEventFactory(title="Protest in Utrecht", city="Utrecht")


@pytest.fixture
def organizer(event):
    user = UserFactory(email="organizer@example.org")
    event.organizers.add(user)
    return user


@pytest.fixture
def marshal(event):
    return EventRoleFactory(event=event, capacity=4, briefing=BRIEFING)


def roles_url(event, tail: str = "", language: str = "en") -> str:
    return f"/{language}/roles/events/{event.pk}/{tail}"


def manage(client, signup, language: str = "en") -> str:
    return client.get(f"/{language}/signups/{signup.token}/").content.decode()


def test_organizer_sees_coverage_and_who_holds_which_role(client, event, organizer, marshal):
    holder = SignupFactory(event=event, name="Ada Lovelace")
    RoleAssignment.objects.create(
        role=marshal, signup=holder, state="volunteered", created_at=event.starts_at
    )
    SignupFactory(event=event, name="Grace Hopper")
    client.force_login(organizer)
    page = client.get(roles_url(event)).content.decode()
    assert "Marshal: 1 of 4" in page
    assert "Ada Lovelace" in page and "Volunteered" in page
    assert "Grace Hopper (" in page  # in the list of attendees to ask


def test_coverage_is_in_dutch_under_nl(client, event, organizer, marshal):
    client.force_login(organizer)
    page = client.get(roles_url(event, language="nl")).content.decode()
    assert "Ordehandhaver: 0 van 4" in page
    assert "Een rol toevoegen" in page


def test_organizer_adds_own_role_and_bad_input_is_refused_with_a_reason(client, event, organizer):
    client.force_login(organizer)
    response = client.post(
        roles_url(event, "add/"),
        {"kind": "other", "custom_name": "", "capacity": "2", "briefing": ""},
    )
    assert response.status_code == 400
    assert "Give your own role a name." in response.content.decode()
    response = client.post(
        roles_url(event, "add/"),
        {"kind": "other", "custom_name": "Banner <b>carrier</b>", "capacity": "2"},
        follow=True,
    )
    page = response.content.decode()
    assert "Banner &lt;b&gt;carrier&lt;/b&gt;: 0 of 2" in page
    response = client.post(roles_url(event, "add/"), {"kind": "marshal", "capacity": "0"})
    assert response.status_code == 400
    assert EventRole.objects.count() == 1


def test_organizer_changes_and_removes_a_role(client, event, organizer, marshal):
    client.force_login(organizer)
    url = roles_url(event, f"roles/{marshal.pk}/")
    assert client.get(url).status_code == 200
    client.post(url, {"capacity": "6", "briefing": "New plan", "is_required": "on"})
    marshal.refresh_from_db()
    assert (marshal.capacity, marshal.briefing, marshal.is_required) == (6, "New plan", True)
    client.post(roles_url(event, f"roles/{marshal.pk}/remove/"))
    assert not EventRole.objects.exists()


def test_organizer_asks_a_confirmed_attendee(client, event, organizer, marshal):
    grace = SignupFactory(event=event, name="Grace Hopper", language="nl")
    SignupFactory(event=event, name="Waiting Wim", state="waitlisted")
    client.force_login(organizer)
    page = client.get(roles_url(event)).content.decode()
    assert "Waiting Wim" not in page
    response = client.post(
        roles_url(event, "ask/"), {"role": marshal.pk, "signup": grace.pk}, follow=True
    )
    assert "asked Grace Hopper by email to take the role “Marshal”" in response.content.decode()
    asked = OutboxMessage.objects.get(kind="role_asked")
    assert asked.to_email == grace.email and "Ordehandhaver" in asked.body_text
    assert BRIEFING not in asked.body_text  # the briefing once they say yes


def test_asking_someone_of_another_event_is_refused(client, event, organizer, marshal):
    stranger = SignupFactory()
    client.force_login(organizer)
    response = client.post(roles_url(event, "ask/"), {"role": marshal.pk, "signup": stranger.pk})
    assert response.status_code == 400
    assert not RoleAssignment.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "other_organizer", "anonymous"])
def test_people_without_a_say_neither_see_nor_change_roles(client, event, marshal, who):
    signup = SignupFactory(event=event)
    holder = SignupFactory(event=event)
    held = RoleAssignment.objects.create(
        role=marshal, signup=holder, state="volunteered", created_at=event.starts_at
    )
    if who == "stranger":
        client.force_login(UserFactory())
    elif who == "other_organizer":
        other = LocalEventFactory(campaign=event.campaign)
        person = UserFactory()
        other.organizers.add(person)
        client.force_login(person)
    expected = 302 if who == "anonymous" else 403
    assert client.get(roles_url(event)).status_code == expected
    assert client.get(roles_url(event, f"roles/{marshal.pk}/")).status_code == expected
    posts = [
        (roles_url(event, "add/"), {"kind": "steward", "capacity": "3"}),
        (roles_url(event, f"roles/{marshal.pk}/"), {"capacity": "1"}),
        (roles_url(event, f"roles/{marshal.pk}/remove/"), {}),
        (roles_url(event, "ask/"), {"role": marshal.pk, "signup": signup.pk}),
        (roles_url(event, f"assignments/{held.pk}/remove/"), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == expected
    assert list(EventRole.objects.values_list("kind", "capacity")) == [("marshal", 4)]
    assert list(RoleAssignment.objects.all()) == [held]
    assert not OutboxMessage.objects.exists()


def test_the_campaigns_coordinator_manages_roles_too(client, event, marshal):
    coordinator = UserFactory()
    event.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    assert client.get(roles_url(event)).status_code == 200
    client.post(roles_url(event, "add/"), {"kind": "first_aider", "capacity": "1"})
    assert EventRole.objects.filter(kind="first_aider").exists()


def test_a_role_page_of_one_event_cannot_reach_another_events_role(client, event, organizer):
    elsewhere = EventRoleFactory()
    client.force_login(organizer)
    assert client.get(roles_url(event, f"roles/{elsewhere.pk}/")).status_code == 404


def test_participant_volunteers_from_their_manage_page_and_sees_the_briefing(event, marshal):
    # A browser's client, with CSRF checks on: the manage page's forms must still work.
    client = Client(enforce_csrf_checks=True)
    signup = SignupFactory(event=event)
    page = manage(client, signup)
    assert "Volunteer as marshal (0 of 4 places taken)" in page
    assert BRIEFING not in page
    action = re.search(r'action="(/en/roles/mine/[^"]+/volunteer/)"', page).group(1)
    assert client.post(action, {"role": marshal.pk}).status_code == 403  # no token, no change
    assert not RoleAssignment.objects.exists()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(action, {"role": marshal.pk, "csrfmiddlewaretoken": token}, follow=True)
    page = response.content.decode()
    assert "Thank you! Your role: Marshal." in page
    assert "Your role: Marshal" in page and BRIEFING in page
    mail = OutboxMessage.objects.get(kind="role_confirmed")
    assert BRIEFING in mail.body_text and BRIEFING in mail.body_html

    action = re.search(r'action="(/en/roles/mine/[^"]+/step-down/)"', page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(action, {"csrfmiddlewaretoken": token}, follow=True)
    assert "You have left the role." in response.content.decode()
    assert not RoleAssignment.objects.exists()


def test_a_full_role_is_refused_with_a_clear_message(client, event):
    role = EventRoleFactory(event=event, capacity=1)
    taken = SignupFactory(event=event)
    RoleAssignment.objects.create(
        role=role, signup=taken, state="volunteered", created_at=event.starts_at
    )
    late = SignupFactory(event=event)
    assert "Volunteer as" not in manage(client, late)  # nothing open is offered
    response = client.post(
        f"/en/roles/mine/{late.token}/volunteer/", {"role": role.pk}, follow=True
    )
    assert "All places in the role “Marshal” are taken." in response.content.decode()


def test_an_asked_participant_answers_on_the_manage_page(client, event, marshal):
    signup = SignupFactory(event=event)
    RoleAssignment.objects.create(
        role=marshal, signup=signup, state="asked", created_at=event.starts_at
    )
    page = manage(client, signup)
    assert "The organizers ask you to take a role: Marshal" in page and BRIEFING not in page
    response = client.post(f"/en/roles/mine/{signup.token}/accept/", follow=True)
    assert BRIEFING in response.content.decode()
    assert RoleAssignment.objects.get().state == "accepted"


def test_the_manage_page_speaks_dutch(client, event, marshal):
    signup = SignupFactory(event=event, language="nl")
    page = manage(client, signup, "nl")
    assert "Meld je aan als ordehandhaver (0 van 4 plaatsen bezet)" in page


def test_people_without_a_place_are_offered_no_role(client, event, marshal):
    waiting = SignupFactory(event=event, state="waitlisted")
    assert "Volunteer as" not in manage(client, waiting)
    response = client.post(
        f"/en/roles/mine/{waiting.token}/volunteer/", {"role": marshal.pk}, follow=True
    )
    assert "Only people with a confirmed place" in response.content.decode()
    assert not RoleAssignment.objects.exists()


def test_an_unknown_token_or_role_changes_nothing(client, event, marshal):
    signup = SignupFactory(event=event)
    assert client.post("/en/roles/mine/nope/volunteer/", {"role": marshal.pk}).status_code == 404
    assert client.post("/en/roles/mine/nope/step-down/").status_code == 404
    for role in ["", "abc", "99999999999999999999999", str(EventRoleFactory().pk)]:
        response = client.post(
            f"/en/roles/mine/{signup.token}/volunteer/", {"role": role}, follow=True
        )
        assert "This role is no longer offered." in response.content.decode()
    assert not RoleAssignment.objects.exists()


def test_roles_and_briefings_stay_off_public_pages_feeds_and_the_api(client, event, marshal):
    signup = SignupFactory(event=event, name="Ada Lovelace")
    RoleAssignment.objects.create(
        role=marshal, signup=signup, state="volunteered", created_at=event.starts_at
    )
    for url in [
        event.get_absolute_url(),
        f"/api/v1/events/{event.pk}/",
        "/api/v1/events/",
        "/feeds/events.ics",
        f"/feeds/campaigns/{event.campaign.slug}.ics",
    ]:
        body = client.get(url).content.decode()
        assert "fountain" not in body and "Marshal" not in body, url


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from([*EventRole.Kind.values, "", "admin"]),
    name=st.text(max_size=120),
    capacity=st.one_of(st.text(max_size=25), st.integers().map(str)),
    briefing=st.text(max_size=300),
)
def test_the_role_form_accepts_or_refuses_whatever_is_typed(kind, name, capacity, briefing):
    form = RoleForm({"kind": kind, "custom_name": name, "capacity": capacity, "briefing": briefing})
    if form.is_valid():
        data = form.cleaned_data
        assert 1 <= data["capacity"] <= 1000
        assert "\n" not in data["custom_name"] and len(data["custom_name"]) <= 80
        assert data["kind"] != "other" or data["custom_name"]


def test_the_admin_lists_roles_with_who_holds_them(client, event, marshal):
    signup = SignupFactory(event=event, name="Ada Lovelace")
    RoleAssignment.objects.create(
        role=marshal, signup=signup, state="volunteered", created_at=event.starts_at
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "Marshal" in client.get("/admin/roles/eventrole/").content.decode()
    page = client.get(f"/admin/roles/eventrole/{marshal.pk}/change/").content.decode()
    assert "Ada Lovelace" in page


def test_organizer_takes_someone_out_of_a_role_and_they_are_told(client, event, organizer, marshal):
    signup = SignupFactory(event=event, name="Ada Lovelace")
    held = RoleAssignment.objects.create(
        role=marshal, signup=signup, state="volunteered", created_at=event.starts_at
    )
    client.force_login(organizer)
    response = client.post(roles_url(event, f"assignments/{held.pk}/remove/"), follow=True)
    assert "They keep their place at the event and are told by email." in response.content.decode()
    assert not RoleAssignment.objects.exists()
    assert OutboxMessage.objects.get(kind="role_withdrawn").to_email == signup.email
    again = client.post(roles_url(event, f"assignments/{held.pk}/remove/"))
    assert again.status_code == 404


def test_only_roles_with_a_free_place_are_offered_to_ask_for(client, event, organizer, marshal):
    full = EventRoleFactory(event=event, kind="press_contact", capacity=1)
    RoleAssignment.objects.create(
        role=full, signup=SignupFactory(event=event), state="accepted", created_at=event.starts_at
    )
    SignupFactory(event=event, name="Grace Hopper")
    client.force_login(organizer)
    page = client.get(roles_url(event)).content.decode()
    ask = page[page.index('id="ask-heading"') : page.index('id="add-heading"')]
    roles = ask[ask.index('name="role"') : ask.index("</select>")]
    assert f'<option value="{marshal.pk}">Marshal</option>' in roles
    assert "Press contact" not in roles
