"""The "Organize in your area" form and the coordinators' decision form."""

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from babel.lists import format_list
from django import forms
from django.core.validators import URLValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from turnout.localization.formatting import country_name, format_date_window
from turnout.places.forms import CityInput
from turnout.places.gazetteer import (
    City,
    country_code,
    find_cities,
    gazetteer,
    normalize_name,
    resolve_city,
    visitor_country,
)
from turnout.web.text import SingleLineField

from ..models import MAX_CAPACITY, MAX_DESCRIPTION_LENGTH, Campaign, LocalEvent
from ..validators import available_time_zones
from .services import EventDetails, Proposer

MAX_SUGGESTIONS = 5
MAX_NOTE_LENGTH = 2000  # a word to the coordinators, not a place to store megabytes
# Shorter prefixes than this match too many places to be useful suggestions.
MIN_SUGGESTION_PREFIX = 3


def suggest_cities(typed: str, *, language: str) -> list[City]:
    """Cities close to a name the gazetteer does not know: the longest prefix that matches.

    "Groningn" finds nothing, "Groning" finds Groningen: a typo near the end still gets help.
    """
    name = typed.partition(",")[0].strip()
    for length in range(len(name), MIN_SUGGESTION_PREFIX - 1, -1):
        found = find_cities(
            name[:length], language=language, limit=MAX_SUGGESTIONS,
            prefer_country=visitor_country(language=language),
        )  # fmt: skip
        if found:
            return found
    return []


# A meeting link is opened by participants' browsers: only web links, never ftp: or others.
validate_meeting_url = URLValidator(
    schemes=["http", "https"],
    message=_("Give the web address of the meeting, starting with https://."),
)


def time_zone_choices() -> list[tuple[str, str]]:
    # Called when a form is built, not at import: reading the zone database takes a while.
    return [("", "---------")] + [(name, name) for name in sorted(available_time_zones())]


def place_label(city: str, country: str, language: str | None = None) -> str:
    """ "Groningen, Netherlands": how a chosen city reads in the form, as a suggestion does."""
    return f"{city}, {country_name(country, language)}"


class ProposalForm(forms.Form):
    """A proposed local event; without `with_proposer` it edits one (the proposer is known)."""

    class SignupMethod:
        NATIVE = "native"
        EXTERNAL = "external"

    title = SingleLineField(
        label=_("Title"), max_length=200, required=False,
        help_text=_("Optional. Leave empty and we name it after the campaign and your city."),
    )  # fmt: skip
    attendance_mode = forms.ChoiceField(
        label=_("Where does it take place?"), widget=forms.RadioSelect,
        choices=LocalEvent.AttendanceMode.choices, initial=LocalEvent.AttendanceMode.IN_PERSON,
        required=False,  # left out (as by a form from before online events): in person
        help_text=_("An online event has no city or venue: people join through its link."),
    )  # fmt: skip
    meeting_url = forms.URLField(
        label=_("Meeting link"), max_length=500, required=False,
        validators=[validate_meeting_url],
        help_text=_("Zoom, Teams, Jitsi, Google Meet, ... Only participants who confirmed their "
                    "place see it."),
    )  # fmt: skip
    timezone = forms.ChoiceField(
        label=_("Time zone"), required=False, choices=time_zone_choices,
        help_text=_("For an online event: the time zone of the times you give."),
    )  # fmt: skip
    city = SingleLineField(
        label=_("City or town"), max_length=200, widget=CityInput(), required=False,
        help_text=_("Start typing and pick your city from the suggestions; the country and the "
                    "time zone follow from it."),
    )  # fmt: skip
    venue = SingleLineField(
        label=_("Venue or meeting point"), max_length=200, required=False,
        help_text=_("For example “Dam Square, by the National Monument”."),
    )  # fmt: skip
    venue_tba = forms.BooleanField(label=_("The venue is still to be announced"), required=False)
    address = SingleLineField(label=_("Address (optional)"), max_length=300, required=False)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
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
    capacity = forms.IntegerField(
        label=_("Places (optional)"), min_value=1, max_value=MAX_CAPACITY, required=False,
        help_text=_("Leave empty for no limit."),
    )  # fmt: skip
    description = forms.CharField(
        label=_("About the event (optional)"), required=False, max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    proposer_name = SingleLineField(label=_("Your name"), max_length=150)
    proposer_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send you a link to confirm it. Coordinators use it to reach you."),
    )
    proposer_phone = SingleLineField(
        label=_("Your phone number (optional)"), max_length=40, required=False
    )
    note = forms.CharField(
        label=_("Anything the coordinators should know? (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_NOTE_LENGTH,
    )  # fmt: skip
    accept_outside_window = forms.BooleanField(
        label=_("Yes, the date is outside the campaign's dates on purpose"), required=False
    )

    PROPOSER_FIELDS = ("proposer_name", "proposer_email", "proposer_phone")

    def __init__(
        self,
        *args,
        campaign: Campaign | None,
        event: LocalEvent | None = None,
        with_proposer: bool = True,
        **kwargs,
    ):
        if event is not None:
            kwargs["initial"] = {**self.initial_for(event), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.event = event
        self.place: dict | None = None  # city, country, timezone, latitude, longitude
        self.is_outside_window = False
        if not with_proposer:
            for name in self.PROPOSER_FIELDS:
                del self.fields[name]
        if campaign is not None:
            window = format_date_window(campaign.starts_on, campaign.ends_on)
            self.fields["day"].help_text = _("The campaign runs %(window)s.") % {"window": window}

    def clean_city(self) -> str:
        """Find the city in the gazetteer; its country, coordinates and time zone come with it."""
        typed = self.cleaned_data["city"].strip()
        if (
            not typed
            or self.cleaned_data.get("attendance_mode") == LocalEvent.AttendanceMode.ONLINE
        ):
            return typed  # no place to look up: clean() asks for one unless the event is online
        event = self.event
        if event is not None and normalize_name(typed) in {
            normalize_name(event.city),
            normalize_name(self.initial.get("city", "")),
        }:
            # An existing event keeps its place (which may be a village the gazetteer lacks).
            self.place = {
                "city": event.city, "country": event.country, "timezone": event.timezone,
                "latitude": event.latitude, "longitude": event.longitude,
            }  # fmt: skip
            return typed
        language = get_language() or "en"
        city = resolve_city(typed)
        if city is None:
            suggestions = [
                found.label(language) for found in suggest_cities(typed, language=language)
            ]
            self.fields["city"].widget.suggestions = suggestions
            if suggestions:
                message = _(
                    "We could not find “%(city)s”. Did you mean %(suggestions)s? Pick one from the "
                    "list. If your town is not in it, choose the nearest larger town and give the "
                    "exact place as the venue or the address."
                )
            else:
                message = _(
                    "We could not find “%(city)s”. Check the spelling, or add the country, as in "
                    "“Paris, France”. If your town is not known to us, choose the nearest larger "
                    "town and give the exact place as the venue or the address."
                )
            raise forms.ValidationError(
                message,
                code="unknown_city",
                params={
                    "city": typed,
                    "suggestions": format_list(
                        [f"“{label}”" for label in suggestions], style="or", locale=language
                    ),
                },
            )
        self.place = {
            "city": city.localized_name(language), "country": city.country,
            "timezone": city.timezone, "latitude": city.latitude, "longitude": city.longitude,
        }  # fmt: skip
        return place_label(self.place["city"], city.country, language)

    def clean(self):
        cleaned = super().clean()
        mode = cleaned.get("attendance_mode") or LocalEvent.AttendanceMode.IN_PERSON
        if mode == LocalEvent.AttendanceMode.ONLINE:
            self._clean_online(cleaned)
        else:
            self._clean_in_person(cleaned)
        if mode == LocalEvent.AttendanceMode.IN_PERSON:
            cleaned["meeting_url"] = ""  # nothing to join: a stale link is not kept
        elif not cleaned.get("meeting_url") and "meeting_url" not in self.errors:
            self.add_error(
                "meeting_url", _("Give the meeting link people use to join the event online.")
            )
        if cleaned.get("signup_method") == self.SignupMethod.EXTERNAL and not cleaned.get(
            "signup_url"
        ):
            self.add_error("signup_url", _("Give the link where people sign up."))
        if cleaned.get("signup_method") == self.SignupMethod.NATIVE:
            cleaned["signup_url"] = ""
        day, starts, ends = cleaned.get("day"), cleaned.get("starts"), cleaned.get("ends")
        if day and starts and ends:
            if self.place is not None:  # wall-clock times in the city's own time zone
                zone = ZoneInfo(self.place["timezone"])
                cleaned["starts_at"] = datetime.combine(day, starts, tzinfo=zone)
                cleaned["ends_at"] = datetime.combine(day, ends, tzinfo=zone)
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

    def _clean_in_person(self, cleaned: dict) -> None:
        if not cleaned.get("city") and "city" not in self.errors:
            self.add_error(
                "city", _("Give the city or town. If the event has no place, choose “Online”.")
            )
        if not cleaned.get("venue", "").strip() and not cleaned.get("venue_tba"):
            self.add_error(
                "venue", _("Give the venue or meeting point, or tick “still to be announced”.")
            )
        if cleaned.get("venue_tba"):
            cleaned["venue"] = ""

    def _clean_online(self, cleaned: dict) -> None:
        """No place: whatever was typed in the place fields is dropped, the times are read in
        the chosen time zone."""
        cleaned.update(city="", venue="", address="", venue_tba=False)
        zone = cleaned.get("timezone")
        if not zone:
            self.add_error(
                "timezone", _("Choose the time zone of the times you give for the online event.")
            )
            return
        self.place = {"city": "", "country": "", "timezone": zone, "latitude": None,
                      "longitude": None}  # fmt: skip

    def event_details(self) -> EventDetails:
        data, place = self.cleaned_data, self.place
        if place is None:
            raise ValueError("event_details() needs a form that passed validation")
        return EventDetails(
            title=data["title"], city=place["city"], country=place["country"],
            latitude=place["latitude"], longitude=place["longitude"],
            venue=data["venue"], address=data["address"], timezone=place["timezone"],
            starts_at=data["starts_at"], ends_at=data["ends_at"],
            signup_url=data["signup_url"], description=data["description"],
            attendance_mode=data["attendance_mode"] or LocalEvent.AttendanceMode.IN_PERSON,
            meeting_url=data["meeting_url"], capacity=data.get("capacity"),
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
            "title": event.title,
            "city": place_label(event.city, event.country) if event.city else "",
            "attendance_mode": event.attendance_mode, "meeting_url": event.meeting_url,
            "timezone": event.timezone,
            "venue": event.venue, "venue_tba": not event.venue, "address": event.address,
            "day": starts.date(), "starts": starts.time(), "ends": ends.time(),
            "description": event.description,
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
        # Approve, and publish the proposer's later proposals without review.
        APPROVE_AND_TRUST = "approve_trust"
        APPROVE_AND_TRUST_EVERYWHERE = "approve_trust_everywhere"
        # Held as possible spam, but it is not: into the ordinary queue.
        RELEASE = "release"

    # Decisions that need no message to the proposer.
    WITHOUT_MESSAGE = (
        Decision.APPROVE,
        Decision.APPROVE_AND_TRUST,
        Decision.APPROVE_AND_TRUST_EVERYWHERE,
        Decision.RELEASE,
    )

    decision = forms.ChoiceField(
        choices=[
            (Decision.APPROVE, ""),
            (Decision.REJECT, ""),
            (Decision.CHANGES, ""),
            (Decision.APPROVE_AND_TRUST, ""),
            (Decision.APPROVE_AND_TRUST_EVERYWHERE, ""),
            (Decision.RELEASE, ""),
        ],
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
            cleaned.get("decision") not in self.WITHOUT_MESSAGE
            and not cleaned.get("message", "").strip()
        ):
            self.add_error(
                "message",
                _("Tell the proposer why.")
                if cleaned.get("decision") == self.Decision.REJECT
                else _("Say what should change."),
            )
        return cleaned


def initial_place(query) -> dict:
    """The city a link fills in (`?city=Zurich&country=CH`, from "Host one here" after a
    nearby search): only a place the gazetteer knows, in the page's language, so a link
    cannot put other text into someone's form. An unknown country is ignored."""
    city, country = query.get("city", ""), query.get("country", "")
    if not isinstance(city, str) or not city.strip() or len(city) > 200:
        return {}
    is_code = isinstance(country, str) and len(country) == 2 and country.isascii()
    code = country_code(country) if is_code else None
    known = resolve_city(city.strip(), country=code if code in _countries_with_cities() else None)
    if known is None:
        return {}
    language = get_language() or "en"
    return {"city": place_label(known.localized_name(language), known.country, language)}


@cache
def _countries_with_cities() -> frozenset[str]:
    return frozenset(city.country for city in gazetteer().cities.values())
