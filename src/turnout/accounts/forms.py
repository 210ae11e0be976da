"""Forms for signing in, managing roles and filtering the audit log."""

import string
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .roles import Role, role_objects


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        digits = "".join(c for c in self.cleaned_data["code"] if c in string.digits)
        if len(digits) != 6:
            raise ValidationError(_("The code has six digits."))
        return digits


class RoleForm(forms.Form):
    """Give someone a role: an email address, the role and the object it is held on."""

    email = forms.EmailField(label=_("Email address"))
    name = SingleLineField(
        label=_("Name"), max_length=150, required=False, help_text=_("For new people only.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One field per kind of object a role is held on (campaign, event, group), as the
        # apps that own them registered it.
        self.required_object = {}
        for role, held_on in role_objects().items():
            self.fields[held_on.form_field] = forms.ModelChoiceField(
                label=held_on.label, queryset=held_on.choices(), required=False
            )
            self.required_object[role] = held_on.form_field

    def clean(self):
        cleaned = super().clean()
        field = self.required_object.get(cleaned.get("role"))
        if field and not cleaned.get(field):
            self.add_error(field, _("Choose which one for this role."))
        return cleaned

    def role_object(self):
        field = self.required_object.get(self.cleaned_data["role"])
        return self.cleaned_data[field] if field else None


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("What"), required=False)
    person = forms.CharField(label=_("Person (email)"), required=False, max_length=254)

    def __init__(self, *args, actions: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [("", _("Everything")), *actions]
