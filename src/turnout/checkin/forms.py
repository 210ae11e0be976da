"""The door page's forms: each works as a plain HTML form, without JavaScript."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .sheet_csv import MAX_BYTES


class SearchForm(forms.Form):
    q = SingleLineField(label=_("Find by name"), required=False, max_length=100)


class CodeForm(forms.Form):
    code = SingleLineField(
        label=_("Check-in code"),
        max_length=200,  # a scanned URL arrives here too
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class WalkInForm(forms.Form):
    name = SingleLineField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    may_contact = forms.BooleanField(
        label=_("May we contact them about this campaign?"), required=False
    )
    # New with every form shown, the same when one form is sent twice (services.WalkIn).
    form_key = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64,
        initial=lambda: secrets.token_urlsafe(16),
    )  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("may_contact") and not cleaned.get("email"):
            self.add_error("email", _("To be contacted, they need to give an email address."))
        return cleaned


class SheetUploadForm(forms.Form):
    sheet = forms.FileField(
        label=_("Filled sign-in sheet (CSV, Excel or OpenDocument)"),
        help_text=_(
            "Columns name, email, contact, present (or naam, e-mail, contact, aanwezig); "
            "CSV with commas or semicolons, or the spreadsheet file itself (.xlsx, .ods)."
        ),
    )

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if sheet.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too large: a sign-in sheet fits in 1 MB."))
        return sheet
