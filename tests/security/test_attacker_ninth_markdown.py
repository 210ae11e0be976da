"""The attacker's ninth round against the markdown renderer: an event's description is markdown
anyone may propose, rendered on each view of the event page, its share card and the API. The
patterns that turn other generators' template code into what it showed tried every split of a
long hostile line (a shortcode never closed, a Liquid tag of one long word, blanks after a
heading's id): a line of 100 000 characters took minutes. Thousands of posts each became a
consent gate, a template rendered each and the page was searched again for each. Now each line
is read in one pass, a text has at most MAX_EMBEDS gates, and a description has a length."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import MAX_DESCRIPTION_LENGTH
from turnout.campaigns.proposals.forms import ProposalForm
from turnout.content.foreign_syntax import portable_markdown
from turnout.content.headings import EXPLICIT_ID
from turnout.content.markdown import MAX_EMBEDS, render_markdown

LONG = 100_000
# Far above what one pass over 100 000 characters takes, far below the minutes of before.
SECONDS = 2.0

HOSTILE_LINES = {
    "a shortcode never closed": "{{< a" + "1" * LONG,
    "a shortcode of blanks": "{{<" + " " * LONG,
    "a Liquid tag of one long word": "{% a" + "a" * LONG,
    "a Liquid output of blanks": "{{" + " " * LONG,
    "a component of dotted names": "<A" + "a." * (LONG // 2),
    "an import of blanks": "import" + " " * LONG + "x",
    "an import naming many froms": "import a" + " from" * (LONG // 5),
    "blanks after a heading's id": "# Mars {: #mars" + " " * LONG + "x",
    "a heading of blanks": "# Zürich" + " " * LONG + "Genève",
    "many shortcodes opened": "{{< youtube " * (LONG // 12),
    "Arabic between braces": "{{ " + "مسيرة " * (LONG // 6),
}


@pytest.mark.parametrize("text", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
def test_a_long_hostile_line_renders_in_one_pass(text):
    started = time.perf_counter()
    render_markdown(text)
    EXPLICIT_ID.search(text)
    assert time.perf_counter() - started < SECONDS


@pytest.mark.parametrize(
    "written, shown",
    [
        ("{{< youtube dQw4w9WgXcQ >}}", "\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"),
        ("{{< youtube id=\"dQw4w9WgXcQ\"   >}}", "\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"),
        ("{% include youtube.html id=\"dQw4w9WgXcQ\" -%}", "\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"),
        ("{% vimeo 76979871 -%}", "\n\nhttps://vimeo.com/76979871\n\n"),
        ("Welkom {{ site.title }} op het plein", "Welkom  op het plein"),
        ("{{% notice %}}Neem water mee{{% /notice %}}", "Neem water mee"),
        ("<Banner title=\"Samen\" />", ""),
        ("import Map from './Map.astro'", ""),
        ("Démonstration à {{- page.city -}} !", "Démonstration à  !"),
    ],
)  # fmt: skip
def test_other_generators_template_code_still_reads_as_it_showed(written, shown):
    assert portable_markdown(written) == shown


@pytest.mark.parametrize(
    "heading, anchor",
    [("## Route {#route}", "route"), ("## Маршрут   {: #marsroute .wide}  ", "marsroute")],
)
def test_a_headings_own_id_is_still_kept(heading, anchor):
    html = render_markdown(heading)
    assert f'id="{anchor}"' in html
    assert "{" not in html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}%<>/-# \t:.|aZ1é`'\"\n"), max_size=200))
def test_any_braces_and_blanks_render_without_failing(text):
    render_markdown(text)


def test_a_description_with_many_posts_gates_the_first_and_links_the_rest():
    ids = [f"video{n:06d}" for n in range(200)]  # 11 characters, as YouTube's
    text = "\n\n".join(f"https://www.youtube.com/watch?v={video}" for video in ids)
    started = time.perf_counter()
    html = render_markdown(text)
    assert time.perf_counter() - started < SECONDS
    assert html.count("data-embed-provider=") == MAX_EMBEDS
    # Every post is still there, in the order written: a gate or a plain link.
    positions = [html.index(video) for video in ids]
    assert positions == sorted(positions)
    assert f'<a href="https://www.youtube.com/watch?v={ids[-1]}"' in html


def test_a_description_longer_than_a_few_pages_is_refused_in_words():
    form = ProposalForm({"description": "Wij lopen mee. " * MAX_DESCRIPTION_LENGTH}, campaign=None)
    assert not form.is_valid()
    assert "at most" in " ".join(form.errors["description"])
    form = ProposalForm({"description": "x" * MAX_DESCRIPTION_LENGTH}, campaign=None)
    form.is_valid()
    assert "description" not in form.errors
