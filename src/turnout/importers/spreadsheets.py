"""CSV imports of local events, with the columns documented in the README (groups: group_sheets).

A sheet is read whole first: every row that would be rejected is listed with its row number
and the reason, and nothing is written unless the caller accepts skipping them. Comma,
semicolon and tab separated files from any spreadsheet program are read (decoded by
`web.spreadsheets.decode_sheet`); column names ignore case, accents and spaces, in any
language (`sheet_columns`); what the cells say is read by `sheet_cells`, the days and times
of a row by `sheet_moments` (a cell of several days gives one event for each). A row without a
start time is imported at 12:00 with a warning saying so; a row marked "CANCELLED" or crossed
out (`sheet_marks`) with that status; a flag before the city ("🇩🇪 Berlin") names its country.
Text once read as Windows-1252 and saved again ("KrakÃ³w") is put back first (`sheet_mojibake`).
"""

import re
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.platforms import recognize_platform
from turnout.campaigns.validators import available_time_zones
from turnout.web.text import single_line

from .countries import country_codes_for, leading_flag
from .dates import find_dates
from .places import Place, PlaceNotUnderstood, read_place
from .records import EventRecord, Notice
from .regions import city_in_division
from .services import ImportSummary, save_imported_event
from .sheet_cells import cell_capacity, cell_status, is_status
from .sheet_columns import EVENT_ALIASES, header_key
from .sheet_countries import country_cell_codes
from .sheet_days import sheet_slash_order, title_year
from .sheet_marks import marked_status
from .sheet_mojibake import repaired_text
from .sheet_moments import SheetDates, row_moments
from .sheet_rows import RowRejected, SheetReading, coordinate, header_names_known, read_rows
from .sheet_values import PRIVATE_WORDS

EVENT_COLUMNS = (
    "campaign", "title", "city", "country", "date", "start_time", "end_time", "timezone",
    "venue", "address", "signup_url", "status", "description", "capacity", "latitude",
    "longitude", "region", "end_date", "visibility",
)  # fmt: skip
# A sheet without a date column may give each start as a date and time ("Start", Airtable).
# Without a country column, each city cell names its country ("Berlin, Germany").
EVENT_REQUIRED = ("city", ("date", "start_time"))


@dataclass
class EventRow:
    number: int
    campaign: Campaign | None
    title: str
    description: str
    status: str
    capacity: int | None
    address: str
    record: EventRecord
    notes: list[str]  # what a person should know about the row, though it is imported


def read_event_rows(text: str, *, source: str, language: str | None = None) -> SheetReading:
    """Validate every row of an events sheet; rows that fail are listed, not raised."""
    as_saved, text = text, repaired_text(text)
    sheet = SheetDates(is_month_first=sheet_slash_order(text))

    def from_title(texts: list[str]) -> dict[str, str]:
        sheet.title_year = title_year(texts, _BOOKKEEPING)  # for "15/05", "Sat 15 May"
        return _day_of_the_title(texts, language)

    reading, rows = read_rows(
        text,
        source=source,
        columns=EVENT_COLUMNS,
        required=EVENT_REQUIRED,
        aliases=EVENT_ALIASES,
        parse_row=lambda number, row: _event_row(number, row, language, sheet),
        key=_same_event,
        from_title=from_title,
    )
    reading.rows = rows
    reading.warnings += [Notice(source, row.number, note) for row in rows for note in row.notes]
    if text != as_saved:
        message = _("the file's text was saved twice in different encodings (“KrakÃ³w” for "
                    "“Kraków”); it is read as first written")  # fmt: skip
        reading.warnings.insert(0, Notice(source, None, message))
    return reading


# A title's date that is the sheet's, not the events': "Last updated 3 March 2027".
_BOOKKEEPING = re.compile(
    r"updated|update|as of|exported|generated|printed|version|bijgewerkt|geëxporteerd|"
    r"aktualisiert|stand:|exportiert|mis à jour|mise à jour|actualizad[oa]|aggiornat[oa]|"
    r"zaktualizowan|aktualizacja|atualizad[oa]|uppdaterad|oppdatert|opdateret|päivitetty|"
    r"diperbarui|güncellendi|güncelleme|aktualizováno|aktualizace|更新|अपडेट",
    re.IGNORECASE,
)


def _place_parts(row: dict, region: list[str], language: str | None) -> list[str]:
    """The city, region and country of a row, for `read_place`. A flag before the city
    ("🇩🇪 Berlin") names its country, which a country column must not contradict."""
    flag, city = leading_flag(row["city"])
    if not row.get("country", "").strip():  # no country column, or its cell left empty
        if flag:
            return [city, flag]
        return _city_with_its_country(row["city"], language, has_column="country" in row)
    codes = country_cell_codes(row["country"], language=language)
    if len(codes) != 1:
        raise RowRejected(
            _("“%(country)s” is not a country the importer knows; use a code such as NL")
            % {"country": row["country"]}
        )
    if flag and {flag} != codes:
        raise RowRejected(
            _("the flag before “%(city)s” is that of %(flag)s, but the country is %(country)s")
            % {"city": city, "flag": flag, "country": row["country"]}
        )
    return [city, *region, *codes]


def _row_place(row: dict, parts: list[str], language: str | None) -> Place:
    """The place of a row's parts, in the country its country column or flag names: a city
    whose name is also a country's ("Salvador", "BR") is not taken for that country."""
    place = read_place(parts, language=language)
    named = parts[-1] if row.get("country", "").strip() or leading_flag(row["city"])[0] else None
    if named is None or place.country == named:
        return place
    if (in_named := read_place(parts[:1], language=language, country_hint=named)).country == named:
        return in_named
    raise PlaceNotUnderstood(
        _("“%(city)s” is read as %(place)s in %(found)s, not as a place in %(country)s")
        % {"city": parts[0], "place": place.city, "found": place.country, "country": named}
    )


def _city_with_its_country(cell: str, language: str | None, *, has_column: bool) -> list[str]:
    """ "Berlin, Germany", "Lisbon (Portugal)", "London UK", "Portland, OR": the parts of a
    city cell that names more than its city, in a sheet without a country column or a row
    that leaves it empty (Airtable's); a bare "Valencia" is refused, not guessed."""
    parts = [part.strip() for part in re.split(r"[,(（)）]", cell) if part.strip()]
    if len(parts) == 1 and len(words := cell.rsplit(maxsplit=1)) == 2:
        if len(country_codes_for(words[1], language=language)) == 1:
            parts = words
    if len(parts) == 1 and has_column:  # as an empty country cell has always been refused
        raise RowRejected(
            _("“%(country)s” is not a country the importer knows; use a code such as NL")
            % {"country": ""}
        )
    if len(parts) == 1:
        raise RowRejected(
            _("the sheet has no country column and “%(city)s” names no country; write it as "
              "“%(city)s, Country” or add a country column") % {"city": cell}
        )  # fmt: skip
    return parts


def _day_of_the_title(texts: list[str], language: str | None) -> dict[str, str]:
    """The day a sheet's title names for all its rows ("Protest day — Saturday 15 May 2027"),
    when it names exactly one day of a known year."""
    days = {
        (mention.first.year, mention.first.month, mention.first.day)
        for text in texts
        if not _BOOKKEEPING.search(text)
        for mention in find_dates(text, language=language)
        if mention.has_day and mention.first == mention.last
    }
    if len(days) != 1:
        return {}
    year, month, day = days.pop()
    if year is None or day is None:
        return {}
    try:
        return {"date": date(year, month, day).isoformat()}
    except ValueError:
        return {}  # "31 February 2027"


def _region_and_status(row: dict, marked: tuple[str, str] | None) -> tuple[list[str], str]:
    """The row's region, as a place part, and its status. A "State" or "Estado" column is
    either; what it holds says which: "SP" beside São Paulo is a region, "Confirmed" a status.
    A row marked "CANCELLED" (`marked`: its status and mark) is so; a status column saying
    otherwise is refused."""
    region, status = row.get("region", ""), row.get("status", "")
    if status and not region and not is_status(status):
        code = re.fullmatch(r"[A-Z]{2,3}", status.strip())  # "SP", "NSW", "CA"
        if code or city_in_division([row.get("city", ""), status]) is not None:
            region, status = status, ""
    if marked and status and cell_status(status) != marked[0]:
        raise RowRejected(
            _("the row is marked “%(mark)s”, but its status is “%(status)s”; say which it is")
            % {"mark": marked[1], "status": status}
        )
    return ([region] if region else []), marked[0] if marked else status


_STRUCK_CELL = re.compile(r"~~(.+?)~~", re.S)


def _without_marks(row: dict) -> tuple[dict, tuple[str, str] | None, list[str]]:
    """The row without the marks its city, title, venue or notes carry ("CANCELLED – Munich",
    "~~Leeds~~"), the status they give with the mark (None for none), and a note saying so."""
    row, found = dict(row), dict[str, str]()
    for column in ("city", "title", "venue", "description"):
        text, status, mark = marked_status(row.get(column, ""), with_reason=column == "city")
        if status and (column in ("city", "title") or not text):  # else only a cell of the mark
            row[column] = text
            found.setdefault(status, mark)
    if len(found) > 1:
        raise RowRejected(
            _("the row is marked both %(marks)s; say which it is")
            % {"marks": " and ".join(f"“{mark}”" for mark in found.values())}
        )
    if not found:
        return row, None, []
    for column, cell in row.items():  # a row crossed out whole: its other cells read as written
        if isinstance(cell, str) and (struck := _STRUCK_CELL.fullmatch(cell.strip())):
            row[column] = struck[1].strip()
    ((status, mark),) = found.items()
    label = LocalEvent.Status(status).label
    note = _("the row is marked “%(mark)s”; it is imported with the status “%(status)s”")
    mark = single_line(mark)[:80]
    return row, (status, mark), [note % {"mark": mark, "status": label}]


def event_header_names_known(text: str) -> int:
    """How many names of the events sheet's columns the likeliest header of `text` holds."""
    return header_names_known(text, columns=EVENT_COLUMNS, aliases=EVENT_ALIASES)


def _same_event(event_row: EventRow) -> tuple:
    """Rows with the same key describe one event: its campaign's (or title's) city and
    country, and its day when no campaign gives one."""
    return (
        event_row.campaign.pk if event_row.campaign else event_row.title,
        event_row.record.city.lower(),
        event_row.record.country,
        None if event_row.campaign else event_row.record.day,
    )


def _event_row(number: int, row: dict, language: str | None, sheet: SheetDates) -> list[EventRow]:
    """The events of one row: one, or one for each day its date cell names."""
    row, marked, notes = _without_marks(row)
    campaign = None
    if slug := row.get("campaign"):
        campaign = Campaign.objects.filter(slug=slug).first()
        if campaign is None:
            raise RowRejected(_("there is no campaign “%(slug)s”") % {"slug": slug})
    if header_key(row.get("visibility", "")) in PRIVATE_WORDS:
        raise RowRejected(_("the event is private where it comes from; it is not made public"))
    if not row.get("city"):
        raise RowRejected(_("the city is empty"))
    region, status = _region_and_status(row, marked)
    try:
        place = _row_place(row, _place_parts(row, region, language), language)
    except PlaceNotUnderstood as error:
        raise RowRejected(str(error)) from error
    zone = row.get("timezone") or place.timezone
    if zone not in available_time_zones():
        raise RowRejected(
            _("“%(zone)s” is not a time zone such as Europe/Amsterdam") % {"zone": zone}
        )
    tz = ZoneInfo(zone)
    moments = row_moments(
        row, tz=tz, city=place.city, country=place.country, language=language, sheet=sheet
    )
    if campaign is not None and len(moments.moments) > 1:
        raise RowRejected(
            _("the date names several days, and a campaign holds one event per city; keep one "
              "day in the row")
        )  # fmt: skip
    signup_url = row.get("signup_url", "")
    if signup_url:
        try:
            URLValidator(schemes=["http", "https"])(signup_url)
        except ValidationError as error:
            raise RowRejected(_("the signup link is not a web address")) from error
    latitude, longitude = coordinate(row, "latitude", 90), coordinate(row, "longitude", 180)
    return [
        EventRow(
            number=number,
            notes=[*notes, *moments.notes] if index == 0 else [],  # said once for the row
            campaign=campaign,
            title=row.get("title", "")[:200],
            description=row.get("description", ""),
            status=cell_status(status),
            capacity=cell_capacity(row.get("capacity", "")),
            address=row.get("address", "")[:300],
            record=EventRecord(
                city=place.city,
                country=place.country,
                timezone=zone,
                day=starts_at.date(),
                line=number,
                signup_url=signup_url,
                platform=str(recognize_platform(signup_url)) if signup_url else None,
                latitude=latitude if latitude is not None else place.latitude,
                longitude=longitude if longitude is not None else place.longitude,
                venue=row.get("venue", "")[:200],
                starts_at=starts_at,
                ends_at=ends_at,
            ),
        )
        for index, (starts_at, ends_at) in enumerate(moments.moments)
    ]


def write_event_rows(*, reading: SheetReading) -> ImportSummary:
    """Write the accepted rows of an events sheet in one transaction, each through the
    campaigns service; a row the event's own checks refuse stops the import, writing nothing."""
    summary = ImportSummary(warnings=[*reading.warnings, *reading.rejected])
    with transaction.atomic():
        for row in reading.rows:
            try:
                save_imported_event(
                    event=_existing_event(row),
                    campaign=row.campaign,
                    record=row.record,
                    summary=summary,
                    title=row.title,
                    description=row.description or None,
                    status=row.status,
                    capacity=row.capacity,
                    address=row.address,
                )
            except ValidationError as error:
                raise RowRejected(
                    _("row %(row)s: %(reason)s; nothing was imported")
                    % {"row": row.number, "reason": "; ".join(error.messages)}
                ) from error
    return summary


def _existing_event(row: EventRow) -> LocalEvent | None:
    events = LocalEvent.objects.select_for_update().filter(
        city__iexact=row.record.city, country=row.record.country
    )
    if row.campaign is not None:
        return events.filter(campaign=row.campaign).first()
    return events.filter(
        campaign__isnull=True,
        title=row.title or row.record.city,
        starts_at__date=row.record.starts_at.date() if row.record.starts_at else row.record.day,
    ).first()
