"""The places of a protest page: city bullets, "Where:" lines and the call to organize.

A city bullet names a place and usually links to a signup page: "**[London, UK](https://lu.ma/x)**",
"US, California, San Francisco ([Facebook](...))", "**Den Haag**, the Netherlands ([join the
WhatsApp group](...))". Words in brackets are notes, not the place. A bullet without a link,
or saying "t.b.a.", is an event whose details are to be announced. A bullet asking readers to
organize ("Organize in your area! Join our Discord") gives the campaign's coordination link.
A single-city page instead says "Where: Parliament Square, London" and lists its signup links
on their own bullets.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import Platform, recognize_platform

from .countries import country_codes_for, leading_flag
from .dates import find_dates, month_names, weekday_names
from .details import Line, is_cancelled, is_signup_link, labelled_parts, lines_of
from .document import Block, Link, is_only_links
from .event_days import Anchors, relative_day, resolve
from .event_words import SIGNUP
from .meeting_links import is_meeting_link, meeting_links_in, names_online
from .places import Place, PlaceNotUnderstood, gazetteer, read_place
from .records import EventRecord
from .times import (
    Duration,
    TimeSpan,
    ZoneNotUnderstood,
    find_duration,
    find_times,
    local_time,
    strip_times,
    zone_for,
)
from .vocabulary import (
    CALLS_TO_ORGANIZE,
    DATE_FILLERS,
    TO_BE_ANNOUNCED,
    contains_phrase,
    fold,
    phrases,
)

CHAT_PLATFORMS = {Platform.DISCORD, Platform.WHATSAPP, Platform.TELEGRAM, Platform.SIGNAL}
_MAP_HOSTS = (
    "goo.gl",
    "maps.google",
    "google.com",
    "maps.app.goo.gl",
    "openstreetmap.org",
    "osm.org",
    "maps.apple.com",
    "bing.com",
    "here.com",
    "what3words.com",
)


@dataclass
class CityListReading:
    """What the event sections of one page say about places, links and coordination."""

    events: list[EventRecord] = field(default_factory=list)
    coordination_url: str = ""
    leftovers: list[Block] = field(default_factory=list)  # prose to keep in the narrative
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _SinglePlace:
    """What "Where:", "When:" and emoji lines say about the one event of a page or section."""

    place: Place | None = None
    line: int | None = None
    links: list[Link] = field(default_factory=list)
    explicit: list[Link] = field(default_factory=list)  # "Sign up", "RSVP on Luma"
    day: date | None = None
    last_day: date | None = None
    times: TimeSpan | None = None
    duration: Duration | None = None
    is_cancelled: bool = False
    has_details: bool = False  # a "When:" or "Where:" line was seen
    venue: str = ""  # "College Green" in "College Green, 11:00–13:00" under a dated heading
    is_online: bool = False  # "Where: online", "📍 En ligne (Zoom)"
    # The rows of a table of days without places: one event each, at this place.
    dated_rows: list[tuple[date, Block]] = field(default_factory=list)


@dataclass
class _ListContext:
    """What a sentence before a list says of all its places: "In Sweden there will be 3
    protests at 12:00:"."""

    country: str | None = None
    times: TimeSpan | None = None


@dataclass
class ReadingContext:
    """What the page around the blocks tells: its dates, its language, its signup link."""

    window: tuple[date, date]
    anchors: Anchors
    language: str | None
    title: str = ""
    day: date | None = None  # the day a dated heading gives the blocks under it
    heading_place: str = ""  # "Amsterdam" in "### 19 April – Amsterdam"
    page_signup: Link | None = None  # an explicit signup link elsewhere on the page
    country: str | None = None  # the country of the page's other events, for bare city names
    zone: str = ""  # "CET" when the page says "All times CET"


def read_city_lists(
    blocks: list[Block],
    *,
    context: ReadingContext,
    strict: list[bool],
    plain: list[bool] | None = None,
) -> CityListReading:
    """Read the blocks of the event sections; `strict[i]` says whether blocks[i] stands in a
    section announced as a list of places (where an unreadable bullet is worth a warning),
    `plain[i]` whether it stands in a "When & Where" section, whose lines need no label."""
    reading = CityListReading()
    single = _SinglePlace(day=context.day)
    around = _ListContext()
    language = context.language
    blocks, strict, plain = _with_nested_places(blocks, strict, plain, language)
    # In a list of cities a bullet without a label is one more place, never a detail of a
    # single event: "**Online** – 20:00" is no time of the bullet after it. A list is of
    # cities when two bullets name places, or one names a place and its own time or link.
    places = [
        b for b in blocks if b.kind == "item" and names_place(_without_pin(b, context), context)
    ]
    is_city_list = len(places) > 1 or any(b.links or find_times(b.text) for b in places)
    for index, (block, is_strict) in enumerate(zip(blocks, strict, strict=True)):
        is_plain = bool(plain and plain[index]) and not (is_city_list and block.kind == "item")
        if block.kind == "paragraph":
            if _read_detail_lines(block, single, reading, context, is_plain):
                continue
            around = _list_context(block, language) or around
            _read_paragraph(block, reading, language)
        elif block.kind == "item" and block.depth == 0:
            flag, _rest = leading_flag(block.text)
            block = _without_pin(block, context)
            if _read_detail_lines(block, single, reading, context, is_plain):
                continue
            # "🇦🇺 Perth": the flag names the country, so this Perth is not Scotland's.
            item_around = replace(around, country=flag) if flag else around
            _read_item(block, reading, single, context, is_strict, item_around)
    title = context.title
    if single.place is None and single.has_details and context.heading_place:
        try:
            single.place = read_place(
                _parts(context.heading_place), language=language, country_hint=context.country
            )
        except PlaceNotUnderstood:
            pass
    if single.place is not None and single.venue and not single.place.venue:
        single.place = replace(single.place, venue=single.venue[:200])
    if single.place is None and single.links and not reading.events and title:
        single.place = _place_in_title(title, language)
        if single.place is not None:
            message = _("the place, %(city)s (%(country)s), was taken from the title") % {
                "city": single.place.city,
                "country": single.place.country,
            }
            reading.problems.append((single.line or 0, message))
    if single.place is not None and single.dated_rows:
        reading.events += [_row_event(single, row, context, reading) for row in single.dated_rows]
    elif single.place is not None:
        reading.events.append(_single_event(single, context, reading))
    elif single.is_online:
        page_signup = [context.page_signup] if context.page_signup and context.day is None else []
        links = [*single.explicit, *page_signup, *single.links]
        day = single.day or context.day or context.window[0]
        times = _in_page_zone(single.times, context)
        text = " ".join(link.text for link in single.explicit)
        event = online_event(links, text, single.line, day, times, context)
        event.is_cancelled = single.is_cancelled
        reading.events.append(event)
    elif single.links and not reading.events:
        reading.problems.append(
            (single.line or 0, _("signup links found, but no line says where the event is"))
        )
    return reading


def _with_nested_places(
    blocks: list[Block], strict: list[bool], plain: list[bool] | None, language: str | None
) -> tuple[list[Block], list[bool], list[bool] | None]:
    """The blocks with nested lists of places read as city bullets: a country over its
    cities over their details ("México" › "Guadalajara" › "Plaza de Armas", "17:00 hrs") is
    "Guadalajara, México – Plaza de Armas – 17:00 hrs"; a city over its shifts ("Phoenix, AZ"
    › "Morning: 6:30–8am, …", "Evening: 7:30–9pm, …") is one bullet per shift; a city over
    details without hours is one bullet. Blocks outside nested lists are kept as they are."""
    if not any(b.kind == "item" and b.depth > 0 for b in blocks):
        return blocks, strict, plain
    kept: list[int] = []
    made: dict[int, list[Block]] = {}
    index = 0
    while index < len(blocks):
        block = blocks[index]
        children = _children(blocks, index)
        if block.kind != "item" or block.depth != 0 or not children:
            kept.append(index)
            index += 1
            continue
        country = _only_a_country(block.text, language)
        if country:
            made[index] = [
                item
                for child in children
                if blocks[child].depth == 1
                for item in _city_with_details(blocks, child, f", {country}")
            ]
        else:
            made[index] = _city_with_details(blocks, index, "")
        kept.append(index)
        index = children[-1] + 1
    new_blocks: list[Block] = []
    new_strict: list[bool] = []
    new_plain: list[bool] = []
    for index in kept:
        replacement = made.get(index, [blocks[index]])
        new_blocks += replacement
        new_strict += [strict[index]] * len(replacement)
        new_plain += [bool(plain and plain[index])] * len(replacement)
    return new_blocks, new_strict, (new_plain if plain is not None else None)


def _children(blocks: list[Block], index: int) -> list[int]:
    """The indexes of the items nested under the item at `index`."""
    found = []
    for later in range(index + 1, len(blocks)):
        if blocks[later].kind != "item" or blocks[later].depth <= blocks[index].depth:
            break
        found.append(later)
    return found


def _only_a_country(text: str, language: str | None) -> str:
    """The country a bullet names and nothing else ("México", "**Argentina**"), or ""."""
    name = text.strip(" *_:")
    return name if name and len(country_codes_for(name, language=language)) == 1 else ""


# A shift's label before its hours: "Morning: 6:30–8am", "Abends – 19 Uhr".
_SHIFT_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s*[:–—-]\s*(?=\d)")


def _city_with_details(blocks: list[Block], index: int, country: str) -> list[Block]:
    """The bullets of the city at `index` and the details nested under it (see
    `_with_nested_places`)."""
    city = blocks[index]
    place = city.text.strip() + country
    details = [blocks[child] for child in _children(blocks, index)]
    if not details:
        return [replace(city, text=place, depth=0)]
    timed = [detail for detail in details if find_times(detail.text)]
    if len(timed) > 1 and len(timed) == len(details):
        return [
            replace(
                detail,
                text=f"{place} – {_SHIFT_LABEL.sub('', detail.text.strip())}",
                links=[*city.links, *detail.links],
                depth=0,
            )
            for detail in details
        ]
    text = " – ".join([place, *(detail.text.strip() for detail in details)])
    links = [link for block in [city, *details] for link in block.links]
    return [replace(city, text=text, links=links, depth=0)]


_PIN_START = re.compile(r"^\s*[📍📌]\ufe0f?\s*")


def _without_pin(block: Block, context: ReadingContext) -> Block:
    """A city bullet that opens with a pin ("📍 **Madrid** — Puerta del Sol — 12:00") or a
    flag ("🇩🇪 Berlin – …") is read without it: the pin decorates a list of places rather
    than labelling one event's, and the flag's country is read apart (`leading_flag`)."""
    flag, after_flag = leading_flag(block.text)
    if flag is not None:
        return replace(block, text=after_flag)
    if not _PIN_START.match(block.text):
        return block
    bare = replace(block, text=_PIN_START.sub("", block.text, count=1))
    if names_place(bare, context) or names_online(bare.text, context.language):
        return bare
    return block


def _place_in_title(title: str, language: str | None) -> Place | None:
    """The city in "Protest @ Bletchley Park - November 1st": the longest run of the words
    after "@" that the gazetteer knows (a guess, so it is reported)."""
    if "@" not in title or gazetteer() is None:
        return None
    words = re.split(r"\s[-–—|:]\s", title.split("@", 1)[1])[0].split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) < 4:
                continue
            try:
                return read_place([candidate], language=language, with_venue=True)
            except PlaceNotUnderstood:
                continue
    return None


def _read_paragraph(block: Block, reading: CityListReading, language: str | None) -> None:
    link = _coordination_link(block, language)
    if link and not reading.coordination_url:
        reading.coordination_url = link
        return
    reading.leftovers.append(block)
    if contains_phrase(block.text, TO_BE_ANNOUNCED, language):
        # "UK (exact location TBD) / 4:00 pm GMT": a place meant as an event, but unplaceable.
        error = PlaceNotUnderstood(_("no city is named"))
        reading.problems.append((block.line, _place_problem(block.text, error)))


def _read_detail_lines(
    block: Block,
    single: _SinglePlace,
    reading: CityListReading,
    context: ReadingContext,
    is_plain: bool,
) -> bool:
    """Read a block made of "When:"/"Where:"/emoji lines (or, in a "When & Where" section, of
    plain lines) into `single`; False when the block is something else."""
    language = context.language
    lines = lines_of(block)
    labelled = [(line, labelled_parts(line.text, language)) for line in lines]
    has_labels = any(parts for _line, parts in labelled)
    if has_labels and len(lines) > 1:
        # "Sabato 12 aprile 2025, ore 15" over "Dove: Piazza Maggiore": a line of nothing
        # but a day and an hour, beside labelled lines, says when without its label.
        labelled = [
            (line, parts or _unlabelled_when(line.text, language)) for line, parts in labelled
        ]
    if not has_labels and (not is_plain or _coordination_link(block, language)):
        return False
    if not has_labels and block.kind == "item" and names_place(block, context):
        return False  # a city bullet in a "When & Where" section
    if not has_labels and block.kind == "item" and names_online(block.text, language):
        return False  # "Online – 18:00 UTC", a bullet of its own
    if not has_labels:
        may_name_place = context.day is None
        labelled = [
            (line, _plain_parts(line, single, language, may_name_place=may_name_place))
            for line, _parts in labelled
        ]
        if not any(parts for _line, parts in labelled):
            return False
    used = False
    for line, parts in labelled:
        for label, value in parts:
            used = _read_detail(label, value, line, single, reading, context) or used
        if parts and is_cancelled(line.text, language):
            single.is_cancelled = True
        for link in line.links:
            if _is_signup(link) and is_signup_link(link, line.text, language):
                single.explicit.append(link)
                used = True
    if used:
        single.has_details = True
    return used


def _unlabelled_when(text: str, language: str | None) -> list[tuple[str, str]]:
    rest = strip_times(text)
    for mention in find_dates(rest, language=language):
        del mention  # only whether there is one
        rest = re.sub(r"[\d.,/:–-]+", " ", rest)
        words = [w for w in re.findall(r"[^\W\d_]+", rest) if not _is_date_word(w, language)]
        if not words and find_times(text):
            return [("when", text)]
        break
    return []


def _is_date_word(word: str, language: str | None) -> bool:
    folded = fold(word).rstrip(".")
    return (
        folded in month_names(language)
        or folded in weekday_names(language)
        or folded in phrases(DATE_FILLERS, language)
        or folded in _HOUR_WORDS
    )


# Words around an hour in a line of a day and its hour: "om 14 uur", "ore 15", "godz. 15".
_HOUR_WORDS = frozenset(
    "om uur at um uhr ore alle dalle a as às à h kl klockan godz godzina o de van von".split()
)


def _plain_parts(
    line: Line, single: _SinglePlace, language: str | None, *, may_name_place: bool
) -> list[tuple[str, str]]:
    """A line of a "When & Where" section without a label: a day or time, else a place
    (under a dated heading the heading names the place)."""
    text = line.text
    for link in line.links:
        text = text.replace(link.text, " ")
    text = text.strip(" *_.")
    if not text:
        return []
    if find_dates(text, language=language) or find_times(text) or _is_relative(text, language):
        # "Provinciehuis Overijssel, Luttenbergstraat 2. Start om 11.00 uur.": the sentence
        # without a day or a time is the venue.
        sentences = _SENTENCE_END.split(text)
        untimed = [
            s for s in sentences if not find_times(s) and not find_dates(s, language=language)
        ]
        if len(sentences) > 1 and untimed:
            rest = untimed[0].strip(" ,.;–-")
        else:
            rest = strip_times(text).strip(" ,.;–-")
        is_venue = rest and not find_dates(rest, language=language) and rest != text
        return [("when", text), *([("venue", rest)] if is_venue else [])]
    if may_name_place and single.place is None and len(text) <= 150 and not line.links:
        return [("where", text)]
    return []


_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\d))\.\s+(?=[A-ZÀ-Þ])")


def _is_relative(text: str, language: str | None) -> bool:
    return relative_day(text, posted=date(2000, 1, 1), language=language) is not None


def _read_detail(
    label: str,
    value: str,
    line: Line,
    single: _SinglePlace,
    reading: CityListReading,
    context: ReadingContext,
) -> bool:
    language = context.language
    if label == "where":
        if single.place is not None:
            return True
        if names_online(value, language):
            single.is_online = True
            single.line = single.line or line.line
            single.links.extend(line.links)
            return True
        if context.heading_place and len(_parts(value)) == 1:
            # Under "## Chemnitz", "Treffpunkt: Neumarkt" is a square, not Neumarkt in der
            # Oberpfalz: the heading names the city, one word more is its venue.
            if fold(value.strip(" *_.")) != fold(context.heading_place):
                single.venue = single.venue or value.strip(" *_.")[:200]
            return True
        try:
            single.place = read_place(_parts(value), language=language, with_venue=True)
            single.line = single.line or line.line
        except PlaceNotUnderstood as error:
            if context.heading_place:  # "### 7 March – A Coruña" / "📍 Plaza de María Pita"
                single.venue = single.venue or value.strip(" *_.")[:200]
            else:
                reading.problems.append((line.line, _place_problem(value, error)))
        return True
    if label == "venue":
        single.venue = single.venue or value
        return True
    if label == "duration":
        single.duration = find_duration(line.text, language) or single.duration
        return True
    if label in {"when", "time"}:
        if label == "when":
            days = _days_in(value, context)
            if days is not None:
                single.day, single.last_day = days
        single.times = find_times(value) or single.times
        single.line = single.line or line.line
        return True
    return False


def _days_in(text: str, context: ReadingContext) -> tuple[date, date | None] | None:
    """The day (and last day) a "When:" line names, or the day "tomorrow" means."""
    for mention in find_dates(text, language=context.language):
        window = resolve(mention, context.anchors)
        if window is not None:
            return window[0], (window[1] if window[1] != window[0] else None)
    day = relative_day(text, posted=context.anchors.posted, language=context.language)
    return (day, None) if day else None


def names_place(block: Block, context: ReadingContext) -> bool:
    """Whether a bullet names a place, maybe after its day ("10/18/2025: Foley Square, New
    York, NY – RSVP", a row of a table of events)."""
    language = context.language
    text, day = _leading_day(block.text, context)
    words = _place_words(strip_times(text), language)
    try:
        read_place(_parts(words, language), language=language, with_venue=day is not None)
    except PlaceNotUnderstood:
        return False
    return True


def _list_context(block: Block, language: str | None) -> _ListContext | None:
    """ "In Sweden there will be 3 protests at 12:00:": a country and a time for the list."""
    text = block.text.strip()
    if not text.endswith(":") or len(text) > 200:
        return None
    words = re.findall(r"[^\W\d_]+", text)
    country = None
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            if len(words[start]) < 3 or not words[start][0].isupper():
                continue
            codes = country_codes_for(" ".join(words[start : start + size]), language=language)
            if len(codes) == 1:
                country = next(iter(codes))
                break
        if country:
            break
    times = find_times(text)
    return _ListContext(country, times) if country or times else None


def _read_item(
    block: Block,
    reading: CityListReading,
    single: _SinglePlace,
    context: ReadingContext,
    is_strict: bool,
    around: _ListContext,
) -> None:
    language = context.language
    link = _coordination_link(block, language)
    if link:
        reading.coordination_url = reading.coordination_url or link
        return
    if block.links and all(_is_map(link.url) for link in block.links):
        map_only = PlaceNotUnderstood(_("a map link alone"))
        _read_other_item(block, reading, single, language, is_strict, map_only)
        return
    text, day = _leading_day(block.text, context)
    if names_online(_after_leading_time(text) or text, language):
        times = _in_page_zone(find_times(block.text) or around.times, context)
        day = day or _own_day(block, context) or context.day or context.window[0]
        event = online_event(block.links, block.text, block.line, day, times, context)
        reading.events.append(event)
        return
    timed = _after_leading_time(text) if day is None else None
    try:
        place = read_place(
            _parts(_place_words(strip_times(timed or text), language), language),
            language=language,
            country_hint=around.country or context.country or _usual_country(reading.events),
            # "12 April: Utrecht, Neude", "14:00: College Green, Bristol" read like addresses
            with_venue=day is not None or timed is not None,
        )
    except PlaceNotUnderstood as error:
        if block.is_row and day is not None:
            single.dated_rows.append((day, block))
            return
        _read_other_item(block, reading, single, language, is_strict, error)
        return
    explicit = [link for link in block.links if is_signup_link(link, block.text, language)]
    signup = next((link for link in [*explicit, *block.links] if _is_signup(link)), None)
    is_tba = signup is None or contains_phrase(block.text, TO_BE_ANNOUNCED, language)
    day = day or _own_day(block, context)
    event = _event(
        place,
        block.line,
        signup.url if signup else "",
        is_tba,
        day or context.day or context.window[0],
        _in_page_zone(find_times(block.text) or around.times, context),
        reading,
    )
    event.is_cancelled = is_cancelled(block.text, language)
    if not event.venue:
        event.venue = _venue_beside(timed or text, block, language)
    reading.events.append(event)


def _own_day(block: Block, context: ReadingContext) -> date | None:
    """ "(13 May)", else a day anywhere in the bullet: "**Boston** – March 4, 13:00"."""
    days = _days_in(_in_brackets(block.text), context) or _days_in(
        strip_times(_without_links(block)), context
    )
    return days[0] if days else None


def _usual_country(events: list[EventRecord]) -> str | None:
    """The country most of the list's places so far are in: "Valencia" after Madrid and
    Seville is Spain's."""
    countries = Counter(event.country for event in events if event.country).most_common(1)
    return countries[0][0] if countries else None


def online_event(
    links: list[Link],
    text: str,
    line: int | None,
    day: date,
    times: TimeSpan | None,
    context: ReadingContext,
) -> EventRecord:
    """An online event: its call's link kept apart (participants only), another link its
    signup, the zone its time is written in ("18:00 UTC", "7 PM ET") or, when none is
    written, the page's (`page_events.finish_campaign` fills it in)."""
    language = context.language
    urls = [link.url for link in links] + meeting_links_in(text)
    meeting = next((url for url in urls if is_meeting_link(url)), "")
    explicit = [link for link in links if is_signup_link(link, text, language)]
    signup = next(
        (
            link.url
            for link in [*explicit, *links]
            if _is_signup(link) and not is_meeting_link(link.url)
        ),
        "",
    )
    zone, starts, ends = "", None, None
    if times is not None:
        zone, starts, ends, day = _in_written_zone(times, day)
    return EventRecord(
        city="",
        country="",
        timezone=zone,
        day=day,
        line=line,
        signup_url=signup,
        platform=str(recognize_platform(signup)) if signup else None,
        is_to_be_announced=not (signup or meeting)
        or contains_phrase(text, TO_BE_ANNOUNCED, language),
        starts=starts,
        ends=ends,
        is_cancelled=is_cancelled(text, language),
        is_online=True,
        meeting_url=meeting[:500],
    )


def _in_written_zone(times: TimeSpan, day: date) -> tuple[str, time, time | None, date]:
    """(zone, start, end, day) of an online event's time: "7 PM ET" is 19:00 in New York's
    zone, "18:00 UTC+2" 16:00 in UTC; no zone written leaves the zone to the page."""
    if not times.zone:
        return "", times.starts, times.ends, day
    zone, offset = zone_for(times.zone, day)
    if zone:
        return zone, times.starts, times.ends, day
    if offset is None:
        return "", times.starts, times.ends, day
    starts = datetime.combine(day, times.starts) - offset
    ends = datetime.combine(day, times.ends) - offset if times.ends else None
    return "UTC", starts.time(), ends.time() if ends else None, starts.date()


def _venue_beside(text: str, block: Block, language: str | None) -> str:
    """The venue a city bullet gives beside the city: "**Stockholm** – Mynttorget –
    [Facebook](…)", "**Roma** – Piazza della Repubblica, ore 9:30 – [iscriviti](…)"."""
    parts = _VENUE_AFTER.split(text)
    for part in parts[1:]:
        for link in block.links:
            part = part.replace(link.text, " ")
        # What a removed time leaves at the end: "de" of "de 14h à 16h", "오후" of "오후 3시".
        part = ", ".join(_without_time(piece) for piece in part.split(","))
        part = re.sub(r"\([^)]*\)?|\[[^\]]*\]", " ", strip_times(part))
        part = " ".join(part.split()).strip(" ,.;:*_–-、，。")
        # What a removed time leaves of its sentence: "von , Odeonsplatz", "from , Briggate".
        part = re.sub(r"^[^\W\d_A-Z]{2,5}\s*,\s*", "", part)
        # A day beside the venue ("March 4, Boston Common") is no part of it, nor what the
        # line says of its time or fate ("à confirmer", "avlyst"), nor a postcode alone.
        part = ", ".join(
            piece.strip() for piece in part.split(",")
            if piece.strip() and not _is_beside_the_venue(piece, language)
        )  # fmt: skip
        if not part or contains_phrase(part, TO_BE_ANNOUNCED, language):
            continue
        if is_cancelled(part, language) and len(part.split()) <= _OUTCOME_WORDS:
            continue  # "**Leuven** – afgelast" says what became of it, not where
        part = _without_signup_words(part, language)  # "Westlake Park. RSVP: https://…"
        # A venue has a word of three letters, or two in Chinese or Japanese ("梅田").
        if find_dates(part, language=language) or not re.search(
            r"[^\W\d_]{3,}|[\u3040-\u30ff\u4e00-\u9fff]{2,}", part
        ):
            continue
        return part[:200]
    return ""


def _without_time(piece: str) -> str:
    """A piece of a venue without its time, and without the short word the time leaves."""
    bare = strip_times(piece)
    if bare.strip() != piece.strip() and re.fullmatch(r"\s*[^\W\d_A-Z]{1,5}\s*", bare):
        return ""
    return bare


def _is_beside_the_venue(piece: str, language: str | None) -> bool:
    """Whether a comma's piece of a venue says something else: a day, a note that details
    are to come, that the event is off, or a postcode alone ("SE1 7SP", "00-277")."""
    words = piece.split()
    return bool(
        find_dates(piece, language=language)
        or contains_phrase(piece, TO_BE_ANNOUNCED, language)
        or (is_cancelled(piece, language) and len(words) <= _OUTCOME_WORDS)
        or _POSTCODE_ALONE.fullmatch(piece.strip())
    )


# Postcodes written apart from their city: British and Canadian ones, and digits ("00-277").
_POSTCODE_ALONE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{2,3}-?\d{3}"
)


# What separates a city from its venue: "Stockholm – Mynttorget", "Amsterdam (NL): 15:00 @
# Dam", "Rotterdam: Schouwburgplein, 13:00", "Lyon 📍 Place Bellecour".
_VENUE_AFTER = re.compile(r"\s[-–—|·•]\s|\s*[@：]\s*|\s*📍\ufe0f?\s*|(?<!\d)\s*:(?!\d)\s*")
# A part this short that says "cancelled" beside a city tells its fate, not its venue.
_OUTCOME_WORDS = 3


def _without_signup_words(part: str, language: str | None) -> str:
    """The venue before the words asking to sign up that end it ("City Hall. RSVP: …")."""
    words = "|".join(re.escape(phrase) for phrase in phrases(SIGNUP, language))
    return re.sub(rf"(?i)(?:[.,;]\s*|\s+)(?:{words})(?!\w).*$", "", part).strip(" ,.;:")


# A colon between digits is a clock's ("14:00"), not the end of a leading day.
_LEADING_SEPARATOR = re.compile(r"\s*(?:(?<!\d):|:(?!\d)|\s[-–—|]\s|,|、)\s*")
# A day in digits opening a bullet with no separator after it: "4/12 14:00 Tokyo".
_LEADING_DIGITS_DAY = re.compile(
    r"^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)\.?\s+"
)


def _leading_day(text: str, context: ReadingContext) -> tuple[str, date | None]:
    """ "12 April: Utrecht, Neude" → ("Utrecht, Neude", the 12th of April)."""
    for match in _LEADING_SEPARATOR.finditer(text):
        head = text[: match.start()]
        if len(head) > 40:
            break
        if not find_dates(head, language=context.language):
            continue
        if _names_more_than_a_day(head, context.language):
            break  # "**Boston** – March 4, …": the line opens with its place, not a day
        days = _days_in(head, context)
        if days is not None:
            return text[match.end() :], days[0]
    if opening := _LEADING_DIGITS_DAY.match(text):
        days = _days_in(opening.group(), context)
        if days is not None:
            return text[opening.end() :], days[0]
    return text, None


def _names_more_than_a_day(text: str, language: str | None) -> bool:
    words = re.findall(r"[^\W\d_]+", strip_times(text))
    return any(not _is_date_word(word, language) for word in words)


def _after_leading_time(text: str) -> str | None:
    """ "Palace Pier, Brighton" in "11am – 1pm: Palace Pier, Brighton" (a row of a table whose
    "Time" column comes first); None when the text does not start with a time."""
    head, colon, rest = text.partition(": ")
    if not colon or len(head) > 30 or not find_times(head) or strip_times(head).strip(" –-"):
        return None
    return rest


def _read_other_item(
    block: Block,
    reading: CityListReading,
    single: _SinglePlace,
    language: str | None,
    is_strict: bool,
    error: PlaceNotUnderstood,
) -> None:
    """A bullet that names no place: a signup or map link of a single-city page, or prose."""
    map_link = next((link for link in block.links if _is_map(link.url)), None)
    if map_link is not None and single.place is None:
        try:
            single.place = read_place(_parts(map_link.text), language=language, with_venue=True)
            single.line = block.line
            return
        except PlaceNotUnderstood:
            pass
    signups = [link for link in block.links if _is_signup(link)]
    explicit = [link for link in signups if is_signup_link(link, block.text, language)]
    if is_strict and _names_something(block, language):
        explicit = []  # "Atlantis, Nergensland ([aanmelden](…))": a place that could not be read
    if is_cancelled(block.text, language) and len(block.text.split()) <= 4:
        single.is_cancelled = True
    elif signups and is_only_links(block):
        single.links.extend(signups)
        single.explicit.extend(explicit)
        single.line = single.line or block.line
    elif explicit:
        single.explicit.extend(explicit)
        reading.leftovers.append(block)
    elif is_strict and (block.links or not contains_phrase(block.text, TO_BE_ANNOUNCED, language)):
        reading.problems.append((block.line, _place_problem(block.text, error)))
    else:
        reading.leftovers.append(block)


def _names_something(block: Block, language: str | None) -> bool:
    """Whether a bullet has words of its own besides its links and the words asking to sign
    up: "**Atlantis**, Nergensland ([aanmelden](…))" names a place, "Sign up [here](…)" not."""
    outside = block.text
    for link in block.links:
        outside = outside.replace(link.text, " ", 1)
    outside = fold(outside)
    for phrase in phrases(SIGNUP, language):
        outside = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", outside)
    return bool(re.search(r"[^\W\d_]{3,}", outside))


def _single_event(
    single: _SinglePlace, context: ReadingContext, reading: CityListReading
) -> EventRecord:
    assert single.place is not None
    # The page's signup link is the single event's, not that of one stop of a series.
    page_signup = context.page_signup if context.day is None else None
    explicit = single.explicit or ([page_signup] if page_signup else [])
    chosen = next(iter(explicit), None) or next(iter(single.links), None)
    signup = chosen.url if chosen else ""
    day = single.day or context.day or context.window[0]
    times = _in_page_zone(single.times, context)
    event = _event(single.place, single.line, signup, not signup, day, times, reading)
    event.is_cancelled = single.is_cancelled
    if single.duration and single.duration.days > 1:
        event.last_day = day + timedelta(days=single.duration.days - 1)
    elif single.duration and single.duration.hours and event.starts and not event.ends:
        moment = datetime.combine(day, event.starts) + timedelta(hours=single.duration.hours)
        event.ends = moment.time()
    elif single.last_day and single.last_day > day:
        event.last_day = single.last_day
    return event


def _row_event(
    single: _SinglePlace,
    row: tuple[date, Block],
    context: ReadingContext,
    reading: CityListReading,
) -> EventRecord:
    """The event of one row of a table of days ("Sunday 14 February 2027 | Families apart |
    [Humanitix](…)") at the page's one place, with the row's own link, hours and fate."""
    day, block = row
    signups = [link for link in block.links if _is_signup(link)]
    own = replace(
        single,
        day=day,
        last_day=None,
        duration=None,
        links=signups,
        explicit=[link for link in signups if is_signup_link(link, block.text, context.language)],
        times=find_times(block.text) or single.times,
        is_cancelled=is_cancelled(block.text, context.language),
    )
    event = _single_event(own, replace(context, page_signup=None), reading)
    event.line = block.line
    return event


def _in_page_zone(times: TimeSpan | None, context: ReadingContext) -> TimeSpan | None:
    """A time written without a zone on a page that says "All times CET" is a CET time."""
    if times is None or times.zone or not context.zone:
        return times
    return replace(times, zone=context.zone)


def _event(
    place: Place,
    line: int | None,
    signup_url: str,
    is_tba: bool,
    day: date,
    times: TimeSpan | None,
    reading: CityListReading,
) -> EventRecord:
    starts, ends = (times.starts, times.ends) if times else (None, None)
    if times and times.zone:
        try:
            starts, day = local_time(
                times.starts, day=day, written_zone=times.zone, event_zone=place.timezone
            )
            if times.ends:
                ends, _end_day = local_time(
                    times.ends, day=day, written_zone=times.zone, event_zone=place.timezone
                )
        except ZoneNotUnderstood:
            message = _(
                "the time zone “%(zone)s” is not one the importer knows; the time was read "
                "as %(city)s's own"
            ) % {"zone": times.zone, "city": place.city}
            reading.problems.append((line or 0, message))
    return EventRecord(
        city=place.city,
        country=place.country,
        timezone=place.timezone,
        day=day,
        line=line,
        signup_url=signup_url,
        platform=str(recognize_platform(signup_url)) if signup_url else None,
        is_to_be_announced=is_tba,
        latitude=place.latitude,
        longitude=place.longitude,
        venue=place.venue,
        starts=starts,
        ends=ends,
    )


def _coordination_link(block: Block, language: str | None) -> str:
    """The chat link of a call to organize ("Organize in your area! Join our Discord")."""
    if not block.links or not contains_phrase(block.text, CALLS_TO_ORGANIZE, language):
        return ""
    chats = [link.url for link in block.links if recognize_platform(link.url) in CHAT_PLATFORMS]
    return chats[0] if chats else ""


def _place_words(text: str, language: str | None) -> str:
    """The words naming the place: notes in brackets and "t.b.a." removed, a country in
    brackets kept ("Amsterdam (NL)", "Valencia (Venezuela)"), what follows a separator left
    out ("Rotterdam: Schouwburgplein", "Amsterdam @ Dam", "Utrecht – Neude")."""

    def bracket(match: re.Match) -> str:
        inner = (match.group(1) or "").strip(" *_")
        return f", {inner} " if inner and country_codes_for(inner, language=language) else " "

    words = re.sub(r"\(([^)]*)\)?|\[[^\]]*\]", bracket, text)
    folded_phrases = phrases(TO_BE_ANNOUNCED, language)
    for phrase in folded_phrases:
        words = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", words)
    segments = _PLACE_END.split(words.strip())
    # What a removed time leaves before its colon ("11am – 1pm: Palace Pier") names nothing.
    return next((seg for seg in segments if re.search(r"[^\W\d_]", seg)), segments[0])


# Where the words naming a place end: a spaced dash or slash, "@", a pin, or a colon that is
# not a clock's.
_PLACE_END = re.compile(r"\s[-–—:/|·•]\s|\s*[@：]\s*|\s*📍\ufe0f?\s*|(?<!\d)\s*:(?!\d)\s*")


def _parts(text: str, language: str | None = None) -> list[str]:
    # Japanese and Chinese write their commas wide ("渋谷駅、東京"). A part that is only a day
    # ("**Berlin**, 4. März, Brandenburger Tor") names no place.
    return [
        part for part in re.split(r"[,;\n、，；]", text)
        if part.strip(" *_") and not _is_only_a_day(part, language)
    ]  # fmt: skip


def _is_only_a_day(text: str, language: str | None) -> bool:
    return bool(find_dates(text, language=language)) and not _names_more_than_a_day(text, language)


def _without_links(block: Block) -> str:
    text = block.text
    for link in block.links:
        text = text.replace(link.text, " ").replace(link.url, " ")
    return text


def _in_brackets(text: str) -> str:
    return " ".join(re.findall(r"\(([^)]*)\)", text))


def _is_map(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in _MAP_HOSTS) and (
        "map" in url.lower() or host.startswith("goo.gl")
    )


def _is_signup(link: Link) -> bool:
    return link.url.lower().startswith(("http://", "https://")) and not _is_map(link.url)


def _place_problem(text: str, error: PlaceNotUnderstood) -> str:
    return _("could not read a place in “%(text)s”: %(reason)s") % {
        "text": " ".join(text.split())[:120],
        "reason": error,
    }
