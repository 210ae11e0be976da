"""What a calendar entry says beside its times, as exporting programs write it: its description
as text (HTML from Google, Mobilizon and Teamup read by `calendar_html`, escapes written
twice; the call's boilerplate and a booking's own links left out) in the import's language
where it is given in several, its place's words (Meetup's "Venue (street, city, cc)") and
coordinates (`GEO`, Apple's `X-APPLE-STRUCTURED-LOCATION`) and the place read from them, its
video call's link, and a signup page named only in the description or the location. What
cannot be read raises `EntryNotUnderstood`, here because every reader of an entry
(`calendar_entries`) raises it."""

import hashlib
import re
from html import unescape
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from icalendar import vGeo

from turnout.campaigns.platforms import Platform, recognize_platform
from turnout.geo.beyond_radius import nearest_city
from turnout.geo.distance import haversine_km
from turnout.geo.selectors import Origin

from .calendar_address_parts import address_parts
from .calendar_bookings import CALL_LABEL, TRAILING_CALL_LABEL, without_booking_texts
from .calendar_html import HTML_TAG, html_as_markdown, with_characters_referenced
from .calendar_location_stand_ins import place_not_set
from .calendar_map_links import map_link
from .calendar_plus_codes import plus_code_in, plus_code_location_point
from .calendar_teams import without_teams_block
from .calendar_vlocations import vlocation_geo, vlocation_name
from .calendar_zoom import is_zoom_confirmation, without_zoom_dial_in, without_zoom_token
from .country_zones import main_time_zone
from .document import is_address
from .meeting_links import (
    is_server_invite,
    meeting_links_in,
    names_no_place,
    without_links,
    without_meeting_links,
)
from .places import Place, PlaceNotUnderstood, city_name, read_place

# Coordinates farther than this from the city LOCATION names describe another place.
_GEO_AGREES_KM = 50
# Platforms whose links are an event's own page (or its form), where people sign up.
_EVENT_PAGE_PLATFORMS = {
    *(Platform.LUMA, Platform.EVENTBRITE, Platform.PARTIFUL, Platform.MEETUP, Platform.MOBILIZON),
    *(Platform.FACEBOOK, Platform.ACTION_NETWORK, Platform.MOBILIZE, Platform.EVERYACTION),
    *(Platform.PRETIX, Platform.TICKET_TAILOR, Platform.HUMANITIX),
    # A signup form is where people sign up, though it is no page of the event.
    *(Platform.GOOGLE_FORMS, Platform.MICROSOFT_FORMS, Platform.TYPEFORM, Platform.TALLY),
    Platform.JOTFORM,
}
_URL = re.compile(r"https?://[^\s<>\"'\\)\]]+", re.I)
# Google's block about the Meet call, between its two rules of "-::~:~::~" (any language).
_GOOGLE_CALL_BLOCK = re.compile(r"-::~[:~]*::-.*?(-::~[:~]*::-|\Z)", re.S)
# The lines of a call's invitation that let anyone in without its link: its number and code,
# as Zoom, Teams and Webex write them in the languages we import.
_CALL_SECRETS = re.compile(
    r"^[ \t]*(meeting[ -]?id|meeting number|passcode|password|kenncode|besprechungs-id|"
    r"meeting-kenncode|webinar[ -]?id|vergader-id|toegangscode|wachtwoord|id de (la )?r[ée]union|"
    r"code secret|mot de passe|id de reuni[óo]n|c[óo]digo de acceso|contrase[ñn]a)"
    r"[ \t]*[:：].*$\n?",
    re.I | re.M,
)
_GEO_URI = re.compile(r"\s*geo:\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)", re.I)
# Text escaped twice ("\\n" in the file) reads as a backslash and a letter once decoded.
_ESCAPED_TWICE = re.compile(r"\\([nN,;\\])")


# An event's description, however long its program wrote it (The Events Calendar's run to
# 20,000 characters): what is beyond is a damaged file, not words for the event's page.
MOST_DESCRIPTION_CHARACTERS = 50_000


class EntryNotUnderstood(ValueError):
    """A calendar entry that cannot be imported; the message says why, for a person."""


class EntryNotPublic(EntryNotUnderstood):
    """An entry marked private or confidential: an event imported for it before is withdrawn."""


def entry_description(component, language: str | None = None) -> str:
    """The public description: DESCRIPTION (in `language` where several are given), else the
    HTML of X-ALT-DESC, as markdown text without the call's link or the boilerplate around
    it, nor a booking's own links."""
    text = _first_text(component, "DESCRIPTION", language)
    if not text.strip():
        text = _first_text(component, "X-ALT-DESC")
    text = text[: 2 * MOST_DESCRIPTION_CHARACTERS]  # a 10 MB one is not read through
    if is_zoom_confirmation(text):
        return ""  # written to one registrant: their name, their join link
    if _ESCAPED_TWICE.search(text) and "\n" not in text:
        text = _ESCAPED_TWICE.sub(lambda m: "\n" if m[1] in "nN" else m[1], text)
    text = html_as_markdown(text) if HTML_TAG.search(text) else with_characters_referenced(text)
    text = without_zoom_dial_in(without_teams_block(_GOOGLE_CALL_BLOCK.sub("", text)))
    text = _CALL_SECRETS.sub("", without_booking_texts(_without_call_lines(text)))
    # A link whose call was taken out keeps its words ("[" excluded: linear on "[[[[").
    text = re.sub(r"\[([^\[\]]*)\]\(\s*\)", r"\1", text)
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", lines).strip()
    if len(text) > MOST_DESCRIPTION_CHARACTERS:
        text = text[:MOST_DESCRIPTION_CHARACTERS].rsplit(maxsplit=1)[0] + " …"
    return text


def description_notes(component) -> list[str]:
    """That the description was cut to its beginning, when it was."""
    if len(_first_text(component, "DESCRIPTION")) <= MOST_DESCRIPTION_CHARACTERS:
        return []
    return [
        _("its description is longer than %(count)s characters; only its beginning was kept")
        % {"count": MOST_DESCRIPTION_CHARACTERS}
    ]


def _without_call_lines(text: str) -> str:
    """`text` without its meeting links, and without a line that only introduced one ("Join
    link:", "参加リンク：") and says nothing once it is gone."""
    kept = []
    for line in text.splitlines():
        bare = without_meeting_links(line)
        if bare != line.strip() and CALL_LABEL.fullmatch(bare):
            continue
        indent = line[: len(line) - len(line.lstrip())]  # a list item stays one
        kept.append(indent + TRAILING_CALL_LABEL.sub("", bare) if bare != line.strip() else line)
    return "\n".join(kept).strip()


def entry_location(component) -> str:
    """LOCATION as words a place is read from: Meetup's "Venue (street, city, cc)" as a list."""
    location = with_characters_referenced(_first_text(component, "LOCATION")).strip()
    location = location or vlocation_name(component)  # RFC 9073's place of its own
    if _GEO_URI.match(location):
        return ""  # only coordinates, read by `entry_coordinates`
    if (link := map_link(location)) is not None and (link.words or link.point):
        return link.words  # its point is read by `entry_coordinates`
    if (code := plus_code_in(location)) is not None:
        return code.words  # "PV57+2C Lisboa, Portugal": its point too
    # Told apart by string methods: a pattern for it backtracks quadratically over commas.
    venue, _bracket, inside = location.removesuffix(")").partition("(")
    is_bracketed = location.endswith(")") and "," in inside and venue.strip()
    if is_bracketed and not any(c in venue + inside for c in "()"):
        # A square's venue is often its own address: "Syntagma (Syntagma, Athens, Greece)".
        return _without_repeated_name(f"{venue.strip()}, {inside.strip()}")
    return _without_repeated_name(location)


def _without_repeated_name(location: str) -> str:
    """The location with its place's name once where the program wrote it twice: WordPress'
    The Events Calendar gives a venue its name and then its address, whose first line is
    often that name again ("Place de la République, Place de la République, Paris"), and
    Gancio "name - address" ("Piazza del Duomo - Piazza del Duomo, 20122 Milano")."""
    first, comma, rest = location.partition(",")
    name, dash, address = first.partition(" - ")
    if dash and name.strip() and name.strip().casefold() == address.strip().casefold():
        first = name.strip()
    second, comma_after, after = rest.partition(",")
    if comma and first.strip().casefold() == second.strip().casefold():
        return first.strip() + comma_after + after
    return first + comma + rest


def entry_coordinates(component) -> tuple[float, float] | None:
    """Where the entry takes place by `GEO` ("52.37;4.89", or "52.37,4.89" as some write it),
    Apple's structured location or a LOCATION that is a geo: URI ("geo:48.8675,2.3637"); None
    when none gives a point on Earth."""
    geo = component.get("GEO")
    geo = geo[0] if isinstance(geo, list) and geo else geo
    if isinstance(geo, vGeo):
        geo = f"{geo.latitude};{geo.longitude}"
    geo = geo or vlocation_geo(component)
    found = re.fullmatch(
        r"\s*(-?\d{1,3}(?:\.\d+)?)\s*[;,]\s*(-?\d{1,3}(?:\.\d+)?)\s*", str(geo or "")
    )
    for name in ("X-APPLE-STRUCTURED-LOCATION", "LOCATION"):
        found = found or _GEO_URI.match(_first_text(component, name))
    if found is None:
        location = with_characters_referenced(_first_text(component, "LOCATION"))
        link = map_link(location)
        return link.point if link is not None else plus_code_location_point(location)
    latitude, longitude = float(found[1]), float(found[2])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or latitude == longitude == 0:
        return None  # 0,0 is what a program writes for a point it does not have
    return latitude, longitude


def apple_place_title(component) -> str:
    """The place's name Apple gives with its coordinates (X-TITLE), if any."""
    prop = component.get("X-APPLE-STRUCTURED-LOCATION")
    prop = prop[0] if isinstance(prop, list) and prop else prop
    return str(getattr(prop, "params", {}).get("X-TITLE", "") or "").strip()


def place_at(latitude: float, longitude: float, *, venue: str) -> Place | None:
    """The city at these coordinates, with the entry's venue and its exact point."""
    city = nearest_city(Origin(latitude=latitude, longitude=longitude))
    if city is None:
        return None
    return Place(
        city=city_name(city),
        country=city.country,
        timezone=city.timezone or main_time_zone(city.country)[0],
        latitude=latitude,
        longitude=longitude,
        venue=venue[:200],
    )


def with_exact_point(place: Place, coordinates: tuple[float, float] | None) -> Place:
    """`place` at the entry's own coordinates when they lie in or near its city: the map then
    shows the square, not the city's centre. Coordinates elsewhere are a mistake and ignored."""
    if coordinates is None or place.latitude is None or place.longitude is None:
        return place
    distance = haversine_km(place.latitude, place.longitude, *coordinates)
    if distance > _GEO_AGREES_KM:
        return place
    return Place(**{**place.__dict__, "latitude": coordinates[0], "longitude": coordinates[1]})


def entry_place(
    component,
    *,
    location: str,
    meeting_url: str,
    url: str,
    language: str | None,
    usual_country: str | None = None,
) -> Place | None:
    """Where the entry takes place: the place LOCATION names (at the entry's own coordinates
    when it gives them), else the city at its coordinates; None for an online entry. A city
    of several countries' is the one its coordinates lie in, else the one of `usual_country`
    (the country its zone or language names) unless one abroad dwarfs it."""
    coordinates = entry_coordinates(component)
    venue = location or apple_place_title(component)
    if names_no_place(location) and meeting_url:
        return None
    if names_no_place(location) and url and (without_links(location).strip() or url in location):
        # "Online event" on Meetup or lu.ma, or the event's page as the location: the call's
        # link is given to those who sign up on that page, which the entry links to.
        return None
    if names_no_place(location) and coordinates is None:
        raise EntryNotUnderstood(
            _("it names neither a place nor a meeting link (LOCATION “%(text)s”)")
            % {"text": location[:120]}
        )
    if coordinates is None and not meeting_url and place_not_set(location):
        raise EntryNotUnderstood(
            _("its place is not chosen yet (LOCATION “%(text)s”)") % {"text": location[:120]}
        )
    try:
        # Japanese and Chinese write their commas wide ("渋谷駅、東京、日本"), Arabic turned
        # ("ميدان التحرير، القاهرة").
        parts = address_parts(re.split(r"[,、，،\n]", without_links(location)))
        near = nearest_city(Origin(*coordinates)) if coordinates is not None else None
        place = read_place(
            parts,
            language=language,
            with_venue=True,
            country_hint=near.country if near is not None else None,
            usual_country=usual_country,
        )
        return with_exact_point(place, coordinates)
    except PlaceNotUnderstood as error:
        # A venue alone ("Jardin du Luxembourg") is placed by the coordinates Apple, Meetup
        # and Mobilizon give with it.
        if coordinates is not None and (found := place_at(*coordinates, venue=venue)):
            return found
        if not meeting_url:
            raise EntryNotUnderstood(
                _("could not read a place in “%(text)s”: %(reason)s")
                % {"text": location[:120], "reason": error}
            ) from error
        return None  # the location names the call ("Réunion Microsoft Teams")


# Properties where calendar programs put the call: RFC 7986, Google, Microsoft, Proton (its
# own Meet or Zoom, the link nowhere else).
_CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-PM-CONFERENCE-URL",
)


def entry_meeting_url(component, *, location: str, url: str) -> str:
    """The video call's link: a conference property, else one in the location, the URL or the
    description."""
    for name in _CONFERENCE_PROPERTIES:
        values = component.get(name)
        values = values if isinstance(values, list) else [] if values is None else [values]
        for value in [_fullest(values, value) for value in values]:
            text = str(value or "").strip()
            if text.lower().startswith(("http://", "https://")):
                return text
    # Outlook on the web may give the invitation only as HTML (X-ALT-DESC), its "&amp;" too.
    html = unescape(entry_text(component, "X-ALT-DESC"))
    for text in (location, url, entry_text(component, "DESCRIPTION"), html):
        if found := meeting_links_in(text):
            return without_zoom_token(found[0])
    # A place that is only an invitation to a Discord server: the event is held there.
    return location if is_server_invite(location) and " " not in location else ""


def signup_page_in(text: str) -> str:
    """The first link in `text` to an event's own page on a signup platform (Eventbrite, lu.ma,
    Meetup, Mobilizon, a Facebook event), for entries that give it only in the description."""
    for url in _URL.findall(text):
        url = url.rstrip(".,;:!?")
        if not is_address(url):
            continue
        platform = recognize_platform(url)
        if platform not in _EVENT_PAGE_PLATFORMS:
            continue
        if platform == Platform.FACEBOOK and "/events/" not in urlsplit(url).path:
            continue  # a page or a group, not the event
        return url
    return ""


def content_uid(component) -> str:
    """A UID for an entry that has none, from its title, start and place: the same entry in
    the next export gets the same one. Empty when the entry has none of them."""
    words = []
    for name in ("SUMMARY", "DTSTART", "LOCATION"):
        value = component.get(name)
        value = value[0] if isinstance(value, list) and value else value
        try:
            text = value.to_ical() if hasattr(value, "to_ical") else value
        except (ValueError, TypeError, AttributeError):
            text = value
        words.append(text.decode(errors="replace") if isinstance(text, bytes) else str(text or ""))
    if not any(words):
        return ""
    digest = hashlib.sha256("\x1f".join(words).encode(errors="replace")).hexdigest()
    return f"{digest[:32]}@no-uid.turnout"


# Outlook, Windows Live and Funambol mark a whole-day entry beside times at midnight.
_WHOLE_DAY_MARKERS = (
    "X-MICROSOFT-CDO-ALLDAYEVENT",
    "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT",
    "X-FUNAMBOL-ALLDAY",
)


def is_marked_whole_day(component) -> bool:
    """Whether the entry says it lasts whole days though its DTSTART is a time."""
    return any(entry_text(component, name).upper() in ("TRUE", "1") for name in _WHOLE_DAY_MARKERS)


# Emacs' Org mode exports a heading's SCHEDULED and DEADLINE times as events of their own, the
# UID and the title marked alike: "SC-…" with "S: Letter-writing night", "DL-…" with "DL: …".
_ORG_MARKS = (("SC-", "S: "), ("DL-", "DL: "))


def entry_title(component, language: str | None = None) -> str:
    """The entry's title (SUMMARY), without the mark Org mode puts before a scheduled one."""
    title = entry_text(component, "SUMMARY", language)
    uid = str(component.get("UID", "") or "")
    for uid_mark, title_mark in _ORG_MARKS:
        if uid.startswith(uid_mark) and title.startswith(title_mark):
            return title[len(title_mark) :]
    return title


def entry_text(component, name: str, language: str | None = None) -> str:
    """A property's text, trimmed, its HTML character references ("&#8211;") as the characters
    they are; of a property given twice, the first (see `_first_text`)."""
    return with_characters_referenced(_first_text(component, name, language)).strip()


def _first_text(component, name: str, language: str | None = None) -> str:
    """A property's text; of one given twice, the first, or the first in `language` where
    each is in its own ("SUMMARY;LANGUAGE=de-CH:…", "SUMMARY;LANGUAGE=fr-CH:…"). A later one
    that goes on from it is the whole: a folded line's first part repeated by a broken export
    gives a DESCRIPTION cut short, then the same with the rest of its lines."""
    value = component.get(name)
    if isinstance(value, list):
        wanted = (language or "").replace("_", "-").split("-")[0].lower()
        first = next(
            (v for v in value if wanted and _language_of(v) == wanted), value[0] if value else ""
        )
        return _fullest(value, first)
    return str(value or "")


def _fullest(values: list, first) -> str:
    """Of a property's `values`, the longest that goes on from `first` (itself at least)."""
    return max((str(v) for v in values if str(v).startswith(str(first or ""))), key=len, default="")


def _language_of(value) -> str:
    tag = str(getattr(value, "params", {}).get("LANGUAGE", "") or "")
    return tag.replace("_", "-").split("-")[0].strip().lower()
