"""Forms for signing in, managing roles and filtering the audit log."""

import string
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.groups.models import Group
from turnout.web.text import SingleLineField

from .roles import Role


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
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.order_by("-starts_on"), required=False
    )
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=LocalEvent.objects.select_related("campaign").order_by("-starts_at"),
        required=False,
    )
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.order_by("name"), required=False
    )

    REQUIRED_OBJECT = {Role.COORDINATOR: "campaign", Role.ORGANIZER: "event", Role.LEAD: "group"}

    def clean(self):
        cleaned = super().clean()
        field = self.REQUIRED_OBJECT.get(cleaned.get("role"))
        if field and not cleaned.get(field):
            self.add_error(field, _("Choose which one for this role."))
        return cleaned

    def role_object(self):
        field = self.REQUIRED_OBJECT.get(self.cleaned_data["role"])
        return self.cleaned_data[field] if field else None


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("What"), required=False)
    person = forms.CharField(label=_("Person (email)"), required=False, max_length=254)

    def __init__(self, *args, actions: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [("", _("Everything")), *actions]
