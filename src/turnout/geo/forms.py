"""The events index's filters (the city field itself is `turnout.places.forms.CityInput`)."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from turnout.places.forms import CityInput

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

RADIUS_CHOICES = {
    Units.KILOMETRES: (25, 50, 100, 250, 500),
    Units.MILES: (20, 30, 60, 150, 300),
}
DEFAULT_RADIUS = {Units.KILOMETRES: DEFAULT_RADIUS_KM, Units.MILES: 60}


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
