"""The organizer's edit form takes the day's fields (exact place, accessibility, safety) as
people type them, hostile or odd text included, and what it accepts saves and shows again."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory, UserFactory
from turnout.campaigns.day_details import DAY_FIELDS
from turnout.campaigns.models import AuthorityNotice, LocalEvent, SafetyDefaults
from turnout.organizing.dashboard.forms import EventEditForm
from turnout.organizing.dashboard.services import update_event_details

pytestmark = pytest.mark.django_db

FEATURES = ["step_free_access", "seating", "accessible_toilets", "quiet_space", "sign_language"]


def base_data(event: LocalEvent) -> dict:
    starts, ends = event.local_starts_at, event.local_ends_at
    return {
        "title": event.title, "city": event.city, "venue": "Museumplein", "address": "",
        "day": f"{starts:%Y-%m-%d}", "starts": f"{starts:%H:%M}", "ends": f"{ends:%H:%M}",
        "signup_method": "native", "capacity": "",
    }  # fmt: skip


text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=320
) | st.sampled_from(["<script>alert(1)</script>", "Ga\r\nnaar\u2028de dam", "  ", "🚩 Dam"])
tri_state = st.sampled_from(["unknown", "true", "false", "", "2", "3", "maybe", None])


@settings(
    max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(
    private=st.sampled_from(["on", "", None]),
    meeting_point=text,
    instructions=text,
    note=text,
    legal_line=text,
    police=text,
    separated=text,
    notice=st.sampled_from(["", *AuthorityNotice.values, "bribed", None]),
    features=st.fixed_dictionaries({name: tri_state for name in FEATURES}),
)
def test_the_form_accepts_what_saves_and_refuses_the_rest_with_a_message(
    private, meeting_point, instructions, note, legal_line, police, separated, notice, features
):
    event = LocalEvent.objects.get(title="Klimaatmars")
    data = base_data(event) | {
        "location_is_private": private, "meeting_point": meeting_point,
        "private_instructions": instructions, "accessibility_note": note,
        "legal_support_line": legal_line, "police_liaison": police, "if_separated": separated,
        "authority_notice": notice, **features,
    }  # fmt: skip
    data = {key: value for key, value in data.items() if value is not None}
    form = EventEditForm(data, campaign=event.campaign, event=event)
    if not form.is_valid():
        assert form.errors
        assert set(form.errors) <= set(DAY_FIELDS)  # never a field the day did not touch
        return
    day = form.day_details()
    for name in FEATURES:
        assert day[name] in (True, False, None)
    assert "\n" not in day["meeting_point"] and "\n" not in day["police_liaison"]
    saved = update_event_details(event=event, details=form.event_details(), capacity=None, day=day)
    saved.refresh_from_db()
    for name, value in day.items():
        assert getattr(saved, name) == value
    again = EventEditForm(campaign=saved.campaign, event=saved)
    for name in FEATURES:
        assert again[name].initial == day[name]


@pytest.fixture(autouse=True)
def klimaatmars(db):
    event = LocalEventFactory(title="Klimaatmars", venue="Museumplein")
    event.organizers.add(UserFactory())
    return event


def test_not_known_yes_and_no_are_offered_in_both_languages(client, klimaatmars):
    client.force_login(klimaatmars.organizers.get())
    page = client.get(f"/en/dashboard/events/{klimaatmars.pk}/edit/").content.decode()
    assert '<option value="unknown" selected>Not known</option>' in page
    assert "Keep the exact place private" in page and "Safety and legal" in page
    page = client.get(f"/nl/dashboard/events/{klimaatmars.pk}/edit/").content.decode()
    assert '<option value="unknown" selected>Onbekend</option>' in page
    assert "De precieze plek privé houden" in page and "Veiligheid en juridische hulp" in page


def test_a_null_character_is_refused_with_a_message(klimaatmars):
    data = base_data(klimaatmars) | {"private_instructions": "Kom\x00 om twee uur"}
    form = EventEditForm(data, campaign=klimaatmars.campaign, event=klimaatmars)
    assert not form.is_valid()
    assert "private_instructions" in form.errors


def test_the_edit_page_shows_what_participants_see_with_the_campaigns_defaults(client):
    event = LocalEventFactory(title="Vigil", police_liaison="Ans de Vries")
    SafetyDefaults.objects.create(
        campaign=event.campaign, country="NL", legal_support_line="+31 20 555 0199"
    )
    organizer = UserFactory()
    event.organizers.add(organizer)
    client.force_login(organizer)
    page = client.get(f"/nl/dashboard/events/{event.pk}/edit/").content.decode()
    assert "zien deelnemers met een bevestigde plek:" in page
    preview = page.split("zien deelnemers met een bevestigde plek:")[1]
    assert "+31 20 555 0199" in preview and "Ans de Vries" in preview
