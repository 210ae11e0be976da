"""Whole runs against a chat-completions server on loopback that damages some answers: the
damaged segments are flagged with their reason and the page shows the source there, the good
segments of the same run are published, hostile HTML never reaches the page, a person's
translation is never lost to a failed suggestion, and odd HTTP answers (a list for content,
Retry-After of -3 or nan, a server that never answers) neither crash nor hang a run."""

import json
import threading
import time
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.content.factories import PageFactory
from tests.factories import LocalEventFactory, UserFactory
from turnout.content.markdown import render_markdown
from turnout.translation.models import CachedSegment, ProviderCall, TranslatedSegment, Translation
from turnout.translation.placeholders import protect
from turnout.translation.providers import ProviderResult, configured_provider
from turnout.translation.run import plan_all, translate_all
from turnout.translation.segments import split_text
from turnout.translation.services import ProviderUnavailable, review_segments, translation_for
from turnout.translation.sources import TextSource

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
State = TranslatedSegment.State

PAGE = """---
title: Pause Day in Amsterdam
---

## Why we march {#why}

On %(date)s we gather at **Dam Square** to ask for an *international treaty*. Read [our \
proposal](https://pauseai.info/proposal) first.

- Bring water and a **charged phone** 📱.
- Questions? Write to info@pauseai.info and we answer within a day.

| City | Meeting point |
|------|---------------|
| Amsterdam | Dam Square |

Share the hashtag `#PauseAI` with everyone you know, {{ user.first_name }}!
"""
# Faithful answers, segment by segment (as the model receives them, with ⟦n⟧ tokens).
FAITHFUL = {
    "nl": [
        "Pauzedag in Amsterdam",
        "## Waarom we marcheren ⟦1⟧",
        "Op ⟦1⟧ verzamelen we ons op de **Dam** om te vragen om een *internationaal verdrag*. "
        "Lees eerst [ons voorstel]⟦2⟧.",
        "- Neem water en een **opgeladen telefoon** 📱 mee.",
        "- Vragen? Schrijf naar ⟦1⟧ en we antwoorden binnen een dag.",
        "| Stad | Verzamelpunt |",
        "| Amsterdam | De Dam |",
        "Deel de hashtag ⟦1⟧ met iedereen die je kent, ⟦2⟧!",
    ],
    "de": [
        "Pausentag in Amsterdam",
        "## Warum wir marschieren ⟦1⟧",
        "Am ⟦1⟧ versammeln wir uns auf dem **Dam-Platz**, um einen *internationalen Vertrag* "
        "zu fordern. Lest zuerst [unseren Vorschlag]⟦2⟧.",
        "- Bringt Wasser und ein **geladenes Handy** 📱 mit.",
        "- Fragen? Schreibt an ⟦1⟧, wir antworten innerhalb eines Tages.",
        "| Stadt | Treffpunkt |",
        "| Amsterdam | Dam-Platz |",
        "Teile den Hashtag ⟦1⟧ mit allen, die du kennst, ⟦2⟧!",
    ],
}
SEGMENTS = [protect(segment.text).text for segment in split_text(PAGE).segments]
# Damaged answers by segment index, with words their reason must contain.
DAMAGE = {
    "nl": {
        0: ("Pause Day in Amsterdam", "untranslated"),
        2: (
            "Am ⟦1⟧ versammeln wir uns auf dem **Dam-Platz**, um einen *internationalen "
            "Vertrag* zu fordern. Lest zuerst [unseren Vorschlag]⟦2⟧.",
            "not written in the language asked for",
        ),
        6: ("| Amsterdam |", "structure changed"),
        7: (
            "Deel de hashtag ⟦1⟧ met iedereen die je kent, ⟦2⟧!<img src=x onerror=alert(1)>",
            "code, links or tags",
        ),
    },
    "de": {
        0: ("„Pausentag in Amsterdam“", "quotation marks"),
        2: (
            '{"translation": "Am ⟦1⟧ versammeln wir uns auf dem **Dam-Platz**, um einen '
            '*internationalen Vertrag* zu fordern."}',
            "JSON",
        ),
        3: ("- Bringt Wasser und ein „geladenes Handy“ 📱 mit.", "Bold, italic"),
        4: (
            "- Fragen? Schreibt an ⟦1⟧, wir antworten innerhalb \u202eeines Tages\u202c.",
            "U+202E",
        ),
        7: (
            "Teile den Hashtag ⟦1⟧ mit allen, die du kennst, ⟦2⟧! <script>alert(1)</script>",
            "HTML",
        ),
    },
}


def run(**kwargs):
    return translate_all(
        languages=kwargs.pop("languages", ["nl"]),
        provider=configured_provider(),
        now=NOW,
        sleep=kwargs.pop("sleep", lambda s: None),
        **kwargs,
    )


def page_translation(page, language="nl"):
    return translation_for(TextSource(page, "source", "en"), language)


@pytest.mark.parametrize("language", ["nl", "de"])
def test_damaged_segments_are_flagged_and_the_good_ones_of_the_run_published(chat_server, language):
    damage = DAMAGE[language]
    chat_server.answers = {
        language: {
            text: damage[index][0] if index in damage else FAITHFUL[language][index]
            for index, text in enumerate(SEGMENTS)
        }
    }
    page = PageFactory(slug="pause-day", source=PAGE)
    report = run(languages=[language])
    translation = page_translation(page, language)
    assert report.flagged == len(damage) == translation.flagged_count
    rows = list(translation.segments.order_by("position"))
    for index, row in enumerate(rows):
        if index in damage:
            assert row.state == State.FLAGGED, row.source_text
            assert damage[index][1] in row.problems, row.problems
            assert row.text == ""
            assert row.source_text in translation.text
        else:
            assert row.state == State.MACHINE, (row.source_text, row.problems)
            assert row.text == protect(row.source_text).restore(FAITHFUL[language][index])
            assert row.text in translation.text
    html = str(render_markdown(translation.text))
    assert "onerror" not in html and "<script" not in html and "\u202e" not in html
    assert "{{ user.first_name }}" in translation.text  # a template variable is never sent
    assert "user.first_name" not in json.dumps(chat_server.requests)


def test_a_failed_suggestion_for_a_changed_source_keeps_the_reviewers_text(chat_server):
    chat_server.answers = {"nl": dict(zip(SEGMENTS, FAITHFUL["nl"], strict=True))}
    page = PageFactory(slug="pause-day", source=PAGE)
    run()
    translation = page_translation(page)
    item = translation.segments.get(source_text__startswith="- Questions?")
    review_segments(
        translation=translation,
        texts={item.pk: "- Vragen? Mail naar info@pauseai.info, we antwoorden snel."},
        approved={item.pk},
        reviewer=UserFactory(),
        now=NOW,
    )
    page.source = PAGE.replace("within a day", "within two days")
    page.save()
    changed = protect("- Questions? Write to info@pauseai.info and we answer within two days.")
    chat_server.answers["nl"][changed.text] = "- Vragen? Schrijf naar ⟦1⟧ en we antwoorden"
    chat_server.requests.clear()
    report = run()

    item.refresh_from_db()
    assert report.flagged == 1
    assert item.state == State.STALE  # still the reviewer's text, marked as out of date
    assert item.text == "- Vragen? Mail naar info@pauseai.info, we antwoorden snel."
    assert item.problems and item.machine_text == ""
    assert item.text in page_translation(page).text
    assert len(chat_server.requests) == 2  # both attempts for the changed item, nothing else

    [plan] = plan_all(languages=["nl"], provider=configured_provider())
    assert (plan.to_translate, plan.flagged) == (0, 1)  # the plan says what the run does
    chat_server.requests.clear()
    run()
    assert chat_server.requests == []  # a failed suggestion waits for --retry-flagged
    chat_server.answers["nl"][changed.text] = (
        "- Vragen? Schrijf naar ⟦1⟧ en we antwoorden binnen twee dagen."
    )
    run(retry_flagged=True)
    item.refresh_from_db()
    assert item.state == State.STALE and item.problems == ""
    assert item.machine_text.endswith("binnen twee dagen.")
    assert item.text == "- Vragen? Mail naar info@pauseai.info, we antwoorden snel."


class Scripted:
    """A chat-completions server whose every answer is written by `respond(payload)`:
    (status, headers, body bytes, seconds to wait before answering)."""

    def __init__(self, respond):
        self.respond = respond
        self.requests: list[dict] = []
        state = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the standard library's name
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                state.requests.append(payload)
                status, headers, body, delay = state.respond(payload)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()


def completion(content, *, finish_reason="stop", usage=None) -> bytes:
    message = {"role": "assistant", "content": content}
    return json.dumps(
        {
            "choices": [{"message": message, "finish_reason": finish_reason}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10} if usage is None else usage,
        }
    ).encode()


@pytest.fixture
def scripted(chat_server, settings):
    """Point the provider at a scripted server instead (the chat server's settings kept)."""
    servers = []

    def serve(respond):
        server = Scripted(respond)
        servers.append(server)
        settings.TURNOUT_TRANSLATION_ENDPOINT = server.url
        return server

    yield serve
    for server in servers:
        server.httpd.shutdown()
        server.httpd.server_close()


TITLE_ONLY = "---\ntitle: Pause Day in Amsterdam\n---\n\nWe meet at noon on Dam Square.\n"
JSON = {"Content-Type": "application/json"}


def dutch(payload) -> str:
    return {
        "Pause Day in Amsterdam": "Pauzedag in Amsterdam",
        "We meet at noon on Dam Square.": "We verzamelen om twaalf uur op de Dam.",
    }[payload["messages"][1]["content"]]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (completion([{"type": "text", "text": "Pauzedag in Amsterdam"}]), "not a chat completion"),
        (completion("Pauzedag in Amsterdam", usage="12 tokens"), "not a chat completion"),
        (b"<html><body>502 Bad Gateway</body></html>", "not a chat completion"),
        (b'{"choices": [{"message": {"content": "Pauzedag in', "not a chat completion"),
        (completion("Pauzedag in Amsterdam", finish_reason="content_filter"), "content_filter"),
        (b'{"choices": [{"message": {"content": "Pauzedag \xff\xfe in"}}]}', "UnicodeDecode"),
        (b"[1, 2]", "not a chat completion"),
        (b'{"choices": [{"message": null}]}', "not a chat completion"),
        (b"not gzip at all", "cannot read the provider's answer"),
    ],
    ids=[
        "content parts",
        "usage text",
        "html page",
        "cut-off json",
        "content filter",
        "invalid utf-8",
        "a list",
        "no message",
        "broken gzip",
    ],
)
def test_an_odd_answer_for_one_segment_flags_it_and_the_run_goes_on(scripted, body, reason):
    headers = {**JSON, "Content-Encoding": "gzip"} if body == b"not gzip at all" else JSON

    def respond(payload):
        if payload["messages"][1]["content"] == "Pause Day in Amsterdam":
            return 200, headers, body, 0
        return 200, JSON, completion(dutch(payload)), 0

    scripted(respond)
    page = PageFactory(slug="pause-day", source=TITLE_ONLY)
    report = run()
    translation = page_translation(page)
    title = translation.segments.get(kind="front_matter")
    paragraph = translation.segments.get(kind="paragraph")
    assert (report.flagged, report.translated) == (1, 1)
    assert title.state == State.FLAGGED and reason in title.problems
    assert paragraph.state == State.MACHINE
    assert "Pause Day in Amsterdam" in translation.text
    assert "We verzamelen om twaalf uur op de Dam." in translation.text


@pytest.mark.parametrize("retry_after", ["-3", "nan", "inf", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_a_strange_retry_after_is_waited_out_without_a_crash(scripted, settings, retry_after):
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 3
    refused: set[str] = set()

    def respond(payload):
        text = payload["messages"][1]["content"]
        if text not in refused:
            refused.add(text)
            return 429, {"Retry-After": retry_after}, b'{"error": "slow down"}', 0
        return 200, JSON, completion(dutch(payload)), 0

    scripted(respond)
    page = PageFactory(slug="pause-day", source=TITLE_ONLY)
    report = run(sleep=time.sleep)  # the real one, which refuses negative and nan pauses
    assert (report.translated, report.flagged) == (2, 0)
    assert "Pauzedag in Amsterdam" in page_translation(page).text


def test_retry_after_is_followed_when_it_makes_sense(scripted, settings):
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 3
    refused: set[str] = set()

    def respond(payload):
        text = payload["messages"][1]["content"]
        if text not in refused:
            refused.add(text)
            return 500, {"Retry-After": "7"}, b"oops", 0
        return 200, JSON, completion(dutch(payload)), 0

    scripted(respond)
    pauses: list[float] = []
    PageFactory(slug="pause-day", source=TITLE_ONLY)
    report = run(sleep=pauses.append)
    assert report.translated == 2 and pauses == [7.0, 7.0]


def test_a_server_that_never_answers_flags_the_segment_within_the_timeout(scripted, settings):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.4
    scripted(lambda payload: (200, JSON, completion("Pauzedag in Amsterdam"), 3))
    page = PageFactory(slug="pause-day", source=TITLE_ONLY)
    started = time.monotonic()
    report = run()
    elapsed = time.monotonic() - started
    translation = page_translation(page)
    assert report.flagged == 2 and report.translated == 0
    assert all("timed out" in row.problems for row in translation.segments.all())
    assert translation.text.startswith("---\ntitle: Pause Day in Amsterdam")
    assert elapsed < 2 * 2 * 0.4 + 1.5  # two segments, two attempts each, then on


@pytest.mark.parametrize(
    "content",
    ["Pauzedag in Amsterdam \ud83d", "Pauzedag\x00 in Amsterdam"],
    ids=["half an emoji", "NUL"],
)
def test_an_answer_that_cannot_be_stored_is_refused_not_a_crash(scripted, content):
    def respond(payload):
        if payload["messages"][1]["content"] == "Pause Day in Amsterdam":
            return 200, JSON, completion(content), 0
        return 200, JSON, completion(dutch(payload)), 0

    scripted(respond)
    page = PageFactory(slug="pause-day", source=TITLE_ONLY)
    report = run()
    title = page_translation(page).segments.get(kind="front_matter")
    assert (report.flagged, report.translated) == (1, 1)
    assert title.state == State.FLAGGED and "not a chat completion" in title.problems


@pytest.mark.parametrize("tokens", [-10_000_000, "Infinity"])
def test_token_counts_below_nothing_or_endless_never_lower_the_spending(scripted, tokens):
    usage = json.loads(json.dumps({"prompt_tokens": tokens, "completion_tokens": 10}))
    body = completion("Pauzedag in Amsterdam").replace(
        b'"prompt_tokens": 10', f'"prompt_tokens": {json.dumps(usage["prompt_tokens"])}'.encode()
    )
    scripted(lambda payload: (200, JSON, body, 0))
    PageFactory(slug="pause-day", source="---\ntitle: Pause Day in Amsterdam\n---\n")
    run()
    assert all(call.cost >= 0 for call in ProviderCall.objects.all())
    assert ProviderCall.objects.exists()


def test_a_run_stopped_by_a_refusal_still_shows_what_it_translated(scripted):
    answered: list[str] = []

    def respond(payload):
        if answered:
            return 401, JSON, b'{"error": {"message": "invalid key"}}', 0
        answered.append(payload["messages"][1]["content"])
        return 200, JSON, completion(dutch(payload)), 0

    scripted(respond)
    page = PageFactory(slug="pause-day", source=TITLE_ONLY)
    with pytest.raises(ProviderUnavailable):
        run()
    translation = page_translation(page)
    assert translation.machine_count == 1 and translation.pending_count == 1
    assert "Pauzedag in Amsterdam" in translation.text  # saved and shown, not half-written
    assert "We meet at noon on Dam Square." in translation.text


class AnyAnswer:
    """A provider (no HTTP) answering every request with the same generated text."""

    name, model, is_enabled = "openai", "hypothesis", True

    def __init__(self, text: str, finish_reason: str):
        self.text, self.finish_reason = text, finish_reason

    def translate(self, *, text, source_language, language, corrections=()):
        return ProviderResult(self.text, self.finish_reason, 10, 10)


_ANSWER_PIECES = st.sampled_from(
    [*"ab #*-_|>`[]()⟦⟧1:.!?\n\"„“«»<>%％\u202e", "⟦1⟧", "⟦2⟧", "⟦3⟧", "## ", "- ", "| x | y |",
     "\n\n", "Hier is de vertaling:", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
     "[klik](javascript:alert(1))", "{{ user.password }}", "Wir gehen", "We gaan", "**", "~~",
     '{"translation": "', "```"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    answer=st.lists(_ANSWER_PIECES, max_size=25).map("".join),
    finish_reason=st.sampled_from(["stop", "length", "content_filter"]),
)
def test_whatever_the_model_answers_the_run_ends_and_no_hostile_markup_is_published(
    settings_for_any_answer, answer, finish_reason
):
    page = settings_for_any_answer
    Translation.objects.all().delete()
    CachedSegment.objects.all().delete()
    provider = AnyAnswer(answer, finish_reason)
    report = translate_all(languages=["nl"], provider=provider, now=NOW, sleep=lambda s: None)
    translation = page_translation(page)
    assert report.translated + report.flagged == translation.segment_count
    for row in translation.segments.all():
        assert row.state in (State.MACHINE, State.FLAGGED)
        if row.state == State.FLAGGED:
            assert row.problems and row.source_text in translation.text
    html = str(render_markdown(translation.text))
    for hostile in ("<script", "onerror", "javascript:", "user.password"):
        assert hostile not in html and hostile not in translation.text


@pytest.fixture
def settings_for_any_answer(settings):
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 1
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal("1000000")
    return PageFactory(slug="pause-day", source=PAGE)


def test_a_damaged_event_title_is_never_shown_and_the_event_stays_in_english(client, chat_server):
    event = LocalEventFactory(
        title="Candlelight vigil for a safe future",
        description="Bring a candle and a friend. We start at dusk by the old crane.",
    )
    chat_server.answers = {
        "nl": {
            "Candlelight vigil for a safe future": (
                "Wake bij kaarslicht voor een veilige toekomst<img src=x onerror=alert(1)>"
            ),
            # Copied as it was.
            "Bring a candle and a friend. We start at dusk by the old crane.": (
                "Bring a candle and a friend. We start at dusk by the old crane."
            ),
        }
    }
    translate_all(languages=["nl"], provider=configured_provider(), now=NOW, sleep=lambda s: None)
    flagged = TranslatedSegment.objects.filter(translation__object_id=event.pk, state=State.FLAGGED)
    reasons = {row.source_text: row.problems for row in flagged}
    assert "code, links or tags" in reasons["Candlelight vigil for a safe future"]
    assert (
        "untranslated" in reasons["Bring a candle and a friend. We start at dusk by the old crane."]
    )
    response = client.get(f"/nl/events/{event.pk}/")
    assert response.status_code == 200
    dutch = response.content.decode()
    assert "Candlelight vigil for a safe future" in dutch
    assert "onerror" not in dutch and "Wake bij kaarslicht" not in dutch
