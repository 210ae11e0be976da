"""Forms for press coverage: submitting a link, reviewing it, and filtering the press page."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .languages import language_choices
from .models import PressMention


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=lambda: [("", _("Not sure"))] + language_choices(get_language()),
    )


class SubmitMentionForm(forms.Form):
    """A link is enough; the rest is filled from the page when the server can read it."""

    url = forms.URLField(
        label=_("Link to the coverage"),
        max_length=1000,
        assume_scheme="https",
        error_messages={"invalid": _("Give a web address, for example https://example.org/story.")},
    )
    outlet = SingleLineField(
        label=_("Outlet"),
        max_length=200,
        required=False,
        help_text=_("Newspaper, channel or site. Leave empty to read it from the page."),
    )
    title = SingleLineField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to read it from the page."),
    )
    published_on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When it was published or broadcast, if you know."),
    )
    language = _language_field()
    kind = forms.ChoiceField(label=_("Kind"), choices=PressMention.Kind.choices)
    # A field people never see (hidden by CSS, skipped by keyboards and screen readers);
    # bots filling every input give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ReviewMentionForm(forms.ModelForm):
    """A coordinator corrects the details, then publishes or rejects."""

    language = _language_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    class Meta:
        model = PressMention
        fields = ["outlet", "title", "published_on", "language", "kind"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}


class PressFilterForm(forms.Form):
    """The press page's filters; choices are the values present in public coverage."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)
    outlet = forms.ChoiceField(label=_("Outlet"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, facets, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["year"].choices = every + [(str(y), str(y)) for y in facets.years]
        self.fields["language"].choices = every + facets.languages
        self.fields["outlet"].choices = every + [(o, o) for o in facets.outlets]
        self.fields["kind"].choices = every + facets.kinds
