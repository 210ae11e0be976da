"""The attacker's fifth round against what the site writes out: a look-alike signup link that
the moderation queue would show only as "Eventbrite", a forged Host in every email a public
form causes, text that tries to close the JSON of the map, and requests too big to read."""

import json
import re
import secrets

import icalendar
import pytest
import time_machine
from django.test import Client

from tests.checkin.pdf_text import pdf_texts
from tests.factories import LocalEventFactory, UserFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory, form_data
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals import spam
from turnout.campaigns.proposals.models import EventProposal
from turnout.checkin.sheet_pdf import render_sign_in_sheet
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import mime_message, write_owed_letters

pytestmark = pytest.mark.django_db

# -- a look-alike host in the signup link ------------------------------------------------------


def _proposal_linking(**links: str) -> EventProposal:
    event = LocalEventFactory(
        title="Klimaatmars Groningen",
        description="We lopen van de Grote Markt naar het Stadhuis. Neem een spandoek mee!",
        status=LocalEvent.Status.PROPOSED,
        **links,
    )
    return EventProposal.objects.create(
        event=event,
        proposer_name="Sanne Bakker",
        proposer_email="sanne@voorbeeld.nl",
        token_hash=secrets.token_hex(32),
        email_confirmed_at=NOW,
    )


def _reasons(proposal: EventProposal) -> dict[str, dict]:
    verdict = spam.score_proposal(proposal, now=NOW)
    return {reason.code: reason.params for reason in verdict.reasons}


@pytest.mark.parametrize(
    "signup_url",
    [
        "https://www.eventbr\u0456te.nl/e/klimaatmars-groningen",  # a Ukrainian і
        "https://www.m\u0435etup.com/klimaat-groningen/events/1",  # a Cyrillic е
        "https://xn--evntbrite-7xd.com/e/1",  # the same trick, written in punycode
    ],
)
def test_a_look_alike_host_in_the_signup_link_is_a_spam_signal(signup_url):
    """The queue and the event page show a signup link by its platform's name ("Eventbrite",
    "website"), never its host: the moderator is the only one who could catch it, and only
    if the spam signals say so."""
    reasons = _reasons(_proposal_linking(signup_url=signup_url))
    assert "lookalike_link" in reasons, signup_url


def test_a_look_alike_host_in_the_video_call_link_is_a_spam_signal():
    """Participants get the call's link in their invite and click it there."""
    call = "https://us02web.z\u043e\u043em.us/j/81234567890"  # two Cyrillic о
    proposal = _proposal_linking(meeting_url=call, attendance_mode=LocalEvent.AttendanceMode.ONLINE)
    assert "lookalike_link" in _reasons(proposal)
    honest = _proposal_linking(
        meeting_url="https://us02web.zoom.us/j/81234567890",
        attendance_mode=LocalEvent.AttendanceMode.ONLINE,
    )
    assert "lookalike_link" not in _reasons(honest)


@pytest.mark.parametrize(
    "signup_url",
    [
        "https://www.eventbrite.nl/e/klimaatmars-groningen-tickets-123",
        "https://b\u00fccher-gegen-kohle.de/anmelden",  # a German umlaut: one alphabet
        "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/\u043c\u0430\u0440\u0448",
        "https://\u6c17\u5019.jp/\u30de\u30fc\u30c1",
    ],
)
def test_a_signup_link_in_one_alphabet_is_no_spam_signal(signup_url):
    assert "lookalike_link" not in _reasons(_proposal_linking(signup_url=signup_url)), signup_url


# -- a forged Host in the emails the public forms cause -------------------------------------


def test_no_email_a_public_form_causes_names_a_forged_host(settings):
    """A careless deployment passes any Host on; the emails are written later, by the worker,
    and must name SITE_URL whatever host the request that caused them named."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://acties.example.nl"
    forged = {
        "HTTP_HOST": "evil.example",
        "HTTP_X_FORWARDED_HOST": "evil.example",
        "HTTP_FORWARDED": "host=evil.example",
    }
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        visitor = Client(**forged)
        visitor.post(
            f"/nl/signups/events/{world.event.pk}/",
            form_data(name="Fenna de Jong", email="fenna@voorbeeld.nl"),
        )
        visitor.post(
            f"/nl/signups/events/{world.event.pk}/",  # a repeat: the "already signed up" email
            form_data(name="Fenna de Jong", email=world.signup.email),
        )
        visitor.post(
            f"/nl/campaigns/{world.campaign.slug}/organize/",
            {
                "city": "Zwolle", "venue": "Grote Markt", "day": "2030-05-13",
                "starts": "14:00", "ends": "16:00", "signup_method": "native",
                "proposer_name": "Joost Visser", "proposer_email": "joost@voorbeeld.nl",
            },
        )  # fmt: skip
        visitor.post("/nl/signups/privacy/", {"email": world.signup.email})
        visitor.post("/nl/accounts/sign-in/", {"email": world.coordinator.email})
        write_owed_letters()
        rows = list(OutboxMessage.objects.all())
    assert {"fenna@voorbeeld.nl", "joost@voorbeeld.nl", world.signup.email} <= {
        row.to_email for row in rows
    }
    for row in rows:
        written = mime_message(row).message().as_string()
        assert "evil.example" not in written, row.kind
        links = re.findall(r"https?://[^\s\"'<>]+", row.body_text)
        assert all(link.startswith("https://acties.example.nl/") for link in links), row.kind


# -- JSON inside a page ------------------------------------------------------------------------

CLOSERS = [
    "</script><script>alert(1)</script>",
    "<!--<script>",
    "]]></script>",
    "Ende\u2028Zeile\u2029",  # line separators: JavaScript string breakers before ES2019
]


def test_texts_that_close_a_script_stay_inside_the_maps_json(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        for number, closer in enumerate(CLOSERS):
            LocalEventFactory(
                campaign=world.campaign,
                title=f"Demo {number} {closer}",
                city=f"Köln {closer}",
                venue=f"Domplatte {closer}",
                latitude=50.94 + number / 100,
                longitude=6.96,
            )
        pages = [
            client.get(path) for path in ("/en/events/", f"/en/campaigns/{world.campaign.slug}/")
        ]
    embedded = []
    for page in pages:
        html = page.content.decode()
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
        for script in scripts:
            assert "<script" not in script.lower() and "<!--" not in script
        for data in re.findall(
            r'<script type="application/(?:json|ld\+json)"[^>]*>(.*?)</script>', html, flags=re.S
        ):
            embedded.append(json.dumps(json.loads(data), ensure_ascii=False))  # whole blocks
    # The hostile texts are in the JSON, as text, and nowhere else broke out of it.
    assert any(CLOSERS[0] in block for block in embedded)


# -- requests too big to read ------------------------------------------------------------------


def test_too_many_form_fields_are_a_plain_refusal_not_a_server_error(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        fields = {f"extra{n}": "x" for n in range(3000)}
        signup = client.post(
            f"/en/signups/events/{world.event.pk}/", {**form_data(email="a@example.org"), **fields}
        )
        proposal = client.post(f"/en/campaigns/{world.campaign.slug}/organize/", fields)
        api = client.get("/api/v1/events/?" + "&".join(f"q{n}=1" for n in range(3000)))
    assert signup.status_code == 400
    assert proposal.status_code == 400
    assert api.status_code == 400
    assert not world.event.signups.filter(email="a@example.org").exists()


def test_a_body_larger_than_the_site_reads_is_refused(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        response = client.post(
            f"/en/signups/events/{world.event.pk}/",
            {**form_data(email="b@example.org"), "name": "Ada " + "a" * 100_000},
        )
    assert response.status_code == 400
    assert not world.event.signups.filter(email="b@example.org").exists()


# -- a format string in the printed sheet ------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Demo {0} voor het klimaat",
        "Klimaatmars {Utrecht}",
        "Marche {page.__class__.__mro__} climat",
        "Grève } générale {",
        "Sitzblockade {page!r:>99999999}",
    ],
)
def test_braces_in_an_event_title_print_as_typed_on_the_sign_in_sheet(client, title):
    """The sheet's footer is a format string with the title inside: a title is text there."""
    event = LocalEventFactory(title=title, city="Utrecht")
    organizer = UserFactory(email="deur@voorbeeld.nl")
    event.organizers.add(organizer)
    SignupFactory(event=event, name="Ada Lovelace")
    client.force_login(organizer)
    response = client.get(f"/nl/check-in/events/{event.pk}/sign-in-sheet.pdf")
    assert response.status_code == 200
    people = list(event.signups.all())
    text = "\n".join(pdf_texts(render_sign_in_sheet(event, people, compress=False)))
    assert f"{title} · pagina 1" in text or f"{title} · page 1" in text


# -- control characters in a calendar's text ---------------------------------------------------

# A description as pasted from a word processor (vertical tab, form feed), a chat app or a
# terminal (an escape sequence that colours a terminal, a bell), with a right-to-left override
# and the Unicode line separators.
PASTED = (
    "Wir treffen uns am Neumarkt.\x0bBringt Schilder mit!\x0c"
    "\x1b[31mACHTUNG\x1b[0m\x07 Treffpunkt\u2028geändert\x85Ende\u202eeldnaH\x7f"
)
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|(?<!\r)\n")


def test_a_pasted_control_character_never_reaches_a_calendar_file(client):
    """RFC 5545 TEXT holds no control character but the tab: strict clients refuse the whole
    feed for one, and an escape sequence reaches the terminal of whoever reads the file."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        LocalEvent.objects.filter(pk=world.event.pk).update(
            description=PASTED,
            private_instructions="Klingeln\x0bbei «Müller»\x1b[2J",
            location_is_private=True,
        )
        paths = (
            "/feeds/events.ics",
            f"/feeds/campaigns/{world.campaign.slug}.ics",
            f"/en/cards/events/{world.event.pk}.ics",
            f"/en/signups/{world.signup.token}/invite.ics",
        )
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert not CONTROL.search(response.content), (path, CONTROL.search(response.content))
            (vevent,) = [
                v
                for v in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
                if str(v["UID"]).startswith(str(world.event.uid))
            ]
            lines = str(vevent["DESCRIPTION"]).splitlines()
            assert "Wir treffen uns am Neumarkt." in lines, path  # the lines are kept
            assert "Bringt Schilder mit!" in lines, path
