"""Views find what a person asks to act on in one step: missing is 404, not theirs is 403."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.factories import LocalEventFactory, UserFactory
from turnout.accounts.permissions import Action
from turnout.accounts.requests import get_permitted_object
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db


def test_an_organizer_gets_their_event_with_its_campaign_loaded(django_assert_num_queries):
    event = LocalEventFactory()
    organizer = UserFactory()
    event.organizers.add(organizer)
    found = get_permitted_object(
        organizer, Action.VIEW_ATTENDEES, LocalEvent.objects.select_related("campaign"), pk=event.pk
    )
    assert found == event
    with django_assert_num_queries(0):
        assert found.campaign == event.campaign


def test_someone_elses_event_is_forbidden():
    event = LocalEventFactory()
    with pytest.raises(PermissionDenied):
        get_permitted_object(UserFactory(), Action.VIEW_ATTENDEES, LocalEvent, pk=event.pk)


def test_a_missing_event_is_not_found_before_any_permission_is_asked():
    with pytest.raises(Http404):
        get_permitted_object(UserFactory(), Action.EDIT, LocalEvent, pk=999_999)
