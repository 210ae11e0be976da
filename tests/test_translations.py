"""Dutch ships complete: every catalogue fully translated and compiled from its source."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import turnout

CATALOGUES = sorted(Path(turnout.__file__).parent.glob("*/locale/*/LC_MESSAGES/django.po"))


def test_every_app_with_strings_has_a_dutch_catalogue():
    apps = {path.parents[3].name for path in CATALOGUES if "/nl/" in str(path)}
    assert {"accounts", "campaigns", "web"} <= apps


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_catalogue_is_complete_and_compiled(po_path: Path):
    with po_path.open("rb") as po_file:
        catalogue = read_po(po_file)
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            "fuzzy" in message.flags
            or not (all(message.string) if isinstance(message.string, tuple) else message.string)
        )
    ]
    assert untranslated == [], f"untranslated in {po_path}"

    with po_path.with_suffix(".mo").open("rb") as mo_file:
        compiled = read_mo(mo_file)

    def entries(messages):
        return {_hashable(m.id): _hashable(m.string) for m in messages if m.id}

    assert entries(compiled) == entries(catalogue), (
        f"{po_path.with_suffix('.mo')} is out of date: run `make messages`"
    )


def _hashable(value):
    return tuple(value) if isinstance(value, list | tuple) else value
