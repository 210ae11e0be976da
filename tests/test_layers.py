"""The layer contracts in pyproject.toml (docs/architecture.md, "Layers") hold on the code, and
they would catch an import that breaks a layer: the same contracts run on a copy of the source
with one wrong import added must fail, naming that import."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(
    *, source: Path, config: Path = ROOT / "pyproject.toml"
) -> subprocess.CompletedProcess[str]:
    """Run the project's contracts (or those in `config`) over the `turnout` package in
    `source`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(config)],
        cwd=source,
        # The copy comes first on the path, so grimp reads it rather than the installed tree.
        env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def source_copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "src" / "turnout",
        tmp_path / "turnout",
        ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "locale", "static", "templates"),
    )
    return tmp_path


def add_import(source: Path, module: str, line: str) -> None:
    path = source.joinpath(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_code_keeps_the_layers():
    result = lint_imports(source=ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # plumbing reaching into the domain
        ("turnout.web.text", "import turnout.campaigns.models", "turnout.web.text"),
        # the domain reaching up to what builds on it, from a module with no exception
        ("turnout.campaigns.selectors", "import turnout.press.models", "turnout.press.models"),
        # two apps of one layer are independent of each other
        (
            "turnout.press.selectors",
            "from turnout.translation import models",
            "turnout.translation.models",
        ),
        # the domain reaching up to the back office (campaigns' page asks for the report
        # through campaigns.reports, filled by organizing; never an import)
        (
            "turnout.campaigns.views",
            "import turnout.organizing.report",
            "turnout.organizing.report",
        ),
        # the permission check judging a model by importing it, not through its registry
        (
            "turnout.accounts.permissions",
            "from turnout.groups.models import Group",
            "turnout.accounts.permissions",
        ),
        # content reading translations itself, not through the provider translation registers
        (
            "turnout.content.views",
            "import turnout.translation.selectors",
            "turnout.content.views",
        ),
        # place knowledge reaching up to the events it places
        ("turnout.places.lookup", "import turnout.campaigns.models", "turnout.places.lookup"),
        # campaigns using geo's event pages rather than the places below it
        ("turnout.campaigns.listing", "import turnout.geo.selectors", "turnout.campaigns.listing"),
    ],
)
def test_a_wrong_import_breaks_the_contract(source_copy, module, line, broken):
    add_import(source_copy, module, line)
    result = lint_imports(source=source_copy)
    assert result.returncode != 0
    assert "0 kept, 1 broken" in result.stdout
    assert broken in result.stdout


def test_an_exception_for_code_that_has_moved_is_an_error(tmp_path):
    """An ignore_imports line naming an import the code no longer makes fails the run, so the
    list of exceptions (empty today) can only shrink with the code."""
    importer, imported = "turnout.campaigns.views", "turnout.signups.models"
    config = (ROOT / "pyproject.toml").read_text()
    stale = re.sub(
        r"^ignore_imports = \[", f'ignore_imports = [\n    "{importer} -> {imported}",', config,
        count=1, flags=re.MULTILINE,
    )  # fmt: skip
    assert tomllib.loads(stale)["tool"]["importlinter"]["contracts"][0]["ignore_imports"]
    (tmp_path / "pyproject.toml").write_text(stale)
    result = lint_imports(source=ROOT / "src", config=tmp_path / "pyproject.toml")
    assert result.returncode != 0
    said = " ".join(result.stdout.split())
    assert f"No matches for ignored import {importer} -> {imported}" in said
