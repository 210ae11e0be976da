"""The same kinds of page in Dutch and German: month names, country names, section titles,
"to be announced" and calls to organize in the page's own language."""

from pathlib import Path

import pytest

from turnout.importers.protest_pages import read_markdown_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytestmark = pytest.mark.django_db  # the gazetteer's names are read through Django settings


def read(name: str, language: str | None = None):
    return read_markdown_page((FIXTURES / name).read_text(), name=name, language=language)


def test_dutch_page_reads_mei_vk_nederland_and_nader_te_bepalen():
    plan = read("2024-mei-nl.md")
    (campaign,) = plan.campaigns
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2024-05-13",
        "2024-05-13",
    )
    events = {(e.city, e.country): e for e in campaign.events}
    assert set(events) == {
        ("San Francisco", "US"),
        ("Berlin", "DE"),
        ("London", "GB"),  # "Londen, VK"
        ("The Hague", "NL"),
        ("Paris", "FR"),  # "Parijs, Frankrijk"
        ("Utrecht", "NL"),
    }
    assert events[("Utrecht", "NL")].is_to_be_announced  # "(n.t.b.)"
    assert events[("The Hague", "NL")].platform == "whatsapp"
    assert campaign.coordination_url == "https://discord.gg/2XXWXvErfA"  # "Organiseer ..."
    assert campaign.core_messages == [
        "We hebben een pauze nodig.",
        "Internationale afspraken zijn nodig.",
    ]
    # NOS is listed under "In de media" and again under "Berichtgeving".
    assert [p.outlet for p in campaign.press] == ["NOS", "Trouw", "de Volkskrant"]
    assert sorted(str(w) for w in plan.warnings) == [
        "2024-mei-nl.md:14: could not read a place in “Atlantis, Nergensland (aanmelden)”: "
        "“Nergensland” is not a country the importer knows",
        "2024-mei-nl.md:8: no start time is given for 6 events (San Francisco, Berlin, London, "
        "The Hague, Paris); they are imported as “details to be announced”, with no time invented",
    ]


def test_german_page_reads_a_window_schweiz_dr_kongo_and_wird_noch_bekannt_gegeben():
    plan = read("2024-november-de.md", language="de")
    (campaign,) = plan.campaigns
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2024-11-20",
        "2024-11-22",
    )
    found = [(e.city, e.country, e.is_to_be_announced) for e in campaign.events]
    assert found == [
        ("London", "GB", False),
        ("Oxford", "GB", True),
        ("Osnabrück", "DE", False),
        ("Zürich", "CH", False),
        ("Kinshasa", "CD", False),
        ("Milan", "IT", False),  # "Mailand, Italien"
    ]
    assert campaign.coordination_url == "https://discord.gg/2XXWXvErfA"
    assert len(campaign.core_messages) == 2
    assert [(p.outlet, p.title) for p in campaign.press] == [
        ("Der Spiegel", ""),
        ("NOZ", "KI-Protest in Osnabrück"),
    ]
    assert campaign.embeds == ["https://twitter.com/PauseAI/status/1859999999999999999"]
    # The page gives no times: that is said, not papered over with a default.
    assert [str(w) for w in plan.warnings] == [
        "2024-november-de.md:12: no start time is given for 6 events (London, Oxford, Osnabrück, "
        "Zürich, Kinshasa); they are imported as “details to be announced”, with no time invented"
    ]


def test_german_values_page_is_a_content_page_with_its_explicit_and_derived_ids():
    plan = read("werte-de.md")
    assert plan.campaigns == []
    (page,) = plan.pages
    assert (page.slug, page.title) == ("werte-de", "PauseAI-Werte")
    assert page.heading_ids == ["was-wollen-wir", "was-sind-unsere-werte"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## 13 mei (maandag), in meerdere landen", ("2024-05-13", "2024-05-13")),
        ("## 20 t/m 22 november", ("2024-11-20", "2024-11-22")),
        ("## Montag, 13. Mai", ("2024-05-13", "2024-05-13")),
        ("## du 20 au 22 novembre", ("2024-11-20", "2024-11-22")),
        ("## 13 de mayo", ("2024-05-13", "2024-05-13")),
        ("## February 7–11", ("2024-02-07", "2024-02-11")),
        ("## 30 October – 2 November", ("2024-10-30", "2024-11-02")),
    ],
)
def test_windows_in_many_languages_take_the_year_from_the_title(heading, expected):
    text = f"---\ntitle: Protest 2024\n---\n\n{heading}\n\n- **Paris**, France\n"
    (campaign,) = read_markdown_page(text, name="page.md").campaigns
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == expected
