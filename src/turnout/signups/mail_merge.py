"""One email to many participants of an event: composed once, then personalized per person.

A reminder goes to every participant of an event at the same moment, and composing it for each
of them (two templates and a calendar invite) was most of a fan-out's time. A `Letter` is the
email composed once, for a stand-in participant whose name, address and private token are
markers; `Letter.to(signup)` puts one person's values in their place: escaped in the HTML, as
they are in the text, and in the invite as an ATTENDEE line that icalendar renders for that
person, exactly as it would in an invite composed for them alone (the tests compare the two).

An email that shows a person's own sections (the "you're in" email: their role, share code and
check-in code; signups/sections.py) is composed with a marker where the sections go, and
`to()` renders each person's sections into its place, in their language; so in a surge the
whole email is composed once per event and language (kept_letters.py), and only the small
section templates per person.
"""

import secrets
from collections.abc import Callable
from contextlib import nullcontext
from copy import copy
from dataclasses import dataclass, replace
from datetime import datetime

from django.utils import translation
from django.utils.html import escape
from icalendar import Event

from turnout.notifications.composition import Attachment, Email

from .invites import attendee, invite_attachment
from .models import Signup
from .sections import per_event, render_participant_sections, sections_as_marker

_ICS_LINE_BREAK = "\r\n"
_ICS_FOLD = "\r\n "  # RFC 5545 3.1: a long line continues after a line break and a space


@dataclass(frozen=True)
class _Markers:
    name: str
    email: str
    token: str
    sections: str

    @classmethod
    def new(cls) -> "_Markers":
        # Random, so that nothing an organizer typed can be taken for one.
        tag = secrets.token_hex(8)
        return cls(
            f"merge{tag}name", f"merge{tag}@merge.invalid", f"merge{tag}token",
            f"merge{tag}sections",
        )  # fmt: skip


@dataclass(frozen=True)
class _Invite:
    """A calendar attachment split around its ATTENDEE line, which each person gets their own."""

    attachment: Attachment
    before: str
    after: str

    def to(self, signup: Signup) -> Attachment:
        line = Event().content_line("ATTENDEE", attendee(signup)).to_ical().decode("utf-8")
        content = f"{self.before}{line}{_ICS_LINE_BREAK}{self.after}"
        return replace(self.attachment, content=content)


@dataclass(frozen=True)
class Letter:
    """An email composed once for everyone it goes to; see the module's docstring."""

    email: Email
    markers: _Markers
    invites: tuple[_Invite | Attachment, ...]
    sections: str = ""  # the place (sections.CONFIRMED_EMAIL) whose sections it shows

    def to(self, signup: Signup) -> Email:
        """The email as composed for `signup` alone."""
        markers = self.markers
        text, html, subject = self.email.text, self.email.html, self.email.subject
        for marker, value in ((markers.name, signup.name), (markers.token, signup.token)):
            text = text.replace(marker, value)
            subject = subject.replace(marker, value)
            html = html.replace(marker, escape(value))
        if self.sections:  # last: what a section shows is that person's, and stays as it is
            with translation.override(self.email.language):
                own_text = render_participant_sections(signup, self.sections, fmt="txt")
                own_html = render_participant_sections(signup, self.sections)
            text = text.replace(markers.sections, own_text)
            html = html.replace(markers.sections, own_html)
        return replace(
            self.email,
            to=signup.email,
            subject=subject,
            text=text,
            html=html,
            attachments=tuple(
                part.to(signup) if isinstance(part, _Invite) else part for part in self.invites
            ),
        )


def compose_letter(
    compose: Callable[[Signup], Email], *, sample: Signup, sections: str = ""
) -> Letter:
    """Compose `compose(signup)` once for everyone at `sample`'s event in `sample`'s language.

    `compose` may use the signup's name, address and token anywhere, and the participant
    sections of the place `sections` names; whatever else it reads (event, language, whether
    the person holds a place) must be the same for everyone the letter goes to.
    """
    markers = _Markers.new()
    with sections_as_marker(markers.sections) if sections else nullcontext():
        email = compose(_stand_in(sample, markers))
    if markers.email in email.text + email.html:
        raise ValueError("a letter cannot show the address in its text; compose each email")
    return Letter(
        email=email,
        markers=markers,
        invites=tuple(_split_invite(part, markers) for part in email.attachments),
        sections=sections,
    )


def _stand_in(sample: Signup, markers: _Markers) -> Signup:
    """A copy of `sample` whose name, address and token are the markers."""
    stand_in = copy(sample)
    stand_in.name, stand_in.email, stand_in.token = markers.name, markers.email, markers.token
    return stand_in


def _split_invite(attachment: Attachment, markers: _Markers) -> _Invite | Attachment:
    """Cut the one ATTENDEE line (with its folded continuation lines) out of an invite."""
    content = attachment.content
    person = (markers.name, markers.email, markers.token)
    if markers.email not in content:
        if any(marker in content for marker in person):
            raise ValueError("an attachment names the person outside an ATTENDEE line")
        return attachment
    if content.count(f"{_ICS_LINE_BREAK}ATTENDEE") != 1:
        raise ValueError("a letter's invite must have exactly one ATTENDEE")
    start = content.index(f"{_ICS_LINE_BREAK}ATTENDEE") + len(_ICS_LINE_BREAK)
    end = content.index(_ICS_LINE_BREAK, start)
    while content.startswith(_ICS_FOLD, end):  # the line goes on after a fold
        end = content.index(_ICS_LINE_BREAK, end + len(_ICS_FOLD))
    before, after = content[:start], content[end + len(_ICS_LINE_BREAK) :]
    if any(marker in before + after for marker in person):
        raise ValueError("an invite names the person outside its ATTENDEE line")
    return _Invite(attachment=attachment, before=before, after=after)


def kept_invite(signup: Signup, *, now: datetime, method: str = "REQUEST") -> Attachment:
    """`invites.invite_attachment(signup, ...)`, built once per event, language and place held
    within a batch of letters written at one moment (`sections.contexts_kept`), and given
    each person's own ATTENDEE line: the calendar was half of composing a "you're in" email.
    Outside a batch it is built for this person alone."""
    key = f"invite {method} {signup.language} {signup.holds_place} {now.isoformat()}"
    return per_event(key, signup.event, lambda event: _invite_for_all(signup, now, method)).to(
        signup
    )


def _invite_for_all(sample: Signup, now: datetime, method: str) -> _Invite:
    markers = _Markers.new()
    invite = invite_attachment(_stand_in(sample, markers), now=now, method=method)
    split = _split_invite(invite, markers)
    if not isinstance(split, _Invite):  # pragma: no cover - invite_ics always names them
        raise ValueError("an invite without its ATTENDEE cannot be shared")
    return split
