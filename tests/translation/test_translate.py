"""Translating pages and campaign texts against a real chat-completions server on loopback."""

from datetime import UTC, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.content.factories import PageFactory
from tests.factories import CampaignFactory, UserFactory
from turnout.translation.models import CachedSegment, ProviderCall, TranslatedSegment, Translation
from turnout.translation.providers import configured_provider
from turnout.translation.run import translate_all
from turnout.translation.services import review_segments, translation_for
from turnout.translation.sources import TextSource
from turnout.translation.spending import Budget

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
State = TranslatedSegment.State

SOURCE = """---
title: Our values
description: What we stand for.
---

## What do we want?

Safety rules for the most powerful AI systems. See our [proposal](/proposal).

- Peaceful, always.
- Honest about what we know.

```
code stays as it is
```
"""


def run(languages=("nl",), **kwargs):
    return translate_all(
        languages=list(languages),
        provider=configured_provider(),
        now=NOW,
        sleep=lambda s: None,
        **kwargs,
    )


def page_translation(page, language="nl") -> Translation:
    return translation_for(TextSource(page, "source", page.language), language)


def test_page_is_translated_segment_by_segment_keeping_anchors_links_and_code(chat_server):
    page = PageFactory(slug="values", source=SOURCE)
    report = run()
    translation = page_translation(page)
    assert report.translated == 6  # title, description, heading, paragraph, two list items
    assert translation.state == Translation.State.MACHINE
    assert (
        "title: '[nl] Our values'" in translation.text
        or 'title: "[nl] Our values"' in translation.text
    )
    assert "## [nl] What do we want? {#what-do-we-want}" in translation.text
    assert "[nl] Safety rules" in translation.text and "[proposal](/proposal)" in translation.text
    assert "- [nl] Peaceful, always." in translation.text
    assert "```\ncode stays as it is\n```" in translation.text
    sent = "\n".join(r["messages"][1]["content"] for r in chat_server.requests)
    assert "/proposal" not in sent and "{#what-do-we-want}" not in sent and "code stays" not in sent
    assert chat_server.requests[0]["model"] == "test-model"


def test_second_run_sends_nothing_when_nothing_changed(chat_server):
    PageFactory(slug="values", source=SOURCE)
    run()
    sent = len(chat_server.requests)
    report = run()
    assert report.translated == 0
    assert len(chat_server.requests) == sent


def test_editing_one_paragraph_retranslates_only_that_paragraph(chat_server):
    page = PageFactory(slug="values", source=SOURCE)
    run()
    chat_server.requests.clear()
    page.source = SOURCE.replace("Honest about what we know.", "Honest about what we do not know.")
    page.save()
    assert page_translation(page).state == Translation.State.STALE  # until translated again
    run()
    assert [r["messages"][1]["content"] for r in chat_server.requests] == [
        "- Honest about what we do not know."
    ]
    assert "- [nl] Honest about what we do not know." in page_translation(page).text


def test_cache_is_keyed_by_model_so_another_model_does_not_reuse_it(chat_server, settings):
    PageFactory(slug="values", source=SOURCE)
    run()
    settings.TURNOUT_TRANSLATION_MODEL = "another-model"
    chat_server.requests.clear()
    PageFactory(slug="same-words", source=SOURCE)
    run()
    assert len(chat_server.requests) == 6  # the new page only: finished pages are kept
    assert CachedSegment.objects.filter(model="another-model").count() == 6


@pytest.mark.parametrize(
    ("mode", "problem"),
    [
        ("drop_link", "Protected parts are missing: (/proposal)"),
        ("drop_placeholder", "Protected parts are missing"),
        ("break_placeholder", "Protected parts are missing"),
        ("truncate", "stopped early"),
        ("truncate_quietly", "of the source's length"),
    ],
)
def test_broken_translation_is_retried_then_flagged_and_never_shown(chat_server, mode, problem):
    page = PageFactory(
        slug="values",
        source="---\ntitle: Values\n---\n\n"
        + ("We want safety rules for the most powerful systems; read [our proposal](/proposal)."),
    )
    chat_server.mode = mode
    report = run()
    paragraph = page_translation(page).segments.get(kind="paragraph")
    assert paragraph.state == State.FLAGGED
    assert problem in paragraph.problems
    assert report.flagged >= 1
    requests_for_paragraph = [
        r
        for r in chat_server.requests
        if "proposal" in r["messages"][1]["content"] or "⟦" in r["messages"][1]["content"]
    ]
    assert len(requests_for_paragraph) == 2  # tried again once, as settings allow
    text = page_translation(page).text
    assert (
        "We want safety rules for the most powerful systems; read [our proposal](/proposal)."
        in text
    )


def test_rate_limit_is_retried_and_then_succeeds(chat_server):
    page = PageFactory(slug="values", source="---\ntitle: Values\n---\n")
    chat_server.mode, chat_server.failures_left = "429", 1
    report = run()
    assert report.translated == 1
    assert "[nl] Values" in page_translation(page).text


def test_server_errors_that_persist_leave_the_source_and_flag_the_segment(chat_server):
    page = PageFactory(slug="values", source="---\ntitle: Values\n---\n")
    chat_server.mode, chat_server.failures_left = "500", -1
    run()
    segment = page_translation(page).segments.get()
    assert segment.state == State.FLAGGED
    assert "500" in segment.problems


def test_refused_key_stops_the_command_with_a_clear_message(chat_server):
    PageFactory(slug="values", source="---\ntitle: Values\n---\n")
    chat_server.mode = "401"
    with pytest.raises(CommandError, match="refused"):
        call_command("translate", "--lang", "nl", stdout=StringIO())


def test_reviewed_text_is_kept_and_becomes_stale_when_the_source_changes(chat_server):
    page = PageFactory(slug="values", source=SOURCE)
    run()
    translation = page_translation(page)
    item = translation.segments.get(source_text="- Peaceful, always.")
    reviewer = UserFactory()
    review_segments(
        translation=translation,
        texts={item.pk: "- Altijd vreedzaam."},
        approved=set(),
        reviewer=reviewer,
        now=NOW,
    )
    assert "- Altijd vreedzaam." in page_translation(page).text

    page.source = SOURCE.replace("- Peaceful, always.", "- Peaceful, always and everywhere.")
    page.save()
    run()
    translation = page_translation(page)
    stale = translation.segments.get(source_text="- Peaceful, always and everywhere.")
    assert stale.state == State.STALE
    assert stale.text == "- Altijd vreedzaam."  # the person's words, not the machine's
    assert stale.previous_source_text == "- Peaceful, always."
    assert stale.machine_text == "- [nl] Peaceful, always and everywhere."
    assert translation.state == Translation.State.STALE
    assert "- Altijd vreedzaam." in translation.text

    review_segments(
        translation=translation,
        texts={s.pk: s.text for s in translation.segments.all()},
        approved={s.pk for s in translation.segments.all()},
        reviewer=reviewer,
        now=NOW,
    )
    assert page_translation(page).state == Translation.State.REVIEWED
    chat_server.requests.clear()
    run()
    assert chat_server.requests == []
    assert "- Altijd vreedzaam." in page_translation(page).text


def test_spend_cap_stops_the_run_and_the_next_run_resumes(chat_server, settings):
    PageFactory(slug="values", source=SOURCE)
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal("0.0006")
    first = run()
    assert first.stopped_by_cap
    assert 0 < first.translated < 6
    spent = sum(call.cost for call in ProviderCall.objects.all())
    assert spent <= Decimal("0.0006")
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal("10")
    second = run()
    assert first.translated + second.translated == 6
    assert not second.stopped_by_cap


def test_dry_run_shows_plan_and_cost_and_sends_nothing(chat_server):
    PageFactory(slug="values", source=SOURCE)
    CampaignFactory(slug="may", narrative="We act **now**.")
    out = StringIO()
    call_command("translate", "--lang", "nl,de", "--dry-run", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "nl        page values: 6 / 0 / 0 / 0" in text
    assert "de        campaign may · narrative: 1 / 0 / 0 / 0" in text
    assert "segments to send: 16" in text  # 2 languages x (6 + campaign title + narrative)
    assert "estimated cost" in text and "dry run: nothing sent" in text
    assert chat_server.requests == [] and not Translation.objects.exists()


def test_command_translates_and_then_reports_everything_cached(chat_server):
    PageFactory(slug="values", source=SOURCE)
    call_command("translate", "--lang", "nl", stdout=StringIO())
    out = StringIO()
    call_command("translate", "--lang", "nl", "--dry-run", stdout=out)
    assert "page values: 0 / 0 / 6 / 0" in out.getvalue()
    assert "segments to send: 0" in out.getvalue()


def test_command_refuses_to_send_when_translation_is_off():
    PageFactory(slug="values", source=SOURCE)
    with pytest.raises(CommandError, match="off"):
        call_command("translate", "--lang", "nl", stdout=StringIO())


def test_budget_counts_what_this_month_already_cost(chat_server):
    ProviderCall.objects.create(
        provider="openai", model="m", language="nl", cost=Decimal("9.9995"), created_at=NOW
    )
    ProviderCall.objects.create(
        provider="openai",
        model="m",
        language="nl",
        cost=Decimal("50"),
        created_at=datetime(2030, 4, 30, tzinfo=UTC),
    )
    budget = Budget.for_month(now=NOW)
    assert budget.spent == Decimal("9.9995")
    assert not budget.allows(
        "a paragraph long enough to cost more than the cent that is left " * 20
    )


def test_scheduled_task_translates_like_the_command(chat_server, settings):
    from turnout.translation.tasks import translate_content

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = PageFactory(slug="values", source=SOURCE)
    result = translate_content.enqueue(["nl"])
    assert result.return_value == {"translated": 6, "flagged": 0, "stopped_by_cap": False}
    assert "[nl] Safety rules" in page_translation(page).text
