"""The one choice each alert offers: how often (or not at all)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FREQUENCIES, Frequency


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), widget=forms.RadioSelect)

    def __init__(self, data=None, *, kind: str, initial_frequency: str, prefix: str):
        super().__init__(data, initial={"frequency": initial_frequency}, prefix=prefix)
        labels = dict(Frequency.choices)
        field = self.fields["frequency"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(value, labels[value]) for value in FREQUENCIES[kind]]
