"""A model's venue or signup link that is the event's online call, not its place or signup.

A page for a protest in a city often offers a video call to follow it from home ("join online
too: https://meet.jit.si/..."). A model reading it promotes the call to the event's venue
("Online", the call's link) or gives the call as the signup link, or reports the call as a
second event in the same city. The venue of an event in a city is a place: one that only says
"online" or is a link is left out. A call's link is a signup only where the page's line that
writes it asks to sign up through it. Each is said; what is left of a second event for the call
is then the same event, and joined to it (`model_event_checks`).
"""

from typing import Any

from django.utils.translation import gettext as _

from .event_words import SIGNUP
from .meeting_links import is_meeting_link, names_no_place
from .model_reader import ModelEvent
from .page_evidence import URL, PageEvidence, normalized_url
from .vocabulary import contains_phrase


def online_repairs(event: ModelEvent, evidence: PageEvidence, notes: list[str]) -> dict[str, Any]:
    """The changes to `event` that take its online call out of its venue and signup link."""
    changes: dict[str, Any] = {}
    if event.city and event.venue and names_no_place(event.venue):
        changes["venue"] = ""
        notes.append(
            _("the model's venue “%(venue)s” names no place, only that the event can be "
              "followed online; left out")
            % {"venue": event.venue}
        )  # fmt: skip
    link = event.signup_url.strip()
    if link and is_meeting_link(link) and not _offered_for_signup(link, evidence):
        changes["signup_url"] = ""
        notes.append(
            _("the model's signup link “%(url)s” joins the event's video call; the page does "
              "not offer it for signing up, and it is left out")
            % {"url": link}
        )  # fmt: skip
    return changes


def _offered_for_signup(url: str, evidence: PageEvidence) -> bool:
    """Whether a line of the page that writes `url` asks to sign up through it."""
    wanted = normalized_url(url)
    return any(
        contains_phrase(line, SIGNUP, evidence.language)
        for line in evidence.lines
        if any(normalized_url(found) == wanted for found in URL.findall(line))
    )
