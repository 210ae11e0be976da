"""The day itself: where exactly (and who may know it), how accessible, how safe.

One home for what the public and what confirmed participants see of an event's place, its
accessibility and its safety block (docs/the-day.md). Public pages, feeds, the API, the map
and embeds ask `public_place` and `shown_coordinates`; a participant's manage page, emails
and calendar invite ask `private_place` and `effective_safety`.

A private event (`location_is_private`) shows the public only its area: venue, city and
country. Its address, meeting point and coordinates are kept for participants; the public
gets the city's centre from the gazetteer as its coordinates (or, for a place the gazetteer
does not know, the coordinates rounded to two decimals, about a kilometre). The event stores
them (`store_public_coordinates`, on every save) for nearby search, which filters and ranks
on them alone: a search's edge would otherwise measure the exact place.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from turnout.localization.formatting import country_name
from turnout.places.gazetteer import resolve_city
from turnout.web.text import multi_line

from .models import AuthorityNotice, LocalEvent, SafetyDefaults

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Decimals kept of a private event's coordinates when its city is not in the gazetteer.
COARSE_DECIMALS = 2

# -- where ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicPlace:
    """What anyone may know of where an event is; empty strings for what they may not."""

    is_online: bool
    venue: str
    address: str  # empty for a private event
    meeting_point: str  # empty for a private event
    city: str
    country: str  # the country's name in the language asked for
    is_private: bool  # the exact point is shared with confirmed participants only

    @property
    def location(self) -> str:
        """One line, as a calendar's LOCATION: "Museumplein, Amsterdam, Netherlands"."""
        if self.is_online:
            return str(_("Online"))
        parts = [self.venue, self.address, self.city, self.country]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class PrivatePlace:
    """What a participant holding a place knows: the exact address and where to meet."""

    address: str
    meeting_point: str
    instructions: str  # markdown

    def __bool__(self) -> bool:
        return bool(self.address or self.meeting_point or self.instructions)


def public_place(event: LocalEvent, language: str | None = None) -> PublicPlace:
    """Where the public sees the event: the area only (venue and city) when it is private."""
    private = event.location_is_private and not event.is_online
    return PublicPlace(
        is_online=event.is_online,
        venue="" if event.is_online else event.venue,
        address="" if private or event.is_online else event.address,
        meeting_point="" if private or event.is_online else event.meeting_point,
        city="" if event.is_online else event.city,
        country="" if event.is_online else country_name(event.country, language),
        is_private=private,
    )


def private_place(event: LocalEvent) -> PrivatePlace:
    """The exact place, for participants holding a place (and the event's organizers)."""
    if event.is_online:
        return PrivatePlace(address="", meeting_point="", instructions=event.private_instructions)
    return PrivatePlace(
        address=event.address,
        meeting_point=event.meeting_point,
        instructions=event.private_instructions,
    )


def exact_location(event: LocalEvent, language: str | None = None) -> str:
    """One line with the address, for a participant's invite and emails."""
    if event.is_online:
        return str(_("Online"))
    parts = [event.venue, event.address, event.city, country_name(event.country, language)]
    return ", ".join(part for part in parts if part)


# What the public coordinates follow from; LocalEvent.save() keeps its copy of them in step.
PUBLIC_COORDINATES_FROM = frozenset(
    {"latitude", "longitude", "location_is_private", "city", "country", "attendance_mode"}
)


def store_public_coordinates(event: LocalEvent) -> None:
    """Set the event's copy of `public_coordinates`, which nearby search reads."""
    event.public_latitude, event.public_longitude = public_coordinates(event) or (None, None)


def shown_coordinates(event: LocalEvent) -> tuple[float, float] | None:
    """The public coordinates as the event stored them on its last save, for pages, feeds, maps
    and the API; worked out anew only for a row loaded without them (or never saved)."""
    if event.pk is None or {"public_latitude", "public_longitude"} & event.get_deferred_fields():
        return public_coordinates(event)
    if event.public_latitude is None or event.public_longitude is None:
        return None
    return event.public_latitude, event.public_longitude


def public_coordinates(event: LocalEvent) -> tuple[float, float] | None:
    """The coordinates anyone may see: exact for an open event, the area's for a private one.
    Readers ask `shown_coordinates`, the copy save() keeps of this."""
    if event.is_online or event.latitude is None or event.longitude is None:
        return None
    if not event.location_is_private:
        return event.latitude, event.longitude
    city = resolve_city(event.city, country=event.country or None) if event.city else None
    if city is not None:
        return city.latitude, city.longitude
    return round(event.latitude, COARSE_DECIMALS), round(event.longitude, COARSE_DECIMALS)


# Changes only participants holding a place see; the waitlist need not hear of them.
def fields_only_participants_see(event: LocalEvent) -> frozenset[str]:
    hidden = {"meeting_url", "private_instructions"}
    if event.location_is_private:
        hidden |= {"address", "meeting_point"}
    return frozenset(hidden)


# -- accessibility ----------------------------------------------------------------------------

# The features an event may say it has or lacks, in the order pages show them.
ACCESSIBILITY_FEATURES: tuple[tuple[str, "StrOrPromise"], ...] = (
    ("step_free_access", _("Step-free access")),
    ("seating", _("Seating")),
    ("accessible_toilets", _("Accessible toilets")),
    ("quiet_space", _("Quiet space")),
    ("sign_language", _("Sign language")),
)
ACCESSIBILITY_FIELDS = tuple(name for name, _label in ACCESSIBILITY_FEATURES)


@dataclass(frozen=True)
class AccessibilityFact:
    field: str
    label: str
    available: bool


@dataclass(frozen=True)
class Accessibility:
    facts: tuple[AccessibilityFact, ...]  # only what the organizer said, yes or no
    note: str

    def __bool__(self) -> bool:
        return bool(self.facts or self.note)


def accessibility(event: LocalEvent) -> Accessibility:
    """What is known of the event's accessibility; unknown features are left out."""
    facts = tuple(
        AccessibilityFact(field=name, label=str(label), available=value)
        for name, label in ACCESSIBILITY_FEATURES
        if (value := getattr(event, name)) is not None
    )
    return Accessibility(facts=facts, note=event.accessibility_note.strip())


def with_accessibility(events: QuerySet[LocalEvent], features: Iterable[str]) -> QuerySet:
    """Only events that said yes to every one of `features` (names of ACCESSIBILITY_FIELDS)."""
    wanted = set(features)
    unknown = wanted - set(ACCESSIBILITY_FIELDS)
    if unknown:
        raise ValueError(f"Unknown accessibility features: {sorted(unknown)}")
    return events.filter(**dict.fromkeys(sorted(wanted), True)) if wanted else events


# -- safety -----------------------------------------------------------------------------------

SAFETY_FIELDS = ("authority_notice", "legal_support_line", "police_liaison", "if_separated")


@dataclass(frozen=True)
class SafetyInfo:
    authority_notice: str  # an AuthorityNotice value, or ""
    legal_support_line: str
    police_liaison: str
    if_separated: str

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in SAFETY_FIELDS)

    @property
    def authority_notice_label(self) -> str:
        if not self.authority_notice:
            return ""
        return str(AuthorityNotice(self.authority_notice).label)


def effective_safety(event: LocalEvent) -> SafetyInfo:
    """The event's safety block: each field its own value, else the campaign's default for
    the event's country, else empty."""
    defaults: SafetyDefaults | None = None
    if event.campaign_id and event.country:
        defaults = SafetyDefaults.objects.filter(
            campaign_id=event.campaign_id, country=event.country.upper()
        ).first()
    values = {}
    for name in SAFETY_FIELDS:
        own = (getattr(event, name) or "").strip()
        inherited = (getattr(defaults, name) or "").strip() if defaults is not None else ""
        values[name] = own or inherited
    return SafetyInfo(**values)


# -- editing ----------------------------------------------------------------------------------

# What an organizer edits of the day, besides the place and time of the proposal form (and
# how far the event is promoted: geo shows it that far, marked as further away).
DAY_FIELDS = (
    "location_is_private", "meeting_point", "private_instructions",
    *ACCESSIBILITY_FIELDS, "accessibility_note", *SAFETY_FIELDS, "promotion_radius_km",
)  # fmt: skip


# The day's texts of several lines: read by participants in their email, on their signup page
# and in their invite, where a bidi override would turn a phone number or a place around.
DAY_TEXTS = ("private_instructions", "accessibility_note", "if_separated")


def apply_day_details(event: LocalEvent, values: Mapping[str, object]) -> set[str]:
    """Set the day's fields given in `values` on `event` (unsaved); the names that changed.
    The texts keep their lines but no override, embedding or control character (`multi_line`)."""
    changed = set()
    for name in DAY_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name in DAY_TEXTS and isinstance(value, str):
            value = multi_line(value).strip()
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed.add(name)
    return changed
