"""CSV imports of groups (local chapters, national groups, their channels), with the columns
documented in the README; read whole first, as event sheets are (`spreadsheets`)."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from turnout.groups.channels import ChannelKind, normalize_channel
from turnout.groups.models import Group
from turnout.groups.services import ChannelEntry, update_group_page

from .countries import country_codes_for
from .places import PlaceNotUnderstood, read_place
from .records import Notice
from .services import ImportSummary
from .sheet_columns import header_key
from .sheet_group_columns import GROUP_ALIASES
from .sheet_rows import (
    NO,
    YES,
    RowRejected,
    SheetReading,
    coordinate,
    header_names_known,
    read_rows,
)
from .sheet_values import GROUP_KIND_WORDS

GROUP_COLUMNS = (
    "name", "kind", "country", "city", "parent", "slug", "description", "active", "latitude",
    "longitude", *ChannelKind.values,
)  # fmt: skip
GROUP_REQUIRED = ("name", "kind", "country")


def group_header_names_known(text: str) -> int:
    """How many names of the groups sheet's columns the likeliest header of `text` holds."""
    return header_names_known(text, columns=GROUP_COLUMNS, aliases=GROUP_ALIASES)


@dataclass
class GroupRow:
    number: int
    slug: str
    name: str
    kind: str
    country: str
    city: str
    parent: str
    description: str
    is_active: bool
    latitude: float | None
    longitude: float | None
    channels: list[ChannelEntry]


def read_group_rows(text: str, *, source: str, language: str | None = None) -> SheetReading:
    """Validate every row of a groups sheet; rows that fail are listed, not raised."""
    reading, parsed = read_rows(
        text,
        source=source,
        columns=GROUP_COLUMNS,
        required=GROUP_REQUIRED,
        aliases=GROUP_ALIASES,
        parse_row=lambda number, row: _group_row(number, row, language),
        key=lambda group_row: group_row.slug,
    )
    nationals = {g.slug: g.country for g in Group.objects.filter(kind=Group.Kind.NATIONAL)}
    nationals |= {row.slug: row.country for row in parsed if row.kind == Group.Kind.NATIONAL}
    for group_row in parsed:
        if group_row.kind == Group.Kind.LOCAL:
            try:
                group_row.parent = _parent(group_row, nationals)
            except RowRejected as error:
                reading.rejected.append(Notice(source, group_row.number, str(error)))
                continue
        reading.rows.append(group_row)
    return reading


def _group_row(number: int, row: dict, language: str | None) -> GroupRow:
    kind = header_key(row.get("kind", ""))
    kinds = {v: v for v in Group.Kind.values} | {
        header_key(str(label)): v for v, label in Group.Kind.choices
    }
    kinds |= {word: v for v, words in GROUP_KIND_WORDS.items() for word in words}
    if kind not in kinds:
        raise RowRejected(_("the kind must be “national” or “local”"))
    country_cell = row.get("country", "").strip()
    if re.fullmatch(r"[a-z]{2}", country_cell):
        country_cell = country_cell.upper()  # "nl": in a country column, a code, not a word
    codes = country_codes_for(country_cell, language=language)
    if len(codes) != 1:
        raise RowRejected(
            _("“%(country)s” is not a country the importer knows; use a code such as NL")
            % {"country": row.get("country", "")}
        )
    (country,) = codes
    city, latitude, longitude = row.get("city", ""), None, None
    if kinds[kind] == Group.Kind.LOCAL:
        if not city:
            raise RowRejected(_("a local group needs its city"))
        try:
            place = read_place([city, country], language=language)
            city, latitude, longitude = place.city, place.latitude, place.longitude
        except PlaceNotUnderstood as error:
            raise RowRejected(str(error)) from error
    channels = []
    for channel_kind in ChannelKind.values:
        if value := row.get(channel_kind):
            try:
                address = normalize_channel(channel_kind, value)
            except ValidationError as error:
                raise RowRejected("; ".join(error.messages)) from error
            channels.append(ChannelEntry(kind=channel_kind, address=address))
    active = row.get("active", "").lower()
    if active and active not in YES | NO:
        raise RowRejected(_("“active” must be yes or no"))
    name = row.get("name", "").strip()
    slug = slugify(row.get("slug") or name)[:100]
    if not name or not slug:
        raise RowRejected(_("the name is empty"))
    if kinds[kind] == Group.Kind.NATIONAL and row.get("parent"):
        raise RowRejected(_("a national group has no parent group; leave “parent” empty"))
    return GroupRow(
        number=number,
        slug=slug,
        name=name[:150],
        kind=kinds[kind],
        country=country,
        city=city[:120],
        parent=row.get("parent", ""),
        description=row.get("description", ""),
        is_active=active not in NO,
        latitude=coordinate(row, "latitude", 90) if row.get("latitude") else latitude,
        longitude=coordinate(row, "longitude", 180) if row.get("longitude") else longitude,
        channels=channels,
    )


def _parent(row: GroupRow, nationals: dict[str, str]) -> str:
    if row.parent:
        slug = slugify(row.parent)
        if slug not in nationals:
            raise RowRejected(_("there is no national group “%(name)s”") % {"name": row.parent})
        return slug
    same_country = [slug for slug, country in nationals.items() if country == row.country]
    if len(same_country) != 1:
        raise RowRejected(_("name its national group in the “parent” column"))
    return same_country[0]


def write_group_rows(*, reading: SheetReading) -> ImportSummary:
    """Write the accepted rows of a groups sheet (national groups first) in one transaction."""
    summary = ImportSummary(warnings=[*reading.warnings, *reading.rejected])
    ordered = sorted(reading.rows, key=lambda r: r.kind != Group.Kind.NATIONAL)
    with transaction.atomic():
        for row in ordered:
            group = Group.objects.filter(slug=row.slug).first()
            is_new = group is None
            if group is None:
                group = Group(slug=row.slug, name=row.name, kind=row.kind, country=row.country)
            group.kind, group.country = row.kind, row.country
            group.parent = Group.objects.get(slug=row.parent) if row.parent else None
            if row.latitude is not None:
                group.latitude, group.longitude = row.latitude, row.longitude
            group.city = row.city
            group.full_clean()
            group.save()
            update_group_page(
                group=group,
                name=row.name,
                city=row.city,
                description=row.description or group.description,
                is_active=row.is_active,
                channels=row.channels or _current_channels(group),
            )
            summary.count(_("groups created") if is_new else _("groups updated"))
    return summary


def _current_channels(group: Group) -> list[ChannelEntry]:
    return [ChannelEntry(c.kind, c.address, c.label) for c in group.channels.all()]
