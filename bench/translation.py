"""Translation: a second run over an unchanged site, and a run after one paragraph changed.

A site of PAGES content pages (PARAGRAPHS paragraphs and headings each) and a campaign is
translated into German by `turnout translate` against a fake chat-completions server on
loopback (its own process), which counts the requests. Baseline: the first, full run.
Targets: the second run sends zero requests; after one paragraph changes, exactly one.
"""

import shutil
import tempfile
import time
from pathlib import Path

from harness import (
    BIN,
    BenchResult,
    background,
    environment,
    free_port,
    record,
    run_python,
    script,
    turnout,
)

PAGES = 5
PARAGRAPHS = 20  # per page

SEED = """
from django.utils import timezone
from turnout.campaigns.models import Campaign
from turnout.content.models import Page
from turnout.content.services import save_page
from datetime import date
for p in range(PAGES):
    body = "\\n\\n".join(
        f"Paragraph {n} of page {p}: we ask for [a pause](https://example.org/{n}) now."
        if n % 5 else f"## Section {n}" for n in range(PARAGRAPHS))
    save_page(page=Page(slug=f"page-{p}", status="published",
        source=f"---\\ntitle: Page {p}\\n---\\n\\n{body}\\n"), author=None, now=timezone.now())
Campaign.objects.create(slug="day", title="Action day", summary="Everyone, everywhere.",
    status="published", starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 13),
    narrative="Why we act.\\n\\nWhat we want.", core_messages="- Pause now\\n- Together")
""".replace("PAGES", str(PAGES)).replace("PARAGRAPHS", str(PARAGRAPHS))

CHANGE_ONE_PARAGRAPH = """
from django.utils import timezone
from turnout.content.models import Page
from turnout.content.services import save_page
page = Page.objects.get(slug="page-0")
page.source = page.source.replace("Paragraph 1 of page 0", "Paragraph one, rewritten, of page 0")
save_page(page=page, author=None, now=timezone.now())
"""


def requests_of(count_file: Path, before: int) -> int:
    return len(count_file.read_text().splitlines()) - before


def main(database: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="turnout-translation-"))
    count_file, ready = folder / "requests.txt", folder / "ready"
    count_file.touch()
    port = free_port()
    with (
        environment(
            database,
            TRANSLATION_PROVIDER="openai",
            TRANSLATION_ENDPOINT=f"http://127.0.0.1:{port}/v1",
            TRANSLATION_MODEL="bench-model",
        ) as env,
        background(
            [str(BIN / "python"), str(script("chat_server.py")), str(port), str(count_file),
             str(ready)],
            ready_file=ready,
        ),
    ):  # fmt: skip
        run_python(env, SEED)
        runs = {}
        for label in ("first run", "unchanged", "one paragraph changed"):
            if label == "one paragraph changed":
                run_python(env, CHANGE_ONE_PARAGRAPH)
            before = requests_of(count_file, 0)
            started = time.monotonic()
            turnout(env, "translate", "--lang", "de")
            runs[label] = (requests_of(count_file, before), time.monotonic() - started)
    shutil.rmtree(folder, ignore_errors=True)
    first, unchanged, changed = (runs[k][0] for k in runs)
    record(
        BenchResult(
            name=f"translation, {PAGES} pages x {PARAGRAPHS} paragraphs + a campaign, into de",
            database=database,
            figures={
                "requests first run": first,
                "requests unchanged": unchanged,
                "requests one changed": changed,
                "ratio unchanged/first": round(unchanged / first, 3) if first else None,
                "seconds first run": round(runs["first run"][1], 1),
                "seconds unchanged": round(runs["unchanged"][1], 1),
            },
            target="unchanged: 0 requests; one paragraph changed: 1",
            met=first > 0 and unchanged == 0 and changed == 1,
        )
    )
