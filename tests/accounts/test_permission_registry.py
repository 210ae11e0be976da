"""can() judges by the rules the apps register; accounts itself knows no campaign or group."""

import pytest

from tests.factories import UserFactory
from turnout.accounts import permissions
from turnout.accounts.permissions import Action, can, register_rule
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.groups.models import Group

pytestmark = pytest.mark.django_db


def test_each_app_registers_the_rule_for_its_own_models():
    from turnout.campaigns import rules as campaign_rules
    from turnout.groups import rules as group_rules

    assert permissions._rules[Campaign] is campaign_rules.campaign_rule
    assert permissions._rules[LocalEvent] is campaign_rules.event_rule
    assert permissions._rules[Group] is group_rules.group_rule
    assert campaign_rules.coordinates_any_campaign in permissions._reviewer_checks


def test_an_object_without_a_rule_is_refused_to_all_but_administrators():
    class Unjudged:
        pass

    assert not can(UserFactory(), Action.VIEW_ATTENDEES, Unjudged())
    assert not can(UserFactory(), Action.EDIT, None)
    assert can(UserFactory(is_superuser=True), Action.EDIT, Unjudged())


def test_a_second_rule_for_the_same_model_is_an_error():
    with pytest.raises(ValueError, match="LocalEvent"):
        register_rule(LocalEvent, lambda user, action, obj: True)
    assert permissions._rules[LocalEvent] is not None
    # registering the same rule again (a second ready() in tests) is harmless
    register_rule(LocalEvent, permissions._rules[LocalEvent])


def test_a_rule_is_not_asked_for_an_inactive_or_anonymous_user(monkeypatch):
    asked = []

    class Judged:
        pass

    monkeypatch.setitem(permissions._rules, Judged, lambda *args: asked.append(args) or True)
    assert not can(UserFactory(is_active=False), Action.EDIT, Judged())
    assert asked == []
    assert can(UserFactory(), Action.EDIT, Judged())
    assert len(asked) == 1


def test_the_roles_held_on_objects_are_registered_by_the_apps_that_own_them():
    from turnout.accounts.roles import Role, role_objects

    held_on = role_objects()
    assert list(held_on) == [Role.COORDINATOR, Role.ORGANIZER, Role.LEAD]
    assert [(h.model, h.people_field, h.form_field) for h in held_on.values()] == [
        (Campaign, "coordinators", "campaign"),
        (LocalEvent, "organizers", "event"),
        (Group, "leads", "group"),
    ]


def test_the_role_form_offers_one_field_per_registered_object_and_requires_the_right_one():
    from turnout.accounts.forms import RoleForm

    form = RoleForm(data={"email": "x@example.org", "role": "organizer", "campaign": ""})
    assert list(form.fields) == ["email", "name", "role", "campaign", "event", "group"]
    assert not form.is_valid()
    assert form.errors["event"] == ["Choose which one for this role."]


def test_a_role_cannot_be_registered_on_a_second_model():
    from turnout.accounts.roles import Role, RoleObject, register_role_object

    with pytest.raises(ValueError, match="Campaign"):
        register_role_object(
            Role.COORDINATOR,
            RoleObject(
                model=Group,
                people_field="leads",
                form_field="group",
                label="Group",
                choices=Group.objects.all,
            ),
        )
