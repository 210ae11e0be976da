"""What a calendar entry says beside its times, as exporting programs write it: its description
as text (HTML from Google, Mobilizon and Teamup, escapes written twice, the call's boilerplate
left out), its place's words (Meetup's "Venue (street, city, cc)") and coordinates (`GEO`,
Apple's `X-APPLE-STRUCTURED-LOCATION`) and the place read from them, its video call's link,
and a signup page named only in the description. What cannot be read raises
`EntryNotUnderstood`, here because every reader of an entry (`calendar_entries`) raises it."""

import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from icalendar import vGeo

from turnout.campaigns.platforms import Platform, recognize_platform
from turnout.geo.beyond_radius import nearest_city
from turnout.geo.distance import haversine_km
from turnout.geo.selectors import Origin

from .document import is_address
from .meeting_links import meeting_links_in, names_no_place, without_links, without_meeting_links
from .places import Place, PlaceNotUnderstood, city_name, main_time_zone, read_place

# Coordinates farther than this from the city LOCATION names describe another place.
_GEO_AGREES_KM = 50
# Platforms whose links are an event's own page, where people sign up.
_EVENT_PAGE_PLATFORMS = {
    Platform.LUMA,
    Platform.EVENTBRITE,
    Platform.PARTIFUL,
    Platform.MEETUP,
    Platform.MOBILIZON,
    Platform.FACEBOOK,
}
_URL = re.compile(r"https?://[^\s<>\"'\\)\]]+", re.I)
# Google's block about the Meet call, between its two rules of "-::~:~::~" (any language).
_GOOGLE_CALL_BLOCK = re.compile(r"-::~[:~]*::-.*?(-::~[:~]*::-|\Z)", re.S)
# Teams writes its call between two lines of underscores (found line by line: a pattern
# spanning both would take quadratic time on a text of underscores).
_RULE_LINE = re.compile(r"^[ \t]*_{20,}[ \t]*$", re.M)
# Google wraps some descriptions in "<html-blob>"; Outlook's X-ALT-DESC is a whole document.
_TAG_NAMES = (
    r"p|br|a|b|i|u|s|em|strong|small|sub|sup|code|pre|blockquote|center|ul|ol|li|div|span|"
    r"h[1-6]|hr|img|html|head|body|meta|title|link|font|table|thead|tbody|tr|td|th|o:p"
)
_HTML_TAG = re.compile(rf"</?({_TAG_NAMES})(?![\w:-])[^<>]{{0,500}}>", re.I)
_DECLARATION = re.compile(r"<[!?][^<>]{0,500}>")
# Any other "<" is text: Python's HTML parser takes quadratic time on runs of "<!--" or "</".
_NOT_A_TAG = re.compile(rf"<(?!/?(?:{_TAG_NAMES}|script|style)(?![\w:-])[^<>]{{0,500}}>)", re.I)
# The lines of a call's invitation that let anyone in without its link: its number and code,
# as Zoom, Teams and Webex write them in the languages we import.
_CALL_SECRETS = re.compile(
    r"^[ \t]*(meeting[ -]?id|meeting number|passcode|password|kenncode|besprechungs-id|"
    r"meeting-kenncode|vergader-id|toegangscode|wachtwoord|id de (la )?r[ée]union|"
    r"code secret|mot de passe|id de reuni[óo]n|c[óo]digo de acceso|contrase[ñn]a)"
    r"[ \t]*[:：].*$\n?",
    re.I | re.M,
)
_GEO_URI = re.compile(r"\s*geo:\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)", re.I)
# Text escaped twice ("\\n" in the file) reads as a backslash and a letter once decoded.
_ESCAPED_TWICE = re.compile(r"\\([nN,;\\])")


class EntryNotUnderstood(ValueError):
    """A calendar entry that cannot be imported; the message says why, for a person."""


class EntryNotPublic(EntryNotUnderstood):
    """An entry marked private or confidential: an event imported for it before is withdrawn."""


def entry_description(component) -> str:
    """The public description: DESCRIPTION, else the HTML of X-ALT-DESC, as markdown text
    without the call's link or the boilerplate around it."""
    text = _first_text(component, "DESCRIPTION")
    if not text.strip():
        text = _first_text(component, "X-ALT-DESC")
    if _ESCAPED_TWICE.search(text) and "\n" not in text:
        text = _ESCAPED_TWICE.sub(lambda m: "\n" if m[1] in "nN" else m[1], text)
    if _HTML_TAG.search(text):
        text = html_as_markdown(text)
    text = _without_teams_block(_GOOGLE_CALL_BLOCK.sub("", text))
    text = _CALL_SECRETS.sub("", _without_call_lines(text))
    # A link whose call was taken out keeps its words ("[" excluded: linear on "[[[[").
    text = re.sub(r"\[([^\[\]]*)\]\(\s*\)", r"\1", text)
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", lines).strip()


def _without_call_lines(text: str) -> str:
    """`text` without its meeting links, and without a line that only introduced one ("Join
    link:", "参加リンク：") and says nothing once it is gone."""
    kept = []
    for line in text.splitlines():
        bare = without_meeting_links(line)
        if bare != line.strip() and _CALL_LABEL.fullmatch(bare):
            continue
        indent = line[: len(line) - len(line.lstrip())]  # a list item stays one
        kept.append(indent + bare if bare != line.strip() else line)
    return "\n".join(kept).strip()


# A few words before a colon and nothing after: a label, not a sentence.
_CALL_LABEL = re.compile(r"[^.!?。\n]{0,60}[:：]")


def _without_teams_block(text: str) -> str:
    rules = [*_RULE_LINE.finditer(text)]
    for number, rule in enumerate(rules):
        following = rules[number + 1] if number + 1 < len(rules) else None
        inside = text[rule.end() : following.start() if following else len(text)]
        if "Microsoft Teams" in inside or "teams.microsoft.com" in inside:
            return text[: rule.start()] + (text[following.end() :] if following else "")
    return text


def html_as_markdown(html: str) -> str:
    """HTML as the markdown a description is kept in: paragraphs, line breaks, lists, bold,
    italics and links; every other tag dropped, entities decoded."""
    reader = _HtmlReader()
    html = _DECLARATION.sub("", _without_comments(html))  # Outlook's "<!DOCTYPE …>", "<?xml …?>"
    reader.feed(_NOT_A_TAG.sub("&lt;", html))
    reader.close()
    return "".join(reader.parts).strip()


def _without_comments(html: str) -> str:
    kept, at = [], 0
    while (start := html.find("<!--", at)) != -1 and (end := html.find("-->", start + 4)) != -1:
        kept.append(html[at:start])
        at = end + 3
    return "".join(kept) + html[at:]


class _HtmlReader(HTMLParser):
    _BLOCKS = {"p", "div", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
    _UNSHOWN = {"script", "style", "head", "title"}
    _MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # The open link's address and where its text starts: one at a time, as HTML nests
        # none (joining nested ones again and again would take quadratic time).
        self._link: tuple[str, int] | None = None
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._UNSHOWN:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in self._MARKS:
            self.parts.append(self._MARKS[tag])
        elif tag == "a" and self._link is None:
            self._link = (dict(attrs).get("href") or "", len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._UNSHOWN:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in self._MARKS:
            self.parts.append(self._MARKS[tag])
        elif tag == "a" and self._link is not None:
            (href, start), self._link = self._link, None
            label = "".join(self.parts[start:]).strip()
            if re.match(r"https?://", href, re.I) and label and label != href:
                self.parts[start:] = [f"[{label}]({href})"]
            elif re.match(r"https?://", href, re.I) and not label:
                self.parts[start:] = [href]

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\xa0", " "))


def entry_location(component) -> str:
    """LOCATION as words a place is read from: Meetup's "Venue (street, city, cc)" as a list."""
    location = _first_text(component, "LOCATION").strip()
    if _GEO_URI.match(location):
        return ""  # only coordinates, read by `entry_coordinates`
    # Told apart by string methods: a pattern for it backtracks quadratically over commas.
    venue, _bracket, inside = location.removesuffix(")").partition("(")
    is_bracketed = location.endswith(")") and "," in inside and venue.strip()
    if is_bracketed and not any(c in venue + inside for c in "()"):
        return f"{venue.strip()}, {inside.strip()}"
    return location


def entry_coordinates(component) -> tuple[float, float] | None:
    """Where the entry takes place by `GEO` ("52.37;4.89", or "52.37,4.89" as some write it),
    Apple's structured location or a LOCATION that is a geo: URI ("geo:48.8675,2.3637"); None
    when none gives a point on Earth."""
    geo = component.get("GEO")
    geo = geo[0] if isinstance(geo, list) and geo else geo
    if isinstance(geo, vGeo):
        geo = f"{geo.latitude};{geo.longitude}"
    found = re.fullmatch(
        r"\s*(-?\d{1,3}(?:\.\d+)?)\s*[;,]\s*(-?\d{1,3}(?:\.\d+)?)\s*", str(geo or "")
    )
    for name in ("X-APPLE-STRUCTURED-LOCATION", "LOCATION"):
        found = found or _GEO_URI.match(_first_text(component, name))
    if found is None:
        return None
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
    component, *, location: str, meeting_url: str, url: str, language: str | None
) -> Place | None:
    """Where the entry takes place: the place LOCATION names (at the entry's own coordinates
    when it gives them), else the city at its coordinates; None for an online entry."""
    coordinates = entry_coordinates(component)
    venue = location or apple_place_title(component)
    if names_no_place(location) and meeting_url:
        return None
    if names_no_place(location) and without_links(location).strip() and url:
        # "Online event" on Meetup or lu.ma: the call's link is given to those who sign up
        # on the event's page, which the entry links to.
        return None
    if names_no_place(location) and coordinates is None:
        raise EntryNotUnderstood(
            _("it names neither a place nor a meeting link (LOCATION “%(text)s”)")
            % {"text": location[:120]}
        )
    try:
        # Japanese and Chinese write their commas wide ("渋谷駅、東京、日本").
        parts = re.split(r"[,、，\n]", without_links(location))
        return with_exact_point(read_place(parts, language=language, with_venue=True), coordinates)
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
        for value in values if isinstance(values, list) else [values]:
            text = str(value or "").strip()
            if text.lower().startswith(("http://", "https://")):
                return text
    for text in (location, url, entry_text(component, "DESCRIPTION")):
        if found := meeting_links_in(text):
            return found[0]
    return ""


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


def entry_text(component, name: str) -> str:
    """A property's text, trimmed; of a property given twice, the first."""
    return _first_text(component, name).strip()


def _first_text(component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):  # a property given twice: the first counts
        value = value[0] if value else ""
    return str(value or "")
