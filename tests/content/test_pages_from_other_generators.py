"""Pages written for other site generators read as they did on the movement's old site: Hugo and
Jekyll template code, MDX imports and components, MkDocs and Docusaurus notes, kramdown and
Pandoc heading ids, footnotes and task lists. The pages below are written here, in the shapes
those generators' pages take, in several languages."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.content.markdown import ALLOWED_CLASSES, render_document, render_markdown

HUGO = """---
title: Klimaatmars
---
## Waarom we marcheren {#waarom .lead}

{{< youtube dQw4w9WgXcQ >}}

{{% notice tip %}}Neem water en zonnebrand mee.{{% /notice %}}

Lees ook {{< ref "over-ons.md" >}} en {{< tweet user="pauseai" id="1757604719047114786" >}}

```go-html-template
{{< youtube keep-me-as-code >}}
```
"""


def test_a_hugo_page_shows_its_post_behind_a_gate_and_keeps_its_text():
    document = render_document(HUGO.split("---\n", 2)[2])
    html = str(document.html)
    assert [entry.id for entry in document.toc] == ["waarom"]
    assert 'data-embed-provider="youtube"' in html
    assert 'data-embed-provider="twitter"' in html
    assert "Neem water en zonnebrand mee." in html
    assert "{{" not in html.split("<pre>")[0] and "notice" not in html
    assert "{{&lt; youtube keep-me-as-code &gt;}}" in html  # code stays as written


def test_a_jekyll_page_loses_its_liquid_and_keeps_its_video():
    html = str(
        render_markdown(
            "{% include header.html %}\n\n"
            "Bienvenue sur {{ site.title | upcase }} !\n\n"
            '{% include youtube.html id="dQw4w9WgXcQ" %}\n\n'
            "Utilisez `{{ page.title }}` dans vos modèles."
        )
    )
    assert "header.html" not in html and "site.title" not in html
    assert "Bienvenue sur" in html and 'data-embed-provider="youtube"' in html
    assert "<code>{{ page.title }}</code>" in html


def test_an_mdx_page_loses_its_imports_and_components_but_not_its_posts():
    html = str(
        render_markdown(
            "import Banner from '@site/src/components/Banner';\n"
            "export const meta = { title: 'Marcha' };\n\n"
            '<Banner title="Únete" />\n\n'
            "La marcha empieza a las 12:00.\n\n"
            '<Embed url="https://twitter.com/pauseai/status/1757604719047114786" />\n'
        )
    )
    assert "import" not in html and "Banner" not in html and "export" not in html
    assert "La marcha empieza a las 12:00." in html
    assert 'data-embed-provider="twitter"' in html


def test_notes_as_mkdocs_and_docusaurus_write_them():
    html = str(
        render_markdown(
            '!!! warning "Hitze"\n    Trinkt genug Wasser.\n\n'
            ":::tip\nKom met de fiets.\n:::\n\n"
            ":::danger Pozor\nNa trase jsou schody.\n:::\n"
        )
    )
    assert '<div class="admonition warning">' in html
    assert '<p class="admonition-title">Hitze</p>' in html and "Trinkt genug Wasser." in html
    assert '<div class="admonition tip">' in html and "Kom met de fiets." in html
    assert '<div class="admonition danger">' in html and ":::" not in html


def test_kramdown_and_pandoc_heading_ids():
    document = render_document(
        "## Nos valeurs\n{: #valeurs .wide}\n\nTexte.\n\n"
        "## Nasze żądania {#zadania .lead data-x=1}\n\n"
        "Zwykły akapit.\n{: .note}\n"
    )
    assert [entry.id for entry in document.toc] == ["valeurs", "zadania"]
    html = str(document.html)
    assert "{:" not in html and "{#" not in html
    assert "Nasze żądania</h2>" in html


def test_footnotes_and_task_lists():
    html = str(
        render_markdown(
            "Over 30,000 people signed[^brief].\n\n[^brief]: The open letter.\n\n"
            "- [x] Spandoeken\n- [ ] Megafoon\n"
        )
    )
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1"' in html
    assert '<li id="fn1" class="footnote-item">' in html and "The open letter." in html
    assert "<li>☑ Spandoeken</li>" in html and "<li>☐ Megafoon</li>" in html


@pytest.mark.parametrize(
    "text",
    [
        '!!! note "<script>alert(1)</script>"\n    x',
        ':::note" onclick="alert(1)\nx\n:::',
        "## Heading {#x onclick=alert(1)}",
        "Text[^<img src=x onerror=alert(1)>].\n\n[^<img src=x onerror=alert(1)>]: note",
        '{{< youtube "><script>alert(1)</script> >}}',
        '{% include youtube.html id="javascript:alert(1)" %}',
    ],
)
def test_the_new_syntax_opens_no_way_in(text):
    html = str(render_markdown(text))
    assert "<script" not in html and "<img" not in html
    for tag in re.findall(r"<[a-z][^>]*>", html):
        assert not re.search(r"\son\w+=", tag) and "javascript:" not in tag, tag


_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{{< youtube abcdefghijk >}}",
                "{{% x %}}",
                "{%",
                "{{",
                "}}",
                "%}",
                ":::note",
                ":::",
                "!!! warning",
                "    indented",
                "[^1]",
                "[^1]: n",
                "- [x] ",
                "{: #id}",
                "{#id .c}",
                "## h",
                "```",
                "<Banner />",
                "import A from 'b'",
                "\n",
                " ",
                "x",
            ]  # fmt: skip
        )
        | st.text(max_size=20),
        max_size=25,
    ).map("".join)
)
def test_no_page_crashes_the_renderer_or_sets_its_own_classes(text):
    html = str(render_markdown(text))
    for name, value in _ATTRIBUTE.findall(html.split('<figure class="embed-gate"')[0]):
        assert not name.startswith("on")
        if name == "class":
            assert set(value.split()) <= ALLOWED_CLASSES, value
