"""Properties of pages no one has written yet: the way a link, a space or a flag is written
never changes what the importer reads, and no mix of new shapes makes it raise."""

from datetime import date, time

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
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=25))
def test_any_mix_of_the_new_shapes_reads_without_raising(pieces):
    plan = read_markdown_page("".join(pieces), name="mix.md")
    assert len(plan.campaigns) + len(plan.pages) + len(plan.groups) == 1
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        for event in campaign.events:
            assert event.city.strip() and len(event.country) == 2
            assert not event.signup_url or event.signup_url.startswith(("http://", "https://"))
