"""The organizers' forms for roles: add one, change one, ask an attendee to take one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .models import MAX_PLACES, EventRole


class RoleChangeForm(forms.Form):
    custom_name = SingleLineField(
        label=_("Name of your own role"),
        max_length=80,
        required=False,
        help_text=_("Only for a role of your own, such as “Banner carrier”."),
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=MAX_PLACES)
    briefing = forms.CharField(
        label=_("Briefing"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the people in this role see it: on their page and in their emails."),
    )
    is_required = forms.BooleanField(
        label=_("This event needs this role"),
        required=False,
        help_text=_("The campaign's coordinators see events where it is not filled."),
    )


class RoleForm(RoleChangeForm):
    kind = forms.ChoiceField(label=_("Role"), choices=EventRole.Kind.choices)

    field_order = ["kind", "custom_name", "capacity", "briefing", "is_required"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == EventRole.Kind.OTHER and not data.get("custom_name"):
            self.add_error("custom_name", _("Give your own role a name."))
        return data


class AttendeeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.email})" if obj.name else obj.email


class AskForm(forms.Form):
    role = forms.ModelChoiceField(label=_("Role"), queryset=EventRole.objects.none())
    signup = AttendeeChoiceField(
        label=_("Confirmed attendee"),
        queryset=EventRole.objects.none(),
        help_text=_("They get an email and answer on their signup page."),
    )

    def __init__(self, *args, roles, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        role_field = self.fields["role"]
        assert isinstance(role_field, forms.ModelChoiceField)
        role_field.queryset = roles
        role_field.label_from_instance = lambda role: role.name
        signup_field = self.fields["signup"]
        assert isinstance(signup_field, forms.ModelChoiceField)
        signup_field.queryset = attendees
