"""Forms of the public signup and privacy pages and of the organizers' attendee pages."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .models import REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH

PHONE = re.compile(r"^\+?[0-9 ()./-]{6,30}$")
REFERRAL_CODE = re.compile(rf"^[{REFERRAL_ALPHABET}]{{{REFERRAL_CODE_LENGTH}}}$")


class SignupForm(forms.Form):
    # A name of zero-width spaces or fillers is no name (SingleLineField), not a blank line on
    # the organizers' attendee list: asked for in these words.
    name = SingleLineField(
        label=_("Your name"),
        max_length=150,
        error_messages={"invisible": _("Please give your name.")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send the confirmation and the calendar invite here."),
        max_length=254,
    )
    phone = SingleLineField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        help_text=_("Only the organizers see it, to reach you on the day."),
    )
    accepted_code_of_conduct = forms.BooleanField(
        label=_("I accept the protesters' code of conduct"),
        error_messages={"required": _("Please accept the code of conduct to sign up.")},
    )
    wants_updates = forms.BooleanField(
        label=_("Send me updates about this campaign"), required=False
    )
    # A field people never see; bots fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)
    # The share code of the participant who brought this person (bring a friend), if any.
    via = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Give a phone number with digits only, for example +31 6 12345678.")
            )
        return phone

    def clean_via(self) -> str:
        # A mangled or forged code must never stop a signup: it just counts for no one.
        via = self.cleaned_data["via"].strip().lower()
        return via if REFERRAL_CODE.match(via) else ""

    def is_honeypot_filled(self) -> bool:
        return bool(self.data.get("website", "").strip())


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
