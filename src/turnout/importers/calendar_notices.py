"""What a calendar's reader tells of its entries, in words: an entry skipped and why, and what
was guessed in reading one, each once per series with how often; and why a feed cut off is
refused."""

from django.utils.translation import gettext as _

from .calendar_entries import CalendarEntry
from .calendar_scales import other_scale_rules
from .records import Notice
from .recurrence import impossible_rules


def series_label(component, number: int) -> str:
    """How a warning names an entry: its title, else its UID, else its number in the file."""
    return (_first(component.get("SUMMARY")) or _first(component.get("UID")) or str(number))[:80]


def _first(value) -> str:
    """A property's text; of one given twice (a line repeated), the first."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "")


def skipped(source: str, number: int, label: str, problem: str) -> Notice:
    """An entry (or series) left out, and why."""
    return Notice(
        source,
        None,
        _("event %(number)s (“%(label)s”) skipped: %(error)s")
        % {"number": number, "label": label, "error": problem},
    )


def rule_notes(source: str, number: int, label: str, components: list) -> list[Notice]:
    """A series' rules read no further than its first date: counted in another calendar than
    the Gregorian, or never happening as written."""
    counts_elsewhere = _(
        "event %(number)s (“%(label)s”): its repeat rule “%(rule)s” counts in the %(scale)s"
        " calendar, which is not read; only its first date is imported"
    )
    never = _(
        "event %(number)s (“%(label)s”): its repeat rule “%(rule)s” never happens; only its"
        " first date is imported"
    )
    named = {"number": number, "label": label}
    return [
        *(
            Notice(source, None, counts_elsewhere % {**named, "rule": rule, "scale": scale[:20]})
            for rule, scale in other_scale_rules(components)
        ),
        *(
            Notice(source, None, never % {**named, "rule": rule})
            for rule in impossible_rules(components)
        ),
    ]


def counted(problem: str, count: int) -> str:
    """A problem met in several occurrences of a series, told once with how often."""
    if count < 2:
        return problem
    return _("%(problem)s (%(count)s occurrences)") % {"problem": problem, "count": count}


def series_notes(
    source: str, number: int, label: str, entries: list[CalendarEntry]
) -> list[Notice]:
    """What was guessed in reading a series' entries, each once with how often."""
    notes: dict[str, int] = {}
    for entry in entries:
        for note in entry.notes:
            notes[note] = notes.get(note, 0) + 1
    return [
        Notice(
            source,
            None,
            _("event %(number)s (“%(label)s”): %(note)s")
            % {"number": number, "label": label, "note": counted(note, count)},
        )
        for note, count in notes.items()
    ]


def cut_off_feed() -> str:
    """Why a feed that stops before its END:VCALENDAR is refused, in words."""
    return _(
        "this is not an iCalendar feed as a whole: it stops before its end (END:VCALENDAR),"
        " as a download broken off does; nothing was changed"
    )


# Components a calendar program exports beside events; none of them is an event to import.
_NO_EVENTS = ("VTODO", "VJOURNAL", "VFREEBUSY", "VALARM", "VAVAILABILITY")


def no_events(source: str, calendar) -> list[Notice]:
    """Why a calendar of to-dos, journal entries or free/busy times alone gives no events."""
    names = {c.name for c in calendar.subcomponents}
    if "VEVENT" in names or not names & set(_NO_EVENTS):
        return []
    return [
        Notice(
            source,
            None,
            _(
                "the calendar holds no events, only to-dos, journal entries, free/busy times"
                " or reminders: nothing was imported from it"
            ),
        )
    ]
