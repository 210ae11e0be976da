"""The OpenAPI schema is valid, and the API keeps to it under property-based testing."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.specs.openapi.checks import positive_data_acceptance

from turnout.wsgi import application

pytestmark = pytest.mark.django_db


def test_schema_is_a_valid_openapi_document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ("/api/v1/campaigns/", "/api/v1/events/", "/api/v1/groups/", "/api/v1/cities/"):
        assert "get" in paths[path]
    parameters = {p["name"] for p in paths["/api/v1/events/"]["get"]["parameters"]}
    assert {"near", "radius_km", "country", "campaign", "starts_after", "page"} <= parameters
    assert not any(method in paths["/api/v1/events/"] for method in ("post", "put", "delete"))


@pytest.fixture
def api_schema(may):
    # Requests go straight into the WSGI application, in this thread and this test's transaction.
    # As Django's test client does, keep the request cycle from closing that connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_every_operation_keeps_to_the_schema(api_schema):
    # A few examples per operation keep the suite fast; the generated queries include invalid
    # ones, which must be refused with 400 (never a 500), and every answer must match the schema.
    for operation in api_schema.get_all_operations():
        operation = operation.ok()

        @settings(
            max_examples=8,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def check(case):
            # Values can be well-formed yet name nothing ("near=Xyzzyville", an unknown campaign
            # slug): those are refused with 400 and a message, which the schema cannot express.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()
