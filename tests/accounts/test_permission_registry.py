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
