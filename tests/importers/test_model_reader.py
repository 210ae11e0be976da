"""The optional model reader: asked only about what the rules could not read, trusted only where
the page confirms it, named in the plan, and never asked at all unless IMPORT_READER says so.

The pages (`fixtures/reader/`) are prose written for these tests in English, German, Italian
and Dutch; the model is a real HTTP server on loopback with canned answers. How much prose the
rules read keeps growing, so most tests fix the rules' reading of a page (`RULES`: what they
read of it before they read prose) and test what the model adds to it; the tests at the end run
the real rules.
"""

import io
import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.importers import model_completion
from turnout.importers.document import read_document
from turnout.importers.model_answer import read_answer
from turnout.importers.model_reader import ModelEvent, parse_answer
from turnout.importers.page_confirmation import PageEvidence, confirm_event
from turnout.importers.page_events import finish_campaign
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import (
    CampaignRecord,
    EventRecord,
    MarkdownPlan,
    Notice,
    PageRecord,
)
from turnout.translation.models import ProviderCall

from .reader_server import answer

READER = Path(__file__).resolve().parent / "fixtures" / "reader"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"

pytestmark = pytest.mark.django_db

LEEDS = answer(
    {
        "title": "Clean air for Leeds: we march again",
        "city": "Leeds",
        "country": "UK",
        "venue": "Leeds Town Hall",
        "date": "2026-03-14",
        "start": "11:30",
        "end": "14:00",
        "signup_url": "https://lu.ma/clean-air-leeds-march",
    },
    coordination_url="https://signal.group/#CjQKILeedsAir2026.",  # the full stop ends the sentence
)
MUENCHEN = answer(
    {
        "city": "München",
        "country": "Deutschland",
        "venue": "Marienplatz",
        "date": "2026-04-25",
        "start": "15:00",
        "end": "17:00",
        "signup_url": "https://www.mobilize.us/friedenmuenchen/event/61234/",
    },
    coordination_url="https://t.me/friedenskette_muc",
)
BOLOGNA = answer(
    {
        "city": "Bologna",
        "country": "Italia",
        "venue": "Piazza Maggiore",
        "date": "2026-05-22",
        "start": "17:30",
        "end": "19:30",
        "signup_url": "https://forms.example.org/sciopero-bologna-22-maggio",
    },
    coordination_url="https://chat.whatsapp.com/BolognaClima2026xyz",
)


def _content_page(name: str, language: str) -> MarkdownPlan:
    text = (READER / name).read_text()
    title = read_document(text).title
    record = PageRecord(Path(name).stem, title, [], text, language)
    return MarkdownPlan(pages=[record])


def _protest(name: str, day: date, language: str, *events: EventRecord) -> MarkdownPlan:
    document = read_document((READER / name).read_text())
    campaign = CampaignRecord(
        Path(name).stem, document.title, day, day, name, language, events=list(events)
    )
    warnings: list[Notice] = []
    finish_campaign(campaign, document=document, language=language, warnings=warnings, name=name)
    if not campaign.events:
        warnings.append(Notice(name, None, "no local events found on this protest page"))
    return MarkdownPlan(campaigns=[campaign], warnings=warnings)


# What the rules read of each page, before they read prose.
RULES = {
    "en-leeds-clean-air.md": lambda: _content_page("en-leeds-clean-air.md", ""),
    "de-muenchen-menschenkette.md": lambda: _content_page("de-muenchen-menschenkette.md", ""),
    "it-bologna-sciopero.md": lambda: _content_page("it-bologna-sciopero.md", ""),
    "it-milano-torino-annullato.md": lambda: _content_page("it-milano-torino-annullato.md", "it"),
    "en-london-vigil-untimed.md": lambda: _protest(
        "en-london-vigil-untimed.md",
        date(2026, 3, 7),
        "",
        EventRecord(
            city="London",
            country="GB",
            timezone="Europe/London",
            day=date(2026, 3, 7),
            line=8,
            venue="Parliament Square",
            is_to_be_announced=True,
        ),
    ),
    "nl-den-haag-wake.md": lambda: _protest("nl-den-haag-wake.md", date(2026, 3, 14), "nl"),
}


@pytest.fixture(autouse=True)
def rules_as_fixed(request, monkeypatch):
    """The rules' reading of the pages of `RULES`; the real rules for any other page."""
    if "real_rules" in request.fixturenames:
        return

    def read(text: str, *, name: str, language: str | None = None) -> MarkdownPlan:
        if name in RULES:
            return RULES[name]()
        return read_markdown_page(text, name=name, language=language)

    monkeypatch.setattr(model_completion, "read_markdown_page", read)


@pytest.fixture
def real_rules():
    """The test runs the importer's real rules on every page."""


def dry_run(*names: str, folder: Path = READER) -> dict:
    out = io.StringIO()
    files = [str(folder / name) for name in names]
    call_command("import", "markdown", *files, "--dry-run", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def only_event(plan: dict) -> dict:
    (campaign,) = plan["campaigns"]
    (event,) = campaign["events"]
    return event


def model_warnings(plan: dict) -> list[str]:
    return [w for w in plan["warnings"] if "model" in w]


# --- honest answers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reply", "expected", "coordination"),
    [
        (
            "en-leeds-clean-air.md",
            LEEDS,
            {
                "city": "Leeds",
                "country_code": "GB",
                "day": "2026-03-14",
                "starts": "11:30",
                "ends": "14:00",
                "timezone": "Europe/London",
                "venue": "Leeds Town Hall",
                "signup_url": "https://lu.ma/clean-air-leeds-march",
                "platform": "luma",
            },
            "https://signal.group/#CjQKILeedsAir2026",
        ),
        (
            "de-muenchen-menschenkette.md",
            MUENCHEN,
            {
                "city": "Munich",
                "country_code": "DE",
                "day": "2026-04-25",
                "starts": "15:00",
                "ends": "17:00",
                "timezone": "Europe/Berlin",
                "venue": "Marienplatz",
                "signup_url": "https://www.mobilize.us/friedenmuenchen/event/61234/",
            },
            "https://t.me/friedenskette_muc",
        ),
        (
            "it-bologna-sciopero.md",
            BOLOGNA,
            {
                "city": "Bologna",
                "country_code": "IT",
                "day": "2026-05-22",
                "starts": "17:30",
                "ends": "19:30",
                "timezone": "Europe/Rome",
                "venue": "Piazza Maggiore",
                "signup_url": "https://forms.example.org/sciopero-bologna-22-maggio",
            },
            "https://chat.whatsapp.com/BolognaClima2026xyz",
        ),
    ],
)
def test_a_prose_page_becomes_a_protest_with_the_facts_the_page_confirms(
    model, name, reply, expected, coordination
):
    model.answers = {(READER / name).read_text().split("\n")[1]: reply}  # by the title line
    plan = dry_run(name)
    assert plan["pages"] == []
    (campaign,) = plan["campaigns"]
    event = only_event(plan)
    assert {key: event[key] for key in expected} == expected
    assert event["cancelled"] is False and event["to_be_announced"] is False
    assert {"city", "day", "starts", "ends", "venue", "signup_url"} <= set(event["from_model"])
    assert (campaign["starts_on"], campaign["ends_on"]) == (expected["day"], expected["day"])
    assert campaign["coordination_url"] == coordination
    assert "coordination_url" in campaign["from_model"]
    assert model_warnings(plan) == []
    (request,) = model.requests
    assert request["response_format"]["type"] == "json_schema"
    assert request["model"] == "test-model" and request["temperature"] == 0


def test_the_model_completes_an_event_the_rules_left_without_a_time(model):
    model.answers = {
        "climate refugees": answer(
            {
                "city": "London",
                "country": "United Kingdom",
                "venue": "Westminster",  # not on the page: the rules' venue stays anyway
                "date": "2026-03-07",
                "start": "13:00",
                "end": "15:30",
                "signup_url": "https://www.eventbrite.co.uk/e/climate-refugee-vigil-4455667788",
            }
        )
    }
    plan = dry_run("en-london-vigil-untimed.md")
    event = only_event(plan)
    assert (event["starts"], event["ends"]) == ("13:00", "15:30")
    assert event["venue"] == "Parliament Square"  # read by the rules, never overwritten
    assert event["signup_url"] == (
        "https://www.eventbrite.co.uk/e/climate-refugee-vigil-4455667788"
    )
    assert event["platform"] == "eventbrite" and event["to_be_announced"] is False
    assert event["from_model"] == ["starts", "ends", "signup_url"]
    assert "from_model" not in plan["campaigns"][0]
    # The rules' "no start time" warning is gone now that the time is known.
    assert not any("no start time" in w for w in plan["warnings"])
    assert plan["warnings"] == [
        "en-london-vigil-untimed.md:8: the model's venue “Westminster” is not written on the "
        "page; left out"
    ]


def test_a_protest_page_without_events_gets_the_event_the_model_read(model):
    model.answers = {
        "Wake voor schone lucht": answer(
            {
                "city": "Den Haag",
                "country": "Nederland",
                "venue": "Malieveld",
                "date": "2026-03-14",
                "start": "14:00",
                "end": "16:00",
                "signup_url": "https://www.mobilizon.nl/events/wake-schone-lucht-den-haag",
            }
        )
    }
    plan = dry_run("nl-den-haag-wake.md")
    (campaign,) = plan["campaigns"]
    event = only_event(plan)
    assert (event["city"], event["country_code"], event["day"]) == ("The Hague", "NL", "2026-03-14")
    assert (event["starts"], event["ends"], event["venue"]) == ("14:00", "16:00", "Malieveld")
    assert event["platform"] == "mobilizon"
    assert "from_model" not in campaign  # the rules read its window from the title
    assert plan["warnings"] == []  # "no local events found" is no longer true


def test_facts_the_rules_read_are_not_replaced_by_the_model(model):
    """The rules read the day; the model's other day for the same city is not this event's."""
    model.answers = {
        "climate refugees": answer(
            {"city": "London", "date": "2026-02-16", "start": "13:00", "end": "15:30"}
        )
    }
    event = only_event(dry_run("en-london-vigil-untimed.md"))
    assert (event["day"], event["starts"], event.get("from_model")) == ("2026-03-07", None, None)


def test_one_of_two_cities_called_off_and_the_model_not_believed_for_the_other(model):
    model.answers = {
        "riarmo": answer(
            {
                "city": "Torino",
                "venue": "Piazza Castello",
                "date": "2026-06-13",
                "start": "16:00",
                "cancelled": True,  # the page calls off Milan's, not Turin's
            },
            {
                "city": "Milano",
                "venue": "Piazza della Scala",
                "date": "2026-06-13",
                "start": "18:30",
                "cancelled": True,
            },
            coordination_url="https://t.me/riarmo_no_piemonte",
        )
    }
    plan = dry_run("it-milano-torino-annullato.md")
    (campaign,) = plan["campaigns"]
    turin, milan = campaign["events"]
    assert (turin["city"], turin["starts"], turin["cancelled"]) == ("Turin", "16:00", False)
    assert (milan["city"], milan["starts"], milan["cancelled"]) == ("Milan", "18:30", True)
    assert "cancelled" in milan["from_model"] and "cancelled" not in turin["from_model"]
    assert campaign["coordination_url"] == "https://t.me/riarmo_no_piemonte"
    assert model_warnings(plan) == [
        "it-milano-torino-annullato.md:7: the model says the event in Torino is called off; "
        "the page does not say so"
    ]


# --- answers that invent ----------------------------------------------------------------------


def test_invented_facts_are_refused_and_the_honest_ones_kept(model):
    model.answers = {
        "Clean air for Leeds": answer(
            {
                "city": "Leeds",
                "country": "GB",
                "venue": "Leeds Civic Hall",  # invented
                "date": "2026-03-14",
                "start": "11:30",
                "end": "14:00",
                "signup_url": "https://lu.ma/clean-air-leeds",  # near the real one, not it
            },
            {"city": "Leeds", "date": "2026-03-21", "start": "11:30"},  # a day not on the page
            {"city": "Manchester", "country": "GB", "date": "2026-03-14"},  # not on the page
            {"city": "Nowhereville", "country": "GB", "date": "2026-03-14"},  # no such city
            coordination_url="https://discord.gg/leedsair",  # invented
        )
    }
    plan = dry_run("en-leeds-clean-air.md")
    (campaign,) = plan["campaigns"]
    event = only_event(plan)
    assert (event["city"], event["day"], event["starts"], event["ends"]) == (
        "Leeds",
        "2026-03-14",
        "11:30",
        "14:00",
    )
    assert event["venue"] is None and event["signup_url"] is None
    assert event["to_be_announced"] is True
    # The rules read the page's own Signal group ("welcome to help organise"); the model's
    # Discord link, written nowhere, is not taken.
    assert campaign["coordination_url"] == "https://signal.group/#CjQKILeedsAir2026"
    refused = model_warnings(plan)
    assert (
        "en-leeds-clean-air.md:2: the model's venue “Leeds Civic Hall” is not written on the "
        "page; left out" in refused
    )
    assert (
        "en-leeds-clean-air.md:2: the model's link “https://lu.ma/clean-air-leeds” is not on "
        "the page; left out" in refused
    )
    assert (
        "en-leeds-clean-air.md:2: the model's date 2026-03-21 is not written on the page; "
        "left out" in refused
    )
    assert (
        "en-leeds-clean-air.md: the model's city “Manchester” is not named on the page; "
        "left out" in refused
    )
    assert (
        "en-leeds-clean-air.md: the model's city “Nowhereville” is not in the gazetteer; "
        "left out" in refused
    )
    assert (
        "en-leeds-clean-air.md: the model's link “https://discord.gg/leedsair” is not on "
        "the page; left out" in refused
    )
    assert len(refused) == 6


def test_a_time_not_written_on_the_page_is_refused(model):
    model.answers = {
        "Menschenkette": answer(
            {"city": "München", "date": "2026-04-25", "start": "14:00", "end": "17:00"}
        )
    }
    plan = dry_run("de-muenchen-menschenkette.md")
    event = only_event(plan)
    # Without a confirmed start, the end alone is not kept either: the time is to be announced.
    assert (event["starts"], event["ends"]) == (None, None)
    assert any("the model's time 14:00 is not written on the page" in w for w in plan["warnings"])
    assert any("no start time is given for the event in Munich" in w for w in plan["warnings"])


def test_a_chatty_answer_in_fences_is_read_for_its_json(model):
    model.answers = {
        "Sciopero per il clima": "Certo! Ecco gli eventi che ho trovato nella pagina:\n\n"
        f"```json\n{BOLOGNA}\n```\n\nFammi sapere se ti serve altro {{aiuto}}."
    }
    event = only_event(dry_run("it-bologna-sciopero.md"))
    assert (event["city"], event["starts"], event["venue"]) == (
        "Bologna",
        "17:30",
        "Piazza Maggiore",
    )


def test_an_answer_without_json_leaves_the_rules_result_with_a_warning(model):
    model.answers = {"climate refugees": "I could not find any events on this page, sorry."}
    plan = dry_run("en-london-vigil-untimed.md")
    assert only_event(plan)["starts"] is None
    assert any("the model's answer holds no JSON object" in w for w in plan["warnings"])


# --- when the model is asked, and when not ----------------------------------------------------


def test_nothing_is_sent_when_import_reader_is_none(model, settings):
    settings.TURNOUT_IMPORT_READER = "none"  # translation stays switched on
    model.answers = {"Clean air": LEEDS, "climate refugees": LEEDS}
    plan = dry_run("en-leeds-clean-air.md", "en-london-vigil-untimed.md", "it-bologna-sciopero.md")
    assert model.requests == []
    assert ProviderCall.objects.count() == 0
    rules = MarkdownPlan()
    for name in ("en-leeds-clean-air.md", "en-london-vigil-untimed.md", "it-bologna-sciopero.md"):
        reading = RULES[name]()
        rules.campaigns += reading.campaigns
        rules.pages += reading.pages
        rules.warnings += reading.warnings
    assert plan == rules.to_json()


def test_the_model_is_not_asked_about_a_page_the_rules_read_whole(model):
    plan = dry_run("de-wann-und-wo-berlin.md", "en-tomorrow-dublin.md", folder=PAGES)
    assert model.requests == []
    assert len(plan["campaigns"]) == 2


def test_the_model_is_asked_only_about_the_pages_the_rules_left_unread(model):
    model.answers = {"Clean air for Leeds": LEEDS}
    files = [
        PAGES / "de-wann-und-wo-berlin.md",
        READER / "en-leeds-clean-air.md",
        PAGES / "en-tomorrow-dublin.md",
        READER / "en-london-vigil-untimed.md",
    ]
    call_command("import", "markdown", *map(str, files), "--dry-run", stdout=io.StringIO())
    assert model.pages_asked == [
        (READER / "en-leeds-clean-air.md").read_text(),
        (READER / "en-london-vigil-untimed.md").read_text(),
    ]


def test_a_server_error_leaves_the_rules_result_with_a_warning(model):
    model.mode = "500"
    plan = dry_run("en-london-vigil-untimed.md")
    assert only_event(plan)["starts"] is None
    assert len(model.requests) == 2  # TRANSLATION_MAX_ATTEMPTS
    assert (
        "en-london-vigil-untimed.md: the model could not be asked (the provider answered 500); "
        "the page was read by the rules alone"
    ) in plan["warnings"]
    assert ProviderCall.objects.filter(succeeded=False).count() == 2


def test_a_server_too_slow_leaves_the_rules_result_with_a_warning(model, settings):
    settings.TURNOUT_TRANSLATION_TIMEOUT = 0.2
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 1
    model.mode, model.delay = "slow", 1.0
    model.answers = {"climate refugees": answer({"city": "London", "start": "13:00"})}
    plan = dry_run("en-london-vigil-untimed.md")
    assert only_event(plan)["starts"] is None
    assert any("the provider timed out" in w for w in plan["warnings"])


def test_a_server_without_json_schema_is_asked_for_plain_json(model):
    model.mode = "refuse_schema"
    model.answers = {"Sciopero per il clima": BOLOGNA}
    event = only_event(dry_run("it-bologna-sciopero.md"))
    assert event["starts"] == "17:30"
    first, second = model.requests
    assert "response_format" in first and "response_format" not in second


def test_calls_count_against_the_monthly_cap(model, settings):
    model.answers = {"Sciopero per il clima": BOLOGNA}
    dry_run("it-bologna-sciopero.md")
    (call,) = ProviderCall.objects.all()
    assert call.succeeded and call.cost > 0 and call.model == "test-model"
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = call.cost  # spent: nothing more may be sent
    plan = dry_run("en-leeds-clean-air.md")
    assert len(model.requests) == 1
    assert plan["campaigns"] == []
    assert any("the monthly cap for the model is reached" in w for w in plan["warnings"])


def test_the_reader_without_a_provider_is_a_clear_error(settings):
    settings.TURNOUT_IMPORT_READER = "translation"
    settings.TURNOUT_TRANSLATION_PROVIDER = "none"
    with pytest.raises(CommandError, match="no translation provider is configured"):
        dry_run("en-leeds-clean-air.md")


# --- the plan as text, and the import itself --------------------------------------------------


def test_the_text_plan_says_which_facts_the_model_read_in_dutch(model):
    model.answers = {
        "climate refugees": answer(
            {"city": "London", "date": "2026-03-07", "start": "13:00", "end": "15:30"}
        )
    }
    out = io.StringIO()
    with translation.override("nl"):
        call_command(
            "import",
            "markdown",
            str(READER / "en-london-vigil-untimed.md"),
            "--dry-run",
            stdout=out,
            stderr=io.StringIO(),
        )
    assert (
        "campagne en-london-vigil-untimed, London op 2026-03-07: begintijd, eindtijd "
        "(gelezen door het model)"
    ) in out.getvalue()


def test_importing_writes_the_protest_the_model_read_and_reports_it(model):
    model.answers = {"Menschenkette": MUENCHEN}
    out = io.StringIO()
    call_command(
        "import",
        "markdown",
        str(READER / "de-muenchen-menschenkette.md"),
        stdout=out,
        stderr=io.StringIO(),
    )
    campaign = Campaign.objects.get(slug="de-muenchen-menschenkette")
    event = LocalEvent.objects.get(campaign=campaign)
    assert (event.city, event.venue, event.status) == ("Munich", "Marienplatz", "approved")
    assert event.starts_at.astimezone(ZoneInfo("Europe/Berlin")).isoformat() == (
        "2026-04-25T15:00:00+02:00"
    )
    assert "(read by the model)" in out.getvalue()


# --- with the real rules ---------------------------------------------------------------------

FACTS = ("city", "country_code", "day", "last_day", "starts", "ends", "venue", "signup_url")
ANSWERS = {
    "en-leeds-clean-air.md": LEEDS,
    "de-muenchen-menschenkette.md": MUENCHEN,
    "it-bologna-sciopero.md": BOLOGNA,
}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_with_the_real_rules_the_model_changes_no_fact_they_read(model, settings, real_rules, name):
    """However much of the page the rules read, what they read stays, and the model's facts
    are only those they left empty."""
    settings.TURNOUT_IMPORT_READER = "none"
    rules = dry_run(name)
    settings.TURNOUT_IMPORT_READER = "translation"
    model.answers = {"---": ANSWERS[name]}
    both = dry_run(name)
    rules_events = [e for c in rules["campaigns"] for e in c["events"]]
    both_events = [e for c in both["campaigns"] for e in c["events"]]
    if rules_events:
        assert len(both_events) == len(rules_events)
    for ruled, event in zip(rules_events, both_events, strict=False):
        for fact in FACTS:
            if fact in event.get("from_model", []):
                assert ruled[fact] is None
            else:
                assert event[fact] == ruled[fact]
    if not rules_events:  # a content page to the rules: a protest of the model's events
        assert both_events and all(e["from_model"] for e in both_events)


# --- what the page confirms, fact by fact ----------------------------------------------------

PICKET = """---
title: Picket at the consulate
date: 2026-03-12
---

Tomorrow we picket the consulate in Sydney from 2 pm AEST, and on Saturday we march
from Hyde Park to Parliament House.
"""


@pytest.mark.parametrize(
    ("fact", "value", "kept"),
    [
        ("date", "2026-03-13", True),  # "Tomorrow", posted on the 12th
        ("date", "2026-03-14", True),  # "on Saturday": the first Saturday after the post
        ("date", "2026-03-21", False),  # a Saturday, but not the one the post means
        ("date", "2026-03-32", False),
        ("start", "14:00", True),  # "2 pm"
        ("start", "15:00", False),
        ("zone", "AEST", True),
        ("zone", "CET", False),
        ("venue", "Hyde Park", True),
        ("venue", "Sydney Opera House", False),
        ("city", "Sydney", True),
        ("city", "Melbourne", False),  # in the gazetteer, not on the page
    ],
)
def test_a_fact_is_kept_only_where_the_page_confirms_it(fact, value, kept):
    evidence = PageEvidence(PICKET, read_document(PICKET), language="en")
    event = ModelEvent(**{"city": "Sydney", "start": "14:00", fact: value})
    confirmed = confirm_event(event, evidence, is_only_event=True)
    found = {
        "date": confirmed.day and confirmed.day.isoformat(),
        "start": confirmed.starts and confirmed.starts.strftime("%H:%M"),
        "zone": confirmed.zone,
        "venue": confirmed.venue,
        "city": confirmed.place and confirmed.place.city,
    }[fact]
    assert (found == value) is kept
    assert bool(confirmed.refused) is not kept


# --- no answer crashes the reader -------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
_fields = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(
            st.none(),
            st.integers(),
            st.sampled_from(
                ["Leeds", "2026-03-14", "2026-02-30", "11:30", "25:99", "https://lu.ma/x", "CET"]
            ),
            st.text(max_size=40),
        )
        for name in ("city", "country", "venue", "date", "last_date", "start", "end", "zone")
    }
    | {"signup_url": st.text(max_size=40), "cancelled": _json},
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    noise=st.text(max_size=80),
    events=st.lists(_fields | _json, max_size=4),
    coordination=_json,
)
def test_no_answer_crashes_the_reader(noise, events, coordination):
    text = (READER / "en-leeds-clean-air.md").read_text()
    evidence = PageEvidence(text, read_document(text), language="en")
    reply = noise + json.dumps({"events": events, "coordination_url": coordination}) + noise
    found = read_answer(reply).answer
    assert isinstance(found, dict)
    parsed, link = parse_answer(found)
    assert isinstance(link, str)
    for event in parsed:
        confirmed = confirm_event(event, evidence, is_only_event=True)
        assert all(isinstance(message, str) for message in confirmed.refused)
