"""A feed is synced by one worker at a time: every worker runs the timetable, so two may take
the same due feed. A sync claims its feed with one UPDATE; a feed claimed by a sync under way
is left to it (and nothing is fetched), a claim run out (its worker died) is taken over, and
every sync lets go of its claim, also one that failed. Concurrent syncs and the batches an
import is written in are in test_races_feed_sync.py (PostgreSQL)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from turnout.campaigns.models import LocalEvent
from turnout.importers import calendar_feeds, calendar_writing
from turnout.importers.calendar_feeds import SYNC_CLAIM, register_feed, sync_feed
from turnout.importers.models import CalendarFeed

from .calendar_builders import calendar, vevent
from .test_calendars_twelfth import NOW

pytestmark = pytest.mark.django_db

LEFT = "feeds left to the worker already syncing them"


def actions(count: int) -> bytes:
    return calendar(*(
        vevent(f"action{number}@x", f"SUMMARY:Actie {number}", "DURATION:PT2H",
               "LOCATION:Neude\\, Utrecht\\, Nederland",
               f"DTSTART;TZID=Europe/Amsterdam:203003{10 + number % 15:02d}T14{number % 60:02d}00")
        for number in range(count)
    ))  # fmt: skip


def test_a_feed_another_sync_has_claimed_is_left_to_it_and_not_fetched():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    CalendarFeed.objects.filter(pk=feed.pk).update(syncing_until=NOW + timedelta(minutes=5))
    fetched = []
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: fetched.append(url) or actions(1))
    assert (dict(summary.counts), summary.warnings, fetched) == ({LEFT: 1}, [], [])
    assert not LocalEvent.objects.exists()
    feed.refresh_from_db()
    assert feed.last_synced_at is None  # still due: the other sync says when it is done
    assert feed.syncing_until == NOW + timedelta(minutes=5)  # its claim, left alone


def test_a_claim_run_out_is_taken_over_and_every_sync_lets_go_of_its_own():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    died = NOW - SYNC_CLAIM  # a worker killed half an hour ago
    CalendarFeed.objects.filter(pk=feed.pk).update(syncing_until=died + SYNC_CLAIM)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(3))
    assert summary.counts["events created"] == 3
    assert CalendarFeed.objects.get().syncing_until is None


def test_a_sync_that_fails_lets_go_of_its_claim_too():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)

    def broken(url):
        raise RuntimeError("a bug, not a feed that cannot be had")

    with pytest.raises(RuntimeError):
        sync_feed(feed=feed, now=NOW, fetch=broken)
    assert CalendarFeed.objects.get().syncing_until is None
    refused = sync_feed(feed=feed, now=NOW, fetch=lambda url: b"not a calendar")
    assert refused.warnings and CalendarFeed.objects.get().syncing_until is None
    assert sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(1)).counts["events created"]


def test_a_feed_written_in_several_batches_is_imported_whole_and_calls_off_only_once_written(
    monkeypatch,
):
    monkeypatch.setattr(calendar_feeds, "ENTRIES_PER_TRANSACTION", 4)
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    assert sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(10)).counts == {
        "events created": 10
    }
    # The feed drops its last three: they are called off, the seven kept, nothing doubled.
    again = sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(7))
    assert again.counts == {"events unchanged": 7, "events cancelled": 3}
    statuses = LocalEvent.objects.values_list("status", flat=True)
    assert sorted(statuses).count(LocalEvent.Status.CANCELLED) == 3
    assert statuses.count() == 10


def test_an_entry_refused_in_a_batch_costs_only_itself(monkeypatch):
    monkeypatch.setattr(calendar_feeds, "ENTRIES_PER_TRANSACTION", 3)
    save = calendar_writing.save_imported_event

    def refusing_one(**kwargs):
        if kwargs["title"] == "Actie 4":  # in the middle of the second batch
            raise ValidationError("Give the city and country, or make the event online.")
        return save(**kwargs)

    monkeypatch.setattr(calendar_writing, "save_imported_event", refusing_one)
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(6))
    assert summary.counts == {"events created": 5}
    assert [notice.message for notice in summary.warnings] == [
        "event “Actie 4” skipped: Give the city and country, or make the event online."
    ]
    titles = LocalEvent.objects.values_list("title", flat=True)
    assert sorted(titles) == ["Actie 0", "Actie 1", "Actie 2", "Actie 3", "Actie 5"]


def test_a_sync_whose_claim_ran_out_leaves_the_next_syncs_claim_alone():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    later = NOW + SYNC_CLAIM + timedelta(minutes=1)

    def slow(url):  # this sync's claim runs out, and another worker claims the feed
        CalendarFeed.objects.filter(pk=feed.pk).update(syncing_until=later + SYNC_CLAIM)
        return actions(1)

    sync_feed(feed=feed, now=NOW, fetch=slow)
    assert CalendarFeed.objects.get().syncing_until == later + SYNC_CLAIM
