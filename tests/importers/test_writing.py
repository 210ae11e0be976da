"""`turnout import markdown` writes campaigns, events, press, embeds and content pages, and a
second import of the same file updates rather than duplicates."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from turnout.accounts.models import AuditEntry
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.models import Page
from turnout.press.models import PressMention

FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytestmark = pytest.mark.django_db

PAGE = """---
title: Day of action May 2030
description: One day, many cities.
---

## May 13th (Monday), in several countries

- **[Paris, France](https://lu.ma/paris)** (14:00 - 16:00)
- **Oxford, UK** (t.b.a.)
- Organize in your area! [Join our Discord](https://discord.gg/abcdef)

## Core messages

- Pause now.

## Press coverage

- [Wired](https://www.wired.com/story/a/)

<WidgetConsent>
<div><blockquote class="twitter-tweet">
<a href="https://twitter.com/PauseAI/status/123456789">May 13</a></blockquote></div>
</WidgetConsent>
"""


def run_import(*paths: Path) -> str:
    out = io.StringIO()
    call_command("import", "markdown", *map(str, paths), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "2030-may.md"
    path.write_text(PAGE)
    return path


def test_import_writes_the_campaign_its_events_press_and_embeds(page):
    run_import(page)
    campaign = Campaign.objects.get(slug="2030-may")
    assert campaign.title == "Day of action May 2030"
    assert campaign.summary == "One day, many cities."
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2030-05-13",
        "2030-05-13",
    )
    assert campaign.coordination_url == "https://discord.gg/abcdef"
    assert campaign.core_messages == "- Pause now."
    assert '<Embed url="https://twitter.com/PauseAI/status/123456789" />' in campaign.narrative
    paris = LocalEvent.objects.get(campaign=campaign, city="Paris")
    assert (paris.country, paris.status, paris.signup_platform) == ("FR", "approved", "luma")
    assert paris.timezone == "Europe/Paris"
    assert paris.latitude == pytest.approx(48.85, abs=0.1)  # from the gazetteer
    assert (paris.local_starts_at.hour, paris.local_ends_at.hour) == (14, 16)
    oxford = LocalEvent.objects.get(campaign=campaign, city="Oxford")
    assert (oxford.country, oxford.status, oxford.signup_url) == ("GB", "tba", "")
    # No time on the page: none is invented; the event spans its day, details to be announced.
    assert (oxford.local_starts_at.hour, oxford.local_starts_at.minute) == (0, 0)
    mention = PressMention.objects.get(campaign=campaign)
    assert (mention.outlet, mention.state) == ("Wired", PressMention.State.APPROVED)
    assert AuditEntry.objects.filter(action="import.campaign").count() == 1


def test_importing_the_same_file_twice_changes_nothing_the_second_time(page):
    run_import(page)
    first = {e.pk: (e.sequence, e.starts_at, e.status) for e in LocalEvent.objects.all()}
    output = run_import(page)
    assert "events unchanged: 2" in output
    assert Campaign.objects.count() == 1
    assert {e.pk: (e.sequence, e.starts_at, e.status) for e in LocalEvent.objects.all()} == first
    assert PressMention.objects.count() == 1


def test_a_changed_page_updates_its_events_in_place(page):
    run_import(page)
    oxford = LocalEvent.objects.get(city="Oxford")
    page.write_text(
        PAGE.replace("**Oxford, UK** (t.b.a.)", "**[Oxford, UK](https://lu.ma/ox)** (11:00)")
    )
    run_import(page)
    oxford.refresh_from_db()
    assert (oxford.status, oxford.signup_platform) == ("approved", "luma")
    assert LocalEvent.objects.filter(city="Oxford").count() == 1


def test_a_cancelled_event_stays_cancelled_on_reimport(page):
    run_import(page)
    LocalEvent.objects.filter(city="Paris").update(status=LocalEvent.Status.CANCELLED)
    run_import(page)
    assert LocalEvent.objects.get(city="Paris").status == "cancelled"


def test_a_time_on_a_when_line_sets_the_events_local_hours(tmp_path):
    path = tmp_path / "2031-june-london.md"
    path.write_text(
        "---\ntitle: Protest @ Parliament Square - June 8th\n---\n\n"
        "- Where: Parliament Square, London\n- When: 8th of June, 4 PM - 6 PM\n"
        "- [Sign up](https://lu.ma/june)\n"
    )
    run_import(path)
    event = LocalEvent.objects.get()
    assert (event.city, event.country, event.venue) == ("London", "GB", "Parliament Square")
    assert (event.local_starts_at.hour, event.local_ends_at.hour) == (16, 18)
    assert event.local_starts_at.date().isoformat() == "2031-06-08"
    assert event.signup_platform == "luma"


def test_content_pages_are_written_once_and_updated_on_change(tmp_path):
    path = tmp_path / "values.md"
    path.write_text("---\ntitle: Values\n---\n\n## What do we want?\n\nA pause.\n")
    run_import(path)
    run_import(path)
    page = Page.objects.get(slug="values")
    assert (page.title, page.status, page.revisions.count()) == ("Values", "published", 1)
    path.write_text("---\ntitle: Our values\n---\n\n## What do we want?\n\nA pause.\n")
    run_import(path)
    page.refresh_from_db()
    assert (page.title, page.revisions.count()) == ("Our values", 2)


def test_dutch_and_german_pages_write_the_same_cities_as_one_event_each(tmp_path):
    run_import(FIXTURES / "2024-mei-nl.md", FIXTURES / "2024-november-de.md")
    may = Campaign.objects.get(slug="2024-mei-nl")
    assert may.events.count() == 6
    november = Campaign.objects.get(slug="2024-november-de")
    assert sorted(november.events.values_list("country", flat=True)) == [
        "CD", "CH", "DE", "GB", "GB", "IT",
    ]  # fmt: skip
    run_import(FIXTURES / "2024-mei-nl.md", FIXTURES / "2024-november-de.md")
    assert LocalEvent.objects.count() == 12


def test_json_without_dry_run_writes_and_prints_the_plan(page):
    out = io.StringIO()
    call_command("import", "markdown", str(page), "--format", "json", stdout=out)
    assert '"slug": "2030-may"' in out.getvalue()
    assert Campaign.objects.filter(slug="2030-may").exists()
