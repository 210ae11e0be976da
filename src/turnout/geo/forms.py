"""The events index's filters (the city field itself is `turnout.places.forms.CityInput`)."""

from typing import cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from turnout.places.forms import CityInput

from .distance import Units
from .radii import DEFAULT_RADIUS, RADIUS_CHOICES, allowed_radius, radius_km
from .selectors import (
    Origin,
    UnknownPlace,
    campaigns_for_filter,
    countries_with_events,
    parse_origin,
)


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
        if self.is_bound:
            # The box shows the radius the search uses: the default when none was given (the
            # home page's search), the next larger choice for one that is not offered.
            data = QueryDict(mutable=True)
            data.update(self.data)
            data["radius"] = str(allowed_radius(self.data.get("radius"), self.chosen_units))
            self.data = data
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
        cleaned["radius_km"] = radius_km(radius, self.chosen_units)
        cleaned["radius"] = radius
        cleaned["past"] = cleaned.get("when") == self.When.PAST
        return cleaned
