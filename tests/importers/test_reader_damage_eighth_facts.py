"""An eighth model that damages its reading of a page (`reader8_damage`): the facts of its
events. A clock converted to UTC or written on a 12-hour face without am or pm ("2:00" for the
page's 14:00, "02:00" kept a morning), a signup link invented on the page's own domain, the day
the page was published, and a day as seconds since 1970, a spreadsheet's serial or in the
Buddhist era. For each: what survives the check against the page, and that nothing the page does
not give is imported.
"""

import pytest

from .reader3_pages import events, warnings
from .reader8_damage import (
    CS,
    HONEST,
    HU,
    ID,
    NAMES,
    PAGES,
    SW,
    TH,
    VI,
    epoch_seconds,
    excel_serial,
    in_utc,
    invented_link,
    kept,
    on_a_12_hour_face,
    read,
)
from .reader_server import answer

BUDAPEST = "hu-budapest-tuntetes.md"
CLUJ = "ro-cluj-protest.md"
CHIANG_MAI = "th-chiangmai-chumnum.md"
HANOI = "vi-hanoi-tuan-hanh.md"
NAIROBI = "sw-nairobi-maandamano.md"
BANDUNG = "id-bandung-aksi.md"
OSTRAVA = "cs-ostrava-shromazdeni.md"
CAIRO = "ar-cairo-waqfa.md"
NO_TIME = (
    "no start time is given for the event in %s; it is imported as “details to be announced”, "
    "with no time invented"
)


# --- clocks in another zone or on another face ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "given"), [(OSTRAVA, CS), (BANDUNG, ID), (BUDAPEST, HU), (CHIANG_MAI, TH)]
)
@pytest.mark.parametrize("written", ["{}", "{}Z", "{} UTC", "2027-01-01T{}:00Z"])
def test_a_clock_converted_to_utc_is_left_out_and_no_time_invented(name, given, written):
    utc = in_utc(given["start"], name[:2])
    plan = read(name, answer({**given, "start": written.format(utc), "end": None}))
    city = HONEST[name][1]
    assert events(plan) == kept(name, starts=None, ends=None)
    assert warnings(plan) == [
        f"the model's time {utc} is not written on the page; left out",
        NO_TIME % city,
    ]


@pytest.mark.parametrize("name", [BUDAPEST, CLUJ, NAIROBI, OSTRAVA, CHIANG_MAI])
def test_an_afternoon_clock_without_am_or_pm_is_the_pages_and_said(name):
    given = HONEST[name][0]
    faced = {k: on_a_12_hour_face(given[k]) for k in ("start", "end") if given.get(k)}
    plan = read(name, answer({**given, **faced}))
    assert events(plan) == kept(name)
    assert warnings(plan) == [
        f"the model's time {faced[k]} has no am or pm; the page writes {given[k]}, and it was "
        "read so"
        for k in faced
    ]


def test_a_morning_clock_the_page_writes_is_kept_as_it_is():
    plan = read(HANOI, answer({**VI, "start": "8:30"}))
    assert (events(plan), warnings(plan)) == (kept(HANOI), [])


def test_a_bare_clock_whose_afternoon_the_page_does_not_write_is_left_out():
    plan = read(NAIROBI, answer({**SW, "start": "3:00"}))
    assert events(plan) == kept(NAIROBI, starts=None)
    assert warnings(plan) == [
        "the model's time 03:00 is not written on the page; left out",
        NO_TIME % "Nairobi",
    ]


# --- links and days the page does not give ---------------------------------------------------


@pytest.mark.parametrize("name", [BUDAPEST, CLUJ, NAIROBI, BANDUNG, OSTRAVA, CAIRO, CHIANG_MAI])
def test_a_signup_link_invented_on_the_pages_domain_is_refused_for_the_pages_own(name):
    link = HONEST[name][0]["signup_url"]
    plan = read(name, answer({**HONEST[name][0], "signup_url": invented_link(link)}))
    assert events(plan) == kept(name)
    assert warnings(plan) == [
        f"the model's link “{invented_link(link)}” is not on the page; left out"
    ]


def test_a_vietnamese_pages_signup_link_replaces_an_invented_one():
    plan = read(HANOI, answer({**VI, "signup_url": invented_link(VI["signup_url"])}))
    assert events(plan) == kept(HANOI)


def test_an_invented_link_on_the_vietnamese_page_is_never_imported():
    plan = read(HANOI, answer({**VI, "signup_url": invented_link(VI["signup_url"])}))
    assert events(plan) in (kept(HANOI), kept(HANOI, signup_url=""))


@pytest.mark.parametrize("name", NAMES)
def test_the_day_the_page_was_published_is_no_event(name):
    posted = PAGES[name].split("date: ", 1)[1][:10]
    plan = read(name, answer({**HONEST[name][0], "date": posted}))
    assert events(plan) == []
    assert warnings(plan) == [
        f"the page writes {posted} only as the day it was posted or updated; the model's event "
        "on that day is left out"
    ]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("count", ["epoch seconds", "epoch seconds as text", "excel serial"])
def test_a_day_given_as_a_count_is_no_day_and_imports_nothing(name, count):
    """Seconds since 1970 name a day only in a zone the model does not say, and a spreadsheet's
    serial is a number like any other: neither is guessed into the page's day."""
    given = HONEST[name][0]
    number = (excel_serial(given["date"]) if count == "excel serial"
              else epoch_seconds(given["date"], given["start"]))  # fmt: skip
    written = str(number) if count == "epoch seconds as text" else number
    plan = read(name, answer({**given, "date": written}))
    assert events(plan) == []
    assert warnings(plan) == [f"the model's date “{number}” is not a date; left out"]


def test_a_day_in_the_buddhist_era_the_page_does_not_write_is_left_out():
    plan = read(CHIANG_MAI, answer({**TH, "date": "2570-10-02"}))
    assert events(plan) == []
    assert warnings(plan) == ["the model's date 2570-10-02 is not written on the page; left out"]


def test_a_morning_clock_written_with_two_figures_is_not_read_as_the_afternoon():
    plan = read(NAIROBI, answer({**SW, "start": "02:00"}))
    assert events(plan) == kept(NAIROBI, starts=None)
    assert warnings(plan)[0] == "the model's time 02:00 is not written on the page; left out"
