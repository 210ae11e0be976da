"""Forms leads use to keep their group's page current."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import MAX_DESCRIPTION_LENGTH
from turnout.web.text import SingleLineField

from .channels import ChannelKind, normalize_channel
from .models import Group
from .services import ChannelEntry


class GroupPageForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "city", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page about the group, as long as an event's: not a place to store megabytes.
        description = self.fields["description"]
        description.max_length = MAX_DESCRIPTION_LENGTH
        description.validators.append(MaxLengthValidator(MAX_DESCRIPTION_LENGTH))


class ChannelForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Channel"), choices=[("", "—"), *ChannelKind.choices], required=False
    )
    address = SingleLineField(label=_("Link or address"), max_length=500, required=False)
    label = SingleLineField(label=_("Label (optional)"), max_length=100, required=False)

    def clean(self):
        cleaned = super().clean()
        kind, address = cleaned.get("kind"), cleaned.get("address", "").strip()
        if not kind and not address:
            return cleaned  # an empty row: nothing to add
        if not kind:
            self.add_error("kind", _("Choose which kind of channel this is."))
        elif not address:
            self.add_error("address", _("Give the link or the address."))
        else:
            try:
                cleaned["address"] = normalize_channel(kind, address)
            except ValidationError as error:
                self.add_error("address", error)
        return cleaned

    def entry(self) -> ChannelEntry | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not data.get("kind"):
            return None
        return ChannelEntry(kind=data["kind"], address=data["address"], label=data.get("label", ""))


# The form offers thirty rows; a post with more is refused, not stored (validate_max).
ChannelFormSet = forms.formset_factory(
    ChannelForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


def channel_initial(group: Group) -> list[dict]:
    return [{"kind": c.kind, "address": c.address, "label": c.label} for c in group.channels.all()]
