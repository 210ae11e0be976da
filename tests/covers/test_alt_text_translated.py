"""A cover's description (alt text) and credit in the page's language: the demo's reviewed
Dutch on `/nl/`, `lang` where the text shown is untranslated, stale Dutch after an English
edit, machine translation through a provider, the Dutch email, and what it costs a page in
queries."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from tests.translation import conftest as translation_fixtures
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.covers import services
from turnout.covers.cover_texts import shown_cover_text
from turnout.covers.models import CoverImage
from turnout.covers.templatetags.covers import cover_picture
from turnout.demo.covers import EVENT_SCENES, HERO
from turnout.demo.loading import load_demo_data
from turnout.demo.translations import store_reviewed
from turnout.notifications import outbox
from turnout.signups import emails
from turnout.translation.models import TranslatedSegment, Translation
from turnout.translation.providers import NoProvider, configured_provider
from turnout.translation.run import translate_all
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import texts_of
from turnout.web.text import single_line

from .images import banner

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
chat_server = translation_fixtures.chat_server  # a translation provider on loopback


def give_cover(subject, person, alt_text: str, credit: str = "Sanne Bakker") -> CoverImage:
    return services.set_cover(
        subject=subject, actor=person, alt_text=alt_text, credit=credit,
        upload=services.Upload("banner.png", banner()),
    )  # fmt: skip


def reviewed_dutch(cover: CoverImage, field: str, dutch: str) -> Translation:
    source = next(s for s in texts_of(cover) if s.field == field)
    store_reviewed(source, dutch, reviewer=UserFactory(), provider=NoProvider())
    return Translation.objects.get(object_id=cover.pk, field=field, language="nl")


def img_of(html: str) -> str:
    match = re.search(r'<figure class="cover cover-(?:hero|tile)"><picture>.*?(<img [^>]*>)', html)
    assert match, "no cover on the page"
    return match.group(1)


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_covers_are_described_in_dutch_on_dutch_pages(client, settings):
    settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS = 0
    load_demo_data(today=timezone.localdate())
    hero = CoverImage.objects.get(campaign__isnull=False)
    utrecht = CoverImage.objects.get(event__city="Utrecht")
    campaign_path = f"/nl/campaigns/{hero.campaign.slug}/"

    dutch = get(client, campaign_path)
    img = img_of(dutch)
    assert f'alt="{escape(HERO.dutch_alt_text)}"' in img and " lang=" not in img
    assert "<figcaption>Afbeelding: Getekend voor de Turnout-demo</figcaption>" in dutch
    assert "A drawing of" not in dutch and "Drawn for" not in dutch
    img = img_of(get(client, f"/nl/events/{utrecht.event_id}/"))
    assert f'alt="{escape(EVENT_SCENES["Utrecht"].dutch_alt_text)}"' in img
    assert " lang=" not in img
    assert f'alt="{escape(HERO.dutch_alt_text)}"' in get(client, "/nl/")  # the home tile

    english = get(client, campaign_path.replace("/nl/", "/en/"))
    assert f'alt="{escape(HERO.alt_text)}"' in img_of(english) and "Een tekening" not in english
    assert "<figcaption>Image: Drawn for the Turnout demo</figcaption>" in english

    load_demo_data(today=timezone.localdate())  # loading again reviews nothing again
    rows = Translation.objects.filter(content_type=ContentType.objects.get_for_model(hero))
    assert rows.get(object_id=hero.pk, field="alt_text").state == "reviewed"


def test_an_untranslated_description_is_marked_with_its_language(client, event, organizer):
    cover = give_cover(event, organizer, "Cyclists with flags on Domplein & the square <too>")
    img = img_of(get(client, f"/nl/events/{event.pk}/"))
    alt = escape("Cyclists with flags on Domplein & the square <too>")
    assert f'alt="{alt}" lang="en"' in img
    english = get(client, f"/en/events/{event.pk}/")
    assert f'alt="{alt}" width=' in img_of(english)
    assert "Image: Sanne Bakker" in english

    reviewed_dutch(cover, "alt_text", "Fietsers met vlaggen op het Domplein")
    dutch = get(client, f"/nl/events/{event.pk}/")
    assert 'alt="Fietsers met vlaggen op het Domplein" width=' in img_of(dutch)
    # The credit still is the organizer's own: its language is marked.
    assert 'Afbeelding: <span lang="en">Sanne Bakker</span>' in dutch


def test_an_edited_english_description_marks_the_dutch_stale(event, organizer):
    cover = give_cover(event, organizer, "Neighbours painting banners in a garage")
    translation = reviewed_dutch(cover, "alt_text", "Buren beschilderen spandoeken in een garage")
    assert translation.state == Translation.State.REVIEWED

    services.set_cover(
        subject=event, actor=organizer, alt_text="Neighbours painting banners in a barn",
        credit="Sanne Bakker",
    )  # fmt: skip
    translation.refresh_from_db()
    segment = translation.segments.get()
    assert translation.state == Translation.State.STALE
    assert segment.state == TranslatedSegment.State.STALE
    assert segment.previous_source_text == "Neighbours painting banners in a garage"


def test_an_emptied_credit_and_a_removed_cover_take_their_translations_along(event, organizer):
    cover = give_cover(event, organizer, "A choir on the steps", credit="Photo: Ana Souza")
    reviewed_dutch(cover, "alt_text", "Een koor op de trappen")
    reviewed_dutch(cover, "credit", "Foto: Ana Souza")
    services.set_cover(subject=event, actor=organizer, alt_text="A choir on the steps")
    assert set(Translation.objects.values_list("field", flat=True)) == {"alt_text"}
    services.remove_cover(subject=event, actor=organizer)
    assert not Translation.objects.exists()


def test_covers_are_machine_translated_and_a_draft_campaigns_cover_never_sent(
    client, chat_server, campaign, event, organizer
):
    give_cover(event, organizer, "Tractors and bicycles side by side", credit="Photo: Lotte")
    # A model's real Dutch: an English copy with a tag is refused as a short text in English.
    chat_server.answers = {
        "nl": {
            "Tractors and bicycles side by side": "Tractoren en fietsen zij aan zij",
            "Photo: Lotte": "Foto: Lotte",
        }
    }
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    draft_coordinator = UserFactory()
    draft.coordinators.add(draft_coordinator)
    give_cover(draft, draft_coordinator, "A secret route on a hand-drawn map")
    report = translate_all(
        languages=["nl"], provider=configured_provider(), now=NOW, sleep=lambda s: None
    )
    assert report.flagged == 0
    sent = " ".join(str(request["messages"]) for request in chat_server.requests)
    assert "Tractors and bicycles side by side" in sent and "Photo: Lotte" in sent
    assert "secret route" not in sent
    dutch = get(client, f"/nl/events/{event.pk}/")
    assert 'alt="Tractoren en fietsen zij aan zij" width=' in img_of(dutch)
    assert "<figcaption>Afbeelding: Foto: Lotte</figcaption>" in dutch


def deliver(smtp_server, email) -> str:
    outbox.enqueue(email, now=timezone.now())
    outbox.deliver_due()
    (message,) = smtp_server.to(email.to)
    return message.get_body(preferencelist=("html",)).get_content()


def test_the_dutch_confirmation_email_describes_the_image_in_dutch(smtp_server, event, organizer):
    cover = give_cover(event, organizer, "People with placards before the town hall")
    reviewed_dutch(cover, "alt_text", "Mensen met borden voor het stadhuis")
    dutch = SignupFactory(event=event, email="femke@example.org", language="nl")
    html = deliver(smtp_server, emails.confirmation_request(dutch))
    assert 'email.jpg" alt="Mensen met borden voor het stadhuis" width="600"' in html
    english = SignupFactory(event=event, email="joe@example.org", language="en")
    html = deliver(smtp_server, emails.confirmation_request(english))
    assert 'email.jpg" alt="People with placards before the town hall" width="600"' in html


def test_an_untranslated_description_in_a_dutch_email_is_marked_english(
    smtp_server, event, organizer
):
    give_cover(event, organizer, "A crowd under umbrellas")
    signup = SignupFactory(event=event, email="noor@example.org", language="nl")
    html = deliver(smtp_server, emails.confirmation_request(signup))
    assert 'alt="A crowd under umbrellas" lang="en"' in html


def campaign_page_queries(client, campaign) -> int:
    client.get(f"/nl/campaigns/{campaign.slug}/")  # warms the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/nl/campaigns/{campaign.slug}/").status_code == 200
    return len(queries)


def test_a_translated_cover_costs_the_campaign_page_two_queries_whatever_its_events_show(
    client, settings, campaign, coordinator
):
    settings.TURNOUT_PAGE_CACHE_SECONDS = 0
    without_cover = campaign_page_queries(client, campaign)
    hero = give_cover(campaign, coordinator, "A sea of placards", credit="Photo: Jonas Weber")
    reviewed_dutch(hero, "alt_text", "Een zee van borden")
    reviewed_dutch(hero, "credit", "Foto: Jonas Weber")
    with_hero = campaign_page_queries(client, campaign)
    assert with_hero - without_cover <= 2  # the cover, and both its texts in one query
    for city in ("Leiden", "Gent", "Kraków"):
        event = LocalEventFactory(campaign=campaign, city=city)
        event.organizers.add(coordinator)
        give_cover(event, coordinator, f"Marchers in {city}")
    without_event_covers = campaign_page_queries(client, campaign)
    CoverImage.objects.filter(event__isnull=False).delete()
    assert campaign_page_queries(client, campaign) == without_event_covers
    html = get(client, f"/nl/campaigns/{campaign.slug}/")
    assert 'alt="Een zee van borden"' in img_of(html)


# Any text an organizer or reviewer may type (PostgreSQL refuses NUL; the service folds lines).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(english=TEXT.filter(lambda text: single_line(text)), dutch=TEXT)
def test_any_description_and_translation_show_escaped_with_their_language(
    event, organizer, english, dutch
):
    if not CoverImage.objects.filter(event=event).exists():
        give_cover(event, organizer, "A first description")
    cover = services.set_cover(subject=event, actor=organizer, alt_text=english, credit=dutch)
    source = next(s for s in texts_of(cover) if s.field == "alt_text")
    draft = refresh_translation(source=source, language="nl", provider=NoProvider())
    rows = list(draft.segments.all())
    review_segments(
        translation=draft, texts={row.pk: dutch for row in rows}, approved={row.pk for row in rows},
        reviewer=organizer, now=timezone.now(),
    )  # fmt: skip

    fresh = LocalEvent.objects.get(pk=event.pk)
    with translation.override("nl"):
        img = img_of(cover_picture(fresh, "hero"))
    shown = shown_cover_text(fresh.cover, "alt_text", "nl")
    assert f'alt="{escape(shown.text)}"' in img
    assert (shown.language == "nl") == (" lang=" not in img)
    assert shown.text == cover.alt_text or shown.language == "nl"
