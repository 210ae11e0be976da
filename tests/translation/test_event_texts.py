"""Local events in the page's language: the demo's reviewed Dutch titles and descriptions on
`/nl/`, the note and `lang` where an event has no translation, stale Dutch after an English
edit, machine translation of events through a provider, and the admin listing them."""

import html
import re
from datetime import UTC, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.event_texts import event_text, shown_event_text
from turnout.campaigns.models import LocalEvent
from turnout.demo.loading import load_demo_data
from turnout.demo.translations import store_reviewed
from turnout.sharing import cards
from turnout.translation.models import TranslatedSegment, Translation
from turnout.translation.providers import NoProvider, configured_provider
from turnout.translation.run import translate_all
from turnout.translation.services import refresh_translation
from turnout.translation.sources import texts_of

pytestmark = pytest.mark.django_db
# Any text PostgreSQL stores (it refuses NUL; lone surrogates are not text).
STORABLE = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
NOTICE_IN_DUTCH = "Deze tekst is nog niet vertaald; hieronder staat de Engelse versie."


def page(client, event: LocalEvent, language: str) -> str:
    response = client.get(f"/{language}/events/{event.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def visible_text(markup: str) -> str:
    markup = re.sub(
        r"<script.*?</script>|<style.*?</style>|<title>.*?</title>", " ", markup, flags=re.S
    )
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", markup).split()))


def reviewed_dutch(event: LocalEvent, field: str, dutch: str) -> Translation:
    source = next(s for s in texts_of(event) if s.field == field)
    store_reviewed(source, dutch, reviewer=UserFactory(), provider=NoProvider())
    return Translation.objects.get(object_id=event.pk, field=field, language="nl")


def test_the_demo_events_are_dutch_on_dutch_pages(client):
    load_demo_data(today=timezone.localdate())
    amsterdam = LocalEvent.objects.get(campaign__slug="action-weekend", city="Amsterdam")
    london = LocalEvent.objects.get(campaign__slug="action-weekend", city="London")

    dutch = page(client, amsterdam, "nl")
    assert "<h1>Actieweekend: Amsterdam</h1>" in dutch
    assert "<title>Actieweekend: Amsterdam · " in dutch
    assert '<meta property="og:title" content="Actieweekend: Amsterdam">' in dutch
    assert "We verzamelen om één uur op het Museumplein." in visible_text(dutch)
    assert "nog niet vertaald" not in dutch and "We gather" not in dutch
    assert ">Internationaal actieweekend</a>" in dutch  # the campaign it belongs to
    assert "text=Actieweekend%3A+Amsterdam" in dutch  # add to Google Calendar
    assert "details=We+verzamelen+om" in dutch
    assert "<h1>Actieweekend: Londen</h1>" in page(client, london, "nl")

    english = page(client, amsterdam, "en")
    assert "<h1>Action weekend: Amsterdam</h1>" in english
    assert "We gather on Museumplein" in english and "Actieweekend" not in english

    index = visible_text(client.get("/nl/events/").content.decode())
    assert "Actieweekend: Londen" in index and "Action weekend" not in index
    assert cards.event_text(london, "nl").title == "Actieweekend: Londen"
    assert cards.event_text(london, "en").title == "Action weekend: London"
    may = LocalEvent.objects.get(campaign__slug="2024-may", city="Rome")
    assert event_text(may, "title", "nl") == "Demonstratie in Rome"


def test_an_untranslated_event_says_so_in_the_visitors_language_and_marks_its_english(client):
    event = LocalEventFactory(
        title="Vigil by the river",
        description="Bring a candle; we bring the rest.",
        meeting_point="By the old crane",
        accessibility_note="The quay is cobbled but level.",
    )
    dutch = page(client, event, "nl")
    assert NOTICE_IN_DUTCH in dutch
    assert '<h1 lang="en">Vigil by the river</h1>' in dutch
    assert re.search(
        r'<div class="prose" lang="en">\s*<p>Bring a candle; we bring the rest.', dutch
    )
    assert '<dd lang="en">By the old crane</dd>' in dutch
    assert '<p lang="en">The quay is cobbled but level.</p>' in dutch
    english = page(client, event, "en")
    assert "not translated yet" not in english and "<h1>Vigil by the river</h1>" in english
    assert ' lang="en"' not in english.split("<article>", 1)[1]

    reviewed_dutch(event, "title", "Wake bij de rivier")
    dutch = page(client, event, "nl")
    assert "<h1>Wake bij de rivier</h1>" in dutch
    assert NOTICE_IN_DUTCH in dutch  # the description still is English


def test_an_edited_english_title_keeps_the_reviewed_dutch_marked_stale(client):
    event = LocalEventFactory(title="Vigil by the river")
    translation = reviewed_dutch(event, "title", "Wake bij de rivier")
    assert translation.state == Translation.State.REVIEWED

    event.title = "Vigil by the river, moved to Sunday"
    event.save()
    translation.refresh_from_db()
    segment = translation.segments.get()
    assert translation.state == Translation.State.STALE
    assert segment.state == TranslatedSegment.State.STALE
    assert segment.previous_source_text == "Vigil by the river"
    # As a campaign's stale text: the reviewer's words stay on the page until reviewed again.
    assert "<h1>Wake bij de rivier</h1>" in page(client, event, "nl")
    assert "<h1>Vigil by the river, moved to Sunday</h1>" in page(client, event, "en")


def test_events_are_machine_translated_like_campaigns_and_private_places_never_sent(
    client, chat_server
):
    event = LocalEventFactory(
        title="Vigil by the river",
        description="Bring a candle.",
        meeting_point="By the old crane",
    )
    private = LocalEventFactory(
        title="Walk to the ministry",
        meeting_point="Behind the blue container",
        location_is_private=True,
    )
    report = translate_all(
        languages=["nl"], provider=configured_provider(), now=NOW, sleep=lambda s: None
    )
    assert report.translated >= 5 and report.flagged == 0
    sent = " ".join(str(request["messages"]) for request in chat_server.requests)
    assert "Vigil by the river" in sent and "Walk to the ministry" in sent
    assert "blue container" not in sent
    shown = shown_event_text(event, "meeting_point", "nl")
    assert (shown.text, shown.language) == ("[nl] By the old crane", "nl")
    dutch = page(client, event, "nl")
    assert "<h1>[nl] Vigil by the river</h1>" in dutch and NOTICE_IN_DUTCH not in dutch
    assert not Translation.objects.filter(object_id=private.pk, field="meeting_point").exists()

    # A meeting point made private after it was translated: its translation goes too.
    event.location_is_private = True
    event.save()
    fields = set(Translation.objects.filter(object_id=event.pk).values_list("field", flat=True))
    assert fields == {"title", "description"}


def test_an_event_page_asks_once_per_text_however_often_it_shows_it(client):
    event = LocalEventFactory(
        title="Vigil by the river", description="Bring a candle.", meeting_point="By the crane"
    )
    reviewed_dutch(event, "title", "Wake bij de rivier")
    with CaptureQueriesContext(connection) as captured:
        dutch = page(client, event, "nl")
    event_type = ContentType.objects.get_for_model(LocalEvent).pk
    asked = [
        q["sql"]
        for q in captured
        if 'FROM "translation_translation"' in q["sql"]
        and f'"content_type_id" = {event_type}' in q["sql"]
    ]
    assert len(asked) == 3  # title, description, meeting point: each once; no empty note
    assert dutch.count("Wake bij de rivier") >= 4  # heading, window title, tags, JSON-LD


def test_a_calendar_feed_in_dutch_has_the_dutch_titles(client):
    campaign = CampaignFactory(slug="wake")
    translated = LocalEventFactory(campaign=campaign, title="Vigil by the river")
    LocalEventFactory(campaign=campaign, title="Walk to the ministry", city="Utrecht")
    reviewed_dutch(translated, "title", "Wake bij de rivier")
    dutch = client.get("/feeds/campaigns/wake.ics?lang=nl").content.decode()
    assert "SUMMARY:Wake bij de rivier" in dutch and "SUMMARY:Walk to the ministry" in dutch
    english = client.get("/feeds/campaigns/wake.ics?lang=en").content.decode()
    assert "SUMMARY:Vigil by the river" in english and "Wake" not in english


def test_the_translation_admin_lists_events(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    event = LocalEventFactory(title="Vigil by the river", city="Utrecht")
    translation = reviewed_dutch(event, "title", "Wake bij de rivier")
    event_type = ContentType.objects.get_for_model(LocalEvent)
    listing = client.get(f"/admin/translation/translation/?content_type__id__exact={event_type.pk}")
    assert listing.status_code == 200
    assert "Vigil by the river (Utrecht) · title · nl" in html.unescape(listing.content.decode())
    review = client.get(f"/admin/translation/translation/{translation.pk}/change/")
    assert review.status_code == 200 and "Wake bij de rivier" in review.content.decode()


def test_a_list_of_events_looks_their_titles_up_in_one_query(client):
    campaign = CampaignFactory()

    def queries_for_index() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/nl/events/").status_code == 200
        return len(captured)

    LocalEventFactory.create_batch(2, campaign=campaign)
    queries_for_index()  # caches fill on the first request (site settings, content types)
    few = queries_for_index()
    for event in LocalEventFactory.create_batch(6, campaign=campaign, city="Utrecht"):
        reviewed_dutch(event, "title", f"Demonstratie {event.pk}")
    many = queries_for_index()
    assert many == few
    index = client.get("/nl/events/").content.decode()
    assert index.count("<div>Demonstratie ") == 6
    assert index.count('<span lang="en">Protest in Amsterdam</span>') == 2


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(STORABLE, min_size=1, max_size=200).filter(str.strip),
    description=st.text(STORABLE, max_size=400),
)
def test_no_title_or_description_breaks_the_event_page_or_its_translation(
    client, title, description
):
    event = LocalEventFactory(title=title, description=description)
    for source in texts_of(event):
        refresh_translation(source=source, language="nl", provider=NoProvider())
    event.title = f"{title} (2)"
    event.save()
    dutch = page(client, event, "nl")
    assert f">{escape(event.title)}</h1>" in dutch
    assert cards.event_text(event, "nl").title == event.title
