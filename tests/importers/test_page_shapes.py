"""Pages written the way movements write them, and how many of their facts the importer reads.

`fixtures/pages/` holds 29 pages in English, German, Dutch, French, Spanish, Catalan and
Swedish (Hugo, Jekyll and TOML front matter, emoji lines, "When & Where" headings, dated
series, cancelled events, action and group pages); `expected.yaml` lists, per page, the facts
a person reads in it. The share of those facts the importer recovers must stay above 90 %.
"""

from datetime import date, time
from pathlib import Path

import pytest
import yaml

from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord, MarkdownPlan

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))
TARGET = 0.90


def read(name: str, pages: Path = PAGES) -> MarkdownPlan:
    return read_markdown_page((pages / name).read_text(encoding="utf-8"), name=name)


def kind_of(plan: MarkdownPlan) -> str:
    if plan.campaigns:
        return "campaign"
    return "group" if plan.groups else "content"


def event_facts(event: EventRecord) -> dict:
    return {
        "city": event.city,
        "country": event.country,
        "day": event.day,
        "last_day": event.last_day,
        "starts": event.starts.strftime("%H:%M") if event.starts else None,
        "ends": event.ends.strftime("%H:%M") if event.ends else None,
        "zone": event.timezone,
        "venue": event.venue,
        "signup": event.signup_url,
        "cancelled": event.is_cancelled,
    }


def score(name: str, expected: dict, pages: Path = PAGES) -> tuple[int, int, list[str]]:
    """(facts found, facts expected, what was missed) for one page of `pages`."""
    plan = read(name, pages)
    found, total, missed = 0, 0, []

    def check(what: str, want, got) -> None:
        nonlocal found, total
        total += 1
        if isinstance(want, date) or got == want:
            found += got == want
        if got != want:
            missed.append(f"{name}: {what}: expected {want!r}, read {got!r}")

    check("kind", expected["kind"], kind_of(plan))
    campaign = plan.campaigns[0] if plan.campaigns else None
    group = plan.groups[0] if plan.groups else None
    if "title" in expected:
        page_title = campaign.title if campaign else (plan.pages[0].title if plan.pages else "")
        check("title", expected["title"], page_title)
    if "coordination" in expected:
        coordination = campaign.coordination_url if campaign else ""
        if group is not None:
            coordination = next((url for _kind, url in group.channels), "")
        check("coordination", expected["coordination"], coordination)
    for key in ("city", "country"):
        if key in expected:
            check(key, expected[key], getattr(group, key, None))
    if "press" in expected:
        check("press", expected["press"], [p.url for p in campaign.press] if campaign else [])
    events = list(campaign.events) if campaign else []
    for index, wanted in enumerate(expected.get("events", [])):
        match = next((e for e in events if e.city == wanted["city"]), None)
        if match is None and index < len(events) and len(events) == len(expected["events"]):
            match = events[index]
        got = event_facts(match) if match else {}
        if match is not None:
            events.remove(match)
        for key, want in wanted.items():
            check(f"event {wanted['city']} {key}", want, got.get(key))
    return found, total, missed


def recovered(expected_pages: dict, score_page) -> tuple[float, int, int, list[str]]:
    """The share of the expected facts `score_page` finds over all pages, the facts found and
    expected, and what was missed (the fact-score tests of each set of pages)."""
    found = total = 0
    missed: list[str] = []
    for name, expected in expected_pages.items():
        page_found, page_total, page_missed = score_page(name, expected)
        found += page_found
        total += page_total
        missed += page_missed
    return found / total, found, total, missed


def test_the_importer_recovers_at_least_90_percent_of_the_facts_of_unseen_shapes():
    share, found, total, missed = recovered(EXPECTED, score)
    print(f"\nrecovered {found} of {total} expected facts: {share:.1%}")
    print("\n".join(missed))
    assert len(EXPECTED) >= 25
    assert share >= TARGET, "\n".join(missed)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_page_is_read_into_the_kind_a_person_sees(name):
    assert kind_of(read(name)) == EXPECTED[name]["kind"]


# --- focused tests per shape ----------------------------------------------------------------


def only_event(name: str) -> EventRecord:
    (campaign,) = read(name).campaigns
    (event,) = campaign.events
    return event


def test_emoji_line_gives_day_time_and_place_and_the_post_gives_the_year():
    event = only_event("de-emoji-wien.md")
    assert (event.city, event.day, event.starts, event.venue) == (
        "Vienna",
        date(2024, 9, 15),
        time(16, 0),
        "Rathausplatz",
    )


def test_tomorrow_is_counted_from_the_post_and_morgen_and_demain_too():
    assert only_event("en-tomorrow-dublin.md").day == date(2025, 3, 23)
    assert only_event("de-morgen-koeln.md").day == date(2025, 5, 17)
    assert only_event("fr-demain-annule-nantes.md").day == date(2025, 4, 5)


def test_the_weekday_settles_a_year_the_page_leaves_out():
    # Posted on 30 December 2023: "Friday, June 16" is 2023's (a Sunday in 2024).
    assert only_event("en-weekday-year-portland.md").day == date(2023, 6, 16)


def test_a_zone_abbreviation_of_the_place_is_its_local_time_and_a_duration_its_end():
    event = only_event("en-sydney-aest.md")
    assert (event.starts, event.ends, event.timezone) == (time(14), time(17), "Australia/Sydney")


def test_a_zone_abbreviation_of_another_zone_is_converted_to_the_places_time():
    page = "---\ntitle: Vigil\ndate: 2025-01-10\n---\n\n- Where: Dam, Amsterdam\n"
    page += "- When: Saturday 18 January, 13:00 GMT\n"
    (campaign,) = read_markdown_page(page, name="gmt.md").campaigns
    assert campaign.events[0].starts == time(14)  # 13:00 GMT is 14:00 in Amsterdam


def test_duration_in_days_is_a_window_of_days():
    event = only_event("nl-meerdaags-den-haag.md")
    assert (event.day, event.last_day) == (date(2025, 6, 13), date(2025, 6, 15))
    (campaign,) = read("nl-meerdaags-den-haag.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (date(2025, 6, 13), date(2025, 6, 15))


@pytest.mark.parametrize(
    "name",
    [
        "en-cancelled-wellington.md",
        "de-abgesagt-hamburg.md",
        "nl-afgelast-amsterdam.md",
        "fr-demain-annule-nantes.md",
        "ca-cancel-lat-girona.md",
        "sv-installd-uppsala.md",
    ],
)
def test_called_off_events_are_cancelled_in_every_language(name):
    assert only_event(name).is_cancelled


def test_the_city_is_the_one_a_person_names_and_the_venue_keeps_its_commas():
    event = only_event("en-melbourne-when-where.md")
    assert event.city == "Melbourne"  # not "South Wharf", not "Melbourne VIC"
    assert event.venue == (
        "Melbourne Convention and Exhibition Centre, 1 Convention Centre Pl, South Wharf"
    )


def test_an_explicit_signup_link_wins_over_a_social_one_and_reference_links_are_read():
    assert only_event("en-melbourne-when-where.md").signup_url == "https://lu.ma/melb-vigil-0509"
    austin = only_event("en-reference-links-austin.md")
    assert austin.signup_url == "https://www.mobilize.us/openinternet/event/661122/"


def test_front_matter_datetime_keeps_its_offset_and_gives_the_time():
    event = only_event("en-frontmatter-datetime-london.md")
    # 17:00 UTC on 30 June is 18:00 in London (summer time).
    assert (event.day, event.starts, event.venue) == (
        date(2025, 6, 30),
        time(18),
        "Trafalgar Square",
    )


def test_a_sentence_before_a_list_gives_its_country_and_time():
    (campaign,) = read("sv-tre-protester.md").campaigns
    assert [(e.city, e.country, e.starts) for e in campaign.events] == [
        ("Stockholm", "SE", time(12)),
        ("Gothenburg", "SE", time(12)),
        ("Malmö", "SE", time(12)),
    ]


def test_a_missing_time_is_a_warning_with_file_and_line_not_a_default():
    plan = read("fr-liste-villes.md")
    assert all(e.starts == time(14) for e in plan.campaigns[0].events)
    page = "---\ntitle: Vigil\ndate: 2025-01-10\n---\n\n- Where: Dam, Amsterdam\n"
    page += "- When: Saturday 18 January\n"
    plan = read_markdown_page(page, name="untimed.md")
    (event,) = plan.campaigns[0].events
    assert event.starts is None and not event.is_time_known
    assert any(
        str(w).startswith("untimed.md:6: no start time is given for the event in Amsterdam")
        for w in plan.warnings
    )


def test_action_pages_are_content_and_group_pages_groups():
    assert [p.slug for p in read("en-action-page.md").pages] == ["en-action-page"]
    (group,) = read("de-ortsgruppe-leipzig.md").groups
    assert (group.city, group.country) == ("Leipzig", "DE")
    assert [kind for kind, _url in group.channels] == ["telegram", "instagram"]


@pytest.mark.django_db
def test_writing_cancels_called_off_events_and_marks_untimed_ones_to_be_announced():
    from turnout.campaigns.models import LocalEvent
    from turnout.importers.services import write_markdown_plan

    plan = read_markdown_page(
        (PAGES / "nl-afgelast-amsterdam.md").read_text(encoding="utf-8"),
        name="nl-afgelast-amsterdam.md",
    )
    page = "---\ntitle: Vigil\ndate: 2025-01-10\n---\n\n- Where: Dam, Amsterdam\n"
    page += "- When: Saturday 18 January\n"
    read_markdown_page(page, name="untimed.md", into=plan)
    write_markdown_plan(plan=plan)
    cancelled = LocalEvent.objects.get(campaign__slug="nl-afgelast-amsterdam")
    assert cancelled.status == LocalEvent.Status.CANCELLED
    untimed = LocalEvent.objects.get(campaign__slug="untimed")
    assert untimed.status == LocalEvent.Status.DETAILS_TBA
    assert untimed.local_starts_at.hour == 0  # the day, not an invented noon


@pytest.mark.django_db
def test_a_group_page_is_written_under_its_national_group_or_warned_about():
    from turnout.groups.models import Group
    from turnout.importers.services import write_markdown_plan

    plan = read("de-ortsgruppe-leipzig.md")
    summary = write_markdown_plan(plan=plan)
    assert "there is no national group for DE" in str(summary.warnings[-1])
    national = Group.objects.create(kind="national", name="Gruppe DE", slug="de", country="DE")
    write_markdown_plan(plan=read("de-ortsgruppe-leipzig.md"))
    group = Group.objects.get(slug="de-ortsgruppe-leipzig")
    assert (group.parent, group.city) == (national, "Leipzig")
    assert group.channels.count() == 2
