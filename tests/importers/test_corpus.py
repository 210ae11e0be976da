"""Every page of the PauseAI corpus through `turnout import markdown --dry-run --format json`.

The numbers below were counted by hand in the files (`../shared/corpus/pauseai-posts/`), not
taken from the importer's output: events per page, their platforms, press links after
removing the duplicates, embedded posts, and the dates in the headings.
"""

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from turnout.campaigns.models import Campaign

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "pauseai-posts"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is not at {CORPUS}"),
]


@pytest.fixture(scope="module")
def dry_run(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        out = io.StringIO()
        files = sorted(str(p) for p in CORPUS.glob("*.md"))
        call_command("import", "markdown", *files, "--dry-run", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def campaign(plan: dict, slug: str) -> dict:
    return next(c for c in plan["campaigns"] if c["slug"] == slug)


def platforms(found: dict) -> Counter:
    return Counter(e["platform"] for e in found["events"])


def test_protest_pages_become_campaigns_and_the_others_content_pages(dry_run):
    assert sorted(c["slug"] for c in dry_run["campaigns"]) == [
        "2023-july-london-18th",
        "2023-july-nyc",
        "2023-june-london",
        "2023-november-uk",
        "2023-oct",
        "2024-february",
        "2024-may",
        "2024-november",
        "openai-protest",
        "stop-the-ai-race-march",
    ]
    assert sorted(p["slug"] for p in dry_run["pages"]) == [
        "code-of-conduct",
        "india-summit-2026",  # a petition and emails: an action page, not a protest
        "organizing-a-protest",
        "proposal",
        "protesters-code-of-conduct",
        "protests",
        "values",
    ]
    assert [g["slug"] for g in dry_run["groups"]] == ["nyc-action"]


def test_november_2024_has_eleven_cities_a_window_and_five_core_messages(dry_run):
    found = campaign(dry_run, "2024-november")
    assert (found["starts_on"], found["ends_on"]) == ("2024-11-20", "2024-11-22")
    assert len(found["events"]) == 11
    assert platforms(found) == {"luma": 6, "facebook": 3, "whatsapp": 1, None: 1}
    oxford = next(e for e in found["events"] if e["city"] == "Oxford")
    assert oxford == {
        "city": "Oxford",
        "country_code": "GB",
        "signup_url": None,
        "platform": None,
        "to_be_announced": True,
        "day": "2024-11-20",
        "last_day": None,
        "starts": None,  # the page gives no time: none is invented
        "ends": None,
        "timezone": "Europe/London",
        "venue": None,
        "cancelled": False,
    }
    kinshasa = next(e for e in found["events"] if e["city"] == "Kinshasa")
    assert kinshasa["country_code"] == "CD"  # "Congo" settled by the city
    assert found["coordination_url"] == "https://discord.gg/2XXWXvErfA"
    assert len(found["core_messages"]) == 5
    assert found["core_messages"][1].startswith("We need a Pause! Check out our [proposal]")
    assert (found["press"], found["embeds"]) == ([], [])


def test_may_2024_has_fourteen_cities_in_twelve_countries_and_eleven_press_links(dry_run):
    found = campaign(dry_run, "2024-may")
    assert (found["starts_on"], found["ends_on"]) == ("2024-05-13", "2024-05-13")
    assert len(found["events"]) == 14
    assert len({e["country_code"] for e in found["events"]}) == 12
    assert platforms(found) == {
        "facebook": 7,
        "partiful": 3,
        "meetup": 2,
        "eventbrite": 1,
        "whatsapp": 1,
    }
    assert not any(e["to_be_announced"] for e in found["events"])
    # 5 under "Press coverage", 10 links under "Coverage" of which 4 repeat the first list.
    assert len(found["press"]) == 11
    assert len({p["url"] for p in found["press"]}) == 11
    assert {"url": "https://time.com/6977680/ai-protests-international/", "outlet": "Time",
            "title": ""} in found["press"]  # fmt: skip
    assert found["embeds"] == ["https://twitter.com/PauseAI/status/1790248685659447496"]
    assert found["coordination_url"] == "https://discord.gg/2XXWXvErfA"


def test_october_2023_leaves_out_commented_cities_and_reads_country_first_bullets(dry_run):
    found = campaign(dry_run, "2023-oct")
    assert found["starts_on"] == "2023-10-21"
    cities = [(e["city"], e["country_code"]) for e in found["events"]]
    assert len(cities) == 7  # Jerusalem, Brussels, Italy and Berlin are HTML comments
    assert ("Boston", "US") in cities and ("London", "GB") in cities
    assert ("Copenhagen", "DK") in cities
    assert platforms(found) == {"facebook": 4, "website": 3}  # three mixily.com links
    ottawa = next(e for e in found["events"] if e["city"] == "Ottawa")
    assert ottawa["signup_url"] == "https://www.facebook.com/events/243643008241929/"
    assert found["coordination_url"] == "https://discord.gg/anXWYCCdH5"
    assert len(found["embeds"]) == 2
    assert found["press"] == []


def test_single_city_pages_read_their_where_lines_and_links(dry_run):
    london = campaign(dry_run, "2023-june-london")
    assert london["starts_on"] == "2023-06-08"  # the year comes from the file's name
    assert [(e["city"], e["country_code"], e["to_be_announced"]) for e in london["events"]] == [
        ("London", "GB", True)
    ]
    february = campaign(dry_run, "2024-february")
    assert [(e["city"], e["signup_url"]) for e in february["events"]] == [
        ("San Francisco", "https://fb.me/e/78BzWmaaj")
    ]
    assert [p["outlet"] for p in february["press"]] == ["Bloomberg", "ReadWrite", "VentureBeat"]
    assert len(february["embeds"]) == 1
    picket = campaign(dry_run, "openai-protest")
    assert picket["starts_on"] == "2023-05-20"
    assert [(e["city"], e["platform"]) for e in picket["events"]] == [("San Francisco", "discord")]
    assert picket["coordination_url"] == "https://discord.gg/anXWYCCdH5"


def test_bletchley_is_taken_from_the_title_and_said_so(dry_run):
    found = campaign(dry_run, "2023-november-uk")
    assert found["starts_on"] == "2023-11-01"
    assert [(e["city"], e["country_code"], e["platform"]) for e in found["events"]] == [
        ("Bletchley", "GB", "website")  # the "Sign up" link wins over "Facebook event"
    ]
    assert [p["outlet"] for p in found["press"]] == ["newscientist.com"]
    assert found["embeds"] == ["https://twitter.com/PauseAI/status/1719740149905400128"]
    assert any("2023-november-uk.md:10: the place, Bletchley" in w for w in dry_run["warnings"])


def test_a_march_told_as_done_is_its_event_without_the_next_actions_link(dry_run):
    """ "On March 21, 2026, concerned citizens marched from … San Francisco office …": the
    report names its event; the page's signup link is for the next action, in another city."""
    found = campaign(dry_run, "stop-the-ai-race-march")
    assert found["starts_on"] == "2026-03-21"
    assert [(e["city"], e["day"], e["starts"], e["signup_url"]) for e in found["events"]] == [
        ("San Francisco", "2026-03-21", None, None)
    ]
    assert [p["outlet"] for p in found["press"]] == ["SFist", "KRON4", "Yahoo News"]
    assert any(
        "no start time is given for the event in San Francisco" in w for w in dry_run["warnings"]
    )


def test_unplaceable_country_line_is_a_warning_with_its_line(dry_run):
    assert any(
        w.startswith("2024-february.md:15: could not read a place")
        and "UK (exact location TBD)" in w
        for w in dry_run["warnings"]
    )


def test_content_pages_keep_their_heading_ids(dry_run):
    values = next(p for p in dry_run["pages"] if p["slug"] == "values")
    assert values == {
        "slug": "values",
        "title": "PauseAI Values",
        "heading_ids": ["what-do-we-want", "what-are-our-values"],
    }
    conduct = next(p for p in dry_run["pages"] if p["slug"] == "code-of-conduct")
    assert len(conduct["heading_ids"]) == 12
    assert "large-in-person-events-of-more-than-1-day" in conduct["heading_ids"]


def test_a_dry_run_writes_nothing(dry_run):
    assert Campaign.objects.count() == 0


def test_where_and_when_lines_give_the_venue_with_its_commas_and_the_time(dry_run):
    found = campaign(dry_run, "2023-july-london-18th")
    (event,) = found["events"]
    assert (event["city"], event["day"], event["starts"], event["ends"]) == (
        "London",
        "2023-07-18",
        "16:30",
        "17:30",
    )
    assert event["venue"].startswith("outside the Foreign, Commonwealth and Development Office")
    assert event["signup_url"].startswith("https://docs.google.com/forms/")  # "Sign up" wins


def test_a_called_off_protest_is_cancelled_and_a_local_groups_page_is_a_group(dry_run):
    (event,) = campaign(dry_run, "2023-july-nyc")["events"]
    assert (event["city"], event["cancelled"], event["starts"]) == ("New York City", True, "09:30")
    (group,) = dry_run["groups"]
    assert (group["city"], group["country_code"]) == ("New York City", "US")
    assert [c["kind"] for c in group["channels"]] == ["discord", "whatsapp", "instagram", "x"]
    assert group["meetings"][0].startswith("Join our in-person monthly meetings")
