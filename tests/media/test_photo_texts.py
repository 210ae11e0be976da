"""A published photo's description (alt text) and caption are read in the visitor's language:
translated and reviewed like a cover's texts, shown on Dutch pages in Dutch; untranslated,
shown in their own language and marked so (`lang`), which a screen reader needs to read them
aloud rightly. A photo not (or no longer) published is nobody's to translate. A gallery asks
for its texts in one query a field, however many photos it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import LocalEventFactory, UserFactory
from turnout.demo.translations import store_reviewed
from turnout.media.models import Photo
from turnout.media.selectors import event_gallery
from turnout.translation.models import Translation
from turnout.translation.providers import configured_provider
from turnout.translation.sources import texts_of, translatable_texts

from .test_views import add_photo

pytestmark = pytest.mark.django_db

ALT = "Banner on the Neude"
CAPTION = "The start of the march"


@pytest.fixture
def coordinator():
    return UserFactory()


@pytest.fixture
def event(coordinator):
    event = LocalEventFactory(city="Utrecht")
    event.campaign.coordinators.add(coordinator)
    return event


def _in_dutch(photo: Photo, reviewer, **dutch: str) -> None:
    for source in texts_of(photo):
        if source.field in dutch:
            store_reviewed(
                source, dutch[source.field], reviewer=reviewer, provider=configured_provider()
            )


def test_a_reviewed_dutch_description_and_caption_are_shown_on_dutch_pages(
    client, event, coordinator
):
    photo = add_photo(event, coordinator, alt_text=ALT, caption=CAPTION, credit="Kim")
    _in_dutch(photo, coordinator, alt_text="Spandoek op de Neude", caption="Het begin van de mars")
    dutch = client.get(f"/nl/events/{event.pk}/").content.decode()
    assert 'alt="Spandoek op de Neude"' in dutch and ALT not in dutch
    assert '<span class="photo-caption">Het begin van de mars</span>' in dutch
    assert "Foto: Kim" in dutch  # a name, the same in every language
    english = client.get(f"/en/events/{event.pk}/").content.decode()
    assert f'alt="{ALT}"' in english and "Spandoek" not in english


def test_an_untranslated_description_is_shown_in_its_own_language_and_says_which(
    client, event, coordinator
):
    add_photo(event, coordinator, alt_text=ALT, caption=CAPTION)
    dutch = client.get(f"/nl/events/{event.pk}/").content.decode()
    assert f'alt="{ALT}" lang="en"' in dutch
    assert f'<span class="photo-caption" lang="en">{CAPTION}</span>' in dutch
    english = client.get(f"/en/events/{event.pk}/").content.decode()
    assert f'alt="{ALT}" ' in english and f'alt="{ALT}" lang=' not in english
    assert f'<span class="photo-caption">{CAPTION}</span>' in english


def test_only_published_photos_are_translated_and_a_withdrawn_one_loses_its_translations(
    event, coordinator
):
    published = add_photo(event, coordinator, alt_text=ALT, caption=CAPTION)
    organizer = UserFactory()
    event.organizers.add(organizer)  # an organizer's photos wait for a coordinator
    waiting = add_photo(event, organizer, alt_text="Still waiting for review")
    assert waiting.state == Photo.State.PENDING
    fields = {(s.obj.pk, s.field) for s in translatable_texts() if isinstance(s.obj, Photo)}
    assert fields == {(published.pk, "alt_text"), (published.pk, "caption")}
    _in_dutch(published, coordinator, alt_text="Spandoek op de Neude")
    assert Translation.objects.filter(object_id=published.pk, field="alt_text").exists()
    published.state = Photo.State.REJECTED
    published.save()
    assert not Translation.objects.filter(object_id=published.pk, field="alt_text").exists()


def test_a_gallery_asks_for_its_texts_in_one_query_a_field(event, coordinator):
    from django.utils import translation

    add_photo(event, coordinator, alt_text=ALT, caption=CAPTION)
    with translation.override("nl"), CaptureQueriesContext(connection) as one:
        event_gallery(event)
    for number in range(4):
        add_photo(event, coordinator, alt_text=f"Photo {number}", caption="A caption",
                  colour=(number * 40, 10, 10))  # fmt: skip
    with translation.override("nl"), CaptureQueriesContext(connection) as five:
        assert len(event_gallery(event)) == 5
    assert len(five.captured_queries) == len(one.captured_queries)
