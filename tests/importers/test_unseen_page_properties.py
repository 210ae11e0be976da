"""Properties of pages no one has written yet: the way a link, a space or a flag is written
never changes what the importer reads, and no mix of new shapes makes it raise."""

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.protest_pages import read_markdown_page

pytestmark = pytest.mark.django_db

SIGNUP = "https://lu.ma/rally-leipzig"
LINKS = [
    f"([sign up]({SIGNUP}))",
    f"– {SIGNUP}",
    f"– RSVP: {SIGNUP}.",
    f'– <a href="{SIGNUP}">Luma</a>',
    f"– <a href='{SIGNUP}' target=\"_blank\">Luma</a>",
    f"– <{SIGNUP}>",
]
# What exports leave around a city's name: nothing, a flag, a zero-width or non-breaking space.
DECORATIONS = ["", "🇩🇪 ", "\u200b", "\ufeff", "\u00a0"]
TIMES = [("14:00", time(14)), ("14.00 Uhr", time(14)), ("2pm", time(14)), ("14h", time(14))]


def page(bullet: str) -> str:
    return f"---\ntitle: Day of Action – 12 April 2025\n---\n\n## Locations\n\n- {bullet}\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(LINKS),
    st.sampled_from(DECORATIONS),
    st.sampled_from(DECORATIONS),
    st.sampled_from(TIMES),
)
def test_a_city_bullet_reads_the_same_however_its_link_and_spaces_are_written(
    link, before, after, clock
):
    written, starts = clock
    bullet = f"{before}**Leipzig,{after} Germany** – {written}, Augustusplatz {link}"
    plan = read_markdown_page(page(bullet), name="bullet.md")
    (campaign,) = plan.campaigns
    (event,) = campaign.events
    assert (event.city, event.country, event.day) == ("Leipzig", "DE", date(2025, 4, 12))
    assert (event.starts, event.venue, event.signup_url) == (starts, "Augustusplatz", SIGNUP)
    assert not event.is_to_be_announced and not event.is_cancelled


# Pieces of the shapes `test_unseen_protest_pages.py` reads, to be mixed at random.
PIECES = [
    "---\ntitle: Aktionstag 17. Mai 2025\n---\n", "## Kassel\n", "## België\n", "## 🇵🇱 Polska\n",
    "**Wann:** 17. Mai 2025, 14.00 Uhr – 16.00 Uhr\n", "**Wo:** Königsplatz, Kassel, Deutschland\n",
    "**Quand :** date à confirmer\n", "**Où :** Genève, Suisse\n", "**Gdzie:** Rynek, Wrocław\n",
    "**Anmeldung:** https://www.meetup.com/x/events/1/\n", "- **Austin, TX** – postponed\n",
    "- **Seattle, WA** – 1 – 3 PM at Westlake Park ([RSVP](https://partiful.com/e/x))\n",
    "| City | Time | Meeting point | Sign up |\n|---|---|---|---|\n",
    "| Bristol, UK | 14:00 | Green | https://lu.ma/b |\n",
    "All times CET.\n", "Tutti gli orari sono UTC+25.\n", "- 4/19/2025: Phoenix, AZ\n",
    "- 04/12/2025: **Hull, UK** – 12 noon\n", "- 31/02/2025: Nowhere\n",
    "- **Leuven** – afgelast\n",
    "In Bristol we meet at 2pm; in Leeds at 11am.\n", '<a href="https://lu.ma/a">Luma</a>\n',
    "<a href=''>empty</a>\n", "</a>\n", "<br>\n", "&nbsp;\n", "\u200b", "\u00a0", "🇫🇷 ",
    "\n", " – ",
    "https://", "https://lu.ma/(x)\n", "10 AM – noon\n", "22:00 – 01:00\n", "<ul>\n", "</ul>\n",
    '<li><strong>Leeds</strong>, UK – 2pm – <a href="https://lu.ma/l">Luma</a></li>\n',
    "<ol><li></li><li>York, UK https://x.y/z</li></ol>\n", "<li>unclosed <a href='",
    "- Online – 20:00 ([Zoom](https://zoom.us/j/1))\n", "## Overview\n", "Alle Zeiten in MEZ.\n",
    # Online lines, loose zones, slash days, venues, chat links and hours in other shapes.
    "- **Online** — Zoom, 18:00 UTC\n", "- Virtueel / online – 19u\n", "- En ligne – 18h\n",
    "**Où :** En ligne (Zoom)\n", "- Wherever you are: livestream at 7pm ET\n",
    "- **Chicago, IL** – 12:00 EST, Federal Plaza\n", "All vigils start at 7pm AEST.\n",
    "- 4/12 at 3pm: **Boston, MA** – Boston Common\n", "- 13/04: **Norwich, UK** – 2pm\n",
    "- **Amsterdam (NL)**: 15:00 @ Dam\n", "- Rotterdam: Schouwburgplein, 13:00\n",
    "- 📍 **Madrid** — Puerta del Sol — 12:00\n", "- ✊ **Wien** · Heldenplatz · 14:00\n",
    "join us on chat.whatsapp.com/Abc or t.me/x\n", "- 東京、渋谷駅前 – １４：００\n",
    "Sabato 12 aprile 2025, ore 15\nDove: Piazza Maggiore, Bologna\n", "godz. 15:00 ",
    "um 16 ", "dalle 10 alle 12 ", "14u30 ", "24/7 ", "2025年4月12日", "@", "📍", "·", "：",
    "UTC+14 ", "UTC-12 ", "## 場所\n", "## Miasta\n", "(NL)", "(Venezuela)",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=25))
def test_any_mix_of_the_new_shapes_reads_without_raising(pieces):
    plan = read_markdown_page("".join(pieces), name="mix.md")
    assert len(plan.campaigns) + len(plan.pages) + len(plan.groups) == 1
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        for event in campaign.events:
            assert_sound(event)


def assert_sound(event) -> None:
    """An event in a city has its city and country; an online one has neither; both have a
    zone that exists, and links that are web addresses."""
    if event.is_online:
        assert event.city == "" and event.country == "" and not event.venue
        assert not event.meeting_url or event.meeting_url.startswith("https://")
    else:
        assert event.city.strip() and len(event.country) == 2
    ZoneInfo(event.timezone)
    assert not event.signup_url or event.signup_url.startswith(("http://", "https://"))


LINE_SHAPES = [
    "- {}\n", "- **{}** – 14:00\n", "- Online – {}\n", "- Amsterdam (NL): {} @ Dam\n",
    "**Where:** {}\n", "**When:** {}\n", "📍 {}\n", "- 4/12: {}\n", "| {} | 14:00 | x |\n",
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(LINE_SHAPES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["## Locations\n\n", "## 場所\n\n", "", "## Orte\n\n"]),
)
def test_any_text_on_a_line_of_a_dated_page_reads_without_raising(shape, text, heading):
    page = f"---\ntitle: Day of Action – 12 July 2025\n---\n\n{heading}{shape.format(text)}"
    plan = read_markdown_page(page, name="line.md")
    assert len(plan.campaigns) + len(plan.pages) + len(plan.groups) == 1
    for campaign in plan.campaigns:
        for event in campaign.events:
            assert_sound(event)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["Online", "En ligne", "Virtueel / online", "Online (Discord)", "オンライン"]),
    st.sampled_from(["18:00", "6 PM", "18h", "18u", "ore 18", "18 Uhr", "１８：００"]),
    st.sampled_from(["UTC", "GMT", "UTC+0", "utc"]),
)
def test_an_online_line_reads_its_hour_in_its_zone_however_written(place, clock, zone):
    page = f"---\ntitle: Day of Action – 12 July 2025\n---\n\n## Locations\n\n- {place} – {clock}"
    page += f" {zone}\n"
    (campaign,) = read_markdown_page(page, name="online.md").campaigns
    (event,) = campaign.events
    assert (event.is_online, event.timezone, event.starts) == (True, "UTC", time(18))
