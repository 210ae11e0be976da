"""The door page through Django's test client: who may open it, and what each form does."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.checkin.codes import check_in_code, display_code
from turnout.checkin.sheet_pdf import render_sign_in_sheet
from turnout.signups.models import Signup

from .pdf_text import page_count, pdf_texts

pytestmark = pytest.mark.django_db


def door_url(event, name="checkin:door", **kwargs):
    return reverse(name, kwargs={"pk": event.pk, **kwargs})


@pytest.fixture
def ada(event):
    return SignupFactory(event=event, name="Ada Lovelace", email="ada@example.org")


@pytest.fixture
def door(client, organizer, at_the_door):
    client.force_login(organizer)
    return client


def every_door_action(event, signup):
    return [
        ("get", door_url(event), {}),
        ("get", door_url(event, "checkin:counts"), {}),
        ("get", door_url(event, "checkin:code", code=check_in_code(signup.token)), {}),
        ("get", door_url(event, "checkin:sign_in_sheet"), {}),
        ("get", door_url(event, "checkin:walk_in"), {}),
        ("get", door_url(event, "checkin:upload_sheet"), {}),
        ("post", door_url(event, "checkin:check_in", signup_pk=signup.pk), {}),
        ("post", door_url(event, "checkin:undo", signup_pk=signup.pk), {}),
        (
            "post",
            door_url(event, "checkin:check_in_by_code"),
            {"code": check_in_code(signup.token)},
        ),
        ("post", door_url(event, "checkin:walk_in"), {"name": "Intruder"}),
    ]


def test_strangers_and_other_events_organizers_get_403_and_no_data(client, event, ada, at_the_door):
    other_organizer = UserFactory()
    LocalEventFactory(campaign=event.campaign).organizers.add(other_organizer)
    for user in (UserFactory(), other_organizer):
        client.force_login(user)
        for method, url, data in every_door_action(event, ada):
            response = getattr(client, method)(url, data)
            assert response.status_code == 403, url
            assert b"Ada" not in response.content
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED
    assert not Signup.objects.filter(name="Intruder").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, event, ada):
    response = client.get(door_url(event))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_an_unknown_event_is_404(door):
    assert door.get(reverse("checkin:door", kwargs={"pk": 999999})).status_code == 404


def test_the_campaigns_coordinator_may_use_the_door(client, event, ada, at_the_door):
    coordinator = UserFactory()
    event.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    assert client.get(door_url(event)).status_code == 200
    other_campaign = CampaignFactory()
    other_campaign.coordinators.add(coordinator := UserFactory())
    client.force_login(coordinator)
    assert client.get(door_url(event)).status_code == 403


def test_tap_to_check_in_then_undo(door, event, ada):
    page = door.get(door_url(event))
    assert "camera=(self)" in page["Permissions-Policy"]
    text = page.content.decode()
    assert "Ada Lovelace" in text and re.search(r"<strong[^>]*>0</strong> arrived of", text)
    response = door.post(door_url(event, "checkin:check_in", signup_pk=ada.pk), {"q": "ada"})
    assert response.status_code == 303
    assert response["Location"] == door_url(event) + f"?q=ada#person-{ada.pk}"
    page = door.get(response["Location"]).content.decode()
    assert "Ada Lovelace is checked in." in page
    assert re.search(r"<strong[^>]*>1</strong> arrived of <strong[^>]*>1</strong>", page)
    again = door.post(door_url(event, "checkin:check_in", signup_pk=ada.pk), follow=True)
    assert "Ada Lovelace was already checked in at 12:30." in again.content.decode()
    assert door.get(door_url(event, "checkin:counts")).json() == {
        "arrived": 1,
        "expected": 1,
        "walk_ins": 0,
    }
    door.post(door_url(event, "checkin:undo", signup_pk=ada.pk))
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED


def test_search_by_name_finds_only_matching_people(door, event, ada):
    SignupFactory(event=event, name="Bob Dylan")
    SignupFactory(event=event, name="Cancelled Carol", state=Signup.State.CANCELLED)
    text = door.get(door_url(event), {"q": "lovel"}).content.decode()
    assert "Ada Lovelace" in text and "Bob Dylan" not in text
    everyone = door.get(door_url(event)).content.decode()
    assert "Bob Dylan" in everyone and "Cancelled Carol" not in everyone


@pytest.mark.parametrize("language", ["en", "nl"])
def test_check_in_by_typed_code_in_both_languages(door, event, ada, language):
    code = display_code(check_in_code(ada.token)).lower()
    url = f"/{language}/check-in/events/{event.pk}/code/"
    page = door.post(url, {"code": f" {code} "}, follow=True).content.decode()
    assert {"en": "Ada Lovelace is checked in.", "nl": "Ada Lovelace is ingecheckt."}[
        language
    ] in page
    wrong = door.post(url, {"code": "ZZZZ-ZZZZ"}, follow=True).content.decode()
    assert "ZZZZZZZZ" in wrong


def test_a_scanned_qr_code_opens_a_page_with_one_button(door, event, ada):
    code = check_in_code(ada.token)
    page = door.get(door_url(event, "checkin:code", code=code)).content.decode()
    assert "Ada Lovelace" in page and 'name="code"' in page
    door.post(door_url(event, "checkin:check_in_by_code"), {"code": code})
    ada.refresh_from_db()
    assert ada.state == Signup.State.ATTENDED
    assert "Arrived 12:30" in door.get(door_url(event, "checkin:code", code=code)).content.decode()


def test_a_walk_in_from_the_door_form(door, event):
    response = door.post(
        door_url(event, "checkin:walk_in"),
        {"name": "Zoë", "email": "zoe@example.org", "may_contact": "on"},
    )
    assert response.status_code == 303
    zoe = Signup.objects.get(email="zoe@example.org")
    assert zoe.source == Signup.Source.WALK_IN and zoe.wants_updates
    bad = door.post(door_url(event, "checkin:walk_in"), {"name": "", "email": "x@"})
    assert bad.status_code == 400
    consent_without_email = door.post(
        door_url(event, "checkin:walk_in"), {"name": "Bo", "may_contact": "on"}
    )
    assert b"need to give an email address" in consent_without_email.content


def test_the_door_is_closed_before_the_day(client, organizer, event, ada):
    client.force_login(organizer)
    page = client.get(door_url(event)).content.decode()
    assert "Check-in opens on the day of the event." in page
    client.post(door_url(event, "checkin:check_in", signup_pk=ada.pk))
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED


def test_the_sign_in_sheet_lists_people_with_a_place_and_their_codes(door, event, ada):
    SignupFactory(event=event, name="Владимир Čapek")
    SignupFactory(event=event, name="Waiting Wendy", state=Signup.State.WAITLISTED)
    response = door.get(door_url(event, "checkin:sign_in_sheet"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert page_count(response.content) == 1
    people = list(Signup.objects.filter(event=event, state=Signup.State.CONFIRMED))
    pdf = render_sign_in_sheet(event, people, compress=False)
    text = "\n".join(pdf_texts(pdf))
    assert "Ada Lovelace" in text and "Владимир Čapek" in text
    assert display_code(check_in_code(ada.token)) in text
    assert "ada@example.org" not in text  # the sheet lies open at the door
    assert "Waiting Wendy" not in text


def test_a_long_sheet_runs_over_pages(event):
    people = SignupFactory.create_batch(80, event=event)
    assert page_count(render_sign_in_sheet(event, people)) >= 3


def upload(client, event, text: str, encoding="utf-8"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = SimpleUploadedFile("sheet.csv", text.encode(encoding), content_type="text/csv")
    return client.post(door_url(event, "checkin:upload_sheet"), {"sheet": sheet})


def test_uploading_a_filled_sheet_checks_in_and_adds_walk_ins(door, event, ada):
    response = upload(
        door,
        event,
        "\ufeffNaam;E-mail;Mogen we contact opnemen?;Aanwezig\n"
        "Ada Lovelace;;;x\nNieuwe Persoon;nieuw@example.nl;ja;x\n",
    )
    assert response.status_code == 303
    ada.refresh_from_db()
    assert ada.state == Signup.State.ATTENDED
    assert Signup.objects.get(email="nieuw@example.nl").source == Signup.Source.WALK_IN


def test_a_sheet_with_errors_saves_nothing_and_says_which_rows(door, event, ada):
    response = upload(door, event, "name,email\nAda Lovelace,\nBo,x@\n")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved" in text
    assert "Row 3: the email address &#x27;x@&#x27; is not valid." in text
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED


def test_every_code_fits_its_column_on_one_line(event):
    # The widest code the alphabet allows, among others: never wrapped at its dash.
    people = SignupFactory.create_batch(30, event=event)
    text = "\n".join(pdf_texts(render_sign_in_sheet(event, people, compress=False)))
    for person in people:
        assert display_code(check_in_code(person.token)) in text


def test_without_the_dejavu_font_the_sheet_still_prints(event, monkeypatch, tmp_path):
    from turnout.checkin import sheet_pdf

    monkeypatch.setattr(sheet_pdf, "FONT_FOLDER", tmp_path)
    pdf = render_sign_in_sheet(event, [SignupFactory(event=event, name="Владимир Zoë")])
    assert pdf.startswith(b"%PDF-") and page_count(pdf) == 1


def test_the_organizers_dashboard_links_to_the_door(client, organizer, event):
    client.force_login(organizer)
    assert door_url(event) in client.get(reverse("dashboard:home")).content.decode()


HOSTILE = [
    "",
    " ",
    "x" * 5000,
    "'; DROP TABLE signups_signup; --",
    "<script>alert(1)</script>",
    "\x00\r\nBcc: evil@example.org",
    "ＡＢＣＤ－ＥＦＧＨ",  # full-width, as some phone keyboards type
    "😀 ﷽ 𝐀𝐁𝐂",
    "https://evil.example/code/AAAA/../../admin/",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_at_the_door_gets_a_clear_answer_never_a_500(door, event, ada, text):
    code = door.post(door_url(event, "checkin:check_in_by_code"), {"code": text})
    assert code.status_code == 303
    search = door.get(door_url(event), {"q": text})
    assert search.status_code == 200
    walk_in = door.post(door_url(event, "checkin:walk_in"), {"name": text, "email": text})
    assert walk_in.status_code in {303, 400}
    landing = door.get(door_url(event) + "code/" + quote(text.replace("/", ""), safe="") + "/")
    assert landing.status_code in {200, 404}
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED
