"""The attacker's seventh round against the forms earlier rounds did not reach: meetup series
and dates, event roles, walk-ins at the door, the follow-up survey and the participant's
photos. Extra fields must set nothing a person may not choose (mass assignment), and hostile
text must never cause a server error, a half-written refusal or unescaped markup."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.media.images import plain_image
from tests.meetups.conftest import make_series
from tests.roles.factories import EventRoleFactory
from tests.signups.factories import SignupFactory
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.media.models import Photo
from turnout.meetups.models import MeetupSeries
from turnout.roles.models import EventRole
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

# Rows a refused form may still write: the session, rate-limit counters, the audit log.
BOOKKEEPING = {"sessions.session", "web.ratecounter", "accounts.auditentry"}
# A Tuesday evening in spring: the door opens half an hour before the event.
NOW = datetime(2030, 4, 2, 18, 0, tzinfo=UTC)


def _everything() -> dict[str, list[str]]:
    return {
        model._meta.label_lower: sorted(map(str, model._base_manager.values_list()))
        for model in apps.get_models()
        if model._meta.label_lower not in BOOKKEEPING and model._meta.managed
    }


class Door:
    """Two groups and two events, each with its own people; the attacker holds the first."""

    def __init__(self):
        self.lead = UserFactory(email="femke@example.nl", name="Femke")
        self.group = LocalGroupFactory(slug="zwolle", city="Zwolle")
        self.group.leads.add(self.lead)
        self.other_group = LocalGroupFactory(slug="gent", city="Gent")
        self.event = LocalEventFactory(city="Zwolle", starts_at=NOW + timedelta(minutes=30))
        self.event.organizers.add(self.lead)
        self.other_event = LocalEventFactory(city="Gent")
        self.role = EventRoleFactory(event=self.event, capacity=3)
        self.signup = SignupFactory(
            event=self.event, name="Lotte", email="lotte@example.nl", state=Signup.State.CONFIRMED
        )
        self.other_signup = SignupFactory(event=self.other_event, name="Wout")
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.lead)

    def series_form(self, **extra) -> dict:
        return {
            "title": "Open avond",
            "description": "Thee en plannen",
            "dtstart": (NOW + timedelta(days=3)).date().isoformat(),
            "start_time": "19:30",
            "duration_minutes": "90",
            "timezone": "Europe/Amsterdam",
            "frequency": "weekly",
            "interval": "1",
            "weekdays": ["WE"],
            "ends": "never",
            "attendance_mode": "in_person",
            "venue": "Bibliotheek",
            "city": "Zwolle",
            "country": "nl",
            **extra,
        }


@pytest.fixture
def door():
    with time_machine.travel(NOW, tick=False):
        yield Door()


def test_extra_fields_on_a_new_series_put_it_in_no_other_group_and_no_other_name(door):
    response = door.client.post(
        "/en/meetups/group/zwolle/new/",
        door.series_form(
            group=door.other_group.pk, group_id=door.other_group.pk, created_by=1, split_from=1
        ),
    )
    assert response.status_code == 302
    (series,) = MeetupSeries.objects.all()
    assert (series.group_id, series.created_by_id) == (door.group.pk, door.lead.pk)
    assert series.split_from_id is None


def test_extra_fields_on_a_new_role_put_it_on_no_other_event(door):
    response = door.client.post(
        f"/en/roles/events/{door.event.pk}/add/",
        {"kind": "first_aider", "capacity": "2", "event": door.other_event.pk, "event_id": "9"},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert EventRole.objects.filter(event=door.other_event).count() == 0
    assert EventRole.objects.filter(event=door.event).count() == 2


def test_extra_fields_on_a_walk_in_make_a_walk_in_of_this_event_and_nothing_else(door):
    response = door.client.post(
        f"/en/check-in/events/{door.event.pk}/walk-in/",
        {
            "name": "Bram",
            "email": "bram@example.nl",
            "state": "cancelled",
            "source": "web",
            "event": door.other_event.pk,
            "wants_updates": "on",
            "token": door.other_signup.token,
        },
    )
    assert response.status_code == 303
    bram = Signup.objects.get(email="bram@example.nl")
    assert (bram.event_id, bram.source, bram.wants_updates) == (
        door.event.pk,
        Signup.Source.WALK_IN,
        False,
    )
    assert bram.state != Signup.State.CANCELLED and bram.token != door.other_signup.token
    assert door.other_signup.event.signups.count() == 1


def test_extra_fields_on_the_survey_answer_for_nobody_else(door):
    FollowUp.objects.create(signup=door.signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
    response = Client().post(
        f"/en/follow-up/{door.signup.token}/",
        {
            "how_was_it": "4",
            "would_come_again": "yes",
            "signup": door.other_signup.pk,
            "signup_id": door.other_signup.pk,
            "answered_at": "2001-01-01T00:00",
        },
    )
    assert response.status_code == 302
    (answer,) = SurveyAnswer.objects.all()
    assert answer.signup_id == door.signup.pk and answer.answered_at == NOW


def test_a_participants_photos_wait_for_review_whatever_fields_are_added(door):
    FollowUp.objects.create(signup=door.signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
    with time_machine.travel(door.event.ends_at + timedelta(hours=2), tick=False):
        response = Client().post(
            f"/en/follow-up/{door.signup.token}/photos/",
            {
                "photos": [SimpleUploadedFile("plein.png", plain_image(), "image/png")],
                "faces": "none",
                "alt_text": "Mensen op het plein",
                "state": "approved",
                "event": door.other_event.pk,
                "campaign": door.other_event.campaign.pk,
                "uploaded_by": door.lead.pk,
            },
        )
    assert response.status_code in (200, 302)
    (photo,) = Photo.objects.all()
    assert (photo.event_id, photo.uploaded_by_id) == (door.event.pk, None)
    assert photo.campaign_id in (None, door.event.campaign_id)
    assert photo.state != Photo.State.APPROVED


# -- hostile text into every one of these forms ------------------------------------------------

MARKUP = "<script>alert(1)</script>"
HOSTILE = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\r\nBcc: x@evil.example",
            "\u202egnp.exe",
            "١٢",
            "９０",
            "=1+1",
            "9" * 40,
            "-1",
            "x" * 3000,
            "BEGIN:VEVENT",
            "2030-02-30",
            "25:61",
            "{{ 7*7 }}",
            "javascript:alert(1)",
            "https://evil.example/\u200b",
            "\ufeff@SUM(A1)",
        ]
    ),
)


def _form_cases(door: Door) -> dict[str, tuple[str, dict, list[str]]]:
    """Each form: its address, a valid submission, and the fields the attacker fills."""
    occurrence = make_series(door.group, door.lead, now=NOW).occurrences.order_by("pk").first()
    return {
        "series": ("/en/meetups/group/zwolle/new/", door.series_form(), ["title", "venue"]),
        "date": (
            f"/en/meetups/{occurrence.series_id}/dates/{occurrence.pk}/edit/",
            {
                "title": "Open avond",
                "day": (NOW + timedelta(days=8)).date().isoformat(),
                "start_time": "19:30",
                "duration_minutes": "90",
                "venue": "Bibliotheek",
            },
            ["title", "venue", "description", "duration_minutes"],
        ),
        "role": (
            f"/en/roles/events/{door.event.pk}/add/",
            {"kind": "other", "custom_name": "Spandoek", "capacity": "2", "briefing": "Om 12 uur"},
            ["custom_name", "briefing", "capacity"],
        ),
        "walk-in": (
            f"/en/check-in/events/{door.event.pk}/walk-in/",
            {"name": "Bram", "email": ""},
            ["name", "email"],
        ),
        "survey": (
            f"/en/follow-up/{door.signup.token}/",
            {"how_was_it": "4", "would_come_again": "yes", "comment": ""},
            ["comment", "how_was_it"],
        ),
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=st.sampled_from(["series", "date", "role", "walk-in", "survey"]), data=st.data())
def test_hostile_text_in_these_forms_is_refused_whole_or_kept_as_text(door, case, data):
    """Never a server error; a refused form writes nothing; markup comes back escaped."""
    FollowUp.objects.get_or_create(
        signup=door.signup, defaults={"kind": FollowUp.Kind.ATTENDED, "sent_at": NOW}
    )
    path, valid, fields = _form_cases(door)[case]
    posted = dict(valid)
    for name in data.draw(st.lists(st.sampled_from(fields), min_size=1, unique=True)):
        posted[name] = data.draw(HOSTILE) + data.draw(st.sampled_from(["", MARKUP]))
    client = door.client if case != "survey" else Client(raise_request_exception=False)
    before = _everything()
    response = client.post(path, posted)
    assert response.status_code < 500, (case, posted)
    if response.status_code not in (302, 303):
        assert _everything() == before, (case, posted)
    shown = client.get(response["Location"]) if response.status_code in (302, 303) else response
    assert MARKUP.encode() not in shown.content, (case, posted)
