"""Segments whose machine translation was refused wait for a translator in the admin: listed
with why, in plain words, filterable, one click from the review screen."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation as django_translation

from tests.factories import UserFactory
from turnout.translation.models import TranslatedSegment

from .pages import translate_page

pytestmark = pytest.mark.django_db
SEGMENTS = "/admin/translation/translatedsegment/"
TRANSLATIONS = "/admin/translation/translation/"


@pytest.fixture
def flagged(model):
    """The Pause Day page in Dutch, from a model that opens every answer with a preamble."""
    model.mode = "preamble_english"
    return translate_page("nl")


def test_flagged_segments_are_listed_with_why_and_a_link_to_review(client, flagged):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(SEGMENTS, {"state__exact": "flagged"})
    text = response.content.decode()
    assert response.status_code == 200
    rows = text.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]
    assert len(rows) == flagged.flagged_count == flagged.segment_count
    assert all(
        "The answer began with text that is not part of the translation: "
        "“Here is the translation:”." in row
        for row in rows
    )
    assert "Pause Day in the Netherlands" in text and "Flagged" in text
    assert f"{TRANSLATIONS}{flagged.pk}/change/?attention=1#segment-" in text


def test_the_filters_separate_flagged_from_published_segments(client, flagged):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    first = flagged.segments.order_by("position").first()
    TranslatedSegment.objects.filter(pk=first.pk).update(
        state=TranslatedSegment.State.MACHINE, text="Pauzedag in Nederland", problems=""
    )
    flagged_list = client.get(SEGMENTS, {"state__exact": "flagged"}).content.decode()
    machine_list = client.get(SEGMENTS, {"state__exact": "machine"}).content.decode()
    assert "Pause Day in the Netherlands" not in flagged_list
    assert "Pause Day in the Netherlands" in machine_list
    assert "not part of the translation" not in machine_list
    link = f'href="{TRANSLATIONS}{flagged.pk}/change/'
    assert link in client.get(TRANSLATIONS, {"flagged": "yes"}).content.decode()
    assert link not in client.get(TRANSLATIONS, {"flagged": "no"}).content.decode()


def test_reasons_given_in_dutch_when_the_run_was_in_dutch(client, model):
    model.mode = "fence_markdown"
    with django_translation.override("nl"):
        translate_page("nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="nl"))
    with django_translation.override("nl"):
        text = client.get(SEGMENTS, {"state__exact": "flagged"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert "Het antwoord staat in een codeblok (``` of ~~~)." in text.content.decode()


def test_who_may_see_translations_may_see_their_segments_and_nobody_else(client, flagged):
    translator = UserFactory(is_staff=True)
    translator.user_permissions.add(Permission.objects.get(codename="view_translation"))
    client.force_login(translator)
    assert client.get(SEGMENTS, {"state__exact": "flagged"}).status_code == 200
    segment = flagged.segments.first()
    redirect = client.get(f"{SEGMENTS}{segment.pk}/change/")
    assert redirect.status_code == 302
    assert redirect["Location"] == f"{TRANSLATIONS}{flagged.pk}/change/#segment-{segment.pk}"
    client.force_login(UserFactory(is_staff=True))
    assert client.get(SEGMENTS).status_code == 403
    assert client.get(f"{SEGMENTS}{segment.pk}/change/").status_code == 403
