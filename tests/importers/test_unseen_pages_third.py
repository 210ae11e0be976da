"""A third set of protest pages of movements nobody here has read, in the shapes the earlier
sets leave out.

`fixtures/unseen3/` holds 27 pages in English (US, UK, Ireland, Australia, New Zealand,
Canada), German, Dutch, French, Spanish, Italian, Portuguese, Polish, Swedish, Danish,
Norwegian, Czech, Japanese and Korean: cities under country headings or emoji flags, nested
country → city → details lists, "Portland, OR" beside "Portland, ME", tables with columns in
any order, empty and merged cells, HTML tables and event cards, reports beside upcoming events,
weekly vigils, morning and evening shifts, an event of two days, one event told in two
languages, time ranges as each language writes them, and called-off, postponed and moved
events. `expected.yaml` lists what a careful person imports from each.
"""

from datetime import date, time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import events_of, page_with
from tests.importers.test_page_shapes import event_facts, kind_of, recovered
from turnout.importers.document import read_document
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.records import EventRecord, MarkdownPlan
from turnout.importers.times import TimeSpan, find_times

PAGES = Path(__file__).parent / "fixtures" / "unseen3"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))
TARGET = 0.95


def read(name: str) -> MarkdownPlan:
    return read_markdown_page((PAGES / name).read_text(encoding="utf-8"), name=name)


def facts_of(event: EventRecord) -> dict:
    return {**event_facts(event), "online": event.is_online}


def closest(wanted: dict, events: list[EventRecord]) -> EventRecord | None:
    """The event of `wanted`'s city that agrees with most of its facts: a page may hold one
    city twice (two Portlands, a morning and an evening shift, four Sundays)."""
    same_city = [event for event in events if event.city == wanted["city"]]

    def agreement(event: EventRecord) -> int:
        got = facts_of(event)
        return sum(got.get(key) == want for key, want in wanted.items())

    return max(same_city, key=agreement, default=None)


def score(name: str, expected: dict) -> tuple[int, int, list[str]]:
    """(facts found, facts expected, what was missed) for one page."""
    return score_plan(name, read(name), expected)


def score_plan(name: str, plan: MarkdownPlan, expected: dict) -> tuple[int, int, list[str]]:
    """`score` of a page already read (the fourth set's test reads its own pages)."""
    found = total = 0
    missed: list[str] = []

    def check(what: str, want, got) -> None:
        nonlocal found, total
        total += 1
        found += got == want
        if got != want:
            missed.append(f"{name}: {what}: expected {want!r}, read {got!r}")

    check("kind", expected["kind"], kind_of(plan))
    campaign = plan.campaigns[0] if plan.campaigns else None
    for key, read_value in (
        ("title", lambda c: c.title),
        ("starts_on", lambda c: c.starts_on),
        ("ends_on", lambda c: c.ends_on),
        ("coordination", lambda c: c.coordination_url),
        ("count", lambda c: len(c.events)),
    ):
        if key in expected:
            check(key, expected[key], read_value(campaign) if campaign else None)
    events = list(campaign.events) if campaign else []
    for wanted in expected.get("events", []):
        match = closest(wanted, events)
        got = facts_of(match) if match else {}
        if match is not None:
            events.remove(match)
        for key, want in wanted.items():
            check(f"event {wanted['city'] or 'online'} {key}", want, got.get(key))
    return found, total, missed


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_third_unseen_set():
    share, found, total, missed = recovered(EXPECTED, score)
    print(f"\nthird unseen set: recovered {found} of {total} expected facts: {share:.1%}")
    print("\n".join(missed))
    assert len(EXPECTED) >= 25
    assert sorted(EXPECTED) == sorted(p.name for p in PAGES.glob("*.md"))
    assert share >= TARGET, "\n".join(missed)


# --- focused tests, one per shape --------------------------------------------------------------

T = time


def test_lines_opening_with_flags_are_a_list_and_each_flag_names_its_country():
    events = events_of(
        page_with(
            "🇦🇺 Perth — Cottesloe Beach, 4–6pm\n"
            "🇬🇧 Perth — North Inch, 11am\n"
            "🇨🇦 London — Victoria Park, noon"
        )
    )
    assert [(e.city, e.country, e.timezone, e.venue, e.starts) for e in events] == [
        ("Perth", "AU", "Australia/Perth", "Cottesloe Beach", T(16)),
        ("Perth", "GB", "Europe/London", "North Inch", T(11)),
        ("London", "CA", "America/Toronto", "Victoria Park", T(12)),
    ]


def test_lines_opening_with_a_city_in_bold_are_a_list_but_labels_in_bold_are_not():
    listed = events_of(
        page_with("**Kraków** – Rynek Główny, 13:00\n**Wrocław** – plac Solny, 16:00")
    )
    assert [(e.city, e.venue, e.starts) for e in listed] == [
        ("Kraków", "Rynek Główny", T(13)),
        ("Wrocław", "plac Solny", T(16)),
    ]
    labelled = events_of(page_with("**When:** 12 June 2027, 14:00\n**Where:** Dam, Amsterdam"))
    assert [(e.city, e.venue, e.starts) for e in labelled] == [("Amsterdam", "Dam", T(14))]
    prose = read_document("**Note** bring water.\n**Also** wear something blue.")
    assert [block.kind for block in prose.blocks()] == ["paragraph"]


def test_struck_details_are_replaced_and_a_struck_line_names_the_event_called_off():
    moved, off = events_of(
        page_with(
            "## Cities\n\n"
            "- **Flagstaff, AZ** — ~~12 June 2027~~ moved to 19 June 2027, 9pm, Wheeler Park\n"
            "- ~~**Lille** : Grand'Place, 14h~~ — annulé"
        )
    )
    assert (moved.city, moved.day, moved.is_cancelled) == ("Flagstaff", date(2027, 6, 19), False)
    assert (off.city, off.is_cancelled) == ("Lille", True)


def test_a_state_or_province_picks_the_city_of_that_name_in_it():
    events = events_of(
        page_with(
            "## Cities\n\n- Portland, OR – 2pm\n- Portland, ME – 11am\n- London, Ontario – 1pm\n"
            "- Springfield, Illinois – noon"
        )
    )
    assert [(e.city, e.country, e.timezone) for e in events] == [
        ("Portland", "US", "America/Los_Angeles"),
        ("Portland", "US", "America/New_York"),
        ("London", "CA", "America/Toronto"),
        ("Springfield", "US", "America/Chicago"),
    ]


def test_a_table_without_a_day_column_and_a_state_column_merged_over_its_rows():
    events = events_of(
        page_with(
            "| State | City | Time | Venue |\n|---|---|---|---|\n"
            "| Oregon | Salem | 3–5pm | Oregon State Capitol |\n"
            "| | Eugene | 4–6pm | Free Speech Plaza |\n"
            "| Maine | Portland | 2–4pm | Monument Square |"
        )
    )
    assert [(e.city, e.timezone, e.venue, e.starts) for e in events] == [
        ("Salem", "America/Los_Angeles", "Oregon State Capitol", T(15)),
        ("Eugene", "America/Los_Angeles", "Free Speech Plaza", T(16)),
        ("Portland", "America/New_York", "Monument Square", T(14)),
    ]
    stad = events_of(
        page_with("| Stad | Uur | Plaats |\n|---|---|---|\n| Gent | 14u–16u | Sint-Baafsplein |")
    )
    assert [(e.city, e.venue, e.starts, e.ends) for e in stad] == [
        ("Ghent", "Sint-Baafsplein", T(14), T(16))
    ]


def test_an_html_table_with_a_merged_cell_and_a_date_cell_that_calls_its_row_off():
    events = events_of(
        page_with(
            "<table>\n<tr><th>Ciudad</th><th>Hora</th><th>Lugar</th></tr>\n"
            "<tr><td>Madrid</td><td>12:00–14:00</td><td>Puerta del Sol</td></tr>\n"
            "<tr><td>Valencia</td><td>por confirmar</td><td>Plaza del Ayuntamiento</td></tr>\n"
            '<tr><td>Murcia</td><td colspan="2">Pospuesto, sin fecha nueva</td></tr>\n'
            "</table>",
            title="Marcha – 22 de marzo de 2027",
        )
    )
    assert [(e.city, e.country, e.starts, e.venue, e.is_cancelled) for e in events] == [
        ("Madrid", "ES", T(12), "Puerta del Sol", False),
        ("Valencia", "ES", None, "Plaza del Ayuntamiento", False),
        ("Murcia", "ES", None, "", True),
    ]
    table = (
        "| Datum | Stadt | Ort |\n|---|---|---|\n| 01.10.2027 abgesagt | Hamburg | Rathausmarkt |\n"
    )
    table += "| 02.10.2027 | München | Marienplatz |"
    hamburg, munich = events_of(page_with(table, title="Mahnwachen"))
    assert (hamburg.city, hamburg.day, hamburg.is_cancelled) == ("Hamburg", date(2027, 10, 1), True)
    assert (munich.city, munich.day, munich.is_cancelled) == ("Munich", date(2027, 10, 2), False)


def test_html_paragraphs_give_the_day_and_an_event_card_is_a_city_bullet():
    (event,) = events_of(
        "---\ntitle: Water first\n---\n\n"
        "<p>Join us on <strong>Tuesday, April 27, 2027</strong>.</p>\n\n"
        '<div class="card">\n  <h3>Reno, NV</h3>\n  <p>Washoe County Complex</p>\n'
        "  <p>5:30 PM – 8:00 PM</p>\n"
        '  <a href="https://www.mobilize.us/w/event/2/?utm_source=site&amp;ref=x">'
        "Sign up</a>\n</div>"
    )
    assert (event.city, event.day, event.starts, event.ends, event.venue) == (
        "Reno",
        date(2027, 4, 27),
        T(17, 30),
        T(20),
        "Washoe County Complex",
    )
    # The click tracker goes; the page's own parameter stays.
    assert event.signup_url == "https://www.mobilize.us/w/event/2/?ref=x"


def test_nested_lists_of_countries_cities_details_and_of_a_citys_shifts():
    events = events_of(
        page_with(
            "- Argentina\n  - Rosario\n    - Monumento a la Bandera\n    - 17 h\n"
            "- **Phoenix, AZ**\n  - Morning: 6:30–8am, Cesar Chavez Plaza\n"
            "  - Evening: 7:30–9pm, Cesar Chavez Plaza"
        )
    )
    assert [(e.city, e.country, e.venue, e.starts, e.ends) for e in events] == [
        ("Rosario", "AR", "Monumento a la Bandera", T(17), None),
        ("Phoenix", "US", "Cesar Chavez Plaza", T(6, 30), T(8)),
        ("Phoenix", "US", "Cesar Chavez Plaza", T(19, 30), T(21)),
    ]


def test_a_bullets_own_day_in_a_list_of_places_is_not_the_pages_day():
    (campaign,) = read("nl-uitgesteld-verplaatst.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (date(2027, 5, 15), date(2027, 5, 16))


def test_czech_and_korean_dates_and_japanese_places_and_hours():
    assert (campaign := read("cs-od-do.md").campaigns[0]).starts_on == date(2027, 10, 9)
    assert [(e.city, e.starts, e.ends) for e in campaign.events][:2] == [
        ("Prague", T(14), T(16)),
        ("Brno", T(15), T(17)),
    ]
    assert read("ko-seoul-busan.md").campaigns[0].starts_on == date(2027, 9, 25)
    tokyo = read("ja-jikan.md").campaigns[0].events[0]
    assert (tokyo.city, tokyo.venue, tokyo.starts, tokyo.ends) == (
        "Tokyo",
        "日比谷公園 大音楽堂",
        T(12),
        T(14),
    )


def test_midnight_ends_an_evening_but_a_midnight_vigil_names_no_hour():
    (event,) = events_of(page_with("## Cities\n\n- **Tucson, AZ** — 9pm to midnight, Reid Park"))
    assert (event.starts, event.ends, event.venue) == (T(21), T(0), "Reid Park")
    assert find_times("22 Uhr bis Mitternacht") == TimeSpan(T(22), T(0))
    assert find_times("Midnight vigil at the Capitol, 9pm") == TimeSpan(T(21))


# --- properties: no page built from these shapes breaks the reader or makes it slow -------------

# Pieces of this set's shapes, to be mixed, cut and sprinkled with odd characters at random.
PIECES = [
    "---\ntitle: Aktionstag 8. Mai 2027\ndate: 2027-04-12\n---\n",
    "🇩🇪 Berlin – Pariser Platz, 10117 Berlin – 14.00–16.00 Uhr\n🇦🇹 Wien – Heldenplatz\n",
    "🇺🇸 Portland, ME – 11am–1pm\n🇨🇦 London, Ontario – 1–3pm\n",
    "**Kraków** – Rynek Główny, od 13:00 do 15:00\n**Poznań** – ~~Stary Rynek~~ odwołane\n",
    "- México\n  - Guadalajara\n    - Plaza de Armas\n    - 17:00 hrs\n",
    "- **Phoenix, AZ**\n  - Morning: 6:30–8am, Cesar Chavez Plaza\n  - Evening: 7:30–9pm\n",
    "| State | City | Time | Venue |\n|---|---|---|---|\n| Oregon | Salem | 3–5pm | Capitol |\n",
    "| | Eugene | TBA | |\n",
    "| Stad | Uur | Plaats |\n|---|---|---|\n| Gent (BE) | 14u–16u | Sint-Baafsplein |\n",
    '<table><tr><th>Ciudad</th><th>Hora</th></tr><tr><td>Murcia</td><td colspan="9">Pospuesto',
    "</td></tr></table>\n",
    '<div class="card"><h3>Reno, NV</h3><p>5:30 PM – 8:00 PM PDT</p>',
    '<a class="button" href="https://lu.ma/x?utm_source=a&amp;id=1">Sign up</a></div>\n',
    "<p>Join us on <strong>Tuesday, April 27, 2027</strong>.</p>\n",
    "- ~~**Lille** : Grand'Place, 14h~~ — annulé\n- Flagstaff — ~~1 May~~ moved to 15 May\n",
    "- 東京：日比谷公園、12時〜14時\n- 서울: 광화문광장, 오후 2시~오후 5시\n",
    "V sobotu 9. října 2027 vyjdeme do ulic.\n2027년 9월 25일 (토)\n",
    "- **Tucson, AZ** — 9pm to midnight, Reid Park, SE1 7SP\n",
    "[gent]: https://www.eventbrite.be/e/wonen-gent-0605?fbclid=x\n",
    "\n",
]
NOISE = st.text(
    alphabet=st.sampled_from(
        list("🇩🇪🇦~*|-–:：、<>/\\()[]#\n\t 0123456789年월시時〜\u200b\ufeffı̇ß")
    ),
    max_size=20,
)


@pytest.fixture(scope="module", autouse=True)
def _warm_gazetteer():
    """The gazetteer and the table of states are built once a process, on first use: not
    part of what one page costs."""
    read_markdown_page(PIECES[2] + PIECES[4], name="warm.md")


def read_in_time(text: str) -> MarkdownPlan:
    """The page read twice, the second time within a second: the first builds the tables of
    the language it is guessed to be in, once a process, whatever the page."""
    import time as clock

    read_markdown_page(text, name="random.md")
    started = clock.monotonic()
    plan = read_markdown_page(text, name="random.md")
    assert clock.monotonic() - started < 1.0
    return plan


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.data())
def test_no_mix_of_these_shapes_cut_anywhere_and_with_noise_breaks_or_slows_the_reader(
    pieces, data
):
    text = "".join(pieces)
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    noise = data.draw(NOISE)
    at = data.draw(st.integers(min_value=0, max_value=cut))
    plan = read_in_time(text[:at] + noise + text[at:cut])
    for campaign in plan.campaigns:
        for event in campaign.events:
            assert "utm_" not in event.signup_url and "fbclid" not in event.signup_url
            assert event.is_online or event.city


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PIECES[1:]), min_size=1, max_size=4).map("".join))
def test_a_shape_repeated_many_times_stays_fast(piece):
    read_in_time("---\ntitle: Day of Action – 12 June 2027\n---\n\n" + piece * 8)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="abz-_/.019", max_size=40), st.text(alphabet="abz-_.019%+", max_size=20))
def test_trackers_go_and_nothing_else_changes(path, value):
    from turnout.importers.document import without_trackers

    url = f"https://lu.ma/{path}?id=7&utm_source={value}"
    cleaned = without_trackers(url)
    assert cleaned == f"https://lu.ma/{path}?id=7"
    assert without_trackers(cleaned) == cleaned
    assert without_trackers("https://lu.ma/x?id=7") == "https://lu.ma/x?id=7"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=15), max_size=4), st.text(max_size=30))
def test_flags_and_states_never_raise_on_any_words(parts, text):
    from turnout.importers.countries import leading_flag
    from turnout.importers.regions import city_in_division

    city_in_division(parts)
    city_in_division([*parts, "OR"])
    country, rest = leading_flag(text)
    assert text.endswith(rest) and (country is None or len(country) == 2)


def test_coming_up_lists_the_events_and_the_reports_before_it_are_not_events():
    (campaign,) = read("en-uk-reports-and-next.md").campaigns
    assert (campaign.starts_on, len(campaign.events)) == (date(2027, 3, 13), 4)
    assert {event.day for event in campaign.events} == {date(2027, 3, 13)}


def test_a_table_of_days_without_places_is_a_series_at_the_one_place_the_page_names():
    events = events_of(
        "---\ntitle: Weekly vigil\ndate: 2027-01-20\n---\n\nEvery Sunday, 5pm to 6pm.\n\n"
        "| Date | Theme | Sign up |\n|---|---|---|\n"
        "| Sunday 7 February 2027 | Islands | [Humanitix](https://events.humanitix.com/a) |\n"
        "| Sunday 14 February 2027 | ~~Open mic~~ cancelled | |\n\n"
        "Where: Parliament House steps, North Terrace, Adelaide SA 5000\n"
    )
    assert [(e.city, e.day, e.starts, e.venue, e.signup_url, e.is_cancelled) for e in events] == [
        ("Adelaide", date(2027, 2, 7), T(17), "Parliament House steps, North Terrace",
         "https://events.humanitix.com/a", False),
        ("Adelaide", date(2027, 2, 14), T(17), "Parliament House steps, North Terrace", "", True),
    ]  # fmt: skip
    # A table of hours on one day ("14:00 | Speeches") is a programme, not a series.
    programme = "| Time | Programme |\n|---|---|\n| 14:00 | Speeches |\n| 15:00 | March |"
    assert [b.kind for b in read_document(programme).blocks()] == ["other"]
