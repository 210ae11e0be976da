"""The attacker's sixteenth round as staff with few permissions: a helper let into the back
office to keep the content pages (the thirteenth round's shape). The public pages showed every
staff account what only moderation had seen: any event by its number, proposed or rejected
(its title, description, place and time, where the admin gives them no event list), and draft
campaigns with their report and press form. Previewing what is not public now needs the
admin's right to view it; administrators, and staff given that right, still preview."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import Campaign, LocalEvent

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Blokkade Rotterdamse haven, vertrouwelijk"


def _staff(*codenames: str) -> Client:
    person = UserFactory(email="pagina-redactie@voorbeeld.nl", is_staff=True)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def unpublished():
    draft = CampaignFactory(slug="stille-actie", status=Campaign.Status.DRAFT, title=SECRET_TITLE)
    proposed = LocalEventFactory(status=LocalEvent.Status.PROPOSED, title=SECRET_TITLE)
    rejected = LocalEventFactory(status=LocalEvent.Status.REJECTED, title=SECRET_TITLE)
    return [
        f"/en/events/{proposed.pk}/",
        f"/nl/events/{rejected.pk}/",
        f"/en/campaigns/{draft.slug}/",
        f"/en/press/submit/campaign/{draft.slug}/",
    ]


def test_staff_who_keep_the_pages_do_not_read_unpublished_events_or_campaigns(unpublished):
    helper = _staff("view_page", "change_page")
    for path in unpublished:
        response = helper.get(path)
        assert response.status_code == 404, path
        assert SECRET_TITLE not in response.content.decode(), path


def test_staff_allowed_to_view_events_and_campaigns_still_preview_them(unpublished):
    moderator = _staff("view_localevent", "view_campaign")
    administrator = Client()
    administrator.force_login(
        UserFactory(email="beheer@voorbeeld.nl", is_staff=True, is_superuser=True)
    )
    for client in (moderator, administrator):
        for path in unpublished:
            assert client.get(path).status_code == 200, path
