"""Malformed markdown never crashes the importer: it gives warnings (property-based)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.protest_pages import read_markdown_page

pytestmark = pytest.mark.django_db

# Pieces that real protest pages are made of, so random pages reach deep into the parser.
PIECES = [
    "---\n", "title: Protest May 13th 2024\n", "date: 2024-02-30\n", "date: [oops\n",
    "## May 13th (Monday)\n", "## 20.–22. November\n", "## 31 February\n", "## Press\n",
    "## Narrative & core messages\n", "## Kernboodschappen\n", "- **[London, UK](https://lu.ma/x)**\n",
    "- Oxford, UK (t.b.a.)\n", "- Kinshasa, Congo\n", "- Where: Parliament Square, London\n",
    "- When: 8th of June, 4 PM - 6 PM\n", "- [Sign up](https://fb.me/e/1)\n",
    "- Organize in your area! [Discord](https://discord.gg/x)\n", "- [Wired](https://wired.com/a)\n",
    "- [broken](\n", "<WidgetConsent>\n", "</WidgetConsent>\n", "<div><blockquote>\n",
    "<script>x</script>\n", "<!-- - Berlin, Germany -->\n", "    code\n", "```\n", "> quote\n",
    "| a | b |\n|---|---|\n", "1. one\n", "   - nested, UK\n", "\n", "@ ", " - ", "[", "]", "(",
    # The shapes of other movements' pages: emoji lines, labels in any language, relative
    # days, zones, durations, called-off events, series under dated headings, group pages.
    "date: 2025-06-30T17:00:00+00:00\n", "date: '2024-8-20'\n", "+++\ntitle = \"x\"\n+++\n",
    "location: Trafalgar Square, London\n", "signup: https://lu.ma/x\n",
    "🗓 15.9 🕞 um 16:00 Uhr 📍 Rathausplatz\n", "📍 South Wharf, Melbourne VIC 3006\n",
    "## When & Where\n", "## Wann und wo\n", "## Quand et où\n", "### Saturday 5 April – Bristol\n",
    "Friday, June 16, 2 pm AEST\n", "Tomorrow, 23rd of March\n", "morgen, 18:00–19:30\n",
    "**Wanneer:** zaterdag 22 februari, 14:00 - 15:30\n", "- Duration: 3 days\n",
    "- Duur: 99999 dagen\n",
    "- Quan: dissabte 1 de març, 12:00 - 14:00\n", "- När: fredag 14 mars, kl. 15\n",
    "**CANCELLED**\n", "(Cancelled) ", "abgesagt\n", "I Sverige blir det 3 protester kl. 12:00:\n",
    "- 22.04.2025: München, Marienplatz, 17 Uhr\n", "Sign up [here](https://lu.ma/y)\n",
    "[Sign up][s]\n\n[s]: https://lu.ma/z\n", "We meet monthly. [Signal](https://signal.group/#x)\n",
    "## Premsa\n", "25:99 XYZT\n", "31.02.\n", "12:00 (UTC+14:99)\n",
    # Any declared language, known, unknown or malformed; names that are only other names.
    "lang: ca\n", "lang: qa\n", "language: x0\n", "locale: pt_BR\n", "in Piazza Castello, ore 15\n",
    "## Reporte\n", "REPORTÉ\n", "trägt sich unter https://x.y/ ein,\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=30))
def test_any_page_reads_into_a_plan_without_raising(pieces):
    plan = read_markdown_page("".join(pieces), name="random.md")
    assert len(plan.campaigns) + len(plan.pages) == 1
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        assert all(len(e.country) == 2 for e in campaign.events)
    assert all(str(w).startswith("random.md") for w in plan.warnings)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_reads_without_raising(text):
    read_markdown_page(text, name="noise.md")


def test_broken_front_matter_is_a_warning_on_line_one():
    plan = read_markdown_page("---\ntitle: [oops\n---\n\n## Values\n", name="bad.md")
    assert [str(w) for w in plan.warnings][0].startswith("bad.md:1: ")
    assert [p.slug for p in plan.pages] == ["bad"]


def test_a_day_without_any_year_is_a_warning_not_a_campaign():
    plan = read_markdown_page("## May 13th\n\n- **Paris**, France\n", name="undated.md")
    assert plan.campaigns == []
    assert "undated.md: the page gives a day but no year" in str(plan.warnings[0])
