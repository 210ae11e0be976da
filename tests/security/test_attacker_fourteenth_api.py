"""The attacker's fourteenth round at the public API with the parameters other Django APIs
obey: `?ordering=` by a related person's field (ordering by a secret leaks it one comparison
at a time, as a filter would), `?fields=` and `?expand=` naming private columns, `?search=`,
`?limit=`/`?offset=` of another paginator, and the same names as repeated keys. The API has
no such filters: each list answers exactly what it answers without them (holds), and an event
kept private shows none of its details whatever is asked."""

import json

import pytest
import time_machine
from django.test import Client

from tests.security.test_attacker_eleventh_outputs import _leaks, _private_world
from tests.security.world import NOW
from tests.signups.factories import SignupFactory

pytestmark = pytest.mark.django_db

# The city suggestions take `q` and `limit` of their own, validated (tests/api/).
LISTS = ["/api/v1/events/", "/api/v1/campaigns/", "/api/v1/groups/"]

HOSTILE = [
    "ordering=signups__email",
    "ordering=-organizers__password",
    "ordering=private_instructions,-meeting_point",
    "o=signups__token",
    "sort=address",
    "fields=email,token,private_instructions,meeting_point,address",
    "expand=signups,organizers&include=signups",
    "search=Qv8x&q=Qv8x",
    "signups__email__startswith=z&organizers__email__contains=@",
    "location_is_private=true&status=proposed",
    "limit=100000&offset=-5",
    "ordering=signups__email&ordering=-id&fields=email&fields=token",
]


def test_filters_of_other_apis_change_no_answer_and_leak_nothing():
    with time_machine.travel(NOW, tick=False):
        world = _private_world()
        SignupFactory(event=world.event, name="Zoë Qv8x", email="zoe.qv8x@example.org")
        client = Client()
        for path in LISTS:
            plain = client.get(path)
            assert plain.status_code == 200
            expected = json.loads(plain.content)
            for query in HOSTILE:
                response = client.get(f"{path}?{query}")
                assert response.status_code == 200, (path, query)
                assert json.loads(response.content) == expected, (path, query)
                text = response.content.decode()
                assert _leaks(text) == [], (path, query)
                assert "zoe.qv8x" not in text, (path, query)


# (query, status): sizes capped rather than read as a number of rows to load, pages that
# cannot be are "not found".
PAGES = [
    ("page_size=" + "9" * 40, 200),
    ("page_size=-1", 200),
    ("page_size=0", 200),
    ("page=-1", 404),
    ("page=0", 404),
    ("page=" + "9" * 40, 404),
    ("page=last", 200),
]


def test_pages_asked_for_beyond_sense_are_bounded():
    with time_machine.travel(NOW, tick=False):
        _private_world()
        client = Client()
        for query, status in PAGES:
            response = client.get(f"/api/v1/events/?{query}")
            assert response.status_code == status, query
            if status == 200:
                assert len(json.loads(response.content)["results"]) <= 200, query
