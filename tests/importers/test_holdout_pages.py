"""Held-out pages: how many of their facts the importer reads, measured on pages nobody tuned on.

`fixtures/holdout/` holds 30 pages written before their author read the importer's rules or
the tuned corpus in `fixtures/pages/`: climate, peace, digital-rights, housing and AI-safety
pages in English, Dutch, German, French, Spanish, Catalan, Swedish, Italian and Portuguese
(Hugo, Jekyll, Astro and Docusaurus front matter, YAML and TOML). `expected.yaml` lists the
facts a person reads in each. Rules must be general enough to recover at least 90 % of them;
never tune a rule to one of these pages: write a new page in `fixtures/pages/` for that.
"""

from functools import partial
from pathlib import Path

import yaml

from tests.importers.test_page_shapes import recovered, score

HOLDOUT = Path(__file__).parent / "fixtures" / "holdout"
EXPECTED = yaml.safe_load((HOLDOUT / "expected.yaml").read_text(encoding="utf-8"))
TARGET = 0.90


def test_the_importer_recovers_at_least_90_percent_of_the_facts_of_held_out_pages():
    share, found, total, missed = recovered(EXPECTED, partial(score, pages=HOLDOUT))
    print(f"\nheld-out pages: recovered {found} of {total} expected facts: {share:.1%}")
    print("\n".join(missed))
    assert len(EXPECTED) >= 24
    assert sorted(EXPECTED) == sorted(p.name for p in HOLDOUT.glob("*.md"))
    assert share >= TARGET, "\n".join(missed)
