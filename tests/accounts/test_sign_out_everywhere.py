"""A signed-in person can sign out from any page, not only the dashboard."""

import pytest

from tests.factories import LocalEventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "label"), [("en", "Sign out"), ("nl", "Uitloggen")])
def test_every_page_offers_sign_out_to_a_signed_in_person(client, language, label):
    event = LocalEventFactory()
    client.force_login(UserFactory())
    for path in (f"/{language}/", f"/{language}/events/{event.pk}/", f"/{language}/groups/"):
        page = client.get(path).content.decode()
        assert f'action="/{language}/accounts/sign-out/"' in page
        assert label in page
    response = client.post(f"/{language}/accounts/sign-out/")
    assert response.status_code == 302
    assert "sign-out" not in client.get(f"/{language}/").content.decode()
