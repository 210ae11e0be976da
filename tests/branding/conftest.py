import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    return client


def valid_form(**changes) -> dict:
    """The admin change form's fields for settings that pass every check."""
    data = {
        "name": "Klimaat Samen",
        "tagline_en": "",
        "tagline_nl": "",
        "brand_colour": "#1d4ed8",
        "accent_colour": "#c2410c",
        "text_on_brand_colour": "#ffffff",
        "footer_text_en": "",
        "footer_text_nl": "",
        "footer_links": "[]",
        "social_links": "[]",
        "default_language": "en",
        "languages_offered": ["en", "nl"],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
