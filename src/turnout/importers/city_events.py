"""The event records a city list gives: an event at a place (`place_event`) and an online
call (`online_event`), their times read in the zone the page writes them in ("All times CET",
"7 PM ET", "18:00 UTC+2").

One home for turning what a bullet or a "Where:" line said into an `EventRecord`.
"""

from dataclasses import replace
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import recognize_platform

from .city_links import is_signup
from .city_list_reading import CityListReading, ReadingContext
from .details import is_cancelled, is_signup_link
from .document import Link
from .meeting_links import is_meeting_link, meeting_links_in
from .places import Place
from .records import EventRecord
from .times import TimeSpan, ZoneNotUnderstood, local_time, zone_for
from .vocabulary import TO_BE_ANNOUNCED, contains_phrase


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
            if is_signup(link) and not is_meeting_link(link.url)
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


def in_page_zone(times: TimeSpan | None, context: ReadingContext) -> TimeSpan | None:
    """A time written without a zone on a page that says "All times CET" is a CET time."""
    if times is None or times.zone or not context.zone:
        return times
    return replace(times, zone=context.zone)


def place_event(
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


def event_on_its_day(reading: CityListReading, day: date, signup_url: str, line: int) -> None:
    """ "- Saturday: [tickets](…)" under a city held on several days: the city's event of
    that day, signing up through the item's link (the event above, or a copy on its day)."""
    above = reading.events[-1]
    platform = str(recognize_platform(signup_url))
    if above.day == day and not above.signup_url:
        above.signup_url, above.platform, above.is_to_be_announced = signup_url, platform, False
        return
    copy = replace(above, day=day, line=line, signup_url=signup_url, platform=platform)
    reading.events.append(replace(copy, is_to_be_announced=False, from_model=[]))
