"""Numbers from outside (sheets, command options, forms, the admin, query strings) have bounds:
past them a person reads why, nothing is half-written, and nothing answers with an error.

The reported crash: `turnout import csv` with a capacity of 99999999999999999999999 raised
OverflowError on SQLite. Generated numbers of every shape are in test_importers_fuzzed.py.
"""

import io
import math

import pytest
from django.core.management import CommandError, call_command

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.importers.models import CalendarFeed
from turnout.web.numbers import NumberRefused, decimal_number, whole_number

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999999"


def sheet(tmp_path, *rows: str):
    path = tmp_path / "events.csv"
    header = "campaign,city,country,date,capacity,latitude,longitude"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run_import(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


def test_a_huge_capacity_in_a_sheet_is_refused_in_words_and_nothing_is_written(tmp_path):
    CampaignFactory(slug="may")
    good, bad = "may,Utrecht,NL,2030-05-13,50,,", f"may,Groningen,NL,2030-05-13,{HUGE},,"
    path = sheet(tmp_path, good, bad)
    out, _err, error = run_import("csv", "events", str(path))
    assert f"events.csv:3: the capacity {HUGE} is too large (at most {MAX_CAPACITY})" in out, out
    assert error is not None and "nothing imported" in error
    assert not LocalEvent.objects.exists()

    out, _err, error = run_import("csv", "events", str(path), "--skip-rejected")
    assert error is None
    assert list(LocalEvent.objects.values_list("city", "capacity")) == [("Utrecht", 50)]


@pytest.mark.parametrize(
    ("capacity", "latitude", "message"),
    [
        (HUGE, "", f"the capacity {HUGE} is too large (at most 1000000)"),
        ("-5", "", "the capacity -5 is too small (at least 0)"),
        ("9" * 5000, "", "the capacity 99999999999999999999999999999… is too large"),
        ("1e3", "", "the capacity “1e3” is not a whole number"),
        ("²", "", "the capacity “²” is not a whole number"),
        ("", "nan", "the latitude “nan” is not a number"),
        ("", "1e309", "the latitude 1e309 is too large (at most 90)"),
        ("", "-inf", "the latitude -inf is too small (at least -90)"),
        ("", "91", "the latitude 91 is too large (at most 90)"),
    ],
)
def test_each_bad_number_is_named_with_its_bound(tmp_path, capacity, latitude, message):
    CampaignFactory(slug="may")
    path = sheet(tmp_path, f"may,Utrecht,NL,2030-05-13,{capacity},{latitude},")
    out, _err, _error = run_import("csv", "events", str(path), "--dry-run")
    assert message in out, out


def test_digits_of_other_scripts_and_a_decimal_comma_are_numbers(tmp_path):
    CampaignFactory(slug="may")
    path = sheet(tmp_path, 'may,Utrecht,NL,2030-05-13,٣٠,"52,09","5,12"')
    _out, _err, error = run_import("csv", "events", str(path))
    assert error is None
    event = LocalEvent.objects.get()
    assert (event.capacity, event.latitude, event.longitude) == (30, 52.09, 5.12)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--every", HUGE, "is too large (at most 744)"),
        ("--every", "0", "is too small (at least 1)"),
        ("--horizon", HUGE, "is too large (at most 36600)"),
        ("--horizon", "nan", "is not a whole number"),
    ],
)
def test_calendar_options_are_bounded(tmp_path, option, value, message):
    path = tmp_path / "feed.ics"
    path.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    _out, _err, error = run_import("ical", str(path), option, value)
    assert error is not None and message in error, error
    assert not CalendarFeed.objects.exists()


def test_an_organizer_typing_a_huge_capacity_is_told_the_bound(client):
    organizer = UserFactory()
    event = LocalEventFactory(capacity=40)
    event.organizers.add(organizer)
    client.force_login(organizer)
    page = client.get(f"/en/dashboard/events/{event.pk}/edit/")
    data = {
        name: value
        for name, value in page.context["form"].initial.items()
        if value is not None and not isinstance(value, list)
    }
    response = client.post(f"/en/dashboard/events/{event.pk}/edit/", {**data, "capacity": HUGE})
    assert response.status_code == 200
    assert "less than or equal to 1000000" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 40


@pytest.mark.parametrize(
    ("field", "value"),
    [("capacity", HUGE), ("latitude", "nan"), ("latitude", "1e309"), ("longitude", "-181")],
)
def test_the_back_office_refuses_numbers_out_of_bounds(admin_client, field, value):
    event = LocalEventFactory(capacity=40, latitude=52.0, longitude=5.0)
    page = admin_client.get(f"/admin/campaigns/localevent/{event.pk}/change/")
    form = page.context["adminform"].form
    data = {}
    for name, bound in form.fields.items():
        initial = form.initial.get(name, bound.initial)
        if initial is None or isinstance(initial, list | tuple):
            continue
        data[name] = initial
    starts = event.local_starts_at
    ends = event.local_ends_at
    data.update(
        {
            "starts_at_0": starts.date().isoformat(),
            "starts_at_1": starts.strftime("%H:%M:%S"),
            "ends_at_0": ends.date().isoformat(),
            "ends_at_1": ends.strftime("%H:%M:%S"),
            field: value,
        }
    )
    response = admin_client.post(f"/admin/campaigns/localevent/{event.pk}/change/", data)
    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["adminform"].form.errors
    assert field in errors, errors
    event.refresh_from_db()
    assert (event.capacity, event.latitude, event.longitude) == (40, 52.0, 5.0)


def test_the_model_refuses_what_every_comparison_lets_through():
    event = LocalEventFactory()
    for field, value in [("latitude", math.nan), ("longitude", math.inf), ("capacity", 10**23)]:
        setattr(event, field, value)
        with pytest.raises(Exception) as refused:
            event.full_clean()
        assert field in refused.value.message_dict  # type: ignore[attr-defined]
        event.refresh_from_db()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" 007 ", 7), ("+3", 3), ("−4", -4), ("١٢٣", 123), ("１２", 12), ("0", 0)],
)
def test_whole_numbers_are_read_in_any_script(text, expected):
    assert whole_number(text, minimum=-10, maximum=1000, name="count") == expected


@pytest.mark.parametrize("text", ["", "-", "1.5", "1e3", "²", "0x10", "1_000", "nan", "9" * 5000])
def test_anything_else_is_not_a_whole_number_or_out_of_bounds(text):
    with pytest.raises(NumberRefused) as refused:
        whole_number(text, minimum=0, maximum=10, name="count")
    assert "count" in str(refused.value)


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-Infinity", "1e309", "abc", "", "1e-400x"])
def test_decimal_numbers_are_finite_and_within_bounds(text):
    with pytest.raises(NumberRefused):
        decimal_number(text, minimum=-90, maximum=90, name="latitude")


HOSTILE = [HUGE, "nan", "inf", "-inf", "1e309", "-1", "٣", "9" * 5000]


@pytest.mark.parametrize(
    "path",
    ["/en/events/", "/en/press/", "/api/v1/events/", "/api/v1/cities/", "/en/accounts/audit/"],
)
def test_numbers_in_query_strings_never_cause_a_server_error(admin_client, path):
    LocalEventFactory()
    for value in HOSTILE:
        for query in (
            {"page": value},
            {"radius": value},
            {"radius_km": value, "near": "Utrecht"},
            {"limit": value, "q": "Ut"},
            {"year": value},
            {"near": f"{value},{value}"},
            {"near": f"52,{value}"},
        ):
            response = admin_client.get(path, query)
            # 404: a page past the last, as the API answers it
            assert response.status_code in {200, 400, 404}, (path, query, response.status_code)


@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "9" * 5000, "٣", "nan", "0"])
def test_ids_in_posted_forms_are_read_within_what_a_row_can_have(admin_client, value):
    """Form values naming rows (attendees, proposals, people, roles) that no row can have."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.signups.factories import SignupFactory

    admin = UserFactory(email="admin-h4@example.org", is_staff=True, is_superuser=True)
    campaign = CampaignFactory(slug="may")
    started = timezone.now() - timedelta(hours=3)
    event = LocalEventFactory(campaign=campaign, starts_at=started, ends_at=started)
    signup = SignupFactory(event=event)
    admin_client.force_login(admin)
    posts = [
        (f"/en/signups/events/{event.pk}/attendees/attendance/", {"attended": [value]}),
        ("/en/dashboard/campaigns/may/proposals/", {"proposal": value}),
        ("/en/accounts/roles/revoke/", {"person": value, "role": "coordinator", "object": "1"}),
        (
            "/en/accounts/roles/revoke/",
            {"person": str(admin.pk), "role": "coordinator", "object": value},
        ),
    ]
    for path, data in posts:
        response = admin_client.post(path, data)
        assert response.status_code in {302, 404}, (path, data, response.status_code)
    signup.refresh_from_db()
    assert signup.state == "confirmed"


def test_line_breaks_in_one_line_cells_are_folded_and_descriptions_keep_theirs(tmp_path):
    CampaignFactory(slug="may")
    path = tmp_path / "events.csv"
    path.write_text(
        "campaign,title,city,country,date,venue,description\n"
        'may,"Climate\r\nMarch","Utrecht",NL,2030-05-13,"Neude\u2028square","Bring\nwater"\n',
        encoding="utf-8",
    )
    _out, _err, error = run_import("csv", "events", str(path))
    assert error is None
    event = LocalEvent.objects.get()
    assert (event.title, event.venue, event.description) == (
        "Climate March",
        "Neude square",
        "Bring\nwater",
    )


@pytest.mark.parametrize("hours", [[True], [10**23], [-3], [0], [1.5], ["48"], [48, None], 48])
def test_reminder_hours_are_whole_hours_within_two_months(hours):
    campaign = CampaignFactory(reminder_hours=hours)
    with pytest.raises(Exception) as refused:
        campaign.full_clean()
    assert "reminder_hours" in refused.value.message_dict  # type: ignore[attr-defined]
