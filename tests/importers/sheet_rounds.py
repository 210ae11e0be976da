"""What each round of spreadsheet tests reads a sheet with: its rows, its refused rows by line
and its warnings, and each row's city with its local start and end."""

from datetime import datetime

from turnout.importers.spreadsheets import read_event_rows


def read_sheet(text: str, language: str | None = None, *, source: str = "sheet.csv"):
    """(rows, {line: reason refused}, ["line: warning"]) of the CSV `text`."""
    reading = read_event_rows(text, source=source, language=language)
    rejected = {notice.line: notice.message for notice in reading.rejected}
    warnings = [f"{notice.line}: {notice.message}" for notice in reading.warnings]
    return reading.rows, rejected, warnings


def when(rows) -> list[tuple[str, datetime, datetime]]:
    return [
        (
            row.record.city,
            row.record.starts_at.replace(tzinfo=None),
            row.record.ends_at.replace(tzinfo=None),
        )
        for row in rows
    ]


def at(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    """A moment of 2027 (May unless said), when the rounds' sheets hold their events."""
    return datetime(2027, month, day, hour, minute)
