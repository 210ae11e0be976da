"""`turnout import markdown|ical|csv|sync-feeds`: bring existing pages, calendars and sheets in."""

import json
from argparse import ArgumentTypeError
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.campaigns.models import Campaign
from turnout.importers import (
    calendar_feeds,
    calendar_fetching,
    group_sheets,
    model_reader,
    sheet_rows,
    spreadsheets,
)
from turnout.importers.calendar_entries import entry_when, entry_where
from turnout.importers.model_completion import model_fact_lines, read_pages
from turnout.importers.models import MAX_SYNC_HOURS, CalendarFeed
from turnout.importers.recurrence import import_window
from turnout.importers.services import ImportSummary, write_markdown_plan
from turnout.web import workbooks
from turnout.web.numbers import NumberRefused, whole_number
from turnout.web.spreadsheets import decode_sheet
from turnout.web.upkeep import refresh_planner_statistics

# Series are expanded at most a century ahead: past year 9999 no date exists to expand to.
MAX_HORIZON_DAYS = 36600


def _sync_hours(text: str) -> int:
    return _bounded(text, minimum=1, maximum=MAX_SYNC_HOURS, name=_("number of hours"))


def _horizon_days(text: str) -> int:
    return _bounded(text, minimum=0, maximum=MAX_HORIZON_DAYS, name=_("number of days"))


def _bounded(text: str, *, minimum: int, maximum: int, name: str) -> int:
    try:
        return whole_number(text, minimum=minimum, maximum=maximum, name=name)
    except NumberRefused as error:
        raise ArgumentTypeError(str(error)) from error


class Command(BaseCommand):
    help = "Import markdown protest pages, iCalendar feeds or CSV sheets of events and groups."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)

        markdown = kinds.add_parser("markdown", help="Markdown protest and content pages.")
        markdown.add_argument("files", nargs="+", metavar="FILE")
        markdown.add_argument("--dry-run", action="store_true", help="Change nothing.")
        markdown.add_argument("--format", choices=["text", "json"], default="text")
        markdown.add_argument("--language", help="The pages' language, e.g. nl (else guessed).")

        ical = kinds.add_parser("ical", help="An iCalendar feed (URL or file).")
        ical.add_argument("location", metavar="URL-or-FILE")
        ical.add_argument("--campaign", help="Slug of the campaign the events belong to.")
        ical.add_argument("--dry-run", action="store_true", help="Change nothing.")
        ical.add_argument(
            "--register",
            action="store_true",
            help="Also register the feed to be synced on a schedule (URLs only).",
        )
        ical.add_argument("--every", type=_sync_hours, default=6, help="Hours between syncs (6).")
        ical.add_argument("--name", default="", help="A name for the registered feed.")
        ical.add_argument("--language")
        ical.add_argument(
            "--horizon",
            type=_horizon_days,
            metavar="DAYS",
            help="Days ahead to which recurring series are expanded (CALENDAR_HORIZON_DAYS).",
        )

        sheet = kinds.add_parser(
            "csv", help="A sheet of events or groups: CSV, Excel (.xlsx) or OpenDocument (.ods)."
        )
        sheet.add_argument("what", choices=["events", "groups"])
        sheet.add_argument("file", metavar="FILE")
        sheet.add_argument("--dry-run", action="store_true", help="List rejected rows only.")
        sheet.add_argument(
            "--skip-rejected",
            action="store_true",
            help="Import the valid rows even when others are rejected.",
        )
        sheet.add_argument("--language")
        sheet.add_argument(
            "--sheet", help="The sheet of an Excel workbook to read (default: the first visible)."
        )

        sync = kinds.add_parser("sync-feeds", help="Sync registered calendar feeds now.")
        sync.add_argument("--all", action="store_true", help="Also feeds not yet due.")

    def handle(self, *args, kind: str, **options) -> None:
        handlers: dict[str, Callable[..., None]] = {
            "markdown": self.import_markdown,
            "ical": self.import_ical,
            "csv": self.import_csv,
            "sync-feeds": self.sync_feeds,
        }
        handlers[kind](**options)
        if not options.get("dry_run"):
            refresh_planner_statistics()  # SQLite plans with them; see turnout.web.upkeep

    # --- markdown -----------------------------------------------------------------------------

    def import_markdown(self, *, files, dry_run, format, language, **options) -> None:
        pages = []
        for name in files:
            path = Path(name)
            try:
                pages.append((path.name, path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(
                    _("cannot read %(file)s: %(error)s") % {"file": name, "error": error}
                ) from error
        try:
            reader = model_reader.configured_page_reader(now=timezone.now())
        except model_reader.ReaderNotConfigured as error:
            raise CommandError(str(error)) from error
        plan = read_pages(pages, language=language, reader=reader)
        if format == "json":
            if not dry_run:
                summary = write_markdown_plan(plan=plan)
                plan.warnings = summary.warnings
            self.stdout.write(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
            return
        if dry_run:
            for campaign in plan.campaigns:
                counts = {
                    "slug": campaign.slug,
                    "events": len(campaign.events),
                    "press": len(campaign.press),
                    "embeds": len(campaign.embeds),
                }
                line = _("campaign %(slug)s: %(events)s events, %(press)s press, %(embeds)s embeds")
                self.stdout.write(line % counts)
            for page in plan.pages:
                self.stdout.write(_("content page %(slug)s") % {"slug": page.slug})
            self.report_model_facts(plan)
            self.report(ImportSummary(warnings=plan.warnings))
            return
        self.report(write_markdown_plan(plan=plan))
        self.report_model_facts(plan)

    def report_model_facts(self, plan) -> None:
        for line in model_fact_lines(plan):
            self.stdout.write(line)

    # --- iCalendar ----------------------------------------------------------------------------

    def import_ical(
        self, *, location, campaign, dry_run, register, every, name, language, horizon, **options
    ):
        target = None
        if campaign:
            target = Campaign.objects.filter(slug=campaign).first()
            if target is None:
                raise CommandError(_("there is no campaign “%(slug)s”") % {"slug": campaign})
        if horizon is not None and horizon < 0:
            raise CommandError(_("--horizon is a number of days, 0 or more"))
        now = timezone.now()
        try:
            reading = calendar_feeds.read_calendar(
                calendar_fetching.fetch_calendar(location),
                source=location,
                language=language,
                now=now,
                window=import_window(now=now, horizon_days=horizon),
            )
        except calendar_fetching.FeedUnavailable as error:
            raise CommandError(str(error)) from error
        if dry_run:
            for entry in reading.entries:
                when, where = entry_when(entry), entry_where(entry)
                self.stdout.write(f"{when} {where}: {entry.title}")
            self.report(ImportSummary(warnings=reading.warnings))
            return
        feed = None
        if register:
            if not location.lower().startswith(("http://", "https://", "webcal://")):
                raise CommandError(_("only a feed's web address can be registered"))
            feed = calendar_feeds.register_feed(
                url=location.replace("webcal://", "https://"),
                campaign=target,
                name=name,
                sync_every_hours=every,
            )
        summary = calendar_feeds.import_calendar(
            reading=reading, campaign=target, feed=feed, now=now
        )
        if feed is not None:
            feed.last_synced_at = timezone.now()
            feed.save(update_fields=["last_synced_at"])
        self.report(summary)

    # --- CSV ----------------------------------------------------------------------------------

    def import_csv(
        self, *, what, file, dry_run, skip_rejected, language, sheet=None, **options
    ) -> None:
        try:
            data = Path(file).read_bytes()
            if workbooks.is_workbook(data):
                workbook = workbooks.read_workbook(data, sheet=sheet)
                text = workbook.text
                for notice in workbooks.workbook_notices(workbook):
                    self.stderr.write(notice)
            elif sheet is not None:
                raise CommandError(_("--sheet is for workbooks (.xlsx, .ods); this is a CSV file"))
            else:
                judge = {
                    "events": spreadsheets.event_header_names_known,
                    "groups": group_sheets.group_header_names_known,
                }[what]
                text = decode_sheet(data, judge=judge)
        except (OSError, workbooks.WorkbookRefused) as error:
            raise CommandError(
                _("cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from error
        read, write = {
            "events": (spreadsheets.read_event_rows, spreadsheets.write_event_rows),
            "groups": (group_sheets.read_group_rows, group_sheets.write_group_rows),
        }[what]
        reading = read(text, source=Path(file).name, language=language)
        for problem in reading.warnings:
            self.stderr.write(str(problem))
        for problem in reading.rejected:
            self.stdout.write(_("rejected: %(problem)s") % {"problem": problem})
        if dry_run:
            self.stdout.write(
                _("%(good)s rows can be imported, %(bad)s rejected")
                % {"good": len(reading.rows), "bad": len(reading.rejected)}
            )
            return
        if reading.rejected and not skip_rejected:
            raise CommandError(
                _("nothing imported: %(bad)s rows are rejected (fix them, or use --skip-rejected)")
                % {"bad": len(reading.rejected)}
            )
        try:
            summary = write(reading=reading)
        except sheet_rows.RowRejected as error:  # refused by the model's own checks
            raise CommandError(str(error)) from error
        summary.warnings = []  # already printed above
        self.report(summary)

    # --- feeds --------------------------------------------------------------------------------

    def sync_feeds(self, *, all, **options) -> None:
        now = timezone.now()
        feeds = (
            list(CalendarFeed.objects.filter(is_active=True))
            if all
            else calendar_feeds.feeds_due(now=now)
        )
        for feed in feeds:
            self.stdout.write(str(feed))
            self.report(calendar_feeds.sync_feed(feed=feed, now=now))
        if not feeds:
            self.stdout.write(_("no feed is due"))

    def report(self, summary: ImportSummary) -> None:
        for what, number in sorted(summary.counts.items()):
            self.stdout.write(f"{what}: {number}")
        for warning in summary.warnings:
            self.stderr.write(_("warning: %(warning)s") % {"warning": warning})
