"""The translators' admin answers ids no row can have with 404, never a server error."""

import pytest
from django.contrib.auth import get_user_model

from turnout.translation.models import TranslatedSegment

from .pages import translate_page

HOSTILE_IDS = ["nan", "9" * 30, "9" * 5000, "-1", "\u0663", "1e9"]


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("object_id", HOSTILE_IDS)
@pytest.mark.parametrize("model", ["translation", "translatedsegment"])
def test_review_pages_refuse_impossible_ids(admin_client, object_id, model):
    response = admin_client.get(f"/admin/translation/{model}/{object_id}/change/")
    assert response.status_code in (302, 404)


@pytest.mark.django_db
def test_review_post_ignores_impossible_segment_ids(admin_client, model):
    model.mode = "preamble_english"
    flagged = translate_page("nl")
    segment = flagged.segments.first()
    response = admin_client.post(
        f"/admin/translation/translation/{flagged.pk}/change/",
        {
            f"text-{segment.pk}": "Een eerlijke vertaling.",
            f"source-{segment.pk}": segment.source_hash,
            f"source-{'9' * 40}": "x",
            "source-nan": "x",
            f"text-{'9' * 40}": "lost",
            "text-nan": "lost",
            "approve": [str(segment.pk), "9" * 40, "9" * 5000, "nan"],
        },
    )
    assert response.status_code == 302
    segment.refresh_from_db()
    assert segment.state == TranslatedSegment.State.REVIEWED
