"""The pages: a lead creates a series without JavaScript, in English and Dutch; strangers
cannot; each date action works; the group page lists the dates and links the series."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.meetups.forms import SeriesForm
from turnout.meetups.models import MeetupSeries, SeriesOccurrence
from turnout.notifications.models import OutboxMessage

from .conftest import AMSTERDAM, NOW, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def form_data(**overrides) -> dict:
    data = {
        "title": "Open meeting",
        "description": "",
        "dtstart": "2030-03-05",
        "start_time": "19:00",
        "duration_minutes": "120",
        "timezone": "Europe/Amsterdam",
        "frequency": "weekly",
        "interval": "2",
        "weekdays": ["TU"],
        "month_day": "",
        "ordinal": "",
        "weekday": "",
        "ends": "never",
        "until": "",
        "count": "",
        "attendance_mode": "in_person",
        "venue": "Library",
        "address": "",
        "city": "Utrecht",
        "country": "nl",
        "meeting_url": "",
        "capacity": "",
    }
    data.update(overrides)
    return data


def test_a_lead_creates_every_second_tuesday_in_dutch(client, group, lead):
    client.force_login(lead)
    url = reverse("meetups:series_create", kwargs={"slug": group.slug}).replace("/en/", "/nl/")
    page = client.get(url)
    assert "Nieuwe terugkerende bijeenkomst" in page.text and "dinsdag" in page.text
    response = client.post(url, form_data(title="Open avond <script>"), follow=True)
    series = MeetupSeries.objects.get()
    assert series.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" and series.country == "NL"
    assert "Om de 2 weken op dinsdag" in response.text
    assert "&lt;script&gt;" in response.text and "<script>" not in response.text
    assert response.text.count("Deze datum afgelasten") == 6
    assert "De reeks aanpassen" in response.text
    assert "19:00" in response.text


def test_strangers_and_visitors_cannot_create_or_change(client, group, lead):
    series = make_series(group, lead)
    occurrence = series.occurrences.first()
    create = reverse("meetups:series_create", kwargs={"slug": group.slug})
    cancel = reverse("meetups:occurrence_cancel", args=[series.pk, occurrence.pk])
    edit = reverse("meetups:occurrence_edit", args=[series.pk, occurrence.pk])
    assert client.get(create).status_code == 302  # to sign in
    client.force_login(UserFactory(email="stranger@example.org"))
    assert client.post(create, form_data()).status_code == 403
    assert client.post(cancel).status_code == 403
    assert client.post(edit, {}).status_code == 403
    assert MeetupSeries.objects.count() == 1
    occurrence.event.refresh_from_db()
    assert not occurrence.event.is_cancelled
    detail = client.get(series.get_absolute_url())
    assert detail.status_code == 200 and "Cancel this date" not in detail.text


def test_a_national_groups_lead_manages_its_local_groups_series(client, group, lead):
    national_lead = UserFactory(email="nina@example.org")
    group.parent.leads.add(national_lead)
    client.force_login(national_lead)
    url = reverse("meetups:series_create", kwargs={"slug": group.slug})
    assert client.post(url, form_data()).status_code == 302


def test_bad_rules_get_clear_messages_and_write_nothing(client, group, lead):
    client.force_login(lead)
    url = reverse("meetups:series_create", kwargs={"slug": group.slug})
    cases = [
        ({"weekdays": []}, "Choose at least one day of the week."),
        ({"frequency": "monthly_day", "month_day": ""}, "Choose a day of the month from 1 to 31."),
        ({"ends": "until", "until": "2030-03-01"}, "The last date cannot be before the first"),
        ({"ends": "count", "count": ""}, "Give the number of dates."),
        ({"dtstart": "2020-01-01"}, "The first date cannot be in the past."),
        ({"city": ""}, "Give the city and country, or make it online."),
        ({"attendance_mode": "online"}, "An online meet-up needs its meeting link."),
        ({"frequency": "monthly_weekday", "ordinal": "2"}, "Choose which weekday of the month"),
    ]
    for overrides, message in cases:
        response = client.post(url, form_data(**overrides))
        assert response.status_code == 200, overrides
        assert message in response.text, overrides
    assert not MeetupSeries.objects.exists() and not LocalEvent.objects.exists()


def test_the_group_page_lists_the_dates_and_links_the_series_for_its_leads(client, group, lead):
    series = make_series(group, lead)
    page = client.get(group.get_absolute_url())
    for occurrence in series.occurrences.select_related("event"):
        assert occurrence.event.get_absolute_url() in page.text
    assert "Recurring meet-ups" not in page.text
    client.force_login(lead)
    page = client.get(group.get_absolute_url())
    assert reverse("meetups:group_series", kwargs={"slug": group.slug}) in page.text


def test_each_date_action_from_the_series_page(client, group, lead):
    series = make_series(group, lead)
    client.force_login(lead)
    first, second, third = series.occurrences.order_by("recurrence_id")[:3]
    SignupFactory(event=second.event)
    edit = reverse("meetups:occurrence_edit", args=[series.pk, first.pk])
    assert 'value="2030-03-05"' in client.get(edit).text
    response = client.post(
        edit,
        {"title": "Open meeting", "day": "2030-03-06", "start_time": "18:30",
         "duration_minutes": "90", "venue": "Café", "address": "", "description": ""},
    )  # fmt: skip
    assert response.status_code == 302
    first.event.refresh_from_db()
    assert first.event.local_starts_at == datetime(2030, 3, 6, 18, 30, tzinfo=AMSTERDAM)
    cancel = reverse("meetups:occurrence_cancel", args=[series.pk, second.pk])
    assert client.post(cancel).status_code == 302
    assert OutboxMessage.objects.filter(kind="event_cancelled").count() == 1
    following = reverse("meetups:occurrence_following", args=[series.pk, third.pk])
    assert 'value="2030-04-02"' in client.get(following).text
    response = client.post(following, form_data(dtstart="2030-04-02", start_time="20:00"))
    new = MeetupSeries.objects.exclude(pk=series.pk).get()
    assert response.url == new.get_absolute_url()
    third.refresh_from_db()
    assert third.series == new
    assert third.event.local_starts_at.time() == time(20, 0)
    page = client.get(series.get_absolute_url())
    assert "Cancelled" in page.text and "changed for this date" in page.text
    assert new.get_absolute_url() in page.text


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(st.text(max_size=40), st.integers(-(10**12), 10**12).map(str))
            for name in form_data()
        },
    ),
    weekdays=st.lists(st.sampled_from(["MO", "TU", "XX", "", "su"]), max_size=3),
)
def test_no_input_crashes_the_series_form(data, weekdays):
    data = {**form_data(), **data, "weekdays": weekdays}
    form = SeriesForm(data, today=date(2030, 3, 4))
    if form.is_valid():
        values = form.values()
        assert values["rrule"].startswith("FREQ=")
        assert values["dtstart"] >= date(2030, 3, 3)
    else:
        assert form.errors


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    frequency=st.sampled_from(["weekly", "monthly_day", "monthly_weekday"]),
    interval=st.integers(1, 12),
    month_day=st.integers(1, 31),
    ordinal=st.sampled_from(["1", "2", "3", "4", "-1"]),
    ends=st.sampled_from(["never", "until", "count"]),
    days_ahead=st.integers(0, 4000),
    count=st.integers(1, 500),
    zone=st.sampled_from(["Europe/Amsterdam", "America/New_York", "Pacific/Chatham", "UTC"]),
)
def test_every_valid_form_makes_a_series_or_a_clear_error(
    group, lead, frequency, interval, month_day, ordinal, ends, days_ahead, count, zone
):
    until = date(2030, 3, 5) + timedelta(days=days_ahead)
    data = form_data(
        frequency=frequency, interval=str(interval), month_day=str(month_day), ordinal=ordinal,
        weekday="FR", ends=ends, until=until.isoformat(), count=str(count), timezone=zone,
    )  # fmt: skip
    form = SeriesForm(data, today=date(2030, 3, 4))
    assert form.is_valid(), form.errors
    from django.core.exceptions import ValidationError

    from turnout.meetups.services import create_series

    try:
        series = create_series(group=group, created_by=lead, values=form.values(), now=NOW)
    except ValidationError as error:
        assert "no dates" in str(error)
    else:
        assert SeriesOccurrence.objects.filter(series=series).exists()
        series.delete()
        LocalEvent.objects.all().delete()
