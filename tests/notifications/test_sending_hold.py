"""A delivery run on SQLite sends nothing while each look finds new letters, for at most
HOLD_SECONDS (notifications/sending_hold.py); on PostgreSQL it never holds."""

import pytest

from turnout.notifications import sending_hold
from turnout.notifications.sending_hold import HOLD_SECONDS, SendingHold


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(sending_hold.time, "monotonic", clock)
    return clock


def hold_on(vendor: str, monkeypatch) -> SendingHold:
    monkeypatch.setattr(sending_hold.connection, "vendor", vendor)
    return SendingHold()


def test_sqlite_holds_while_letters_keep_coming_and_for_no_longer_than_the_limit(
    clock, monkeypatch
):
    hold = hold_on("sqlite", monkeypatch)
    assert not hold.holding()  # nothing looked at yet
    hold.letters_written(12)
    assert hold.holding()
    clock.now += HOLD_SECONDS / 2
    hold.letters_written(30)
    assert hold.holding()
    clock.now += HOLD_SECONDS / 2
    hold.letters_written(25)  # a sustained surge: its emails are sent all the same
    assert not hold.holding()
    hold.letters_written(0)  # the surge paused
    assert not hold.holding()
    hold.letters_written(3)  # a new one holds anew
    assert hold.holding()


def test_a_look_that_finds_no_letter_ends_the_hold(clock, monkeypatch):
    hold = hold_on("sqlite", monkeypatch)
    hold.letters_written(5)
    hold.letters_written(0)
    assert not hold.holding()


def test_postgresql_never_holds(clock, monkeypatch):
    hold = hold_on("postgresql", monkeypatch)
    hold.letters_written(200)
    assert not hold.holding()
