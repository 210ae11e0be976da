"""Submitting, reviewing and recording press coverage, with real rows."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.accounts.models import AuditEntry
from turnout.press import services
from turnout.press.models import PressMention

from .conftest import run_queued_tasks

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)


def test_a_link_alone_is_enough_and_the_rest_comes_from_the_page(
    press_server, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mention = services.submit_press_mention(
            url=f"{press_server.url}/story?utm_source=x#top",
            submitted_by=AnonymousUser(),
            now=NOW,
            campaign=campaign,
        )
    assert press_server.requests == []  # stored at once; the page is read by the worker
    assert (mention.title, mention.outlet) == ("", "127.0.0.1")
    assert run_queued_tasks() == 1
    mention.refresh_from_db()
    assert mention.url == f"{press_server.url}/story"
    assert mention.title == "Demonstranten willen een pauze in AI-ontwikkeling"
    assert mention.outlet == "De Dagkrant"
    assert mention.published_on == date(2024, 5, 13)
    assert mention.language == "nl"
    assert mention.state == PressMention.State.PENDING
    assert mention.submitted_by is None


def test_an_unreachable_page_still_records_the_link_with_its_host_as_outlet(
    settings, django_capture_on_commit_callbacks
):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = False
    with django_capture_on_commit_callbacks(execute=True):
        mention = services.submit_press_mention(
            url="http://127.0.0.1:9/story", submitted_by=None, now=NOW, campaign=CampaignFactory()
        )
    run_queued_tasks()
    mention.refresh_from_db()
    assert (mention.outlet, mention.title) == ("127.0.0.1", "")
    assert mention.display_title == "http://127.0.0.1:9/story"


def test_what_the_person_typed_wins_over_the_page(press_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mention = services.submit_press_mention(
            url=f"{press_server.url}/story",
            submitted_by=None,
            now=NOW,
            campaign=CampaignFactory(),
            outlet="NRC",
            kind=PressMention.Kind.RADIO,
        )
    run_queued_tasks()
    mention.refresh_from_db()
    assert mention.outlet == "NRC"
    assert mention.title == "Demonstranten willen een pauze in AI-ontwikkeling"
    assert mention.kind == PressMention.Kind.RADIO


def test_a_link_with_every_detail_given_queues_no_fetch(
    press_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_press_mention(
            url=f"{press_server.url}/story",
            submitted_by=None,
            now=NOW,
            campaign=CampaignFactory(),
            outlet="NRC",
            title="Mine",
            published_on=date(2024, 5, 1),
            language="en",
        )
    assert run_queued_tasks() == 0
    assert press_server.requests == []


def test_the_same_link_twice_for_one_campaign_is_refused_and_changes_nothing():
    campaign = CampaignFactory()
    event = LocalEventFactory(campaign=campaign)
    url = "https://news.example.org/a"
    services.submit_press_mention(
        url=url,
        submitted_by=None,
        now=NOW,
        campaign=campaign,
        title="A",
        outlet="N",
        fetch_metadata=False,
    )
    with pytest.raises(ValidationError, match="already been submitted"):
        services.submit_press_mention(
            url=url + "?utm_medium=social",
            submitted_by=None,
            now=NOW,
            event=event,
            fetch_metadata=False,
        )
    assert PressMention.objects.count() == 1


def test_an_event_mention_belongs_to_the_event_and_its_campaign():
    event = LocalEventFactory()
    mention = services.submit_press_mention(
        url="https://tv.example.org/x",
        submitted_by=None,
        now=NOW,
        event=event,
        fetch_metadata=False,
    )
    assert (mention.event, mention.campaign) == (event, event.campaign)


def test_a_link_that_is_not_web_is_refused():
    with pytest.raises(ValidationError):
        services.submit_press_mention(
            url="javascript:alert(1)",
            submitted_by=None,
            now=NOW,
            campaign=CampaignFactory(),
            fetch_metadata=False,
        )
    assert not PressMention.objects.exists()


def test_a_coordinators_own_link_is_published_at_once_and_audited():
    campaign = CampaignFactory()
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    mention = services.submit_press_mention(
        url="https://news.example.org/b",
        submitted_by=coordinator,
        now=NOW,
        campaign=campaign,
        fetch_metadata=False,
    )
    assert mention.state == PressMention.State.APPROVED
    assert mention.reviewed_by == coordinator
    assert AuditEntry.objects.filter(action="press.submit", actor=coordinator).exists()


def test_an_organizers_link_about_their_event_waits_for_a_coordinator():
    event = LocalEventFactory()
    organizer = UserFactory()
    event.organizers.add(organizer)
    mention = services.submit_press_mention(
        url="https://news.example.org/c",
        submitted_by=organizer,
        now=NOW,
        event=event,
        fetch_metadata=False,
    )
    assert mention.state == PressMention.State.PENDING
    with pytest.raises(PermissionDenied):
        services.review_press_mention(mention=mention, actor=organizer, approve=True, now=NOW)


def test_a_coordinator_corrects_and_publishes_a_pending_link():
    event = LocalEventFactory()
    coordinator = UserFactory()
    event.campaign.coordinators.add(coordinator)
    mention = services.submit_press_mention(
        url="https://news.example.org/d",
        submitted_by=None,
        now=NOW,
        event=event,
        fetch_metadata=False,
    )
    services.review_press_mention(
        mention=mention,
        actor=coordinator,
        approve=True,
        now=NOW,
        changes={"title": "Corrected", "language": "de"},
    )
    mention.refresh_from_db()
    assert (mention.state, mention.title, mention.language) == ("approved", "Corrected", "de")
    assert (mention.reviewed_by, mention.reviewed_at) == (coordinator, NOW)
    assert AuditEntry.objects.filter(action="press.approve", target_id=str(mention.pk)).exists()


def test_a_coordinator_of_another_campaign_cannot_review():
    mention = services.submit_press_mention(
        url="https://news.example.org/e",
        submitted_by=None,
        now=NOW,
        campaign=CampaignFactory(),
        fetch_metadata=False,
    )
    stranger = UserFactory()
    CampaignFactory().coordinators.add(stranger)
    with pytest.raises(PermissionDenied):
        services.review_press_mention(mention=mention, actor=stranger, approve=False, now=NOW)
    mention.refresh_from_db()
    assert mention.state == PressMention.State.PENDING


def test_an_unknown_language_code_is_refused_at_review():
    campaign = CampaignFactory()
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    mention = services.submit_press_mention(
        url="https://news.example.org/f",
        submitted_by=None,
        now=NOW,
        campaign=campaign,
        fetch_metadata=False,
    )
    with pytest.raises(ValidationError):
        services.review_press_mention(
            mention=mention,
            actor=coordinator,
            approve=True,
            now=NOW,
            changes={"language": "xx"},
        )
    mention.refresh_from_db()
    assert mention.state == PressMention.State.PENDING


def test_recording_known_coverage_twice_updates_and_never_duplicates():
    campaign = CampaignFactory()
    for title in ("First", "Second"):
        services.record_known_mention(
            url="https://time.com/6977680/ai-protests-international/",
            outlet="Time",
            title=title,
            campaign=campaign,
        )
    mention = PressMention.objects.get()
    assert (mention.title, mention.state) == ("Second", PressMention.State.APPROVED)
