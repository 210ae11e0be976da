"""The events index filters on accessibility with plain checkboxes, in both languages."""

import pytest

from tests.factories import LocalEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    return {
        "ramp": LocalEventFactory(title="Ramp march", step_free_access=True, seating=False),
        "both": LocalEventFactory(title="Both march", step_free_access=True, seating=True),
        "unknown": LocalEventFactory(title="Unknown march", city="Utrecht"),
        "signing": LocalEventFactory(title="Signed vigil", sign_language=True, city="Utrecht"),
    }


def titles(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    return {title for title in ("Ramp march", "Both march", "Unknown march", "Signed vigil")
            if title in text}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Step-free access", "Seating", "Accessible toilets", "Quiet space",
                "Sign language"]),
        ("nl", ["Drempelvrije toegang", "Zitplaatsen", "Toegankelijke toiletten",
                "Stille ruimte", "Gebarentaal"]),
    ],
)  # fmt: skip
def test_the_index_offers_a_checkbox_per_feature(client, language, labels):
    text = client.get(f"/{language}/events/").content.decode()
    for name in ("step_free_access", "seating", "accessible_toilets", "quiet_space",
                 "sign_language"):  # fmt: skip
        assert f'type="checkbox" name="{name}"' in text
    for label in labels:
        assert label in text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_ticked_features_keep_only_events_that_said_yes(client, events, language):
    url = f"/{language}/events/"
    assert titles(client, url) == {"Ramp march", "Both march", "Unknown march", "Signed vigil"}
    assert titles(client, f"{url}?step_free_access=on") == {"Ramp march", "Both march"}
    assert titles(client, f"{url}?step_free_access=on&seating=on") == {"Both march"}
    assert titles(client, f"{url}?sign_language=on&country=NL") == {"Signed vigil"}
    assert titles(client, f"{url}?quiet_space=on") == set()


def test_a_ticked_box_stays_ticked_and_combines_with_a_nearby_search(client, events):
    response = client.get("/en/events/?near=Utrecht&radius=25&sign_language=on")
    text = response.content.decode()
    assert 'name="sign_language" id="id_sign_language" checked' in text
    assert titles(client, "/en/events/?near=Utrecht&radius=25&sign_language=on") == {"Signed vigil"}


def test_a_private_place_is_at_a_whole_number_of_kilometres(client):
    LocalEventFactory(
        title="Secret march", city="Amsterdam", latitude=52.35791, longitude=4.88123,
        location_is_private=True,
    )  # fmt: skip
    LocalEventFactory(title="Open march", city="Amsterdam", latitude=52.35791, longitude=4.88123)
    text = client.get("/en/events/?near=52.35,4.85&radius=25").content.decode()
    secret = text.split("Secret march")[0].rsplit('class="event-distance"', 1)[1]
    opened = text.split("Open march")[0].rsplit('class="event-distance"', 1)[1]
    assert "· 4 km<" in secret  # 3.8 km from Amsterdam's centre, where the public places it
    assert "· 2.3 km<" in opened
