"""Interface strings of other languages: machine drafts, marked fuzzy for a person to check."""

from datetime import UTC, datetime

import pytest
from babel.messages.pofile import read_po

from turnout.translation.catalogs import plan_catalogues, translate_catalogues
from turnout.translation.providers import configured_provider
from turnout.translation.spending import Budget

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)


def test_missing_german_entries_become_fuzzy_drafts_with_placeholders_intact(chat_server, app_tree):
    planned = plan_catalogues("de", root=app_tree)
    assert len(planned) == 1 and len(planned[0].missing) == 3
    [work] = translate_catalogues(
        language="de",
        provider=configured_provider(),
        budget=Budget.for_month(now=NOW),
        now=NOW,
        sleep=lambda s: None,
        root=app_tree,
    )
    assert work.filled == len(planned[0].missing) and work.failed == 0
    with (app_tree / "campaigns/locale/de/LC_MESSAGES/django.po").open("rb") as po_file:
        catalog = read_po(po_file)
    reach = catalog.get(("%(count)d city", "%(count)d cities"))
    assert reach.string == ("[de] %(count)d city", "[de] %(count)d cities")
    signup = catalog.get("Sign up on <strong>%(platform)s</strong>")
    assert signup.string == "[de] Sign up on <strong>%(platform)s</strong>"
    assert all("fuzzy" in m.flags for m in catalog if m.id)
    assert plan_catalogues("de", root=app_tree)[0].missing == []  # drafts are not sent again
