"""The attacker's tenth round at what the site hands out: events nobody approved (a draft
campaign's, a proposal, a rejected one) looked for in every public output at once; the
language switch's `next` in every spelling browsers read as another site; the privacy export
opened as a page; a cancelled signup's old link confirming a place again; the metrics token
in a query string; and a share card of a title made of combining marks."""

import json
import time
from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

# Titles and places that must appear in no public output; each is unmistakable in any page.
HIDDEN = {
    "draft": ("Geheime blokkade Rotterdam", "Maasvlakte"),
    "proposed": ("Vorgeschlagene Mahnwache Kassel", "Königsplatz"),
    "rejected": ("Manifestation refusée Lille", "Grand Place"),
    "draft_alone": ("Proposta recusada Porto", "Aliados"),
}


def _hidden_events(world) -> dict[str, LocalEvent]:
    draft = CampaignFactory(slug="geheim", title="Nog niet aangekondigd", status="draft")
    made = {
        "draft": LocalEventFactory(campaign=draft, group=world.group),
        "proposed": LocalEventFactory(
            campaign=world.campaign, group=world.group, status=LocalEvent.Status.PROPOSED
        ),
        "rejected": LocalEventFactory(
            campaign=world.campaign, group=world.group, status=LocalEvent.Status.REJECTED
        ),
        "draft_alone": LocalEventFactory(
            campaign=None, group=world.group, status=LocalEvent.Status.PROPOSED
        ),
    }
    for kind, event in made.items():
        event.title, event.venue = HIDDEN[kind]
        event.save()
    return made


PUBLIC_LISTINGS = [
    "/", "/en/", "/en/events/", "/en/events/?country=NL", "/en/archive/",
    "/en/campaigns/may/", "/en/campaigns/may/report/", "/en/groups/", "/en/groups/utrecht/",
    "/en/press/", "/feeds/events.ics", "/feeds/campaigns/may.ics", "/feeds/countries/NL.ics",
    "/feeds/groups/utrecht.ics", "/feeds/campaigns.rss", "/feeds/campaigns.atom",
    "/sitemap.xml", "/api/v1/events/", "/api/v1/events/?group=utrecht",
    "/api/v1/events/?campaign=may", "/api/v1/events/?past=true", "/api/v1/campaigns/",
    "/api/v1/groups/utrecht/", "/api/v1/groups/", "/embed/campaigns/may/",
    "/embed/groups/utrecht/", "/en/meetups/group/utrecht/", "/en/campaigns/geheim/",
    "/feeds/campaigns/geheim.ics", "/api/v1/events/?campaign=geheim",
]  # fmt: skip


def test_an_event_nobody_approved_is_in_no_public_output():
    with time_machine.travel(NOW - timedelta(days=1), tick=False):
        world = build_world()
        hidden = _hidden_events(world)
        visitor = Client(raise_request_exception=False)
        leaks = []
        for path in PUBLIC_LISTINGS:
            answer = visitor.get(path)
            assert answer.status_code < 500, path
            body = b"".join(answer.streaming_content) if answer.streaming else answer.content
            text = body.decode("utf-8", "replace")
            for kind, event in hidden.items():
                for secret in (*HIDDEN[kind], f"/events/{event.pk}/"):
                    if secret in text:
                        leaks.append((path, kind, secret))
        own = [
            "/en/events/{}/", "/api/v1/events/{}/", "/en/cards/events/{}.png",
            "/en/cards/events/{}.ics", "/en/photos/event/{}/", "/en/covers/event/{}/",
            "/en/signups/events/{}/check-your-inbox/", "/en/share/events/{}/",
        ]  # fmt: skip
        for event in hidden.values():
            for pattern in own:
                answer = visitor.get(pattern.format(event.pk))
                if answer.status_code not in (302, 404):
                    leaks.append((pattern, event.title, answer.status_code))
                elif answer.status_code == 302:
                    assert "/accounts/sign-in/" in answer["Location"], pattern
            signup = visitor.post(f"/en/signups/events/{event.pk}/", {"name": "X"})
            if signup.status_code != 404:
                leaks.append(("sign up", event.title, signup.status_code))
    assert leaks == []
    # And the approved event of the public campaign is still out there.
    assert world.event.title in Client().get("/feeds/campaigns/may.ics").content.decode()


# -- the language switch's next ---------------------------------------------------------------

ELSEWHERE = [
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/%2F%2Fevil.example/",
    "%2F%2Fevil.example",
    "https:evil.example",
    "https://evil.example/en/",
    "http:\\\\evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\t/evil.example",
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "https://testserver.evil.example/",
    "https://testserver@evil.example/",
    "//evil.example%00.testserver/",
    "/%09/evil.example",
    "/ /evil.example",
    "https://evil。example/",
]


def _stays_on_site(location: str) -> bool:
    """Whether a browser following `location` stays on this site: browsers drop tabs and line
    breaks from a URL, read a backslash as a slash and "//" as another host, and never
    decode %2F or %09 in a path into a slash or a tab."""
    from urllib.parse import urlsplit

    cleaned = "".join(c for c in location if c not in "\t\r\n").strip().replace("\\", "/")
    parts = urlsplit(cleaned)
    return (
        parts.scheme in ("", "http", "https")
        and parts.netloc in ("", "testserver")
        and not cleaned.startswith("//")
        and (not parts.scheme or parts.netloc == "testserver")
    )


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_language_switch_never_sends_a_visitor_to_another_site(target):
    client = Client(raise_request_exception=False)
    for data in (
        {"language": "nl", "next": target},
        {"language": "nl"},  # then the Referer is where it goes back to
    ):
        answer = client.post("/i18n/setlang/", data, HTTP_REFERER=target)
        assert answer.status_code in (302, 204), answer.status_code
        if answer.status_code == 302:
            assert _stays_on_site(answer["Location"]), (target, answer["Location"])


def test_the_language_switch_still_goes_back_to_the_page_on_the_site():
    answer = Client().post("/i18n/setlang/", {"language": "de", "next": "/en/events/?city=Köln"})
    assert answer.status_code == 302
    assert answer["Location"].startswith("/de/events/")


# -- the privacy export, opened as a page -----------------------------------------------------


def test_the_privacy_export_is_a_download_no_browser_runs_or_keeps():
    from turnout.signups.services.privacy import privacy_token

    name = '</script><script>alert(1)</script><img src=x onerror="alert(2)">'
    with time_machine.travel(NOW, tick=False):
        signup = SignupFactory(name=name, email="privacy@example.de")
        token = privacy_token(signup.email)
        answer = Client().get(f"/en/signups/privacy/{token}/my-data.json")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    assert answer["Content-Disposition"].startswith("attachment")
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in answer["Cache-Control"]
    assert "frame-ancestors 'none'" in answer["Content-Security-Policy"]
    (held,) = json.loads(answer.content)["signups"]
    assert held["name"] == name  # kept as typed, as data a browser never renders


# -- a cancelled signup's old link ------------------------------------------------------------


def test_a_cancelled_signups_confirm_link_takes_no_place_again():
    """Someone cancels, the place goes to the waitlist; the old email's confirm button is
    pressed again (or replayed by a script): the signup stays cancelled, the place stays given."""
    with time_machine.travel(NOW - timedelta(days=3), tick=False):
        event = LocalEventFactory(city="Wrocław", capacity=1)
        signup = SignupFactory(event=event, state=Signup.State.AWAITING_CONFIRMATION)
        client = Client()
        assert client.post(f"/en/signups/{signup.token}/confirm/").status_code == 302
        assert client.post(f"/en/signups/{signup.token}/cancel/").status_code == 302
        other = SignupFactory(event=event, state=Signup.State.CONFIRMED, email="inna@example.pl")
        before = sorted(Signup.objects.values_list("pk", "state"))
        for _ in range(3):
            answer = client.post(f"/en/signups/{signup.token}/confirm/")
            assert answer.status_code in (302, 404)
    signup.refresh_from_db()
    assert signup.state == Signup.State.CANCELLED
    assert sorted(Signup.objects.values_list("pk", "state")) == before
    assert Signup.objects.get(pk=other.pk).state == Signup.State.CONFIRMED


# -- the metrics token ------------------------------------------------------------------------


def _metrics_refused(answer) -> bool:
    """A 404, or the locale's redirect to the page of that name, which is a 404 too."""
    final = answer.client.get(answer["Location"]) if answer.status_code == 302 else answer
    return final.status_code == 404 and b"turnout_" not in final.content


def test_the_metrics_token_is_taken_only_from_its_header(settings):
    token = "m3tr1cs-" + "k" * 40
    settings.METRICS_TOKEN = token
    settings.METRICS_ALLOWED_NETWORKS = []
    outside = Client(REMOTE_ADDR="203.0.113.50")
    tries = [
        outside.get(f"/metrics?token={token}"),
        outside.get(f"/metrics?access_token={token}"),
        outside.get("/metrics", HTTP_X_METRICS_TOKEN=token),
        outside.get("/metrics", HTTP_AUTHORIZATION=f"Basic {token}"),
        outside.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token[:-1]}"),
        outside.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}x"),
        outside.get("/metrics", HTTP_AUTHORIZATION="Bearer "),
        outside.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token.upper()}"),
        outside.get("/metrics", HTTP_AUTHORIZATION="Bearer \u00e9\u00e9"),
        outside.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1"),
    ]
    assert [_metrics_refused(answer) for answer in tries] == [True] * len(tries)
    allowed = outside.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert allowed.status_code == 200
    assert b"turnout_" in allowed.content
    assert "no-store" in allowed["Cache-Control"] or "no-cache" in allowed["Cache-Control"]


def test_with_no_token_configured_an_empty_bearer_opens_nothing(settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    outside = Client(REMOTE_ADDR="203.0.113.51")
    assert _metrics_refused(outside.get("/metrics", HTTP_AUTHORIZATION="Bearer "))
    assert _metrics_refused(outside.get("/metrics", HTTP_AUTHORIZATION="Bearer"))


@pytest.mark.parametrize(
    "token", ["metrics", "changeme", "hunter2hunter2", "a" * 64, "prometheus-scrape-token-2030"]
)
def test_a_guessable_metrics_token_is_named_by_the_deploy_check(settings, token):
    """Nothing limits guesses at /metrics (a scraper asks every few seconds): a short or
    repetitive token is what the deploy check warns of."""
    from turnout.web.deploy_checks import check_metrics_token

    settings.METRICS_TOKEN = token
    (warning,) = check_metrics_token()
    assert warning.id == "turnout.W001"


def test_a_random_metrics_token_or_none_passes_the_deploy_check(settings):
    import secrets

    from turnout.web.deploy_checks import check_metrics_token

    for token in (secrets.token_urlsafe(32), secrets.token_hex(32), ""):
        settings.METRICS_TOKEN = token
        assert check_metrics_token() == []


def test_check_deploy_names_the_guessable_metrics_token(tmp_path):
    from tests.security.test_deploy_check import PRODUCTION, check_deploy

    result = check_deploy(tmp_path, **PRODUCTION, METRICS_TOKEN="metrics")
    assert result.returncode != 0
    assert "turnout.W001" in result.stderr


# -- a share card of combining marks ----------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Z" + "\u0336\u0322\u031b\u0354\u0359" * 38,  # "Zalgo": one letter, 190 marks
        "\u0e01\u0e34\u0e4a" * 66,  # Thai: a consonant with a vowel and a tone mark, stacked
        "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 24,  # family emoji
        "\ufdfd" * 199,  # the widest single character there is
        "\u202e" + "W" * 198,
    ],
)
def test_a_share_card_of_a_hostile_title_is_drawn_quickly(title):
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(city="Bangkok", title=title[:200])
        started = time.monotonic()
        answer = Client().get(f"/en/cards/events/{event.pk}.png")
        seconds = time.monotonic() - started
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"
    assert answer.content.startswith(b"\x89PNG")
    assert seconds < 10


def test_a_draft_campaigns_card_is_not_drawn():
    with time_machine.travel(NOW, tick=False):
        draft = CampaignFactory(slug="verborgen", status=Campaign.Status.DRAFT)
        event = LocalEventFactory(campaign=draft)
        assert Client().get("/en/cards/campaigns/verborgen.png").status_code == 404
        assert Client().get(f"/en/cards/events/{event.pk}.png").status_code == 404


# -- calendar lines for a reader that splits on every line break ------------------------------

# Every character Python's str.splitlines() (and many calendar readers written with it) ends a
# line at, before a whole event and the end of the calendar.
BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\n"]
SMUGGLED = "END:VEVENT{b}BEGIN:VEVENT{b}UID:evil{b}SUMMARY:Gratis bus{b}END:VEVENT{b}END:VCALENDAR"


def test_no_line_break_of_any_kind_smuggles_an_event_into_a_calendar():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        event = world.event
        description = "".join(SMUGGLED.format(b=b) for b in BREAKS)
        LocalEvent.objects.filter(pk=event.pk).update(description=f"Over de mars{description}")
        event.refresh_from_db()
        event.title = "Mars" + SMUGGLED.format(b="\u2028")
        event.venue = "Dam" + SMUGGLED.format(b="\x85")
        event.save()
        signup = SignupFactory(event=event, name="Ada" + SMUGGLED.format(b="\u2029"))
        client = Client()
        for path in (
            "/feeds/events.ics",
            f"/feeds/campaigns/{world.campaign.slug}.ics",
            "/feeds/groups/utrecht.ics",
            f"/en/cards/events/{event.pk}.ics",
            f"/en/signups/{signup.token}/invite.ics",
        ):
            answer = client.get(path)
            assert answer.status_code == 200, path
            lines = answer.content.decode().splitlines()
            begins = [line for line in lines if line.startswith("BEGIN:VEVENT")]
            assert len(begins) == sum(line.startswith("END:VEVENT") for line in lines), path
            assert sum(line.startswith("END:VCALENDAR") for line in lines) == 1, path
            assert lines[-1] == "END:VCALENDAR", path
            assert not any(line.startswith(("UID:evil", "SUMMARY:Gratis")) for line in lines)
