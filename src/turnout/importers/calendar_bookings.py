"""What booking programs (Calendly, Cal.com, Google's appointment schedules) add to the
description of the event they book: the links with which whoever holds them cancels or moves
the booking, who booked it, and Calendly's own lines around the organizer's words ("Event
Name: …", "Location: This is a Zoom web conference.", "Powered by Calendly.com"), which say
nothing the event does not."""

import re

# A few words before a colon and nothing after: a label, not a sentence.
CALL_LABEL = re.compile(r"[^.!?。\n]{0,60}[:：]")
# Such a label after a sentence, its link taken out: "Online meeting. Link:".
TRAILING_CALL_LABEL = re.compile(r"(?<=[.!?。！？])[ \t]*[^.!?。！？\n:：]{1,30}[:：][ \t]*$")
# Links with which whoever holds them cancels or moves one person's booking (Calendly, Cal.com).
_BOOKING_LINK = re.compile(
    r"https?://(?:[\w-]+\.)*(?:calendly\.com/(?:cancellations|reschedulings)|"
    r"cal\.com/(?:booking|reschedule)|calendar\.google\.com/calendar/appointments)"
    r"/[^\s<>\"')\]]+",
    re.I,
)
# Calendly's lines: the event type's name (the entry's title already), where the call is
# (its link is the entry's meeting link), and its signature.
_CALENDLY_LINES = re.compile(
    r"^[ \t]*(?:event name[ \t]*:.*|location[ \t]*:[ \t]*this is an? .{0,40}web conference\b.*|"
    r"powered by calendly(?:\.com)?\.?)[ \t]*$\n?",
    re.I | re.M,
)

# Google Calendar's appointment schedules write who booked (a name, an e-mail address) and
# their answers, each a paragraph under its heading; then Google's invitation footer.
_GOOGLE_BOOKER = re.compile(
    r"^[ \t]*(?:booked by|attendee answers|gebucht von|réservé par|reservado por|geboekt door)"
    r"[ \t]*\n(?:[ \t]*\S.*(?:\n|$))*",
    re.I | re.M,
)
_GOOGLE_FOOTER = re.compile(r"^[ \t]*invitation from google calendar\b.*", re.I | re.M | re.S)


def without_booking_texts(text: str) -> str:
    """`text` without a booking's own links, the labels before them ("Cancel:") and the
    question that introduced them ("Need to make changes to this event?"), and without
    Calendly's own lines in a description Calendly wrote, nor who booked a Google appointment
    and Google's invitation footer."""
    if "calendly" in text.casefold():
        text = _CALENDLY_LINES.sub("", text)
    text = _GOOGLE_FOOTER.sub("", _GOOGLE_BOOKER.sub("", text))
    kept: list[str] = []
    for line in text.splitlines():
        bare = _BOOKING_LINK.sub("", line).strip()
        if bare == line.strip():
            kept.append(line)
            continue
        if bare and not CALL_LABEL.fullmatch(bare):
            kept.append(bare)
        elif kept and len(kept[-1]) <= 80 and kept[-1].rstrip().endswith(("?", ":", "？", "：")):
            kept.pop()
    return "\n".join(kept)
