"""The attacker's fifteenth round at a group's page, as one of its leads: the channel list
sent with far more rows than the form offers (it shows up to thirty), each a valid link, to
make the group's page, its API entry and every widget a wall of links. The page keeps at
most thirty channels: more is refused in words, with nothing written."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
from turnout.groups.models import Channel

pytestmark = pytest.mark.django_db


def _page(channels: int) -> dict:
    data = {
        "name": "Groupe local de Lyon",
        "city": "Lyon",
        "description": "On se retrouve chaque premier jeudi du mois, place Bellecour.",
        "is_active": "on",
        "channels-TOTAL_FORMS": channels,
        "channels-INITIAL_FORMS": 0,
    }
    for index in range(channels):
        data[f"channels-{index}-kind"] = "telegram"
        data[f"channels-{index}-address"] = f"https://t.me/lyon_canal_{index}"
    return data


def test_a_lead_cannot_give_the_group_more_channels_than_the_form_offers():
    lead = UserFactory(email="responsable@example.fr")
    group = LocalGroupFactory(slug="lyon", city="Lyon", parent=NationalGroupFactory(slug="fr"))
    group.leads.add(lead)
    client = Client()
    client.force_login(lead)

    refused = client.post("/en/groups/lyon/edit/", _page(300))
    assert refused.status_code in (200, 400)
    assert "30" in refused.content.decode()
    assert Channel.objects.filter(group=group).count() == 0

    taken = client.post("/en/groups/lyon/edit/", _page(30))
    assert taken.status_code == 302
    assert Channel.objects.filter(group=group).count() == 30
