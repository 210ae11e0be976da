"""The API filters events on accessibility (`?step_free_access=true`) and documents it."""

import pytest

from tests.factories import LocalEventFactory

pytestmark = pytest.mark.django_db

FEATURES = ["step_free_access", "seating", "accessible_toilets", "quiet_space", "sign_language"]


@pytest.fixture
def events():
    LocalEventFactory(title="Ramp march", step_free_access=True, seating=False)
    LocalEventFactory(title="Both march", step_free_access=True, seating=True, quiet_space=True)
    LocalEventFactory(title="Unknown march", city="Utrecht")


def found(client, query: str = "") -> list[str]:
    response = client.get(f"/api/v1/events/{query}")
    assert response.status_code == 200, response.content
    return sorted(event["title"] for event in response.json()["results"])


def test_filters_keep_events_that_said_yes(client, events):
    assert found(client) == ["Both march", "Ramp march", "Unknown march"]
    assert found(client, "?step_free_access=true") == ["Both march", "Ramp march"]
    assert found(client, "?step_free_access=true&seating=true") == ["Both march"]
    assert found(client, "?quiet_space=1&near=Amsterdam") == ["Both march"]
    assert found(client, "?seating=false") == ["Both march", "Ramp march", "Unknown march"]
    assert found(client, "?sign_language=true") == []


def test_a_filter_that_is_no_boolean_answers_400(client, events):
    response = client.get("/api/v1/events/?seating=maybe")
    assert response.status_code == 400
    assert "seating" in response.json()


def test_each_event_says_what_is_known_of_its_accessibility(client, events):
    results = client.get("/api/v1/events/?seating=true&lang=nl").json()["results"]
    (both,) = results
    assert {name: both[name] for name in FEATURES} == {
        "step_free_access": True, "seating": True, "accessible_toilets": None,
        "quiet_space": True, "sign_language": None,
    }  # fmt: skip
    assert both["accessibility_note"] == ""
    # Safety and the private place are never in the API.
    for private in ("private_instructions", "legal_support_line", "police_liaison",
                    "if_separated", "authority_notice"):  # fmt: skip
        assert private not in both


def test_the_schema_documents_the_filters_and_fields(client):
    schema = client.get("/api/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert set(FEATURES) <= parameters
    fields = schema["components"]["schemas"]["Event"]["properties"]
    assert {*FEATURES, "accessibility_note", "location_is_private", "meeting_point"} <= set(fields)
    assert fields["step_free_access"].get("nullable") is True
