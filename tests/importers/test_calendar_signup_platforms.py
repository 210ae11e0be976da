"""An entry that gives its signup page only in its description: a page on an organizing or
ticketing platform, or a signup form, is the event's signup link; a page about the movement
is not."""

from datetime import UTC, datetime

import pytest

from turnout.importers.calendar_feeds import read_calendar

from .calendar_builders import calendar, vevent

NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("description", "signup_url"),
    [
        ("Meld je aan: https://actionnetwork.org/events/klimaatmars-utrecht",
         "https://actionnetwork.org/events/klimaatmars-utrecht"),
        ("RSVP here → https://www.mobilize.us/sunrise/event/612345/ – see you there!",
         "https://www.mobilize.us/sunrise/event/612345/"),
        ("Anmeldung über https://pretix.eu/klimaat/mars2030/.",
         "https://pretix.eu/klimaat/mars2030/"),
        ("Billets : https://www.tickettailor.com/events/xr/1234567",
         "https://www.tickettailor.com/events/xr/1234567"),
        ("Zapisy: https://forms.gle/QxVz8kT3mN2pR7sA9 (do piątku)",
         "https://forms.gle/QxVz8kT3mN2pR7sA9"),
        ("Kayıt: https://docs.google.com/forms/d/e/1FAIpQLSf-x/viewform",
         "https://docs.google.com/forms/d/e/1FAIpQLSf-x/viewform"),
        ("Iscriviti su https://tally.so/r/wM9xYz!", "https://tally.so/r/wM9xYz"),
        ("Lees meer op https://klimaatmars.example.nl/over-ons", ""),
        ("Notes: https://docs.google.com/document/d/1abc/edit", ""),
    ],
)  # fmt: skip
def test_a_signup_page_named_in_the_description_is_the_signup_link(description, signup_url):
    data = calendar(
        vevent("mars@kalender.example", "SUMMARY:Klimaatmars", "DTSTART:20300413T120000Z",
               "DTEND:20300413T140000Z", f"DESCRIPTION:{description}")
    )  # fmt: skip
    (entry,) = read_calendar(data, source="k", now=NOW).entries
    assert entry.url == signup_url


def test_a_nextcloud_talk_room_on_a_page_is_the_online_event_s_call():
    """Recognized in calendars already (Nextcloud writes it as LOCATION); a page that links
    its group's own Talk room for the online part is read alike: the call, no signup page."""
    from .page_reading import events_of

    page = """\
---
title: Dag van de rivieren – 12 juni 2027
date: 2027-05-12
---

- **Gent** — Graslei, 10:00–13:00 — [inschrijven](https://forms.gle/RiviersGent)
- **Online** — gesprek om 19:00 via [Talk](https://wolk.voorbeeld.be/call/x7k2m9qa)
"""
    online = [e for e in events_of(page) if e.is_online]
    assert [(e.meeting_url, e.signup_url) for e in online] == [
        ("https://wolk.voorbeeld.be/call/x7k2m9qa", "")
    ]
