"""The attacker's thirteenth round: the back office in the hands of staff who are not
administrators.

Staff may be given a few of the back office's permissions (the site's own walk in
test_review_permissions gives one). Django's own account and group pages then hand out power
to whoever may change accounts or groups: a helper allowed to fix a volunteer's name could tick
"superuser" on themselves, give their group every permission there is, or type their own inbox
as an administrator's (or a coordinator's) address and sign in by email as them. Now the
fields that hold power are an administrator's to change, another person's address and password
too, and administrators' and other staff's accounts are theirs to keep. Nor do staff make
accounts: one made with a password its maker knows, for an address not theirs, is the account
a coordinator's role would later land on. Nor do they give roles (coordinator, organizer,
lead) on a campaign's, event's or group's page: the roles page is the administrators', and a
helper allowed to correct an event made themselves its organizer and read its people.

The admin's actions were worse: an action that names no permission is offered to whoever may
only view the list. "Cancel the selected events" (an email to every attendee) and "Send
again" now need the right to change events or messages.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import User
from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Fietsbel-op-de-Neude-2030"


def _staff(*codenames: str) -> tuple[User, Client]:
    person = UserFactory(email="helper@voorbeeld.nl", name="Joost Helper", is_staff=True)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return person, client


def _account_form(user: User, **changes) -> dict:
    """The account page's form as the admin shows it, with `changes` typed in."""
    data = {
        "email": user.email, "name": user.name, "language": "en", "is_active": "on",
        "date_joined_0": "2030-01-01", "date_joined_1": "10:00",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _change(client: Client, user: User, **changes):
    return client.post(f"/admin/accounts/user/{user.pk}/change/", _account_form(user, **changes))


def _powers(user: User) -> tuple:
    user.refresh_from_db()
    return (
        user.email, user.is_active, user.is_staff, user.is_superuser,
        sorted(user.user_permissions.values_list("codename", flat=True)),
        sorted(user.groups.values_list("name", flat=True)),
    )  # fmt: skip


def test_staff_who_may_change_accounts_give_themselves_no_power():
    helper, client = _staff("view_user", "change_user")
    everything = Group.objects.create(name="Alles")
    everything.permissions.set(Permission.objects.all())
    before = _powers(helper)
    every_permission = list(Permission.objects.values_list("pk", flat=True))
    response = _change(
        client, helper, name="Joost de Helper", is_staff="on", is_superuser="on",
        user_permissions=every_permission, groups=[everything.pk],
        email="nieuwe-coordinator@voorbeeld.nl",  # to collect the roles given to it
    )  # fmt: skip
    assert response.status_code == 302  # the page saved what they may change...
    helper.refresh_from_db()
    assert helper.name == "Joost de Helper"
    assert _powers(helper) == before  # ...and none of the power they typed in


def test_staff_cannot_take_over_an_administrators_account():
    root = UserFactory(
        email="beheer@voorbeeld.nl", name="Marieke", is_staff=True, is_superuser=True
    )
    root.set_password("an-old-password-nobody-knows")
    root.save()
    _helper, client = _staff("view_user", "change_user", "delete_user")
    before = _powers(root)
    assert _change(client, root, email="helper@voorbeeld.nl.evil.example").status_code == 403
    assert _change(client, root, is_active=None, is_staff="on").status_code == 403  # locked out
    password_page = f"/admin/accounts/user/{root.pk}/password/"
    answer = client.post(
        password_page,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert answer.status_code == 403
    assert (
        client.post(f"/admin/accounts/user/{root.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert _powers(root) == before
    root.refresh_from_db()
    assert not root.check_password(NEW_PASSWORD)
    # Reading the account stays what "view user" gives.
    assert client.get(f"/admin/accounts/user/{root.pk}/change/").status_code == 200


def test_staff_cannot_take_over_a_coordinator_by_their_address_or_password():
    """A coordinator holds no back office, but their campaign's people: their address is how
    they sign in, so it is not another staff member's to change."""
    coordinator = UserFactory(email="ayse@voorbeeld.nl", name="Ayşe")
    CampaignFactory(slug="klimaat-mei").coordinators.add(coordinator)
    _helper, client = _staff("view_user", "change_user")
    assert (
        _change(client, coordinator, email="joost@evil.example", name="Ayşe Yılmaz").status_code
        == 302
    )
    coordinator.refresh_from_db()
    assert (coordinator.email, coordinator.name) == ("ayse@voorbeeld.nl", "Ayşe Yılmaz")
    answer = client.post(
        f"/admin/accounts/user/{coordinator.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert answer.status_code == 403
    coordinator.refresh_from_db()
    assert not coordinator.check_password(NEW_PASSWORD)


def test_staff_cannot_make_an_account_with_a_password_for_someone_elses_address():
    """Made with a password its maker knows, the account would be the one a coordinator's
    role lands on later (roles find people by address)."""
    _helper, client = _staff("view_user", "add_user", "change_user")
    answer = client.post(
        "/admin/accounts/user/add/",
        {"email": "nieuwe-coordinator@voorbeeld.nl", "password1": NEW_PASSWORD,
         "password2": NEW_PASSWORD, "usable_password": "true"},
    )  # fmt: skip
    assert answer.status_code == 403
    assert not User.objects.filter(email="nieuwe-coordinator@voorbeeld.nl").exists()


def test_staff_who_may_change_groups_give_their_group_no_permission():
    helper, client = _staff("view_group", "change_group")
    helpers = Group.objects.create(name="Helpers")
    helpers.permissions.add(Permission.objects.get(codename="view_signup"))
    helper.groups.add(helpers)
    deleting = Permission.objects.get(codename="delete_signup")
    response = client.post(
        f"/admin/auth/group/{helpers.pk}/change/",
        {"name": "Helpers NL", "permissions": [deleting.pk]},
    )
    assert response.status_code == 302
    helpers.refresh_from_db()
    assert helpers.name == "Helpers NL"
    assert list(helpers.permissions.values_list("codename", flat=True)) == ["view_signup"]


def test_an_administrator_still_gives_and_takes_power():
    """The checks above would pass if nobody could change anything: an administrator can."""
    root = UserFactory(email="beheer@voorbeeld.nl", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(root)
    helper = UserFactory(email="helper@voorbeeld.nl", name="Joost", is_staff=True)
    viewing = Permission.objects.get(codename="view_signup")
    response = _change(
        client, helper, email="joost@voorbeeld.nl", is_staff="on", user_permissions=[viewing.pk]
    )
    assert response.status_code == 302
    assert _powers(helper) == ("joost@voorbeeld.nl", True, True, False, ["view_signup"], [])
    answer = client.post(
        "/admin/accounts/user/add/",
        {"email": "nieuw@voorbeeld.nl", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
         "usable_password": "true"},
    )  # fmt: skip
    assert answer.status_code == 302
    assert User.objects.filter(email="nieuw@voorbeeld.nl").exists()
    helpers = Group.objects.create(name="Helpers")
    client.post(
        f"/admin/auth/group/{helpers.pk}/change/", {"name": "Helpers", "permissions": [viewing.pk]}
    )
    assert list(helpers.permissions.values_list("codename", flat=True)) == ["view_signup"]
    answer = client.post(
        f"/admin/accounts/user/{helper.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert answer.status_code == 302
    helper.refresh_from_db()
    assert helper.check_password(NEW_PASSWORD)


def test_every_action_of_the_back_office_names_the_permission_it_needs():
    """The rule the two tests below check on their actions, for every action there is: one
    that names no permission is offered to whoever may only view the list."""
    unguarded = [
        f"{model._meta.label}.{name}"
        for model, model_admin in admin.site._registry.items()
        for action, name, _description in model_admin._get_base_actions()
        if not getattr(action, "allowed_permissions", ()) or "view" in action.allowed_permissions
    ]
    assert not unguarded


def _act(client: Client, listing: str, action: str, pk: int):
    return client.post(listing, {"action": action, "_selected_action": [pk], "index": 0})


@pytest.mark.parametrize("may_change", [False, True])
def test_cancelling_events_in_bulk_needs_the_right_to_change_them(may_change):
    event = LocalEventFactory(title="Fietsdemo Zwolle", status=LocalEvent.Status.APPROVED)
    SignupFactory(event=event, email="fenna@voorbeeld.nl", state="confirmed")
    codenames = ["view_localevent", "change_localevent"] if may_change else ["view_localevent"]
    _helper, client = _staff(*codenames)
    before = OutboxMessage.objects.count()
    _act(client, "/admin/campaigns/localevent/", "cancel_selected", event.pk)
    event.refresh_from_db()
    assert event.is_cancelled is may_change
    assert (OutboxMessage.objects.count() > before) is may_change  # the attendee told


@pytest.mark.parametrize("may_change", [False, True])
def test_sending_an_email_again_needs_the_right_to_change_messages(may_change):
    row = outbox.enqueue(
        Email(kind="signup_confirmed", to="fenna@voorbeeld.nl", language="nl",
              subject="Tot zaterdag", text="Tot zaterdag", html="<p>Tot zaterdag</p>"),
        now=timezone.now(),
    )  # fmt: skip
    OutboxMessage.objects.filter(pk=row.pk).update(state=OutboxMessage.State.FAILED)
    codenames = ["view_outboxmessage", "change_outboxmessage"][: 2 if may_change else 1]
    _helper, client = _staff(*codenames)
    _act(client, "/admin/notifications/outboxmessage/", "send_selected_again", row.pk)
    row.refresh_from_db()
    assert (row.state == OutboxMessage.State.PENDING) is may_change


def _admin_form_as_posted(client: Client, address: str, **changes) -> dict:
    """The admin page's own form, filled as it was shown, with `changes` typed in."""
    form = client.get(address).context["adminform"].form
    data: dict = {}
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if hasattr(widget, "decompress"):  # a date and a time in two boxes
            for index, part in enumerate(widget.decompress(value)):
                data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)
    data.update(changes)
    return data


@pytest.mark.parametrize("superuser", [False, True])
def test_only_administrators_give_roles_through_the_admin(superuser):
    """A helper who may correct events does not make themselves an event's organizer, and so
    read and export its people; an administrator, who gives roles, still can."""
    event = LocalEventFactory(title="Fietsdemo Zwolle")
    SignupFactory(event=event, name="Fenna de Vries", state="confirmed")
    helper, client = _staff("view_localevent", "change_localevent")
    if superuser:
        helper.is_superuser = True
        helper.save()
    address = f"/admin/campaigns/localevent/{event.pk}/change/"
    data = _admin_form_as_posted(client, address, title="Fietsdemo Zwolle (nieuw)")
    data["organizers"] = [str(helper.pk)]
    answer = client.post(address, data)
    assert answer.status_code == 302, answer.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Fietsdemo Zwolle (nieuw)"
    assert event.organizers.filter(pk=helper.pk).exists() is superuser
    attendees = client.get(f"/en/signups/events/{event.pk}/attendees/")
    assert ("Fenna de Vries" in attendees.content.decode()) is superuser
