"""Interface catalogues filled by a model that damages some entries: Polish, with three plural
forms. A damaged entry stays empty (Django falls back to English), a plural entry is filled
whole or not at all, and the good entries become fuzzy drafts."""

from datetime import UTC, datetime

import pytest
from babel.messages.pofile import read_po

from turnout.translation.catalogs import translate_catalogues
from turnout.translation.providers import configured_provider
from turnout.translation.spending import Budget

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("plural_answer", "signup_answer", "filled"),
    [
        # Faithful: every entry is drafted.
        ({2: "⟦1⟧ miasta", 5: "⟦1⟧ miast"}, "Zarejestruj się na ⟦1⟧⟦2⟧⟦3⟧", 3),
        # A full-width percent and a placeholder typed out: both refused.
        (
            {2: "⟦1⟧ miasta", 5: "％(count)d miast"},
            "Zarejestruj się na ⟦1⟧%(platform)s⟦3⟧",
            1,
        ),
        # Chatter, and a tag of the model's own with an event handler.
        (
            {2: "⟦1⟧ miasta", 5: "Oto tłumaczenie:\n\n⟦1⟧ miast"},
            'Zarejestruj się na ⟦1⟧⟦2⟧⟦3⟧ <img src=x onerror="alert(1)">',
            1,
        ),
    ],
    ids=["faithful", "placeholders broken", "chatter and html"],
)
def test_damaged_polish_entries_stay_empty(
    chat_server, app_tree, plural_answer, signup_answer, filled
):
    chat_server.answers = {
        "pl": {
            "Local events": "Lokalne wydarzenia",
            "⟦1⟧ city": "⟦1⟧ miasto",
            "⟦1⟧ cities": plural_answer,
            "Sign up on ⟦1⟧⟦2⟧⟦3⟧": signup_answer,
        }
    }
    [work] = translate_catalogues(
        language="pl",
        provider=configured_provider(),
        budget=Budget.for_month(now=NOW),
        now=NOW,
        sleep=lambda s: None,
        root=app_tree,
    )
    assert (work.filled, work.failed) == (filled, 3 - filled)
    with (app_tree / "campaigns/locale/pl/LC_MESSAGES/django.po").open("rb") as po_file:
        catalog = read_po(po_file)
    assert catalog.num_plurals == 3
    assert catalog.get("Local events").string == "Lokalne wydarzenia"
    cities = catalog.get(("%(count)d city", "%(count)d cities")).string
    signup = catalog.get("Sign up on <strong>%(platform)s</strong>").string
    if filled == 3:
        assert cities == ("%(count)d miasto", "%(count)d miasta", "%(count)d miast")
        assert signup == "Zarejestruj się na <strong>%(platform)s</strong>"
    else:
        assert cities == ("", "", "")  # never half a plural
        assert signup == ""
    assert all("fuzzy" in m.flags for m in catalog if m.id and any(m.string))
