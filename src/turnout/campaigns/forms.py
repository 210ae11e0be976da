"""Forms that translate between HTTP and campaigns' services."""

from copy import copy
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turnout.places.forms import PlaceFieldsMixin

from .day_details import ACCESSIBILITY_FIELDS, DAY_FIELDS
from .models import LocalEvent
from .services import refuse_fewer_places_than_held
from .validators import available_time_zones

LOCAL_TIME_FIELDS = ("starts_at", "ends_at")


class KnownYesNoSelect(forms.NullBooleanSelect):
    """A yes/no question the organizer may leave unanswered: "Not known / Yes / No"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("Not known")),
            ("true", _("Yes")),
            ("false", _("No")),
        ]


def known_yes_no_field(label, help_text="") -> forms.NullBooleanField:
    return forms.NullBooleanField(
        label=label, required=False, widget=KnownYesNoSelect, help_text=help_text
    )


class LocalEventAdminForm(PlaceFieldsMixin, forms.ModelForm):
    """Start and end are typed as wall-clock times in the event's own time zone."""

    timezone = forms.ChoiceField(
        label=_("time zone"),
        choices=lambda: [(name, name) for name in sorted(available_time_zones())],
        initial="UTC",
    )

    class Meta:
        model = LocalEvent
        fields = [
            "campaign", "title", "status", "description", "attendance_mode", "meeting_url",
            "city", "country", "venue",
            "address", "latitude", "longitude", "timezone", "starts_at", "ends_at",
            "signup_url", "capacity", "organizers", "group",
            *DAY_FIELDS,
        ]  # fmt: skip
        widgets = dict.fromkeys(ACCESSIBILITY_FIELDS, KnownYesNoSelect)
        help_texts = {
            "starts_at": _("Local time at the event's place."),
            "ends_at": _("Local time at the event's place."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = ZoneInfo(self.instance.timezone)
            for name in LOCAL_TIME_FIELDS:
                value: datetime = getattr(self.instance, name)
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if self.instance.pk:
            # Said beside the field; saving asks again under the event's lock.
            lowered = copy(self.instance)
            lowered.capacity = capacity
            refuse_fewer_places_than_held(lowered, before=self.instance.capacity)
        return capacity

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in LOCAL_TIME_FIELDS:
                value = cleaned.get(name)
                if value is not None:
                    # The widget made it aware in the server's zone; reinterpret the wall time.
                    wall_time = timezone.make_naive(value).replace(fold=0)
                    cleaned[name] = wall_time.replace(tzinfo=zone)
                    setattr(self.instance, name, cleaned[name])
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        return cleaned
