"""A submitted link's details are read off the request path, within an overall deadline.

The attack of issue 15: a page that sends one byte a second held a web request for a minute,
and eight of them stopped the site. Now the submission answers at once, the worker reads the
page later and gives up when PRESS_METADATA_TIMEOUT is spent, and signed-in people are limited
too.
"""

import time
from datetime import UTC, date, datetime

import pytest
from django_tasks_db.models import DBTaskResult

from tests.factories import CampaignFactory, UserFactory
from turnout.press import services
from turnout.press.metadata import fetch_page_metadata
from turnout.press.models import PressMention

from .conftest import run_queued_tasks

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)
MARGIN = 1.0  # scheduling slack on a loaded machine; the pages alone take minutes
EVERY_FIELD = ["outlet", "title", "published_on", "language"]


@pytest.mark.parametrize("path", ["/trickle", "/trickle-head"], ids=["body", "head"])
def test_a_page_sent_a_byte_at_a_time_is_abandoned_at_the_deadline(press_server, path):
    started = time.monotonic()
    metadata = fetch_page_metadata(f"{press_server.url}{path}", timeout=0.6)
    elapsed = time.monotonic() - started
    assert metadata.title == ""
    assert 0.5 <= elapsed < 0.6 + MARGIN


def test_one_byte_a_second_ends_at_press_metadata_timeout(press_server, settings):
    settings.PRESS_METADATA_TIMEOUT = 2  # per read as well: a byte a second never trips that
    started = time.monotonic()
    assert fetch_page_metadata(f"{press_server.url}/trickle?every=1").title == ""
    assert time.monotonic() - started < 2 + MARGIN


def test_the_form_answers_at_once_although_the_page_trickles(
    client, press_server, settings, django_capture_on_commit_callbacks
):
    settings.PRESS_METADATA_TIMEOUT = 10
    CampaignFactory(slug="may")
    assert client.get("/en/press/submit/campaign/may/").status_code == 200  # as a person does
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/press/submit/campaign/may/",
            {"url": f"{press_server.url}/trickle?every=1", "kind": "article"},
        )
    assert time.monotonic() - started < 2.0  # well under the 10 s a fetch may take
    assert press_server.requests == []
    text = client.get(response.url).content.decode()
    assert "A coordinator will review the link" in text
    assert "read from the page in a moment" in text
    mention = PressMention.objects.get()
    assert (mention.title, mention.outlet) == ("", "127.0.0.1")
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "turnout.press.tasks.fill_details_from_page"
    assert queued.priority < 0  # behind email delivery


def test_the_worker_fills_the_details_from_a_normal_page(
    client, press_server, django_capture_on_commit_callbacks
):
    CampaignFactory(slug="may")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nl/press/submit/campaign/may/",
            {"url": f"{press_server.url}/story", "kind": "article", "outlet": "NRC"},
            follow=True,
        )
    assert "lezen we zo meteen van de pagina" in response.content.decode()
    assert press_server.requests == []
    assert run_queued_tasks() == 1
    mention = PressMention.objects.get()
    assert (mention.title, mention.outlet, mention.published_on, mention.language) == (
        "Demonstranten willen een pauze in AI-ontwikkeling",
        "NRC",  # typed by the person: the page's "De Dagkrant" does not replace it
        date(2024, 5, 13),
        "nl",
    )


def submitted(url: str) -> PressMention:
    return services.submit_press_mention(
        url=url, submitted_by=None, now=NOW, campaign=CampaignFactory(), fetch_metadata=False
    )


def test_a_reviewers_correction_made_before_the_page_is_read_is_kept(press_server):
    mention = submitted(f"{press_server.url}/story")
    coordinator = UserFactory()
    mention.campaign.coordinators.add(coordinator)
    services.review_press_mention(
        mention=mention,
        actor=coordinator,
        approve=True,
        now=NOW,
        changes={"title": "Corrected by a coordinator", "outlet": "", "language": ""},
    )
    services.fill_details_from_page(mention_id=mention.pk, fields=EVERY_FIELD)
    mention.refresh_from_db()
    assert mention.title == "Corrected by a coordinator"
    assert (mention.outlet, mention.language) == ("De Dagkrant", "nl")  # left empty: filled
    assert mention.state == PressMention.State.APPROVED


def test_reading_the_page_twice_changes_nothing_the_second_time(press_server):
    mention = submitted(f"{press_server.url}/story")
    services.fill_details_from_page(mention_id=mention.pk, fields=EVERY_FIELD)
    first = PressMention.objects.values().get(pk=mention.pk)
    services.fill_details_from_page(mention_id=mention.pk, fields=EVERY_FIELD)
    assert PressMention.objects.values().get(pk=mention.pk) == first
    assert press_server.requests == ["/story"]  # nothing left to read: no second fetch


def test_a_hostile_page_gives_one_line_details_and_nothing_invalid(press_server):
    mention = submitted(f"{press_server.url}/hostile")
    services.fill_details_from_page(mention_id=mention.pk, fields=EVERY_FIELD)
    mention.refresh_from_db()
    assert mention.title == "Line one Bcc: everyone@example.org end"
    assert mention.outlet == "Het Blad"
    assert (mention.language, mention.published_on) == ("", None)  # "zz", "gisteren"
    mention.full_clean()


def test_a_link_removed_before_its_page_is_read_is_no_error(press_server):
    mention = submitted(f"{press_server.url}/story")
    PressMention.objects.filter(pk=mention.pk).delete()
    assert services.fill_details_from_page(mention_id=mention.pk, fields=EVERY_FIELD) is None
    assert press_server.requests == []


def post_link(client, n: int):
    return client.post(
        "/en/press/submit/campaign/may/",
        {"url": f"https://news.example.org/{n}", "kind": "article", "title": "t", "outlet": "o"},
    )


def test_a_signed_in_person_is_limited_too_at_a_higher_rate(client, settings):
    settings.PRESS_SUBMISSIONS_PER_HOUR = 1
    settings.PRESS_SUBMISSIONS_PER_HOUR_SIGNED_IN = 3
    CampaignFactory(slug="may")
    client.force_login(UserFactory())
    assert [post_link(client, n).status_code for n in range(4)] == [302, 302, 302, 429]
    assert "try again in an hour" in post_link(client, 5).content.decode()
    assert PressMention.objects.count() == 3


def test_the_limit_of_one_account_is_not_shared_with_another_or_with_strangers(client, settings):
    settings.PRESS_SUBMISSIONS_PER_HOUR = 1
    settings.PRESS_SUBMISSIONS_PER_HOUR_SIGNED_IN = 1
    CampaignFactory(slug="may")
    client.force_login(UserFactory())
    assert [post_link(client, n).status_code for n in range(2)] == [302, 429]
    client.force_login(UserFactory())  # same address, another account
    assert post_link(client, 10).status_code == 302
    client.logout()
    assert post_link(client, 20).status_code == 302  # the address has its own count
