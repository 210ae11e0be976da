"""A reviewed segment whose source changed, and whose new machine suggestion was refused,
keeps showing the reviewer's text as stale: the admin's "Flagged" filters list it with why,
beside the segments that were never translated."""

from datetime import UTC, datetime

import pytest

from tests.content.factories import PageFactory
from tests.factories import UserFactory
from turnout.translation.models import TranslatedSegment
from turnout.translation.placeholders import protect
from turnout.translation.providers import configured_provider
from turnout.translation.run import translate_all
from turnout.translation.services import review_segments, translation_for
from turnout.translation.sources import TextSource

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
SEGMENTS = "/admin/translation/translatedsegment/"
TRANSLATIONS = "/admin/translation/translation/"
State = TranslatedSegment.State

PAGE = """## Where we meet {#meet}

We gather at the town hall of Utrecht at noon.

Bring a sign, water and good shoes.
"""
DUTCH = {
    "## Where we meet ⟦1⟧": "## Waar we verzamelen ⟦1⟧",
    "We gather at the town hall of Utrecht at noon.": "We verzamelen om twaalf uur bij het "
    "stadhuis van Utrecht.",
    "Bring a sign, water and good shoes.": "Neem een bord, water en goede schoenen mee.",
}
CHANGED = "We gather at the town hall of Utrecht at 13:00."


def run():
    translate_all(languages=["nl"], provider=configured_provider(), now=NOW, sleep=lambda s: None)


@pytest.fixture
def stale_with_failed_suggestion(chat_server):
    """The page in Dutch, its meeting sentence reviewed by a person, then changed in English;
    the model's suggestion for the new sentence opens with a preamble, and is refused."""
    chat_server.answers = {"nl": dict(DUTCH)}
    page = PageFactory(slug="utrecht", source=PAGE)
    run()
    translation = translation_for(TextSource(page, "source", "en"), "nl")
    meeting = translation.segments.get(source_text__startswith="We gather")
    review_segments(
        translation=translation,
        texts={meeting.pk: "We komen om twaalf uur samen bij het stadhuis van Utrecht."},
        approved={meeting.pk},
        reviewer=UserFactory(),
        now=NOW,
    )
    page.source = PAGE.replace("at noon", "at 13:00")
    page.save()
    chat_server.answers["nl"][protect(CHANGED).text] = (
        "Hier is de vertaling:\n\nWe verzamelen om 13:00 uur bij het stadhuis van Utrecht."
    )
    run()
    meeting.refresh_from_db()
    translation.refresh_from_db()
    assert meeting.state == State.STALE and meeting.problems
    assert translation.flagged_count == 0  # the segment counts as stale, not as flagged
    return translation, meeting


def rows(html: str) -> list[str]:
    """The result list's rows; none when the list is empty (no table at all)."""
    if "<tbody>" not in html:
        return []
    return html.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]


def test_the_flagged_segment_filter_lists_a_stale_segment_whose_suggestion_failed(
    client, stale_with_failed_suggestion
):
    translation, meeting = stale_with_failed_suggestion
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    flagged = client.get(SEGMENTS, {"state__exact": "flagged"})
    assert flagged.status_code == 200
    [row] = rows(flagged.content.decode())
    assert CHANGED in row
    assert "The answer began with text that is not part of the translation" in row
    assert f"{TRANSLATIONS}{translation.pk}/change/?attention=1#segment-{meeting.pk}" in row
    # Still listed as stale too; the segments published as they were are in neither list.
    assert CHANGED in client.get(SEGMENTS, {"state__exact": "stale"}).content.decode()
    machine = client.get(SEGMENTS, {"state__exact": "machine"}).content.decode()
    assert CHANGED not in machine and len(rows(machine)) == 2


def test_the_flagged_translation_filter_lists_the_translation_of_that_segment(
    client, stale_with_failed_suggestion
):
    translation, _meeting = stale_with_failed_suggestion
    untouched = PageFactory(slug="other", source="Bring a sign, water and good shoes.\n")
    run()
    other = translation_for(TextSource(untouched, "source", "en"), "nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    flagged = client.get(TRANSLATIONS, {"flagged": "yes"}).content.decode()
    clean = client.get(TRANSLATIONS, {"flagged": "no"}).content.decode()
    assert f'href="{TRANSLATIONS}{translation.pk}/change/' in flagged
    assert f'href="{TRANSLATIONS}{other.pk}/change/' not in flagged
    assert f'href="{TRANSLATIONS}{translation.pk}/change/' not in clean
    assert f'href="{TRANSLATIONS}{other.pk}/change/' in clean


def test_a_new_suggestion_that_passes_takes_the_segment_off_the_flagged_list(
    client, chat_server, stale_with_failed_suggestion
):
    translation, meeting = stale_with_failed_suggestion
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert len(rows(client.get(SEGMENTS, {"state__exact": "flagged"}).content.decode())) == 1
    chat_server.answers["nl"][protect(CHANGED).text] = (
        "We verzamelen om 13:00 uur bij het stadhuis van Utrecht."
    )
    translate_all(
        languages=["nl"],
        provider=configured_provider(),
        now=NOW,
        sleep=lambda s: None,
        retry_flagged=True,
    )
    meeting.refresh_from_db()
    assert meeting.state == State.STALE and meeting.machine_text.endswith(
        "13:00 uur bij het stadhuis van Utrecht."
    )
    assert rows(client.get(SEGMENTS, {"state__exact": "flagged"}).content.decode()) == []
    flagged = client.get(TRANSLATIONS, {"flagged": "yes"}).content.decode()
    assert f'href="{TRANSLATIONS}{translation.pk}/change/' not in flagged
