"""The campaign's event list as CSV for coordinators: events and organizers, no participants."""

from datetime import datetime

from django.db import transaction

from turnout.accounts.models import User
from turnout.accounts.services import record_audit
from turnout.campaigns.models import Campaign
from turnout.localization.formatting import country_name
from turnout.web.spreadsheets import csv_text

from .selectors import EventLine, campaign_events, event_lines

COLUMNS = [
    "id", "title", "status", "city", "country", "country_name", "venue", "address", "attendance",
    "starts_local", "ends_local", "timezone", "signup", "signup_url", "confirmed_signups",
    "waitlisted_signups", "organizers", "page",
]  # fmt: skip


def _row(line: EventLine, site_url: str) -> list[object]:
    event = line.event
    # "Online" where the city would be: a spreadsheet sorted by city keeps them together.
    # The meeting link stays out: a file travels further than the dashboard.
    return [
        event.pk, event.title, event.status, "Online" if event.is_online else event.city,
        event.country, country_name(event.country, "en"),
        event.venue, event.address, event.attendance_mode,
        event.local_starts_at.strftime("%Y-%m-%d %H:%M"),
        event.local_ends_at.strftime("%Y-%m-%d %H:%M"), event.timezone,
        event.signup_platform or "native", event.signup_url,
        line.confirmed, line.waitlisted,
        "; ".join(f"{p.name} <{p.email}>" if p.name else p.email for p in line.organizers),
        f"{site_url}{event.get_absolute_url()}",
    ]  # fmt: skip


def export_events_csv(*, campaign: Campaign, actor: User, now: datetime, site_url: str) -> str:
    """The CSV text of the campaign's events; the export itself is recorded in the audit log."""
    lines = event_lines(campaign_events(campaign))
    text = csv_text(COLUMNS, (_row(line, site_url) for line in lines))
    with transaction.atomic():
        record_audit(
            actor=actor,
            action="events.exported",
            target=campaign,
            summary=f"{len(lines)} events of {campaign} with organizers, at {now.isoformat()}",
        )
    return text
