"""A reviewer's corrections survive a save of the page between opening the review screen and
submitting it: segments keep their ids, and a correction to a segment whose source changed
meanwhile is refused with a message, never saved onto other text nor silently dropped."""

import html
import re

import pytest

from tests.content.factories import PageFactory
from tests.factories import UserFactory
from turnout.translation.models import TranslatedSegment
from turnout.translation.providers import NoProvider
from turnout.translation.services import refresh_translation
from turnout.translation.sources import TextSource

pytestmark = pytest.mark.django_db

SOURCE = (
    "---\ntitle: Values\n---\n\n## Why\n\nBecause it matters.\n\n"
    "## How\n\nTogether, in every city.\n\n## When\n\nOn the thirteenth of May.\n"
)
State = TranslatedSegment.State


@pytest.fixture
def reviewer(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def page():
    return PageFactory(slug="values", source=SOURCE)


@pytest.fixture
def translation(page):
    return refresh_translation(
        source=TextSource(page, "source", "en"), language="nl", provider=NoProvider()
    )


def review_address(translation) -> str:
    return f"/admin/translation/translation/{translation.pk}/change/"


def opened_form(client, translation) -> dict[str, str]:
    """The fields of the review screen as the browser would post them, untouched."""
    return form_fields(client.get(review_address(translation)).content.decode())


def form_fields(page: str) -> dict[str, str]:
    textarea = r'<textarea[^>]*name="(text-\d+)"[^>]*>(.*?)</textarea>'
    fields = {name: html.unescape(text) for name, text in re.findall(textarea, page, re.S)}
    fields.update(re.findall(r'<input type="hidden" name="(source-\d+)" value="([^"]*)"', page))
    return fields


def segment(translation, source_text: str) -> TranslatedSegment:
    return translation.segments.get(source_text=source_text)


def edit(page, old: str, new: str) -> None:
    page.source = page.source.replace(old, new)
    page.save()  # the post_save receiver realigns the translation, as in the admin


def test_a_save_elsewhere_in_the_page_keeps_the_reviewers_corrections(
    client, reviewer, page, translation
):
    form = opened_form(client, translation)
    how = segment(translation, "Together, in every city.")
    # Meanwhile an editor adds a paragraph at the top: every segment below it moves.
    edit(page, "## Why", "Read this first.\n\n## Why")
    form[f"text-{how.pk}"] = "Samen, in elke stad."
    response = client.post(review_address(translation), {**form, "approve": [str(how.pk)]})
    assert response.status_code == 302
    assert "Saved" in client.get(response.url).content.decode()
    how = segment(translation, "Together, in every city.")
    assert (how.text, how.state) == ("Samen, in elke stad.", State.REVIEWED)
    assert how.reviewed_by == reviewer
    assert "Samen, in elke stad." in client.get("/nl/values/").content.decode()


def test_a_correction_to_a_segment_whose_source_changed_meanwhile_is_refused_and_kept(
    client, reviewer, page, translation
):
    form = opened_form(client, translation)
    why = segment(translation, "Because it matters.")
    when = segment(translation, "On the thirteenth of May.")
    edit(page, "Because it matters.", "Because it matters to all of us.")
    form[f"text-{why.pk}"] = "Omdat het ertoe doet."
    form[f"text-{when.pk}"] = "Op dertien mei."
    response = client.post(
        review_address(translation), {**form, "approve": [str(why.pk), str(when.pk)]}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nothing was saved" in text and "changed while you were reviewing" in text
    # Both corrections are still in the form; nothing was written, not even the one that fits.
    assert "Omdat het ertoe doet.</textarea>" in text and "Op dertien mei.</textarea>" in text
    assert not translation.segments.filter(state=State.REVIEWED).exists()
    why = segment(translation, "Because it matters to all of us.")
    assert (why.state, why.text) == (State.PENDING, "")
    # Sent again from the refreshed form, against the source now shown, it is saved.
    again = form_fields(text)
    response = client.post(review_address(translation), {**again, "approve": [str(why.pk)]})
    assert response.status_code == 302
    why.refresh_from_db()
    assert (why.state, why.text) == (State.REVIEWED, "Omdat het ertoe doet.")
    assert segment(translation, "On the thirteenth of May.").text == "Op dertien mei."


def test_a_correction_to_a_removed_segment_is_refused_and_shown(
    client, reviewer, page, translation
):
    form = opened_form(client, translation)
    when = segment(translation, "On the thirteenth of May.")
    edit(page, "## When\n\nOn the thirteenth of May.\n", "")
    form[f"text-{when.pk}"] = "Op dertien mei."
    response = client.post(review_address(translation), form)
    text = response.content.decode()
    assert response.status_code == 200 and "Nothing was saved" in text
    assert "no longer in the source" in text and "Op dertien mei." in text
    assert not translation.segments.filter(state=State.REVIEWED).exists()


def test_an_untouched_form_after_a_change_saves_without_complaint(
    client, reviewer, page, translation
):
    form = opened_form(client, translation)
    edit(page, "Because it matters.", "Because it matters to all of us.")
    response = client.post(review_address(translation), form)
    assert response.status_code == 302


def test_segments_keep_their_ids_when_the_page_is_saved(page, translation):
    before = dict(translation.segments.values_list("source_text", "pk"))
    edit(page, "## Why", "Read this first.\n\n## Why")
    after = dict(translation.segments.values_list("source_text", "pk"))
    assert {text: after[text] for text in before} == before
    order = list(translation.segments.order_by("position").values_list("source_text", flat=True))
    assert order.index("Read this first.") < order.index("Because it matters.")
