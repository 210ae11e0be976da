"""The one event of a single-city page or section: its "Where:", "When:" and emoji lines (or
the unlabelled lines of a "When & Where" section) gathered into a `SinglePlace`, and the
event records made of it, one per row when the page gives a table of its days.

Apart from the reading of city bullets (`city_lists`): these lines describe one event, where
a bullet is one more place.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from .city_events import in_page_zone, place_event
from .city_links import coordination_link, is_signup
from .city_list_reading import CityListReading, ReadingContext, place_problem
from .city_place_words import days_in, is_date_word, names_place, place_parts
from .city_venues import venue_in_sentence, without_signup_words
from .dates import find_dates
from .details import Line, is_cancelled, is_signup_link, labelled_parts, lines_of
from .document import Block, Link
from .event_days import relative_day
from .label_words import HOUR_LABELS
from .meeting_links import names_online
from .places import Place, PlaceNotUnderstood, read_place, resolve_city
from .records import EventRecord
from .times import Duration, TimeSpan, find_duration, find_times, strip_times
from .vocabulary import TO_BE_ANNOUNCED, contains_phrase, fold, phrases


@dataclass
class SinglePlace:
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
    is_place_to_come: bool = False  # "Where: TBA": no later plain line is the place
    # The rows of a table of days without places: one event each, at this place.
    dated_rows: list[tuple[date, Block]] = field(default_factory=list)


def read_detail_lines(
    block: Block,
    single: SinglePlace,
    reading: CityListReading,
    context: ReadingContext,
    is_plain: bool,
) -> bool:
    """Read a block made of "When:"/"Where:"/emoji lines (or, in a "When & Where" section, of
    plain lines) into `single`; False when the block is something else."""
    language = context.language
    lines = with_lone_labels_joined(lines_of(block))
    labelled = [(line, labelled_parts(line.text, language)) for line in lines]
    has_labels = any(parts for _line, parts in labelled)
    if has_labels and len(lines) > 1:
        # "Sabato 12 aprile 2025, ore 15" over "Dove: Piazza Maggiore": a line of nothing
        # but a day and an hour, beside labelled lines, says when without its label.
        labelled = [
            (line, parts or _unlabelled_when(line.text, language)) for line, parts in labelled
        ]
    if not has_labels and (not is_plain or coordination_link(block, language)):
        return False
    if has_labels and block.kind == "item" and _opens_with_city(block, language):
        return False  # "**Stockholm**" over "📍 Medborgarplatsen", "🕑 13.00": one card of many
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
        is_signup_line = any(label == "signup" for label, _value in parts)
        for link in line.links:
            # "🔗 chat.whatsapp.com/…": the link's emoji says it is the event's own, a chat too.
            if (is_signup_line and is_signup(link)) or (
                is_signup(link, line.text, language) and is_signup_link(link, line.text, language)
            ):
                single.explicit.append(link)
                used = True
    if used:
        single.has_details = True
    return used


def with_lone_labels_joined(lines: list[Line]) -> list[Line]:
    """The lines with a label's emoji standing alone on its line joined to the line below it,
    which holds its value: "📍" over "Vão Livre do MASP" is "📍 Vão Livre do MASP"."""
    joined: list[Line] = []
    for line in lines:
        if joined and _LONE_LABEL.fullmatch(joined[-1].text) and line.text.strip():
            above = joined.pop()
            line = replace(
                above,
                text=f"{above.text.strip()} {line.text.strip()}",
                links=[*above.links, *line.links],
            )
        joined.append(line)
    return joined


# An emoji that stands for a label, alone on its line (`details`' pin, clock, calendar, link).
_LONE_LABEL = re.compile(r"\s*[📍📌🗓📅📆⏰🕐-🕧🔗🎟]\ufe0f?\s*")


def _opens_with_city(block: Block, language: str | None) -> bool:
    """Whether an item's words before its first label are a city's name and nothing else."""
    first = lines_of(block)[0].text
    opening = first if labelled_parts(first, language) == [] else ""
    if not opening:
        opening = re.split(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", block.text, maxsplit=1)[0]
    name = opening.strip(" *_–—-|·:")
    return bool(name) and len(name) <= 40 and resolve_city(name, language=language) is not None


def _unlabelled_when(text: str, language: str | None) -> list[tuple[str, str]]:
    rest = strip_times(text)
    for mention in find_dates(rest, language=language):
        del mention  # only whether there is one
        rest = re.sub(r"[\d.,/:–-]+", " ", rest)
        words = [w for w in re.findall(r"[^\W\d_]+", rest) if not is_date_word(w, language)]
        if not words and find_times(text):
            return [("when", text)]
        break
    return []


def _plain_parts(
    line: Line, single: SinglePlace, language: str | None, *, may_name_place: bool
) -> list[tuple[str, str]]:
    """A line of a "When & Where" section without a label: a day or time, else a place
    (under a dated heading the heading names the place)."""
    text = line.text
    for link in line.links:
        text = text.replace(link.text, " ")
    text = text.strip(" *_")
    if not re.search(r"(?<!\w)[ap]\.m\.$", text, re.I):  # "12 p.m." keeps its last dot
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
        # "Du 3 au 5 mai 2027, parc de la Tête d'Or, 14h-18h": the piece of neither.
        rest = _venue_between(text, language)
        if not rest and len(sentences) > 1 and untimed:
            rest = untimed[0].strip(" ,.;–-")
        elif not rest:
            # "We gather at the Mound at noon and walk to Holyrood": the venue before the time.
            rest = venue_in_sentence(text, language) or strip_times(text).strip(" ,.;–-")
        rest = without_signup_words(rest, language)  # "Daley Plaza. RSVP [here](…)"
        is_venue = (
            rest
            and not find_dates(rest, language=language)
            and rest != text
            and not contains_phrase(rest, TO_BE_ANNOUNCED, language)  # "Location TBA"
        )
        return [("when", text), *([("venue", rest)] if is_venue else [])]
    is_unplaced = single.place is None and not single.is_place_to_come
    if may_name_place and is_unplaced and len(text) <= 150 and not line.links:
        return [("where", text)]
    return []


def _venue_between(text: str, language: str | None) -> str:
    """The pieces of a line of a day, an hour and a place that name neither a day nor an hour
    ("**Samstag, 13. November 2027** – Niederkirchnerstraße 5, 14:00 Uhr"); "" when the
    line's first clause gives no such piece."""
    clause = _CLAUSE_END.split(text, maxsplit=1)[0] if _DAY_THEN_PLACE.search(text) else text
    for segment in _SEGMENT_END.split(clause):
        pieces = [
            piece.strip(" *_.;–—")
            for piece in segment.split(",")
            if re.search(r"[^\W\d_]{3,}", piece)
            and not find_times(piece)
            and not find_dates(piece, language=language)
            and not all(is_date_word(w, language) for w in re.findall(r"[^\W\d_]+", piece))
        ]
        if pieces and len(pieces) < len(segment.split(",")):
            return ", ".join(pieces)[:200]
    return ""


# A day set apart from its place by a dash ("13. November 2027 – Niederkirchnerstraße 5").
_DAY_THEN_PLACE = re.compile(r"\d\s+[-–—]\s+\S")
# What ends the line's clause of facts: a sentence after it ("… 16:00 Uhr. Wir stehen …").
_CLAUSE_END = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[A-ZÀ-Þ][a-zà-ÿ])")
_SEGMENT_END = re.compile(r"\s[-–—·|•]\s|\s·\s?")


_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\d))\.\s+(?=[A-ZÀ-Þ])")


def _is_relative(text: str, language: str | None) -> bool:
    return relative_day(text, posted=date(2000, 1, 1), language=language) is not None


def _read_detail(
    label: str,
    value: str,
    line: Line,
    single: SinglePlace,
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
        if contains_phrase(value, TO_BE_ANNOUNCED, language):
            single.is_place_to_come = True
            return True  # "สถานที่: รอยืนยัน", "Location: TBA": the place is yet to come
        if context.heading_place and len(place_parts(value)) == 1:
            # Under "## Chemnitz", "Treffpunkt: Neumarkt" is a square, not Neumarkt in der
            # Oberpfalz: the heading names the city, one word more is its venue.
            if fold(value.strip(" *_.")) != fold(context.heading_place):
                single.venue = single.venue or value.strip(" *_.")[:200]
            return True
        try:
            single.place = read_place(place_parts(value), language=language, with_venue=True)
            single.line = single.line or line.line
        except PlaceNotUnderstood as error:
            if context.heading_place:  # "### 7 March – A Coruña" / "📍 Plaza de María Pita"
                single.venue = single.venue or value.strip(" *_.")[:200]
            else:
                reading.problems.append((line.line, place_problem(value, error)))
        return True
    if label == "venue":
        single.venue = single.venue or value
        return True
    if label == "duration":
        single.duration = find_duration(line.text, language) or single.duration
        return True
    if label in {"when", "time"}:
        if label == "when":
            days = days_in(value, context)
            if days is not None:
                single.day, single.last_day = days
        single.times = find_times(value) or _bare_hours(line.text, value) or single.times
        single.line = single.line or line.line
        return True
    return False


def _bare_hours(text: str, value: str) -> TimeSpan | None:
    """The hours a label of the hour alone gives as bare numbers: "Tid: 14–16", "Time: 2-4"
    (afternoon hours, as a protest's "2" is), None after any other label ("Dato: 12–13")."""
    hours = _BARE_HOURS.fullmatch(value.strip(" *_."))
    label = fold(text.partition(":")[0].strip(" *_"))
    if hours is None or label not in phrases(HOUR_LABELS):
        return None
    first, last = int(hours[1]), (int(hours[2]) if hours[2] else None)
    if first > 23 or (last is not None and last > 24):
        return None
    if first > 12:  # a clock of 24 hours: "14–16", "20–2" (past midnight)
        return TimeSpan(time(first), None if last is None else time(last % 24))
    starts = first + 12 if 1 <= first <= 7 else first
    if last is not None and (last < first or (starts >= 12 and last < 12)):
        last += 12  # "10-2", "2-4": the end in the afternoon
    return TimeSpan(time(starts), None if last is None else time(last % 24))


_BARE_HOURS = re.compile(r"(\d{1,2})(?:\s*[-–—]\s*(\d{1,2}))?")


def single_event(
    single: SinglePlace, context: ReadingContext, reading: CityListReading
) -> EventRecord:
    assert single.place is not None
    # The page's signup link is the single event's, not that of one stop of a series.
    page_signup = context.page_signup if context.day is None else None
    explicit = single.explicit or ([page_signup] if page_signup else [])
    chosen = next(iter(explicit), None) or next(iter(single.links), None)
    signup = chosen.url if chosen else ""
    day = single.day or context.day or context.window[0]
    times = in_page_zone(single.times, context)
    event = place_event(single.place, single.line, signup, not signup, day, times, reading)
    event.is_cancelled = single.is_cancelled
    if single.duration and single.duration.days > 1:
        event.last_day = day + timedelta(days=single.duration.days - 1)
    elif single.duration and single.duration.hours and event.starts and not event.ends:
        moment = datetime.combine(day, event.starts) + timedelta(hours=single.duration.hours)
        event.ends = moment.time()
    elif single.last_day and single.last_day > day:
        event.last_day = single.last_day
    return event


def row_event(
    single: SinglePlace,
    row: tuple[date, Block],
    context: ReadingContext,
    reading: CityListReading,
) -> EventRecord:
    """The event of one row of a table of days ("Sunday 14 February 2027 | Families apart |
    [Humanitix](…)") at the page's one place, with the row's own link, hours and fate."""
    day, block = row
    signups = [link for link in block.links if is_signup(link)]
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
    event = single_event(own, replace(context, page_signup=None), reading)
    event.line = block.line
    return event
