"""Forms for places: the events index's filters, and city fields that fill in the rest."""

from typing import cast

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .distance import Units
from .selectors import (
    DEFAULT_RADIUS_KM,
    MAX_RADIUS_KM,
    MIN_RADIUS_KM,
    Origin,
    UnknownPlace,
    campaigns_for_filter,
    countries_with_events,
    parse_origin,
)
from .services import look_up_place

RADIUS_CHOICES = {
    Units.KILOMETRES: (25, 50, 100, 250, 500),
    Units.MILES: (20, 30, 60, 150, 300),
}
DEFAULT_RADIUS = {Units.KILOMETRES: DEFAULT_RADIUS_KM, Units.MILES: 60}


class CityInput(forms.TextInput):
    """A text field with suggestions from the gazetteer as one types (a plain <datalist>).

    Without JavaScript it is an ordinary text field, and the server resolves what was typed;
    a form that could not resolve it may put its own `suggestions` (labels) in the list, which
    browsers offer without any script.
    """

    template_name = "geo/widgets/city_input.html"

    def __init__(self, *, country_field: str | None = None, attrs=None):
        attrs = {"autocomplete": "off", "spellcheck": "false", **(attrs or {})}
        super().__init__(attrs)
        self.country_field = country_field
        self.suggestions: list[str] = []

    class Media:
        js = ["geo/city-suggestions.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        list_id = f"{widget_attrs.get('id') or name}-suggestions"
        widget_attrs["list"] = list_id
        widget_attrs["data-suggest-url"] = str(reverse_lazy("api:cities"))
        if self.country_field:
            widget_attrs["data-country-field"] = self.country_field
        context["widget"]["list_id"] = list_id
        context["widget"]["suggestions"] = self.suggestions
        return context


class PlaceFieldsMixin:
    """For model forms with city, country, latitude, longitude and timezone fields.

    The city gets suggestions; on save an empty country, empty coordinates and an empty time
    zone ("automatic") are filled from the gazetteer, and a changed city moves the coordinates.
    Put it before `forms.ModelForm` in the bases; it runs before the subclass's own `clean()`
    goes on, so wall-clock times can be read in the zone it found.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        if "city" in fields:
            country_field = self.add_prefix("country") if "country" in fields else None
            fields["city"].widget = CityInput(
                country_field=f"id_{country_field}" if country_field else None
            )
            fields["city"].help_text = _(
                "Pick a suggestion; coordinates and time zone are filled in for you."
            )
        if "country" in fields:
            fields["country"].required = False
        if "timezone" in fields:
            zone = fields["timezone"]
            zone.required = False
            automatic = ("", _("Automatic, from the city"))
            zone.choices = [automatic, *[c for c in zone.choices if c[0]]]
            if not self.instance.pk:
                self.initial["timezone"] = ""
                zone.initial = ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attendance_mode") == "online":  # no place to look up
            if "timezone" in self.fields and not cleaned.get("timezone"):
                self.add_error("timezone", _("Choose the time zone of an online event."))
            return cleaned
        city = (cleaned.get("city") or "").strip()
        changed = set(self.changed_data)
        moved = bool(self.instance.pk) and bool({"city", "country"} & changed)
        needs_country = "country" in self.fields and not cleaned.get("country")
        needs_zone = "timezone" in self.fields and not cleaned.get("timezone")
        coordinates_typed = {"latitude", "longitude"} & changed
        needs_coordinates = cleaned.get("latitude") is None or cleaned.get("longitude") is None
        needs_coordinates = needs_coordinates or (moved and not coordinates_typed)
        details = None
        if city and (needs_country or needs_zone or needs_coordinates):
            details = look_up_place(city=city, country=cleaned.get("country"))
        if details is not None:
            if needs_country:
                cleaned["country"] = details.city.country
            if needs_coordinates and "latitude" in self.fields:
                cleaned["latitude"], cleaned["longitude"] = details.latitude, details.longitude
            if needs_zone:
                cleaned["timezone"] = details.timezone
        else:
            if needs_country:
                self.add_error("country", _("Give the country's two-letter code, such as NL."))
            if needs_zone and city:
                self.add_error(
                    "timezone",
                    _(
                        "We could not find “%(city)s” to set its time zone: choose the time zone,"
                        " or check the spelling of the city and the country."
                    )
                    % {"city": city},
                )
        return cleaned


class EventFilterForm(forms.Form):
    """The events index's filters; every field is optional."""

    class When:
        UPCOMING = "upcoming"
        PAST = "past"

    near = forms.CharField(
        label=_("Near"),
        required=False,
        max_length=120,
        widget=CityInput(),
        help_text=_("A city in any language, such as “Londen” or “Paris, France”."),
    )
    radius = forms.TypedChoiceField(label=_("Within"), coerce=int, required=False)
    units = forms.ChoiceField(
        label=_("Units"),
        required=False,
        choices=[
            (Units.KILOMETRES.value, pgettext_lazy("units", "kilometres")),
            (Units.MILES.value, pgettext_lazy("units", "miles")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(When.UPCOMING, _("Upcoming")), (When.PAST, _("Past"))],
    )

    def __init__(self, *args, language: str, default_units: Units, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["near"].widget.attrs["aria-describedby"] = "near-help"
        chosen = self.data.get("units") if self.is_bound else None
        self.chosen_units = Units(chosen) if chosen in set(Units) else default_units
        self.fields["units"].initial = self.chosen_units.value
        symbol = {Units.KILOMETRES: _("%(count)d km"), Units.MILES: _("%(count)d mi")}
        cast(forms.ChoiceField, self.fields["radius"]).choices = [
            (value, symbol[self.chosen_units] % {"count": value})
            for value in RADIUS_CHOICES[self.chosen_units]
        ]
        self.fields["radius"].initial = DEFAULT_RADIUS[self.chosen_units]
        cast(forms.ChoiceField, self.fields["country"]).choices = [
            ("", _("All countries")),
            *countries_with_events(language=language),
        ]
        cast(forms.ChoiceField, self.fields["campaign"]).choices = [
            ("", _("All campaigns")),
            *((campaign.slug, campaign.title) for campaign in campaigns_for_filter()),
        ]

    def clean_near(self) -> Origin | None:
        text = self.cleaned_data["near"].strip()
        if not text:
            return None
        try:
            return parse_origin(text, language=self.language)
        except UnknownPlace:
            raise forms.ValidationError(
                _(
                    "We could not find a place called “%(place)s”. Check the spelling, or add the"
                    " country: “Paris, France”."
                ),
                code="unknown_place",
                params={"place": text},
            ) from None

    def clean(self):
        cleaned = super().clean()
        cleaned["units"] = self.chosen_units
        radius = cleaned.get("radius") or DEFAULT_RADIUS[self.chosen_units]
        radius_km = self.chosen_units.to_km(radius)
        # The choices keep within these bounds already; this guards the rule itself.
        cleaned["radius_km"] = min(max(radius_km, MIN_RADIUS_KM), MAX_RADIUS_KM)
        cleaned["radius"] = radius
        cleaned["past"] = cleaned.get("when") == self.When.PAST
        return cleaned
