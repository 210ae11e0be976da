"""The events index's accessibility filters: checkboxes that work without JavaScript."""

from django import forms

from turnout.campaigns.day_details import ACCESSIBILITY_FEATURES


class AccessibilityFilterForm(forms.Form):
    """One checkbox per feature (day_details.ACCESSIBILITY_FEATURES); ticked means "only
    events that said yes"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in ACCESSIBILITY_FEATURES:
            self.fields[name] = forms.BooleanField(label=label, required=False)

    def features(self) -> list[str]:
        """The ticked features, or none when the query is not understood."""
        if not self.is_valid():
            return []
        return [name for name, _label in ACCESSIBILITY_FEATURES if self.cleaned_data.get(name)]
