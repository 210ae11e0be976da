"""The series form (what repeats, and how) and the form for one date."""

from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import MAX_CAPACITY, MAX_DESCRIPTION_LENGTH, LocalEvent
from turnout.campaigns.validators import available_time_zones, validate_country_code
from turnout.web.text import SingleLineField

from .models import MAX_DURATION_MINUTES, MeetupSeries
from .recurrence import (
    WEEKDAYS,
    Frequency,
    RuleError,
    RuleParts,
    parts_of,
    remaining,
    weekday_name,
)

# A series starts within these bounds: far dates are typos, and the rule must stay computable.
MAX_YEARS_AHEAD = 5
MAX_COUNT = 500


def weekday_choices() -> list[tuple[str, str]]:
    return [(code, weekday_name(code, get_language())) for code in WEEKDAYS]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self):
        super().__init__(format="%H:%M")


class SeriesForm(forms.Form):
    title = SingleLineField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    dtstart = forms.DateField(label=_("First date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        initial=120,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=lambda: [(name, name) for name in sorted(available_time_zones())],
        initial="Europe/Amsterdam",
    )
    frequency = forms.ChoiceField(
        label=_("Repeats"),
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
        choices=[
            (Frequency.WEEKLY, _("Every week or every few weeks, on set days")),
            (Frequency.MONTHLY_DAY, _("Every month on a date, for example the 11th")),
            (
                Frequency.MONTHLY_WEEKDAY,
                _("Every month on a weekday, for example the second Tuesday"),
            ),
        ],
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks or months"),
        initial=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 for every week or month, 2 for every second week or month."),
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On these days (weekly)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=weekday_choices,
    )
    month_day = forms.IntegerField(
        label=_("On this day of the month"),
        required=False,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Months without this day (the 31st in April) are skipped."),
    )
    ordinal = forms.TypedChoiceField(
        label=_("On the"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", "—"), ("1", _("first")), ("2", _("second")), ("3", _("third")),
            ("4", _("fourth")), ("-1", _("last")),
        ],
    )  # fmt: skip
    weekday = forms.ChoiceField(
        label=_("Weekday of the month"),
        required=False,
        choices=lambda: [("", "—"), *weekday_choices()],
    )
    ends = forms.ChoiceField(
        label=_("Ends"),
        widget=forms.RadioSelect,
        initial="never",
        choices=[
            ("never", _("Never")),
            ("until", _("On a date")),
            ("count", _("After a number of dates")),
        ],
    )
    until = forms.DateField(label=_("Last date"), required=False, widget=DateInput())
    count = forms.IntegerField(
        label=_("Number of dates"),
        required=False,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COUNT)],
    )
    attendance_mode = forms.ChoiceField(
        label=_("Where"),
        choices=LocalEvent.AttendanceMode.choices,
        initial=LocalEvent.AttendanceMode.IN_PERSON,
    )
    venue = SingleLineField(label=_("Venue"), max_length=200, required=False)
    address = SingleLineField(label=_("Address"), max_length=300, required=False)
    city = SingleLineField(label=_("City"), max_length=120, required=False)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        required=False,
        help_text=_("Two-letter code, for example NL."),
    )
    meeting_url = forms.URLField(
        label=_("Meeting link"),
        max_length=500,
        required=False,
        help_text=_("For an online meet-up. Only confirmed participants see it."),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Leave empty for no limit."),
    )

    def __init__(self, *args, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.rrule = ""

    def clean_country(self) -> str:
        code = (self.cleaned_data.get("country") or "").strip().upper()
        if code:
            validate_country_code(code)
        return code

    def clean_dtstart(self) -> date:
        first: date = self.cleaned_data["dtstart"]
        if first < self.today - timedelta(days=1):
            raise forms.ValidationError(_("The first date cannot be in the past."))
        if first > self.today + timedelta(days=366 * MAX_YEARS_AHEAD):
            raise forms.ValidationError(_("The first date is too far ahead."))
        return first

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        online = cleaned.get("attendance_mode") == LocalEvent.AttendanceMode.ONLINE
        if not online:
            for name in ("city", "country"):
                if name in cleaned and not cleaned[name]:
                    self.add_error(name, _("Give the city and country, or make it online."))
        elif "meeting_url" in cleaned and not cleaned["meeting_url"]:
            self.add_error("meeting_url", _("An online meet-up needs its meeting link."))
        self._build_rule(cleaned)
        return cleaned

    def _build_rule(self, cleaned: dict[str, Any]) -> None:
        needed = ("frequency", "interval", "timezone", "ends", "dtstart")
        if any(name not in cleaned for name in needed):
            return  # their own errors are shown already
        ends = cleaned["ends"]
        until = cleaned.get("until") if ends == "until" else None
        count = cleaned.get("count") if ends == "count" else None
        if ends == "until" and until is None:
            self.add_error("until", _("Give the last date."))
            return
        if ends == "count" and count is None:
            self.add_error("count", _("Give the number of dates."))
            return
        if until is not None and until < cleaned["dtstart"]:
            self.add_error("until", _("The last date cannot be before the first date."))
            return
        parts = RuleParts(
            frequency=cleaned["frequency"],
            interval=cleaned["interval"],
            weekdays=tuple(cleaned.get("weekdays") or ()),
            month_day=cleaned.get("month_day"),
            ordinal=cleaned.get("ordinal"),
            weekday=cleaned.get("weekday") or None,
            until=until,
            count=count,
        )
        try:
            self.rrule = parts.to_rrule(MeetupSeries(timezone=cleaned["timezone"]).zone)
        except RuleError as error:
            self.add_error("frequency", str(error))

    def values(self) -> dict[str, Any]:
        """What the series services take."""
        data = self.cleaned_data
        fields = (
            "title", "description", "dtstart", "start_time", "duration_minutes", "timezone",
            "attendance_mode", "venue", "address", "city", "country", "meeting_url", "capacity",
        )  # fmt: skip
        return {**{name: data[name] for name in fields}, "rrule": self.rrule}


def series_initial(series: MeetupSeries, *, first: date | None = None) -> dict[str, Any]:
    """The form's fields for an existing series (to edit it from `first` on)."""
    rule = remaining(series.rrule, series.first_start, first) if first else series.rrule
    parts = parts_of(rule, series.zone)
    initial = {
        name: getattr(series, name)
        for name in (
            "title", "description", "start_time", "duration_minutes", "timezone",
            "attendance_mode", "venue", "address", "city", "country", "meeting_url", "capacity",
        )
    }  # fmt: skip
    initial.update(
        dtstart=first or series.dtstart,
        frequency=parts.frequency,
        interval=parts.interval,
        weekdays=list(parts.weekdays),
        month_day=parts.month_day,
        ordinal=parts.ordinal,
        weekday=parts.weekday,
        ends="until" if parts.until else "count" if parts.count else "never",
        until=parts.until,
        count=parts.count,
    )
    return initial


class OccurrenceForm(forms.Form):
    """One date only: its own time, place and text."""

    title = SingleLineField(label=_("Title"), max_length=200)
    day = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    venue = SingleLineField(label=_("Venue"), max_length=200, required=False)
    address = SingleLineField(label=_("Address"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, event: LocalEvent, today: date, **kwargs) -> None:
        self.event = event
        self.today = today
        start = event.local_starts_at
        kwargs.setdefault(
            "initial",
            {
                "title": event.title,
                "day": start.date(),
                "start_time": start.time(),
                "duration_minutes": int((event.ends_at - event.starts_at).total_seconds() // 60),
                "venue": event.venue,
                "address": event.address,
                "description": event.description,
            },
        )
        super().__init__(*args, **kwargs)

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if day < self.today:
            raise forms.ValidationError(_("Choose a date from today on."))
        if day > self.today + timedelta(days=366 * MAX_YEARS_AHEAD):
            raise forms.ValidationError(_("The date is too far ahead."))
        return day

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        starts_at = datetime.combine(data["day"], data["start_time"], tzinfo=self.event.zone)
        return {
            "title": data["title"],
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(minutes=data["duration_minutes"]),
            "venue": data["venue"],
            "address": data["address"],
            "description": data["description"],
        }
