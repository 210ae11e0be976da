"""The "Organize in your area" form and the coordinators' decision form."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.core import get_global
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from turnout.localization.formatting import country_name, format_date_window

from ..models import Campaign
from ..validators import available_time_zones, country_codes
from .services import EventDetails, Proposer


def country_choices() -> list[tuple[str, str]]:
    language = get_language()
    names = sorted(
        ((code, country_name(code, language)) for code in country_codes()),
        key=lambda pair: pair[1].casefold(),
    )
    return [("", _("Choose a country")), *names]


def time_zone_choices() -> list[tuple[str, str]]:
    return [("", _("The country's time zone")), *((z, z) for z in sorted(available_time_zones()))]


def country_zone(country: str, day: date, at: time) -> str | None:
    """The country's time zone when all its zones keep the same clock on that day, else None."""
    zones = get_global("territory_zones").get(country, [])
    offsets = {datetime.combine(day, at, tzinfo=ZoneInfo(z)).utcoffset() for z in zones}
    return zones[0] if zones and len(offsets) == 1 else None


class ProposalForm(forms.Form):
    """A proposed local event; without `with_proposer` it edits one (the proposer is known)."""

    class SignupMethod:
        NATIVE = "native"
        EXTERNAL = "external"

    title = forms.CharField(
        label=_("Title"), max_length=200, required=False,
        help_text=_("Optional. Leave empty and we name it after the campaign and your city."),
    )  # fmt: skip
    city = forms.CharField(label=_("City or town"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    venue = forms.CharField(
        label=_("Venue or meeting point"), max_length=200, required=False,
        help_text=_("For example “Dam Square, by the National Monument”."),
    )  # fmt: skip
    venue_tba = forms.BooleanField(label=_("The venue is still to be announced"), required=False)
    address = forms.CharField(label=_("Address (optional)"), max_length=300, required=False)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    timezone = forms.ChoiceField(
        label=_("Time zone"), choices=time_zone_choices, required=False,
        help_text=_("Only needed where a country has several, such as the United States."),
    )  # fmt: skip
    signup_method = forms.ChoiceField(
        label=_("How do people sign up?"),
        widget=forms.RadioSelect,
        initial=SignupMethod.NATIVE,
        choices=[
            (SignupMethod.NATIVE, _("On this site")),
            (SignupMethod.EXTERNAL, _("Elsewhere (Facebook, lu.ma, Eventbrite, Meetup, ...)")),
        ],
    )
    signup_url = forms.URLField(label=_("Link to the signup page"), max_length=500, required=False)
    description = forms.CharField(
        label=_("About the event (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    proposer_name = forms.CharField(label=_("Your name"), max_length=150)
    proposer_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send you a link to confirm it. Coordinators use it to reach you."),
    )
    proposer_phone = forms.CharField(
        label=_("Your phone number (optional)"), max_length=40, required=False
    )
    note = forms.CharField(
        label=_("Anything the coordinators should know? (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    accept_outside_window = forms.BooleanField(
        label=_("Yes, the date is outside the campaign's dates on purpose"), required=False
    )

    PROPOSER_FIELDS = ("proposer_name", "proposer_email", "proposer_phone")

    def __init__(self, *args, campaign: Campaign | None, with_proposer: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.is_outside_window = False
        if not with_proposer:
            for name in self.PROPOSER_FIELDS:
                del self.fields[name]
        if campaign is not None:
            window = format_date_window(campaign.starts_on, campaign.ends_on)
            self.fields["day"].help_text = _("The campaign runs %(window)s.") % {"window": window}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("venue", "").strip() and not cleaned.get("venue_tba"):
            self.add_error(
                "venue", _("Give the venue or meeting point, or tick “still to be announced”.")
            )
        if cleaned.get("venue_tba"):
            cleaned["venue"] = ""
        if cleaned.get("signup_method") == self.SignupMethod.EXTERNAL and not cleaned.get(
            "signup_url"
        ):
            self.add_error("signup_url", _("Give the link where people sign up."))
        if cleaned.get("signup_method") == self.SignupMethod.NATIVE:
            cleaned["signup_url"] = ""
        day, starts, ends = cleaned.get("day"), cleaned.get("starts"), cleaned.get("ends")
        country = cleaned.get("country")
        if day and starts and ends and country:
            zone = cleaned.get("timezone") or country_zone(country, day, starts)
            if zone is None:
                self.add_error(
                    "timezone",
                    _("%(country)s has several time zones: choose the event’s.")
                    % {"country": country_name(country)},
                )
                return cleaned
            cleaned["timezone"] = zone
            cleaned["starts_at"] = datetime.combine(day, starts, tzinfo=ZoneInfo(zone))
            cleaned["ends_at"] = datetime.combine(day, ends, tzinfo=ZoneInfo(zone))
            if ends <= starts:
                self.add_error("ends", _("The event has to end after it starts."))
            campaign = self.campaign
            if campaign is not None and not campaign.starts_on <= day <= campaign.ends_on:
                self.is_outside_window = True
                if not cleaned.get("accept_outside_window"):
                    self.add_error(
                        "day",
                        _("This date is outside the campaign (%(window)s). If that is on "
                          "purpose, tick the box at the end of the form and send it again.")
                        % {"window": format_date_window(campaign.starts_on, campaign.ends_on)},
                    )  # fmt: skip
        return cleaned

    def event_details(self) -> EventDetails:
        data = self.cleaned_data
        return EventDetails(
            title=data["title"], city=data["city"], country=data["country"],
            venue=data["venue"], address=data["address"], timezone=data["timezone"],
            starts_at=data["starts_at"], ends_at=data["ends_at"],
            signup_url=data["signup_url"], description=data["description"],
        )  # fmt: skip

    def proposer(self) -> Proposer:
        data = self.cleaned_data
        return Proposer(
            name=data["proposer_name"],
            email=data["proposer_email"],
            phone=data["proposer_phone"],
            language=get_language() or "en",
        )

    @staticmethod
    def initial_for(event) -> dict:
        """The form's values for an existing proposed event."""
        starts, ends = event.local_starts_at, event.local_ends_at
        return {
            "title": event.title, "city": event.city, "country": event.country,
            "venue": event.venue, "venue_tba": not event.venue, "address": event.address,
            "day": starts.date(), "starts": starts.time(), "ends": ends.time(),
            "timezone": event.timezone, "description": event.description,
            "signup_method": "external" if event.signup_url else "native",
            "signup_url": event.signup_url, "capacity": event.capacity,
            "note": event.proposal.note if hasattr(event, "proposal") else "",
        }  # fmt: skip


class DecisionForm(forms.Form):
    """A coordinator's decision on one proposal."""

    class Decision:
        APPROVE = "approve"
        REJECT = "reject"
        CHANGES = "changes"

    decision = forms.ChoiceField(
        choices=[(Decision.APPROVE, ""), (Decision.REJECT, ""), (Decision.CHANGES, "")],
        widget=forms.HiddenInput,
    )
    message = forms.CharField(
        label=_("Reason or requested changes (sent to the proposer)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") != self.Decision.APPROVE
            and not cleaned.get("message", "").strip()
        ):
            self.add_error(
                "message",
                _("Tell the proposer why.")
                if cleaned.get("decision") == self.Decision.REJECT
                else _("Say what should change."),
            )
        return cleaned
