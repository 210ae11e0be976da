"""What apps above `signups` add to a participant's own view of their signup.

A participant sees their signup in a few places: the manage page and the "you're in" email
(and the "a place opened up" one). Reminders are not among them: they are composed once per
event and language and mail-merged (signups/mail_merge.py), so a section there would send one
person's role or code to everyone; an app with something to remind people of sends its own.
Apps that build on signups (roles, check-in, bring a friend) have something to say there, but
`signups` may not import them (the layers in docs/architecture.md). So they register a
section here from `AppConfig.ready()`, as Django's admin is filled, and the templates render
what is registered:

    register_participant_section(
        "roles", template="roles/participant", context=role_context, order=20
    )

`context(signup, place)` returns the template's context, or None when the section has
nothing to say to this person (no role, not confirmed). The template is rendered as
`<template>.html` for pages and HTML email and `<template>.txt` for plain-text email, in
the language already active (emails are composed in the participant's language).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from turnout.campaigns.models import LocalEvent
from turnout.notifications.composition import render_plain_text

from .models import Signup

T = TypeVar("T")

# Where sections can appear.
MANAGE_PAGE = "manage"
CONFIRMED_EMAIL = "confirmed_email"  # "you're in", and "a place opened up"
PLACES = frozenset({MANAGE_PAGE, CONFIRMED_EMAIL})

SectionContext = Callable[[Signup, str], dict | None]


@dataclass(frozen=True)
class ParticipantSection:
    name: str
    template: str
    context: SectionContext
    places: frozenset[str]
    order: int


_sections: dict[str, ParticipantSection] = {}


def register_participant_section(
    name: str,
    *,
    template: str,
    context: SectionContext,
    places: frozenset[str] = PLACES,
    order: int = 100,
) -> None:
    """Add (or replace, by name) a section; `order` sorts sections, lowest first."""
    unknown = places - PLACES
    if unknown:
        raise ValueError(f"Unknown places for section {name!r}: {sorted(unknown)}")
    _sections[name] = ParticipantSection(name, template, context, frozenset(places), order)


def unregister_participant_section(name: str) -> None:
    _sections.pop(name, None)


# Within `contexts_kept()`: each section's context by (signup, section, place), and
# what is the same for everyone at an event by (name, event's id).
_kept: ContextVar[dict | None] = ContextVar("participant_section_contexts", default=None)


@contextmanager
def contexts_kept() -> Iterator[None]:
    """Within: each section's context is computed once per signup and place, and each
    `per_event` value once per event. An email renders its sections twice (HTML and plain
    text), and a context may cost queries (roles: two); the delivery worker writes the "you're
    in" emails of a whole surge at once (owed_letters.py), which ask the same of one event.
    Nested, the outermost keeps: what is kept lives as long as that one moment."""
    if _kept.get() is not None:
        yield
        return
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


# While a letter for everyone at an event is composed (mail_merge.py), its participant
# sections are this marker, and each person's own are rendered into its place.
_as_marker: ContextVar[str | None] = ContextVar("participant_sections_marker", default=None)


@contextmanager
def sections_as_marker(marker: str) -> Iterator[None]:
    """Within: `render_participant_sections` renders `marker` instead of anyone's sections."""
    token = _as_marker.set(marker)
    try:
        yield
    finally:
        _as_marker.reset(token)


def per_event(name: str, event: LocalEvent, compute: Callable[[LocalEvent], T]) -> T:
    """`compute(event)`, once per event within `contexts_kept()` (every time outside it): for
    what every participant's email shows alike, such as the roles still open."""
    kept = _kept.get()
    if kept is None:
        return compute(event)
    key = (name, event.pk)
    if key not in kept:
        kept[key] = compute(event)
    return kept[key]


def per_batch(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, once within `contexts_kept()` (every time outside it): for what every
    email of a batch shows alike, such as the site's brand."""
    kept = _kept.get()
    if kept is None:
        return compute()
    key = (name, None)
    if key not in kept:
        kept[key] = compute()
    return kept[key]


def _context(section: ParticipantSection, signup: Signup, place: str) -> dict | None:
    kept = _kept.get()
    if kept is None:
        return section.context(signup, place)
    # The token too: a mail merge's stand-in (mail_merge.py) is a copy of a real signup with
    # made-up values, and must not be given that person's context.
    key = (signup.pk, signup.token, signup.state, section.name, place)
    if key not in kept:
        kept[key] = section.context(signup, place)
    return kept[key]


def render_participant_sections(
    signup: Signup, place: str, *, fmt: str = "html", page_context: dict | None = None
) -> SafeString:
    """Every registered section for `place`, rendered for this signup, in order.

    `page_context` carries what a page's forms need (`csrf_token`, `request`) to sections
    rendered on the manage page."""
    if place not in PLACES:
        raise ValueError(f"Unknown place {place!r}")
    marker = _as_marker.get()
    if marker is not None:
        return mark_safe(marker)  # noqa: S308 - random letters and digits (mail_merge._Markers)
    parts = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.name)):
        if place not in section.places:
            continue
        context = _context(section, signup, place)
        if context is None:
            continue
        full_context = {
            **(page_context or {}),
            "signup": signup,
            "event": signup.event,
            "place": place,
            **context,
        }
        if fmt == "txt":  # plain text: nothing HTML-escaped, as the rest of the email
            parts.append(render_plain_text(f"{section.template}.txt", full_context))
        else:
            parts.append(render_to_string(f"{section.template}.html", full_context))
    # Each part is a rendered template, escaped by its own autoescaping (none for .txt).
    return mark_safe("".join(parts))  # noqa: S308
