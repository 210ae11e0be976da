"""The city field: suggestions from the gazetteer as one types, and the place filled in on save."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .lookup import look_up_place


class CityInput(forms.TextInput):
    """A text field with suggestions from the gazetteer as one types (a plain <datalist>).

    Without JavaScript it is an ordinary text field, and the server resolves what was typed;
    a form that could not resolve it may put its own `suggestions` (labels) in the list, which
    browsers offer without any script.
    """

    template_name = "places/widgets/city_input.html"

    def __init__(self, *, country_field: str | None = None, attrs=None):
        attrs = {"autocomplete": "off", "spellcheck": "false", **(attrs or {})}
        super().__init__(attrs)
        self.country_field = country_field
        self.suggestions: list[str] = []

    class Media:
        js = ["places/city-suggestions.js"]

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
