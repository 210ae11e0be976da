"""Whether a calendar entry is for the public, and how firmly it is planned: entries marked
private (CLASS, Apple's own property) and a team calendar's entries about one person (their
leave, travel or birthday, Exchange's "out of office"), public holidays that Google merged in
from its calendars of holidays, and entries whose texts are encrypted (an end-to-end encrypted
calendar's export, a PGP message in place of the title) are not published; an entry marked
tentative is published with its details to be announced."""

import re
from datetime import date, datetime

from django.utils.translation import gettext as _

from .calendar_properties import EntryNotPublic, entry_text

# Confluence Team Calendars keeps people's absences and birthdays in calendars of these types,
# exported with the team's events: about a person, not an event anyone is invited to.
_PEOPLE_CALENDARS = {"leaves", "travel", "birthdays"}
# Exchange and Outlook mark a person's absence as "out of office" (OOF) or "working elsewhere":
# published with a shared calendar's events, it is the same as a Confluence leave.
_ABSENCES = {"OOF", "WORKINGELSEWHERE"}
# What an encrypted text begins with (OpenPGP's armor, age's): written for its owner alone.
_ENCRYPTED = ("-----BEGIN PGP MESSAGE-----", "-----BEGIN AGE ENCRYPTED FILE-----")
# Google's calendars of holidays ("Holidays in the Netherlands") give each whole day a UID of
# its date and a code: an exported calendar that shows one carries its days along.
_GOOGLE_HOLIDAY_UID = re.compile(r"\d{8}_[0-9a-z]{20,32}@google\.com", re.I)


def refuse_private_entry(component) -> None:
    """Raise `EntryNotPublic`, saying why, for an entry that is not for the public."""
    # Apple's calendar server marks a private entry in a property of its own.
    privacy = (
        entry_text(component, "CLASS") or entry_text(component, "X-CALENDARSERVER-ACCESS")
    ).upper()
    if privacy in ("PRIVATE", "CONFIDENTIAL"):
        # A calendar's secret address exports private entries too: they are not for the public.
        raise EntryNotPublic(_("it is marked private (CLASS:%(class)s)") % {"class": privacy})
    if any(
        entry_text(component, n).lstrip().startswith(_ENCRYPTED) for n in ("SUMMARY", "LOCATION")
    ):
        raise EntryNotPublic(_("its title or place is encrypted: only its owner can read it"))
    kind = entry_text(component, "X-CONFLUENCE-SUBCALENDAR-TYPE").lower()
    if kind in _PEOPLE_CALENDARS:
        raise EntryNotPublic(
            _("it is a person's leave, travel or birthday in a team calendar (%(kind)s)")
            % {"kind": kind}
        )
    if _GOOGLE_HOLIDAY_UID.fullmatch(entry_text(component, "UID").strip()) and _is_whole_day(
        component
    ):
        raise EntryNotPublic(_("it is a public holiday from Google's calendars of holidays"))
    status = entry_text(component, "X-MICROSOFT-CDO-BUSYSTATUS").upper()
    if status in _ABSENCES:
        raise EntryNotPublic(
            _("it is a person's absence (X-MICROSOFT-CDO-BUSYSTATUS:%(status)s)")
            % {"status": status}
        )


def _is_whole_day(component) -> bool:
    start = getattr(component.get("DTSTART"), "dt", None)
    return isinstance(start, date) and not isinstance(start, datetime)


def is_tentative(component) -> bool:
    """Whether the entry is planned but not confirmed (STATUS:TENTATIVE): imported, since its
    calendar publishes it, with its details to be announced rather than as settled."""
    return entry_text(component, "STATUS").upper() == "TENTATIVE"


def tentative_note() -> str:
    return _(
        "it is marked tentative (STATUS:TENTATIVE); it was imported with its details to be"
        " announced"
    )
