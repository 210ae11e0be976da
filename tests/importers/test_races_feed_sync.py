"""Feed syncs beside other writers, on PostgreSQL (SQLite runs writers one at a time).

- Two workers syncing the same new feed at once (each runs the timetable, so both may take
  it when it falls due) import each of its events once: one sync claims the feed, the other
  leaves it.
- An import is written in batches: while a big feed is being written, the events of a batch
  already written can be locked by others (a confirmation takes its event's row lock), rather
  than waiting for the whole feed.
"""

import threading
from collections import Counter

import psycopg
from django.db import connection

from tests.concurrency import ON_POSTGRESQL, all_at_once
from turnout.campaigns.models import LocalEvent
from turnout.importers import calendar_feeds, calendar_writing
from turnout.importers.calendar_feeds import register_feed, sync_feed

from .test_calendars_twelfth import NOW
from .test_feed_sync_claims import LEFT, actions

pytestmark = ON_POSTGRESQL


def test_two_workers_syncing_one_new_feed_at_once_import_each_event_once():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    data = actions(30)
    summaries = []

    def syncing():
        summaries.append(sync_feed(feed=feed, now=NOW, fetch=lambda url: data))

    assert all_at_once([syncing] * 4) == []
    uids = Counter(LocalEvent.objects.values_list("import_source__uid", flat=True))
    assert len(uids) == 30 and set(uids.values()) == {1}
    created = sum(summary.counts["events created"] for summary in summaries)
    left = sum(summary.counts[LEFT] for summary in summaries)
    assert created == 30 and left <= 3  # a sync that came after the first was done syncs again


def test_the_events_of_a_batch_written_are_free_while_the_rest_of_the_feed_is_written(
    monkeypatch,
):
    monkeypatch.setattr(calendar_feeds, "ENTRIES_PER_TRANSACTION", 5)
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    write = calendar_writing.write_entry
    locked_from_outside: list[str] = []
    dsn = connection.settings_dict

    def lock_first_event() -> None:  # another connection, as a confirmation would
        with psycopg.connect(
            host=dsn["HOST"], port=dsn["PORT"] or 5432, user=dsn["USER"], dbname=dsn["NAME"]
        ) as other:
            other.execute("SET lock_timeout = '2s'")
            row = other.execute(
                "SELECT e.id FROM campaigns_localevent e JOIN importers_importedevent i"
                " ON i.event_id = e.id WHERE i.uid = 'action0@x' FOR UPDATE"
            ).fetchone()
            locked_from_outside.append("locked" if row else "not written yet")

    def writing(entry, **kwargs):
        if entry.uid == "action7@x":  # in the second batch: the first is committed
            thread = threading.Thread(target=lock_first_event)
            thread.start()
            thread.join(timeout=10)
        return write(entry, **kwargs)

    monkeypatch.setattr(calendar_feeds, "write_entry", writing)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: actions(12))
    assert summary.counts["events created"] == 12
    assert locked_from_outside == ["locked"]
