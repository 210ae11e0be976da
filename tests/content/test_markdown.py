"""The markdown renderer: anchors, contents, sanitizing, and posts behind a consent gate."""

import re

import pytest

from turnout.content.embeds import EmbedProvider, recognize_embed
from turnout.content.frontmatter import FrontMatterError, parse_front_matter
from turnout.content.headings import github_slug
from turnout.content.markdown import render_document, render_markdown
from turnout.content.pages import present_page

from .corpus import corpus_page


def ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6] id="([^"]+)"', html)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("values", ["what-do-we-want", "what-are-our-values"]),
        (
            "proposal",
            [
                "getting-to-a-treaty",
                "treaty-measures",
                "set-up-an-international-ai-safety-agency-aisa",
            ],
        ),
        (
            "code-of-conduct",
            ["encouraged-behaviours", "unacceptable-behaviours", "harassment-and-abuse"],
        ),
    ],
)
def test_corpus_pages_render_with_github_style_anchors_and_contents(name, expected):
    presented = present_page(corpus_page(name))
    html = presented.document.html
    assert ids(html)[: len(expected)] == expected
    assert [entry.id for entry in presented.document.toc][: len(expected)] == expected
    assert presented.front_matter.title.startswith("PauseAI")
    assert len(ids(html)) == len(set(ids(html)))
    assert "<script" not in html


def test_proposal_front_matter_keeps_a_folded_description():
    front_matter, body = parse_front_matter(corpus_page("proposal"))
    assert front_matter.description.endswith("general AI systems.")
    assert not body.startswith("---")


def test_explicit_id_wins_and_is_not_shown():
    html = render_markdown("## Wat willen we? {#what-do-we-want}\n")
    assert html == '<h2 id="what-do-we-want">Wat willen we?</h2>\n'


def test_repeated_headings_get_numbered_ids_like_github():
    html = render_markdown("## FAQ\n\n## FAQ\n\n## FAQ {#faq-1}\n")
    assert ids(html) == ["faq", "faq-1", "faq-1-1"] or ids(html) == ["faq", "faq-2", "faq-1"]
    assert len(set(ids(html))) == 3


def test_slug_keeps_letters_of_every_script_and_drops_punctuation():
    assert github_slug("Set up an agency (AISA).") == "set-up-an-agency-aisa"
    assert github_slug("Ça va? Ja, natürlich!") == "ça-va-ja-natürlich"


def test_contents_list_second_and_third_level_headings_with_their_text():
    document = render_document("## One **bold**\n\n### Two `code`\n\n#### Three\n")
    assert [(e.level, e.id, e.text) for e in document.toc] == [
        (2, "one-bold", "One bold"),
        (3, "two-code", "Two code"),
    ]


def test_raw_html_and_scripts_never_reach_the_page():
    html = render_markdown(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        "[click](javascript:alert(3)) and <b onclick='x'>bold</b>\n"
    )
    assert "<script" not in html and "<img" not in html
    assert "<b" not in html and 'href="javascript' not in html  # shown as text, never markup
    assert "&lt;script&gt;" not in html  # a script block is dropped, not shown


def test_script_blocks_of_exported_pages_are_dropped_whole():
    html = render_markdown("<script>\n  import X from 'y'\n</script>\n\nHello.\n")
    assert html == "<p>Hello.</p>\n"


def test_images_from_other_sites_become_links_and_own_images_stay():
    html = render_markdown("![banner](https://cdn.example.com/b.png) ![logo](/static/logo.png)")
    assert "<img" in html and 'src="/static/logo.png"' in html
    assert 'src="https://cdn.example.com' not in html
    assert '<a href="https://cdn.example.com/b.png" rel="noopener noreferrer">banner</a>' in html


@pytest.mark.parametrize(
    ("url", "provider", "post"),
    [
        (
            "https://x.com/PauseAI/status/1790248685659447496",
            EmbedProvider.TWITTER,
            "https://twitter.com/PauseAI/status/1790248685659447496",
        ),
        (
            "https://twitter.com/PauseAI/status/17?ref_src=twsrc",
            EmbedProvider.TWITTER,
            "https://twitter.com/PauseAI/status/17",
        ),
        (
            "https://bsky.app/profile/pauseai.bsky.social/post/3kabc",
            EmbedProvider.BLUESKY,
            "https://bsky.app/profile/pauseai.bsky.social/post/3kabc",
        ),
        (
            "https://mastodon.social/@pauseai/112233",
            EmbedProvider.MASTODON,
            "https://mastodon.social/@pauseai/112233",
        ),
        (
            "https://www.instagram.com/p/C6xyz_1/",
            EmbedProvider.INSTAGRAM,
            "https://www.instagram.com/p/C6xyz_1/",
        ),
        (
            "https://youtu.be/PWyQRFlZa9c",
            EmbedProvider.YOUTUBE,
            "https://www.youtube.com/watch?v=PWyQRFlZa9c",
        ),
        (
            "https://www.youtube.com/shorts/uQhQ_YRges4?themeRefresh=1",
            EmbedProvider.YOUTUBE,
            "https://www.youtube.com/watch?v=uQhQ_YRges4",
        ),
    ],
)
def test_posts_of_each_provider_are_recognized(url, provider, post):
    embed = recognize_embed(url)
    assert embed is not None and embed.provider == provider and embed.url == post


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/@someone",
        "https://youtube.com/watch?v=short",
        "javascript:alert(1)",
        "https://x.com/PauseAI",
    ],
)
def test_other_urls_are_not_embeds(url):
    assert recognize_embed(url) is None


def test_a_bare_post_url_becomes_a_consent_gate_that_loads_nothing():
    html = render_markdown("Look:\n\nhttps://www.youtube.com/watch?v=PWyQRFlZa9c\n")
    assert 'class="embed-gate"' in html
    assert "<iframe" not in html and "<script" not in html
    assert 'href="https://www.youtube.com/watch?v=PWyQRFlZa9c"' in html  # reachable without consent
    assert 'method="post" action="/en/consent/"' in html
    assert 'name="provider" value="youtube"' in html


def test_an_url_inside_a_sentence_stays_a_plain_link_text():
    html = render_markdown("See https://youtu.be/PWyQRFlZa9c for the video.")
    assert "embed-gate" not in html


def test_component_and_legacy_widget_blocks_become_gates():
    legacy = corpus_page("2024-may")
    html = render_markdown(legacy.split("---", 2)[2])
    assert html.count('data-embed-provider="twitter"') == 1
    assert (
        "platform.twitter.com/widgets.js" not in html.replace("&quot;", '"').split("data-embed=")[0]
    )
    assert "<script" not in html and "<blockquote" not in html
    component = render_markdown('<Embed url="https://bsky.app/profile/a.bsky.social/post/3k" />\n')
    assert 'data-embed-provider="bluesky"' in component


def test_an_author_cannot_forge_a_gate_marker():
    html = render_markdown("turnout-embed-0000000000000000-0\n\nhttps://youtu.be/PWyQRFlZa9c\n")
    assert html.count("embed-gate-form") == 1
    assert "<p>turnout-embed-0000000000000000-0</p>" in html


def test_bad_front_matter_is_reported():
    with pytest.raises(FrontMatterError):
        parse_front_matter("---\ntitle: [unclosed\n---\nBody")
    with pytest.raises(FrontMatterError, match="date"):
        parse_front_matter("---\ntitle: X\ndate: soon\n---\nBody")
    with pytest.raises(FrontMatterError, match="not a real date"):
        parse_front_matter("---\ntitle: X\ndate: 2024-02-30\n---\nBody")
